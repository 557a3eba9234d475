#!/usr/bin/env python3
"""Measures the release dashboard as a runner meets it, in a real pseudo-terminal.

    python3 scripts/tui-bench.py DB [--size 120x40] [--presses 40] [--idle 20] [--json]

- launch → first complete frame: from just before the process is started to the moment the
  last byte of its first frame (the key bar on the bottom row) has arrived on the terminal;
- key → screen: `j` / `k` (the checklist cursor) at jittered intervals; from the key's
  write to the arrival of the last byte of the frame it caused (a burst of output followed
  by 30 ms of quiet), median and p90;
- idle cost over a window with no timer and with a foam-roll timer running (`s`): CPU
  time of every thread (/proc/PID/task/*/schedstat, nanoseconds) as a share of one core,
  and wake-ups per second (context switches of every thread);
- peak RSS (VmHWM) after a tour of every screen, every Trends window and History.

A pty, not tmux: polling tmux's screen would time tmux. The script prints numbers and
asserts nothing.
"""

import argparse
import fcntl
import glob
import json
import os
import pty
import random
import select
import statistics
import struct
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "cooldown")
QUIET_S = 0.03


class Dashboard:
    def __init__(self, db, cols, rows):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color", "TZ": "UTC",
               "HOME": os.path.dirname(db), "COOLDOWN_CONFIG": os.path.join(os.path.dirname(db), "none.toml")}
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(BIN, [BIN, "--db", db], env)
        self.pid, self.fd = pid, fd
        self.seen = b""

    def read_until(self, needle, timeout=10.0):
        """Reads until `needle` has arrived; returns the arrival time of the chunk holding it."""
        deadline = time.perf_counter() + timeout
        while needle not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{needle!r} never arrived")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                self.seen += os.read(self.fd, 65536)
        return time.perf_counter()

    def burst(self, timeout=2.0):
        """After a key: the arrival time of the last chunk before QUIET_S of silence."""
        deadline = time.perf_counter() + timeout
        last = None
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], QUIET_S)
            if not ready:
                if last is not None:
                    return last
                continue
            self.seen += os.read(self.fd, 65536)
            last = time.perf_counter()
        raise TimeoutError("no frame after the key")

    def drain(self):
        try:
            while select.select([self.fd], [], [], QUIET_S)[0]:
                self.seen += os.read(self.fd, 65536)
        except OSError:  # the process has ended and its terminal closed
            pass

    def key(self, k):
        os.write(self.fd, k)
        return time.perf_counter()

    def quit(self):
        self.key(b"q")
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return
            self.drain()
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)

    def close(self):
        os.close(self.fd)


def cpu_ns_and_switches(pid):
    cpu, switches = 0, 0
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            with open(f"{task}/schedstat") as f:
                cpu += int(f.read().split()[0])
            with open(f"{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except FileNotFoundError:
            pass
    return cpu, switches


def idle(d, seconds):
    d.drain()
    cpu0, sw0 = cpu_ns_and_switches(d.pid)
    t0 = time.perf_counter()
    end = t0 + seconds
    while time.perf_counter() < end:  # keep the pty drained so the app never blocks on output
        select.select([d.fd], [], [], 0.5)
        d.drain()
    cpu1, sw1 = cpu_ns_and_switches(d.pid)
    wall = time.perf_counter() - t0
    return 100.0 * (cpu1 - cpu0) / 1e9 / wall, (sw1 - sw0) / wall


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(db, cols, rows, presses, idle_s):
    out = {}
    launches = []
    for _ in range(15):
        d = Dashboard(db, cols, rows)
        t = d.read_until(b"quit")
        launches.append((t - d.started) * 1000)
        d.quit()
        d.close()
    out["launch_ms"] = statistics.median(launches)
    out["launch_p90_ms"] = pct(launches, 90)

    d = Dashboard(db, cols, rows)
    d.read_until(b"quit")
    d.drain()
    latencies = []
    for i in range(presses):
        time.sleep(random.uniform(0.05, 0.25))
        sent = d.key(b"j" if i % 2 == 0 else b"k")
        latencies.append((d.burst() - sent) * 1000)
    out["key_ms"] = statistics.median(latencies)
    out["key_p90_ms"] = pct(latencies, 90)

    out["idle_cpu_pct"], out["idle_wakeups"] = idle(d, idle_s)
    d.key(b"s")
    d.drain()
    out["timer_cpu_pct"], out["timer_wakeups"] = idle(d, idle_s)
    d.key(b"x")  # reset the timer
    d.drain()

    # The tour: every screen, every Trends window and marker, History's months.
    for k in [b"3"] + [b"w"] * 5 + [b"l"] * 7 + [b"4", b"[", b"[", b"]", b"1", b"?", b"\x1b"]:
        d.key(k)
        d.burst()
    out["peak_rss_mib"] = vm_hwm_kib(d.pid) / 1024
    d.quit()
    d.close()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--presses", type=int, default=40)
    ap.add_argument("--idle", type=float, default=20.0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    cols, rows = map(int, a.size.split("x"))
    result = measure(os.path.abspath(a.db), cols, rows, a.presses, a.idle)
    if a.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:<16} {v:8.3f}")


if __name__ == "__main__":
    main()
