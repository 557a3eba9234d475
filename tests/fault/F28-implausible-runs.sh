#!/usr/bin/env bash
# F28: values that are each in range but cannot all be true of one run are refused with the
# reason (exit 65, nothing stored), on the command line and in a runs CSV (ROUTINE.md
# "Targets: plausibility"; issue 13 finding 13). The old binary stored weight before 300 kg
# and after 20 kg and told the runner to drink 350–420 L.
. "$(dirname "$0")/lib.sh"

DB="$WORK/cooldown.db"
"$BIN" --db "$DB" log --rhr 52 >/dev/null 2>&1
SUM=$(sha "$DB")
CASES=(
    "--minutes 60 --weight-before 300 --weight-after 20|weight-after|more than 10 % below"
    "--minutes 20 --weight-before 70 --weight-after 69 --fluid-l 2|fluid-l|more than 5 L an hour"
    "--minutes 240 --weight-before 80 --weight-after 75|weight-after|over 6 L"
)
for case in "${CASES[@]}"; do
    IFS='|' read -r args field reason <<<"$case"
    # shellcheck disable=SC2086
    expect_exit 65 "run $args" "$BIN" --db "$DB" run --type long --at 00:00 $args
    check "  names $field and says why" grep -q "$field: .*$reason" "$WORK/last.err"
done
check "nothing was stored" test "$(sha "$DB")" = "$SUM"

printf 'date,type,minutes,weight_before_kg,weight_after_kg\n2026-11-20,long,90,70,69\n2026-11-21,long,60,300,20\n' >"$WORK/runs.csv"
expect_exit 65 "a runs CSV with an implausible row" "$BIN" --db "$DB" import "$WORK/runs.csv"
check "  names the file, the line and the field" grep -q "runs.csv:3: weight_after_kg: " "$WORK/last.err"
check "  and nothing was imported" test "$(rows "$DB" runs)" = 0

# At the edges: exactly 90 %, exactly 5 L an hour, exactly 6 L to drink are accepted.
expect_exit 0 "90 % of the weight before is accepted" \
    "$BIN" --db "$DB" run --type long --at 00:00 --minutes 600 --weight-before 40 --weight-after 36
expect_exit 0 "5 L of sweat an hour is accepted" \
    "$BIN" --db "$DB" run --type easy --at 00:01 --minutes 30 --weight-before 70 --weight-after 68 --fluid-l 0.5
expect_exit 0 "a 6 L target is accepted" \
    "$BIN" --db "$DB" run --type long --at 00:02 --minutes 180 --weight-before 80 --weight-after 76
fluid_max() {
    "$BIN" --db "$DB" checklist --json |
        python3 -c 'import json,sys; print([i for i in json.load(sys.stdin)["items"] if i["id"] == "fluid"][0]["amount_max"])'
}
check "the day's fluid target tops out at 6 L" test "$(fluid_max)" = 6.0
finish
