# Python threads whose output does not depend on their scheduling: a
# worker pool (concurrent.futures) mapping a function over inputs, a
# queue.Queue of jobs served by three worker threads until they get a
# sentinel, a counter under a threading.Lock, a threading.Barrier,
# threading.Event and threading.local.  Run by thr_python3_*.vgtest.
import hashlib
import queue
import threading
from concurrent.futures import ThreadPoolExecutor


def digest_rounds(n):
    data = str(n).encode()
    for _ in range(200):
        data = hashlib.sha256(data).digest()
    return data.hex()[:12]


with ThreadPoolExecutor(max_workers=4) as pool:
    for n, digest in zip(range(12), pool.map(digest_rounds, range(12))):
        print(f"pool: {n} -> {digest}")

jobs = queue.Queue()
results = queue.Queue()


def queue_worker():
    while True:
        job = jobs.get()
        if job is None:
            jobs.task_done()
            return
        results.put((job, sum(i * i for i in range(job * 1000))))
        jobs.task_done()


workers = [threading.Thread(target=queue_worker) for _ in range(3)]
for w in workers:
    w.start()
for job in range(30):
    jobs.put(job)
for _ in workers:
    jobs.put(None)
jobs.join()
for w in workers:
    w.join()
collected = sorted(results.get() for _ in range(results.qsize()))
print(f"queue: {len(collected)} results, total {sum(r for _, r in collected)}")

counter = 0
counter_lock = threading.Lock()


def add_many():
    global counter
    for _ in range(20000):
        with counter_lock:
            counter += 1


adders = [threading.Thread(target=add_many) for _ in range(4)]
for a in adders:
    a.start()
for a in adders:
    a.join()
print(f"lock: counter {counter}")

barrier = threading.Barrier(4)
phase_marks = []
marks_lock = threading.Lock()
local = threading.local()


def phased(me):
    local.name = f"t{me}"
    for phase in range(5):
        with marks_lock:
            phase_marks.append(phase)
        barrier.wait()
    with marks_lock:
        phase_marks.append(local.name)


phased_threads = [threading.Thread(target=phased, args=(i,)) for i in range(4)]
for t in phased_threads:
    t.start()
for t in phased_threads:
    t.join()
in_order = phase_marks[:20] == sorted(phase_marks[:20])
print(f"barrier: phases in order {in_order}, "
      f"thread-local names {sorted(phase_marks[20:])}")

started = threading.Event()
go = threading.Event()
answer = []


def waiter():
    started.set()
    go.wait()
    answer.append(42)


t = threading.Thread(target=waiter)
t.start()
started.wait()
go.set()
t.join()
print(f"event: {answer}")
