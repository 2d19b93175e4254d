#!/usr/bin/env python3
"""Counts, per superblock of a VEX trace (--trace-flags=00001001: the
tree-built IR and the final assembly, as Valgrind and our loops
--translate print them), the guest instructions (IMarks in the tree-built
IR: an unrolled loop counts each copy), the host instructions and the host
bytes.  Host instructions are counted by disassembling each printed host
instruction's bytes with objdump; bytes that follow a `call *%r11` or
`jmp *%r11` inside one printed instruction (our chain-me sites' never-
executed filler and far-jump slot) are counted as bytes but not as
instructions.

  count.py VG_TRACE OURS_TRACE VG_VERSION NAME=LO-HI [NAME=LO-HI...]

prints, for each superblock starting in one of the functions (NAME, its
address range), both sides' counts side by side, and per function the
loop's superblock (the one starting at the loop head, the most guest
instructions) as the headline ratio.
"""
import re
import subprocess
import sys
import tempfile
import os

_cache = {}


def host_insns(hexbytes):
    """Machine instructions in one printed host instruction's bytes."""
    key = tuple(hexbytes)
    if key in _cache:
        return _cache[key]
    data = bytes(int(h, 16) for h in hexbytes)
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
        name = f.name
    try:
        out = subprocess.check_output(
            ["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", name],
            text=True)
    finally:
        os.unlink(name)
    n = 0
    for line in out.splitlines():
        m = re.match(r"^\s+[0-9a-f]+:\t(?:[0-9a-f]{2} )+\s*\t(.*)$", line)
        if not m:
            continue
        n += 1
        text = m.group(1)
        if re.match(r"(call|jmp)\s+\*%r11", text):
            break
    _cache[key] = n
    return n


def parse(path):
    """Yields (address, guest_insns, host_insns, host_bytes) per SB."""
    sbs = []
    cur = None
    section = None
    prev = None
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("==== SB "):
                m = re.search(r"\] (0x[0-9a-fA-F]+)", line)
                cur = {"addr": int(m.group(1), 16), "guest": 0, "host": 0,
                       "bytes": 0}
                sbs.append(cur)
                section = None
                continue
            if cur is None:
                continue
            if re.match(r"^-{10,} +After tree-building", line):
                section = "trees"
                continue
            if re.match(r"^-{10,} +Assembly", line):
                section = "asm"
                prev = None
                continue
            if re.match(r"^-{10,} ", line):
                section = None
                continue
            if section == "trees" and "------ IMark(" in line:
                cur["guest"] += 1
            elif section == "asm":
                if re.match(r"^([0-9A-Fa-f]{2} )+\s*$", line) and prev:
                    hb = line.split()
                    cur["bytes"] += len(hb)
                    cur["host"] += host_insns(hb)
                    prev = None
                elif line.strip():
                    prev = line
    return sbs


def counts(path, funcs):
    res = {}
    for sb in parse(path):
        if sb["guest"] == 0 or sb["addr"] in res:
            continue
        for name, lo, hi in funcs:
            if lo <= sb["addr"] < hi:
                res[sb["addr"]] = sb
    return res


def main():
    vg_path, ours_path, vg_version = sys.argv[1:4]
    funcs = []
    for a in sys.argv[4:]:
        name, r = a.split("=")
        lo, hi = r.split("-")
        funcs.append((name, int(lo, 0), int(hi, 0)))
    vg = counts(vg_path, funcs)
    ours = counts(ours_path, funcs)

    def fmt(sb):
        if sb is None:
            return "%5s %5s %5s %6s %6s" % ("-", "-", "-", "-", "-")
        g = sb["guest"]
        return "%5d %5d %5d %6.2f %6.2f" % (g, sb["host"], sb["bytes"],
                                            sb["host"] / g, sb["bytes"] / g)

    print("%-14s | %-32s | %-32s" % ("", "Valgrind " + vg_version,
                                      "ours (this tree)"))
    hdr = "%5s %5s %5s %6s %6s" % ("guest", "insns", "bytes", "ins/g",
                                   "byt/g")
    print("%-14s | %-32s | %-32s" % ("superblock", hdr, hdr))
    for addr in sorted(set(vg) | set(ours)):
        name = "?"
        for n, lo, hi in funcs:
            if lo <= addr < hi:
                name = "%s+%d" % (n, addr - lo)
        print("%-14s | %-32s | %-32s" % (name, fmt(vg.get(addr)),
                                          fmt(ours.get(addr))))


if __name__ == "__main__":
    main()
