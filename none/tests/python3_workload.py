# The workload of real_python3.vgtest (given to python3 -c): the
# interpreter's objects, big integers, floats, strings, regular
# expressions, json, hashing and sorting.
import collections, hashlib, json, re, struct, zlib

words = ["w%d" % (i * 7919 % 1009) for i in range(30000)]
counts = collections.Counter(words)
print("distinct", len(counts), "top", counts.most_common(3))

table = {}
for i in range(20000):
    table.setdefault(i % 97, []).append(i * i)
print("buckets", len(table), sum(len(v) for v in table.values()),
      sum(sum(v) for v in table.values()) % 1000003)

n = 1
for k in range(1, 300):
    n *= k
print("300! mod 1e9+7 =", n % (10**9 + 7), "digits", len(str(n)))
print("Fermat 3^(p-1) mod p, p = 2**521-1:", pow(3, 2**521 - 2, 2**521 - 1))

s = sum(1.0 / (k * k) for k in range(1, 100000))
print("zeta(2) ~ %.12f" % s, repr(0.1 + 0.2), float.hex(1 / 3.0))

text = " ".join("%s-%d" % (w, len(w)) for w in words[:5000])
print("re", len(re.findall(r"w(\d{2,3})-(\d)", text)),
      re.sub(r"w(\d+)", lambda m: str(int(m.group(1)) * 2), "w1 w22 w333"))

blob = json.dumps({"counts": sorted(counts.items())[:50], "n": len(words)},
                  sort_keys=True).encode()
print("json", len(blob), hashlib.sha256(blob).hexdigest())
print("zlib", zlib.crc32(blob), len(zlib.compress(blob * 20, 9)))
print("struct", struct.pack("<iqd", -5, 2**40, 1.5).hex())

data = sorted(((i * 2654435761) % 2**32, i) for i in range(50000))
print("sorted", data[0], data[-1], data[25000])
