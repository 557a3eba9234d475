#!/usr/bin/env python3
"""What the mouse costs the release dashboard, in a real pseudo-terminal.

    python3 scripts/mouse-bench.py DB [--size 100x30] [--moves 2000] [--clicks 20]

- the mouse modes the dashboard asks the terminal for (from its own output): clicks and the
  wheel (1000, 1006) and not every pointer move (1003), so a real terminal sends nothing
  while the pointer only moves;
- pointer moves delivered anyway (as a terminal that ignored the request would send them,
  SGR button 35): CPU time, wake-ups (context switches of every thread) and bytes written
  back per 1000 moves: they are dropped without a redraw;
- click → frame: a click on a tab to the last byte of the frame it caused, median and p90.

Reuses tui-bench.py's pseudo-terminal driver (COOLDOWN_BIN picks another binary). Prints
numbers, asserts nothing.
"""

import argparse
import importlib.util
import os
import statistics
import time

spec = importlib.util.spec_from_file_location("tui_bench", os.path.join(os.path.dirname(__file__), "tui-bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
bench.BIN = os.environ.get("COOLDOWN_BIN") or bench.BIN


def sgr(button, x, y, end="M"):
    return f"\x1b[<{button};{x};{y}{end}".encode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("db")
    p.add_argument("--size", default="100x30")
    p.add_argument("--moves", type=int, default=2000)
    p.add_argument("--clicks", type=int, default=20)
    a = p.parse_args()
    cols, rows = (int(n) for n in a.size.split("x"))
    d = bench.Dashboard(a.db, cols, rows)
    d.read_until(b"quit")
    time.sleep(0.5)
    d.drain()
    modes = [m for m in ("1000", "1002", "1003", "1006", "1015") if f"\x1b[?{m}h".encode() in d.seen]
    print(f"mouse modes asked for: {' '.join(modes) or 'none'}")

    cpu0, sw0 = bench.cpu_ns_and_switches(d.pid)
    before = len(d.seen)
    for i in range(a.moves):
        os.write(d.fd, sgr(35, 2 + i % (cols - 4), 2 + (i // (cols - 4)) % (rows - 4)))
        if i % 50 == 49:
            d.drain()
    time.sleep(0.3)
    d.drain()
    cpu1, sw1 = bench.cpu_ns_and_switches(d.pid)
    per = 1000 / a.moves
    print(f"pointer moves delivered: {a.moves}; per 1000: {(cpu1 - cpu0) * per / 1e6:.1f} ms CPU, "
          f"{(sw1 - sw0) * per:.0f} wake-ups, {(len(d.seen) - before) * per:.0f} bytes written back")

    # The tabs at 100 columns and more: " cooldown   1 Today  2 Log …" (1-based columns).
    tabs = [(22, b"Log"), (14, b"Recovery")]
    times = []
    for i in range(a.clicks):
        col, _ = tabs[i % 2]
        t0 = time.perf_counter()
        os.write(d.fd, sgr(0, col, 1) + sgr(0, col, 1, "m"))
        times.append((d.burst() - t0) * 1000)
        time.sleep(0.05)
    times.sort()
    print(f"click on a tab → frame: median {statistics.median(times):.1f} ms, p90 {bench.pct(times, 90):.1f} ms "
          f"({a.clicks} clicks)")
    d.quit()


if __name__ == "__main__":
    main()
