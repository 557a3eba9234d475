#!/usr/bin/env python3
"""Measures import and export of ten years of markers (3,650 mornings) as a runner meets
them: the whole release binary, start to exit, on real database files.

- import: `cooldown import` of 3,650 consecutive mornings with every column filled into an
  empty database (created by the import itself, as on a new machine), and again into the
  filled one (every row already the same).
- export: `cooldown export` of those markers (CSV, JSON, `--out`), and of the runs of a
  10-year demo history.

Run from the repository root: `python3 scripts/exchange-bench.py [ROUNDS]` (default 15).
It builds the release binary first, prints the median and the slowest round, and
compares them with the targets in issue 7 (import ≤ 300 ms, export ≤ 100 ms). It asserts
nothing.
"""

import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "cooldown")
END = "2026-11-20"


def run(*args, stdout=subprocess.DEVNULL):
    subprocess.run([BIN, *args], check=True, stdout=stdout, stderr=subprocess.DEVNULL)


def timed(rounds, setup, *args):
    """Milliseconds per round, `setup()` before each (not timed)."""
    times = []
    for _ in range(rounds):
        setup()
        start = time.perf_counter()
        run(*args)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name, times, target):
    med, worst = statistics.median(times), max(times)
    verdict = "within" if med <= target else "OVER"
    print(f"{name:<44} median {med:6.1f} ms   slowest {worst:6.1f} ms   target {target} ms: {verdict}")


def full_csv(path, days=3650):
    """`days` mornings up to END, every column filled (a note with a comma and quotes)."""
    end = datetime.date.fromisoformat(END)
    with open(path, "w") as f:
        f.write("date,rhr,hrv,sleep_hours,sleep_quality,soreness,pain,pain_site,hop_cm,balance_s,weight_kg,ill,note\n")
        for i in range(days):
            day = end - datetime.timedelta(days=days - 1 - i)
            f.write(f'{day},{48 + i % 9},{55 + (i * 7) % 30}.{i % 10},{6 + (i % 5) * 0.5},{1 + i % 5},{i % 11},'
                    f'{i % 3},left calf,{150 + i % 40}.5,{20 + i % 30}.2,{67 + (i % 20) / 10},{i % 2},'
                    f'"day {i}, ""steady"""\n')


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "markers.csv")
        full_csv(csv)
        print(f"3650 mornings, every column, {os.path.getsize(csv) / 1024:.0f} KiB of CSV, {rounds} rounds each\n")
        nothing = lambda: None
        target = os.path.join(tmp, "new.db")

        def fresh():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)

        report("import into a new database", timed(rounds, fresh, "--db", target, "--date", END, "import", csv), 300)
        report("import again (every row already the same)",
               timed(rounds, nothing, "--db", target, "--date", END, "import", csv), 300)

        demo = os.path.join(tmp, "ten-years-demo.db")
        run("--db", demo, "seed-demo", "--days", "3650", "--date", END)
        out = os.path.join(tmp, "out.csv")
        for db, what, fmt in [(target, "markers", "csv"), (target, "markers", "json"), (demo, "runs", "csv"),
                              (demo, "verdicts", "csv")]:
            times = timed(rounds, nothing, "--db", db, "--date", END, "export", "--what", what, "--format", fmt)
            report(f"export {what} as {fmt}", times, 100)
        report("export markers --out FILE (fsync, rename)",
               timed(rounds, nothing, "--db", target, "--date", END, "export", "--out", out), 100)


if __name__ == "__main__":
    main()
