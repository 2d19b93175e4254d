import signal, subprocess, time, os
r = subprocess.run(['true'])
print("true:", r.returncode)
r = subprocess.run(['sh', '-c', 'exit 3'])
print("sh exit 3:", r.returncode)
got = []
def on_alarm(sig, frame):
    got.append(sig)
    raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
t0 = time.monotonic()
try:
    time.sleep(10)
    print("slept")
except TimeoutError as e:
    print("interrupted:", e, got == [signal.SIGALRM], time.monotonic() - t0 < 5)
signal.setitimer(signal.ITIMER_REAL, 0.05)
n = 0
try:
    while True:
        n += 1
except TimeoutError:
    print("busy loop interrupted:", n > 0)
p = subprocess.Popen(['sleep', '10'])
p.send_signal(signal.SIGTERM)
print("child killed by:", p.wait())
def on_usr1(sig, frame):
    print("usr1 handler")
signal.signal(signal.SIGUSR1, on_usr1)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill")
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.1)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
