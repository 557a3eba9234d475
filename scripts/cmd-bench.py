#!/usr/bin/env python3
"""Times whole commands side by side, interleaved: each round runs every command once, in a
rotating order, so a busy moment of the machine falls on all of them alike.

    python3 scripts/cmd-bench.py [--runs 60] [--warmup 5] NAME='command args' ...

Prints JSON: per name the median and p90 wall time (ms, spawn to exit, stdout and stderr to
/dev/null) and per pair of names the median of the
per-round ratios ("a/b"). Commands are split as a shell would (shlex), but run without one. Asserts nothing.
"""

import argparse
import json
import os
import shlex
import statistics
import time


def run_once(argv):
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {os.waitstatus_to_exitcode(status)}")
    return ms


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    a = ap.parse_args()
    cmds = {}
    for c in a.commands:
        name, line = c.split("=", 1)
        argv = shlex.split(line)
        if "/" not in argv[0]:
            argv[0] = next((os.path.join(d, argv[0]) for d in os.environ.get("PATH", "").split(":")
                            if os.access(os.path.join(d, argv[0]), os.X_OK)), argv[0])
        cmds[name] = argv
    names = list(cmds)
    for _ in range(a.warmup):
        for n in names:
            run_once(cmds[n])
    times = {n: [] for n in names}
    for r in range(a.runs):
        for n in names[r % len(names):] + names[:r % len(names)]:
            times[n].append(run_once(cmds[n]))
    out = {n: {"ms": statistics.median(times[n]), "p90_ms": pct(times[n], 90)}
           for n in names}
    out["ratios"] = {f"{x}/{y}": statistics.median([p / q for p, q in zip(times[x], times[y])])
                     for x in names for y in names if x != y}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
