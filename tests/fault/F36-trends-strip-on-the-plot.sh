#!/usr/bin/env bash
# F36: the Trends screen of the real binary, in tmux, on 120 days of demo history (issue 18).
# At 80×24 and 140×40 the verdict strip of the 28-day window has exactly one cell per day,
# each on the column where the chart draws that day's point, and says "one per day"; at
# 140×40 the 90-day and "all" windows show the same letters for the same days; the y ticks
# are round numbers; the training-load summary is a mean per day with its unit; under
# NO_COLOR the legend names each series by a glyph of its own.
. "$(dirname "$0")/lib.sh"

DB="$WORK/demo.db"
export COOLDOWN_NOW=2026-11-28T12:00:00
"$BIN" --db "$DB" seed-demo --days 120 >"$WORK/seed.out" 2>&1
check "seed-demo writes 120 days of demo history" grep -q "120 days" "$WORK/seed.out"

start_dashboard() { # SESSION WIDTH HEIGHT [ENV…]
    tm -f /dev/null new-session -d -s "$1" -x "$2" -y "$3" sh
    tm send-keys -t "$1" "${4:-} COOLDOWN_NOW=$COOLDOWN_NOW COOLDOWN_CONFIG='$COOLDOWN_CONFIG' TZ=UTC '$BIN' --db '$DB'; echo \"EXIT=\$?\"" Enter
}

# strip_report FILE — "CELLS POINTS_ON_CELLS POINTS LETTERS": the strip's cells (the row
# above "↑ verdicts"), how many point columns (●, above the x axis) sit on a strip cell, how
# many point columns there are, and the strip's letters.
strip_report() {
    python3 - "$1" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
legend = next((i for i, l in enumerate(lines) if "↑ verdicts" in l), None)
axis = next((i for i, l in enumerate(lines) if "└" in l and "──" in l), None)
# Before issue 18 the strip was one line: " verdicts GGCC…".
old = next((l for l in lines if l.startswith(" verdicts ")), None)
if axis is None or (legend is None and old is None):
    print("0 0 0 -"); sys.exit()
strip = lines[legend - 1] if legend is not None else " " * 10 + old[10:]
cells = {x: c for x, c in enumerate(strip) if c in "GCER·"}
points = {x for l in lines[:axis] for x, c in enumerate(l) if c == "●"}
print(len(cells), len(points & set(cells)), len(points), "".join(cells[x] for x in sorted(cells)) or "-")
PY
}

# y_ticks FILE — "ok" when the y labels (N┤) are ≥ 3 round numbers evenly spaced.
y_ticks() {
    python3 - "$1" <<'PY'
import math, re, sys
ticks = []
for l in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    m = re.match(r"^│?\s*(-?[0-9.]+)[┤│]", l)
    if m: ticks.append(float(m.group(1)))
steps = {round(a - b, 9) for a, b in zip(ticks, ticks[1:])}
ok = len(ticks) >= 3 and len(steps) == 1
if ok:
    step = steps.pop(); m = step / 10 ** math.floor(math.log10(step))
    ok = any(abs(m - k) < 1e-6 for k in (1, 2, 5))
print("ok" if ok else f"not round: {ticks}")
PY
}

snap() { screen "$1" >"$WORK/$2.txt"; }

# strip_grows_past S N NAME — the pane's strip has more than N cells and one cell per day
# (the new window's data has arrived, not only its label; on the way from 90 d to "all" the
# 365-day window, worst of 3 days per cell, also has more than 90); the screen is kept in
# NAME.txt.
strip_grows_past() {
    snap "$1" "$3"
    local cells
    read -r cells _ <<<"$(strip_report "$WORK/$3.txt")"
    (( cells > $2 )) && grep -qF "one per day" "$WORK/$3.txt"
}

