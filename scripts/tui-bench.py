#!/usr/bin/env python3
"""Measures the release dashboard as a runner meets it, in a real pseudo-terminal, and,
side by side in the same run, other terminal programs (issue 19).

    python3 scripts/tui-bench.py DB [--size 120x40] [--presses 40] [--idle 20] [--json]
        [--launches 15] [--switches 0] [--bin PATH]
        [--other NAME=PATH]...   # pomodoro-tui=…, porsmo=…, floor=… (profiles below)

- launch → first full frame: from just before the process is started to the arrival of the
  last byte of its first frame. "Full" is one rule for every program: its key bar has
  arrived (cooldown "quit", pomodoro-tui "Quit", porsmo and the floor "quit") AND its output
  then settles (QUIET_S of silence); the time is that of the last chunk before the silence.
  Launches are interleaved: each round starts every program once, in a rotating order.
- key → screen: from just before the key's write to the last byte of the frame it caused (a
  burst of output followed by QUIET_S of quiet), median and p90. Every program's session is
  open at once and the presses are interleaved. The keys: cooldown `j`/`k` (the checklist
  cursor), pomodoro-tui `s` (pause/resume: its key bar changes; it has no cursor), porsmo
  Space (pause/resume: the clock's colour; run as `porsmo stopwatch`, see PROFILES), the
  floor `j`/`k` (one row redrawn). Programs that redraw on their own (the timers) get the
  key a few ms after such a redraw, so that the next one does not fall into the burst.
- idle: with every program at rest (the timers paused: no timer running), over the same
  window: CPU time of every thread (/proc/PID/task/*/schedstat) as a share of one core and
  wake-ups per second (context switches of every thread). cooldown also with a foam-roll
  timer running (`s`).
- peak RSS (VmHWM): at the first frame, and after the session (cooldown: after a tour of
  every screen, every Trends window and marker, History's months and the help window).
- screen switches (cooldown, `--switches N` rounds): from Today `2` (Log), `3` (Trends),
  `4` (History), each followed by `1` (Today), and in Trends `w` through every window.

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
NOW = "2026-11-28T12:00:00"

# How each program is driven: its arguments, the text of its key bar, the keys pressed in
# turn, the key that pauses its timer (or None), whether it starts with a timer running, its
# own redraw period. porsmo runs as `porsmo stopwatch`: its pomodoro and countdown modes open
# an audio device first and exit where there is none; the stopwatch is the same loop (a full
# redraw every 250 ms) without the sound.
PROFILES = {
    "cooldown": dict(args=[], marker=b"quit", keys=[b"j", b"k"], pause=None, running=False, period=None),
    "pomodoro-tui": dict(args=[], marker=b"Quit", keys=[b"s"], pause=b"s", running=True, period=1.0),
    "porsmo": dict(args=["stopwatch"], marker=b"quit", keys=[b" "], pause=b" ", running=True, period=0.25),
    "floor": dict(args=[], marker=b"quit", keys=[b"j", b"k"], pause=None, running=False, period=None),
}


class Program:
    def __init__(self, name, argv, cols, rows, home):
        self.name, self.profile = name, PROFILES[name]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color", "TZ": "UTC",
               "HOME": home, "COOLDOWN_CONFIG": os.path.join(home, "none.toml"), "COOLDOWN_NOW": NOW}
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.seen = b""
        self.last_out = None
        self.running = self.profile["running"]
        self.last_key = None
        self.key_bytes = []

    def read(self):
        self.seen += os.read(self.fd, 65536)
        self.last_out = time.perf_counter()

    def first_frame(self, timeout=10.0):
        """The arrival of the last byte of the first full frame: key bar seen, then quiet."""
        deadline = time.perf_counter() + timeout
        while self.profile["marker"] not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.name}: {self.profile['marker']!r} never arrived")
            if select.select([self.fd], [], [], left)[0]:
                self.read()
        while select.select([self.fd], [], [], QUIET_S)[0]:
            self.read()
        return self.last_out

    def burst(self, timeout=2.0):
        """After a key: the arrival time of the last chunk before QUIET_S of silence."""
        deadline = time.perf_counter() + timeout
        last = None
        while time.perf_counter() < deadline:
            if not select.select([self.fd], [], [], QUIET_S)[0]:
                if last is not None:
                    return last
                continue
            self.read()
            last = self.last_out
        raise TimeoutError(f"{self.name}: no frame after the key {self.last_key!r}")

    def drain(self):
        try:
            while select.select([self.fd], [], [], QUIET_S)[0]:
                self.read()
        except OSError:  # the process has ended and its terminal closed
            pass

    def settle_for_key(self):
        """Waits before a key: a jittered pause, or, for a program that redraws on its own,
        a few ms after such a redraw (so the next one is a whole period away)."""
        period = self.profile["period"]
        if period is None:
            time.sleep(random.uniform(0.05, 0.25))
            self.drain()
            return
        if select.select([self.fd], [], [], period + 0.2)[0]:
            self.read()
            self.drain()
        time.sleep(random.uniform(0.002, 0.01))

    def key(self, k):
        """Sends a key; returns the time just BEFORE the write (on a busy machine this
        process may be descheduled in the write while the program already answers)."""
        sent = time.perf_counter()
        os.write(self.fd, k)
        self.last_key = k
        if self.profile["pause"] == k:
            self.running = not self.running
        return sent

    def press(self, k):
        self.settle_for_key()
        before = len(self.seen)
        sent = self.key(k)
        done = self.burst()
        self.key_bytes.append(len(self.seen) - before)
        return (done - sent) * 1000

    def quit(self):
        self.key(b"q")
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            self.drain()
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


class Dashboard(Program):
    """cooldown on DB (BIN at the time of the call), as scripts/mouse-bench.py drives it."""

    def __init__(self, db, cols, rows):
        super().__init__("cooldown", [BIN, "--db", db], cols, rows, os.path.dirname(os.path.abspath(db)))

    def read_until(self, needle, timeout=10.0):
        """Reads until `needle` has arrived; returns the arrival time of the chunk holding it."""
        deadline = time.perf_counter() + timeout
        while needle not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{needle!r} never arrived")
            if select.select([self.fd], [], [], left)[0]:
                self.read()
        return self.last_out


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


def idle(progs, seconds):
    """CPU share and wake-ups/s of each program over one shared window."""
    for p in progs:
        p.drain()
    before = {p.name: cpu_ns_and_switches(p.pid) for p in progs}
    t0 = time.perf_counter()
    fds = {p.fd: p for p in progs}
    while time.perf_counter() < t0 + seconds:  # keep the ptys drained so nobody blocks on output
        for fd in select.select(list(fds), [], [], 0.5)[0]:
            fds[fd].read()
    wall = time.perf_counter() - t0
    out = {}
    for p in progs:
        cpu1, sw1 = cpu_ns_and_switches(p.pid)
        cpu0, sw0 = before[p.name]
        out[p.name] = (100.0 * (cpu1 - cpu0) / 1e9 / wall, (sw1 - sw0) / wall)
    return out


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def med_p90(values):
    return statistics.median(values), pct(values, 90)


def launches(programs, rounds, start):
    """Interleaved launches: per program the times and VmHWM at the first frame; per round
    the times side by side (for paired ratios)."""
    times = {name: [] for name in programs}
    rss = {name: [] for name in programs}
    names = list(programs)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            p = start(name)
            times[name].append((p.first_frame() - p.started) * 1000)
            rss[name].append(vm_hwm_kib(p.pid) / 1024)
            p.quit()
    return times, rss


def switches(d, rounds):
    """cooldown's screen switches, from Today and back; Trends' windows."""
    out = {k: [] for k in ["log", "trends", "history", "today"]}
    windows = ["90 d", "365 d", "all", "7 d", "28 d"]  # `w` from the default 28 days
    wout = {w: [] for w in windows}
    for _ in range(rounds):
        for k, name in [(b"2", "log"), (b"3", "trends"), (b"4", "history")]:
            out[name].append(d.press(k))
            out["today"].append(d.press(b"1"))
    d.press(b"3")
    for _ in range(rounds):
        for w in windows:
            wout[w].append(d.press(b"w"))
    d.press(b"1")
    res = {f"switch_{k}": med_p90(v) for k, v in out.items()}
    res.update({f"window_{w.replace(' ', '')}": med_p90(v) for w, v in wout.items()})
    return res


def measure(db, programs, cols, rows, presses, idle_s, rounds, switch_rounds):
    home = os.path.dirname(db)

    def start(name):
        return Program(name, programs[name], cols, rows, home)

    out = {name: {} for name in programs}
    times, rss = launches(programs, rounds, start)
    for name in programs:
        out[name]["launch_ms"], out[name]["launch_p90_ms"] = med_p90(times[name])
        out[name]["first_frame_rss_mib"] = statistics.median(rss[name])
    if "pomodoro-tui" in programs:
        out["cooldown"]["launch_ratio"] = statistics.median(
            [c / p for c, p in zip(times["cooldown"], times["pomodoro-tui"])])

    progs = [start(name) for name in programs]
    for p in progs:
        p.first_frame()
    lat = {p.name: [] for p in progs}
    for i in range(presses):
        for j in range(len(progs)):
            p = progs[(i + j) % len(progs)]
            keys = p.profile["keys"]
            lat[p.name].append(p.press(keys[i % len(keys)]))
    for p in progs:
        out[p.name]["key_ms"], out[p.name]["key_p90_ms"] = med_p90(lat[p.name])
        out[p.name]["key_bytes"] = statistics.median(p.key_bytes)
    if "pomodoro-tui" in programs:
        out["cooldown"]["key_ratio"] = statistics.median(
            [c / p for c, p in zip(lat["cooldown"], lat["pomodoro-tui"])])

    for p in progs:  # at rest: no timer running
        if p.running and p.profile["pause"]:
            p.key(p.profile["pause"])
    for name, (cpu, wake) in idle(progs, idle_s).items():
        out[name]["idle_cpu_pct"], out[name]["idle_wakeups"] = cpu, wake

    d = progs[0]
    d.key(b"s")
    out["cooldown"]["timer_cpu_pct"], out["cooldown"]["timer_wakeups"] = idle([d], idle_s)["cooldown"]
    d.key(b"x")  # reset the timer
    d.drain()
    if switch_rounds:
        out["cooldown"].update(switches(d, switch_rounds))

    # The tour: every screen, every Trends window and marker, History's months, the help.
    for k in [b"2", b"3"] + [b"w"] * 5 + [b"l"] * 7 + [b"4", b"[", b"[", b"]", b"1", b"?", b"\x1b"]:
        d.key(k)
        d.burst()
    for p in progs:
        out[p.name]["peak_rss_mib"] = vm_hwm_kib(p.pid) / 1024
        p.quit()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--presses", type=int, default=40)
    ap.add_argument("--idle", type=float, default=20.0)
    ap.add_argument("--launches", type=int, default=15)
    ap.add_argument("--switches", type=int, default=0, help="rounds of screen switches (0: none)")
    ap.add_argument("--bin", default=BIN)
    ap.add_argument("--other", action="append", default=[], metavar="NAME=PATH",
                    help="another program, side by side: " + ", ".join(n for n in PROFILES if n != "cooldown"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    cols, rows = map(int, a.size.split("x"))
    db = os.path.abspath(a.db)
    programs = {"cooldown": [a.bin, "--db", db]}
    for o in a.other:
        name, path = o.split("=", 1)
        if name not in PROFILES:
            ap.error(f"--other {name}: not one of {', '.join(PROFILES)}")
        programs[name] = [path] + PROFILES[name]["args"]
    result = measure(db, programs, cols, rows, a.presses, a.idle, a.launches, a.switches)
    if a.json:
        print(json.dumps(result))
    else:
        for name, r in result.items():
            print(name)
            for k, v in r.items():
                if isinstance(v, tuple):
                    print(f"  {k:<22} {v[0]:8.3f} (p90 {v[1]:.3f})")
                else:
                    print(f"  {k:<22} {v:8.3f}")


if __name__ == "__main__":
    main()
