#!/usr/bin/env python3
"""Prints scripts/bench.sh's tables from the JSON that tui-bench.py and cmd-bench.py wrote:
the side-by-side table of issue 19, the screen switches over the years, the commands, and
every goal of the issue with its figure and whether it is met.

    python3 scripts/bench-table.py WORK LARGEST YEARS...
"""

import json
import os
import sys

OTHERS = ["pomodoro-tui", "porsmo", "floor"]
HEAD = {"cooldown": "cooldown", "pomodoro-tui": "pomodoro-tui 0.2.0", "porsmo": "porsmo 0.3.5 (stopwatch)",
        "floor": "floor (C)"}
KEYS = {"cooldown": "j/k", "pomodoro-tui": "s", "porsmo": "Space", "floor": "j/k"}


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()


def ms(v):
    return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms"


def mp(pair):
    return f"{ms(pair[0])} (p90 {pair[1]:.2f})"


def met(ok):
    return "met" if ok else "NOT met"


def main():
    work, largest, years = sys.argv[1], sys.argv[2], sorted(sys.argv[3:], key=int)
    tui = {y: json.load(open(os.path.join(work, f"tui-{y}.json"))) for y in years}
    cmd = json.load(open(os.path.join(work, f"cmd-{largest}.json")))
    notes = open(os.path.join(work, "notes")).read().split("\n")
    side = tui[largest]
    c = side["cooldown"]
    progs = ["cooldown"] + [p for p in OTHERS if p in side]
    have_pomo = "pomodoro-tui" in side
    goals = []

    print(f"## Side by side, {largest} years of history (medians; one run, interleaved)\n")
    cell = lambda p, f: f(side[p]) if p in side else "—"
    ratio = lambda k: (f"{c[k + '_ratio']:.2f} ×" if have_pomo else "—")
    rows = []
    launch_ok = c["launch_ratio"] <= 1.1 if have_pomo else c["launch_ms"] <= 5
    rows.append(["launch → first full frame (p90)"] + [cell(p, lambda r: mp((r["launch_ms"], r["launch_p90_ms"])))
                                                      for p in progs]
                + [ratio("launch"), "≤ 1.1 × pomodoro-tui" if have_pomo else "≤ 5 ms", met(launch_ok)])
    goals.append(["launch → first full frame", "≤ 1.1 × pomodoro-tui (≈ 5 ms)",
                  f"{ms(c['launch_ms'])}" + (f", {c['launch_ratio']:.2f} ×" if have_pomo else ""), met(launch_ok)])
    key_ok = c["key_p90_ms"] <= 2 and (c["key_ratio"] <= 1.0 if have_pomo else True)
    rows.append(["key → screen (p90); keys: " + ", ".join(f"{p} {KEYS[p]}" for p in progs)]
                + [cell(p, lambda r: mp((r["key_ms"], r["key_p90_ms"]))) for p in progs]
                + [ratio("key"), "≤ 1.0 × pomodoro-tui, p90 ≤ 2 ms", met(key_ok)])
    goals.append(["key → screen", "≤ 1.0 × pomodoro-tui, p90 ≤ 2 ms",
                  f"{ms(c['key_ms'])}, p90 {c['key_p90_ms']:.2f}" + (f", {c['key_ratio']:.2f} ×" if have_pomo else ""),
                  met(key_ok)])
    rows.append(["bytes written per key, median"] + [cell(p, lambda r: f"{r['key_bytes']:.0f}") for p in progs]
                + ["", "", ""])
    idle_ok = c["idle_wakeups"] <= 0.05
    rows.append(["idle, no timer running: CPU % of a core / wake-ups per s"]
                + [cell(p, lambda r: f"{r['idle_cpu_pct']:.3f} % / {r['idle_wakeups']:.2f}") for p in progs]
                + ["", "0 wake-ups/s", met(idle_ok)])
    goals.append(["idle without a timer", "0 wake-ups/s", f"{c['idle_wakeups']:.2f}/s, {c['idle_cpu_pct']:.3f} %",
                  met(idle_ok)])
    rows.append(["cooldown idle, a foam-roll timer running: CPU % / wake-ups per s",
                 f"{c['timer_cpu_pct']:.3f} % / {c['timer_wakeups']:.2f}"] + ["—"] * (len(progs) - 1) + ["", "", ""])
    rows.append(["peak RSS at the first frame, MiB"] + [cell(p, lambda r: f"{r['first_frame_rss_mib']:.1f}")
                                                       for p in progs] + ["", "", ""])
    rss_ok = c["peak_rss_mib"] <= 6
    rows.append(["peak RSS after the session, MiB (cooldown: every screen and window)"]
                + [cell(p, lambda r: f"{r['peak_rss_mib']:.1f}") for p in progs] + ["", "≤ 6 MB", met(rss_ok)])
    goals.append(["peak RSS after every screen and window", "≤ 6 MB", f"{c['peak_rss_mib']:.1f} MiB", met(rss_ok)])
    table(["measure"] + [HEAD[p] for p in progs] + ["cooldown ÷ pomodoro-tui", "goal", "met?"], rows)

    print("## cooldown's screen switches (key → frame complete, median (p90); from Today, back with 1)\n")
    labels = [("switch_today", "Today (1)"), ("switch_log", "Log (2)"), ("switch_trends", "Trends (3)"),
              ("switch_history", "History (4)")] + [(f"window_{w}", f"Trends window → {w} (w)")
                                                   for w in ["90d", "365d", "all", "7d", "28d"]]
    first, last = years[0], largest
    rows, worst, spreads = [], 0.0, {}
    for k, label in labels:
        vals = [tui[y]["cooldown"][k] for y in years]
        worst = max(worst, max(v[0] for v in vals))
        a, b = tui[first]["cooldown"][k][0], tui[last]["cooldown"][k][0]
        spreads[k] = b / a - 1
        rows.append([label] + [mp(v) for v in vals] + [f"{spreads[k] * 100:+.0f} %"])
    table(["screen"] + [f"{y} y" for y in years] + [f"{last} y vs {first} y"], rows)
    hist = [tui[y]["cooldown"]["switch_history"][0] for y in years]
    hist_spread = max(hist) / min(hist) - 1
    flat = all(abs(s) <= 0.10 for s in spreads.values())
    goals.append(["every screen switch, Trends and History included",
                  f"≤ 3 ms, the same on {first} and {last} years",
                  f"slowest {ms(worst)}; largest change {first}→{last} y "
                  f"{max(spreads.values(), key=abs) * 100:+.0f} %", met(worst <= 3 and flat)])
    goals.append([f"History on {', '.join(years)} years", "within 10 % of each other",
                  " / ".join(ms(h) for h in hist) + f" (spread {hist_spread * 100:.0f} %)", met(hist_spread <= 0.10)])

    print(f"## Commands, {largest} years (median (p90) of interleaved runs; paired ratio)\n")
    v_ratio = cmd["ratios"]["verdict/sqlite3"]
    rows = [["cooldown verdict --json", mp((cmd["verdict"]["ms"], cmd["verdict"]["p90_ms"])),
             "sqlite3 DB 'select count(*) from markers'", mp((cmd["sqlite3"]["ms"], cmd["sqlite3"]["p90_ms"])),
             f"{v_ratio:.2f} ×", "≤ 1.0 ×", met(v_ratio <= 1.0)],
            ["cooldown trends --marker hrv --days 3650", mp((cmd["trends"]["ms"], cmd["trends"]["p90_ms"])),
             "true", mp((cmd["true"]["ms"], cmd["true"]["p90_ms"])), f"{cmd['ratios']['trends/true']:.1f} ×",
             "≤ 20 ms", met(cmd["trends"]["ms"] <= 20)]]
    table(["command", "median", "yardstick", "median", "ratio", "goal", "met?"], rows)
    goals.insert(3, ["verdict --json", "≤ 1.0 × sqlite3 count(*)", f"{ms(cmd['verdict']['ms'])}, {v_ratio:.2f} ×",
                     met(v_ratio <= 1.0)])
    goals.insert(4, ["trends --days 3650", "≤ 20 ms", ms(cmd["trends"]["ms"]), met(cmd["trends"]["ms"] <= 20)])

    print("## The goals of issue 19\n")
    table(["measure", "goal", "measured", "met?"], goals)
    print("Notes:")
    print("- first full frame: the program's key bar has arrived and its output then settles (30 ms quiet);")
    print("  key → screen: the key's write to the last byte before 30 ms of quiet. Timers get their key a few ms")
    print("  after one of their own redraws. Idle: the timers paused, all programs over one shared window.")
    print("- RSS is VmHWM in MiB; the 6 MB goal is read as 6 MiB.")
    for n in notes:
        if n:
            print(f"- {n}")


if __name__ == "__main__":
    main()