for size in "80 24" "140 40"; do
    read -r W H <<<"$size"
    s="t${W}"
    start_dashboard "$s" "$W" "$H"
    if ! until_true 30 screen_has "$s" "Recovery checklist"; then
        bad "the dashboard starts at ${W}×${H}: $(screen "$s" | head -3 | tr '\n' '|')"; continue
    fi
    PANE_PID="$(tm display -p -t "$s" '#{pane_pid}')"
    PID="$(child_cooldown "$PANE_PID")"; [[ -n "$PID" ]] && track "$PID"
    tm send-keys -t "$s" 3
    if ! until_true 30 screen_has "$s" "verdicts"; then
        bad "${W}×${H}: Trends shows no verdict strip: $(screen "$s" | tr -s ' \n' ' ' | head -c 400)"; continue
    fi
    snap "$s" "hrv28-$W"
    read -r cells on points letters <<<"$(strip_report "$WORK/hrv28-$W.txt")"
    if [[ "$cells" == 28 ]]; then ok "${W}×${H}: the 28-day strip has 28 cells, one per day"
    else bad "${W}×${H}: the 28-day strip has $cells cells for 28 days: $letters"; fi
    if (( points > 0 && on == points )); then ok "${W}×${H}: all $points daily points sit on a strip cell's column"
    else bad "${W}×${H}: $on of $points daily points sit on a strip cell's column"; fi
    check "${W}×${H}: the strip says it is one cell per day" grep -qF "one per day" "$WORK/hrv28-$W.txt"
    ticks="$(y_ticks "$WORK/hrv28-$W.txt")"
    if [[ "$ticks" == ok ]]; then ok "${W}×${H}: the y ticks are round numbers (1/2/5 × 10^k apart)"
    else bad "${W}×${H}: $ticks"; fi
    if [[ "$W" == 140 ]]; then
        tm send-keys -t "$s" w
        until_true 30 strip_grows_past "$s" 28 hrv90 || bad "w does not switch to 90 d"
        tm send-keys -t "$s" w w
        until_true 30 strip_grows_past "$s" 90 hrvall || bad "'all' shows no more than 90 days"
        read -r c90 _ _ l90 <<<"$(strip_report "$WORK/hrv90.txt")"
        read -r call _ _ lall <<<"$(strip_report "$WORK/hrvall.txt")"
        if [[ "$c90" == 90 && "$lall" == *"$l90" && "$l90" == *"$letters" ]]; then
            ok "140×40: 28 d, 90 d and all show the same verdicts for the same days ($c90 and $call cells)"
        else bad "140×40: the windows disagree: 28 d $letters | 90 d ($c90) $l90 | all ($call) $lall"; fi
        tm send-keys -t "$s" w
        # The training load: h from HRV wraps to the last marker.
        tm send-keys -t "$s" h
        if until_true 30 screen_has "$s" "RPE·min/day"; then
            snap "$s" "load"
            if grep -qE "7-day mean [0-9.]+ RPE·min/day" "$WORK/load.txt" && grep -qF "RPE·min per day" "$WORK/load.txt"; then
                ok "the training load is per day, with its unit on the axis title and in the summary"
            else bad "the load summary: $(grep -F "7-day mean" "$WORK/load.txt")"; fi
        else bad "no per-day load: $(screen "$s" | grep -F "latest")"; fi
    fi
    tm send-keys -t "$s" q
    until_true 30 screen_has "$s" "EXIT=0" || bad "${W}×${H}: q did not quit with 0"
done

# Under NO_COLOR the legend names each series by its glyph.
start_dashboard nc 100 30 "NO_COLOR=1"
if until_true 30 screen_has nc "Recovery checklist"; then
    PID="$(child_cooldown "$(tm display -p -t nc '#{pane_pid}')")"; [[ -n "$PID" ]] && track "$PID"
    tm send-keys -t nc 3
    until_true 30 screen_has nc "verdicts" || bad "NO_COLOR: no Trends screen"
    snap nc nc
    if grep -qF "● daily" "$WORK/nc.txt" && grep -qF "━ 7-day mean" "$WORK/nc.txt" && grep -qF "░ usual range" "$WORK/nc.txt"; then
        ok "NO_COLOR: the legend names ● daily, ━ 7-day mean and ░ usual range"
    else bad "NO_COLOR: the legend: $(grep -F "┘" "$WORK/nc.txt" | tail -1)"; fi
    tm send-keys -t nc q
    until_true 30 screen_has nc "EXIT=0" || bad "NO_COLOR: q did not quit with 0"
else bad "NO_COLOR: the dashboard did not start"; fi
tm_stop
finish
