#!/usr/bin/env bash
# F30 — formats a runner types and imperial units (issue 16 item 4; CLI.md v2 "Input formats
# a runner types"). Sleep `7:30`, `--at 7:05` and `--duration 1:20:00` are read as what
# they mean; their broken shapes (`7:75`, `7:5`, `80:00`, hostile bytes) are refused with
# exit 65 and one line naming the accepted shapes, the database byte-identical. With
# `units = "imperial"` weights are typed in lb and distances with --mi, and the database and
# the export stay in kg and km; a units value other than metric or imperial is refused
# naming the file, the line and both values.
. "$(dirname "$0")/lib.sh"

# A pinned noon, so `--at 7:05` today is never later than now.
export COOLDOWN_NOW=2026-11-28T12:00:00
DAY=2026-11-28
DB="$WORK/data/cooldown.db"
mkdir -p "$WORK/data" "$(dirname "$COOLDOWN_CONFIG")"

db_state() {
    local f out=""
    for f in "$DB" "$DB-wal"; do
        [[ -e "$f" ]] && out+="$(basename "$f")=$(sha "$f") "
    done
    echo "$out"
}

# q SQL — one value from the database.
q() { sqlite3 "$DB" "$1"; }

# names TEXT… — the last stderr is one line `cooldown: …` holding every TEXT.
names() {
    local t
    [[ "$(wc -l <"$WORK/last.err")" -eq 1 && "$(head -c 10 "$WORK/last.err")" == "cooldown: " ]] || return 1
    for t in "$@"; do
        grep -qF -- "$t" "$WORK/last.err" || return 1
    done
}

# refused LABEL CODE TEXT -- ARGS… — exits CODE, one line naming TEXT (for 65), nothing stored.
refused() {
    local label="$1" code="$2" text="$3"
    shift 4
    local before
    before="$(db_state)"
    expect_exit "$code" "$label: refused" timeout 20 "$BIN" --db "$DB" "$@"
    if [[ "$code" != 65 ]] || names "$text"; then
        ok "$label: says '$text'"
    else
        bad "$label: stderr should be one line naming '$text': $(head -c 400 "$WORK/last.err")"
    fi
    if [[ "$(db_state)" == "$before" ]]; then ok "$label: nothing stored"; else bad "$label: the database changed"; fi
}

echo "-- metric: sleep, times and durations as typed"
expect_exit 0 "log --sleep 7:30" timeout 20 "$BIN" --db "$DB" log --sleep 7:30
check "sleep 7:30 is stored as 7.5 h" test "$(q "SELECT sleep_hours FROM markers WHERE day = '$DAY'")" = "7.5"
expect_exit 0 "run --at 7:05 --duration 1:20:00" timeout 20 "$BIN" --db "$DB" run --type long --at 7:05 --duration 1:20:00
check "the run is 80 min ending 07:05" test "$(q "SELECT minutes || ' ' || at FROM runs")" = "80 07:05"
expect_exit 0 "run --minutes 1:20:30 (rounds up)" timeout 20 "$BIN" --db "$DB" run --type easy --at 07:06 --minutes 1:20:30
check "1:20:30 is 81 min" test "$(q "SELECT minutes FROM runs WHERE at = '07:06'")" = "81"
check "the export keeps decimal hours" bash -c "timeout 20 '$BIN' --db '$DB' export | grep -q '^$DAY,,,7.5,'"

echo "-- metric: broken shapes and hostile bytes"
for v in 7:75 7: :30 7:5 7:300 123:00 $'7:3\e0' $'7:30\n' $'\u0667:30' -7:30 7::30; do
    refused "sleep $(printf %q "$v")" 65 "write 7.5 or 7:30 (H:MM), 0–24 h" -- log --sleep="$v"
done
refused "sleep 24:30" 65 "sleep: 24:30 is outside 0–24 h" -- log --sleep 24:30
for v in 7:5 24:00 7.05 0730 07:30:00 "7:05 " 99999999999:00; do
    refused "at '$v'" 65 "write H:MM or HH:MM, 00:00–23:59" -- run --type easy --minutes 30 --at "$v"
done
for v in 80:00 1:20 1:60:00 99:99:99 1:20:00:00 1e2 NaN; do
    refused "duration '$v'" 65 "whole minutes (80) or H:MM:SS (1:20:00), 1–1440 min" -- run --type easy --at 7:00 --duration "$v"
done
refused "duration 0:00:29 (0 min)" 65 "minutes: 0:00:29 is outside 1–1440 min" -- run --type easy --at 7:00 --duration 0:00:29
refused "--minutes with --duration" 2 "" -- run --type easy --minutes 80 --duration 1:20:00

echo "-- imperial: lb and mi in, kg and km stored"
printf 'units = "imperial"\n' >"$COOLDOWN_CONFIG"
expect_exit 0 "log --weight 150 (lb)" timeout 20 "$BIN" --db "$DB" log --weight 150
check "the confirmation speaks lb" grep -qF "weight 150 lb" "$WORK/last.out"
check "150 lb is stored as 68.04 kg" test "$(q "SELECT weight_kg FROM markers WHERE day = '$DAY'")" = "68.04"
check "the export says 68.04 in weight_kg" bash -c "timeout 20 '$BIN' --db '$DB' export | grep -q ',68.04,'"
expect_exit 0 "log --weight 149.9 (68 kg shown, typed again)" timeout 20 "$BIN" --db "$DB" log --weight 149.9
check "149.9 lb is stored as 68 kg, no drift" test "$(q "SELECT weight_kg FROM markers WHERE day = '$DAY'")" = "68.0"
expect_exit 0 "run --mi 6.21" timeout 20 "$BIN" --db "$DB" run --type easy --minutes 60 --mi 6.21 --at 08:00
check "6.21 mi is stored as 10 km" test "$(q "SELECT km FROM runs WHERE at = '08:00'")" = "10.0"
expect_exit 0 "run --km 5 stays km" timeout 20 "$BIN" --db "$DB" run --type easy --minutes 30 --km 5 --at 08:30
check "--km 5 is stored as 5 km" test "$(q "SELECT km FROM runs WHERE at = '08:30'")" = "5.0"
refused "weight 700 lb" 65 "weight: 700 lb is outside 45–661 lb" -- log --weight 700
for v in NaN inf 1e3 0x96 "150 " "１５０"; do
    refused "weight '$v' (lb)" 65 "give 45–661 lb" -- log --weight "$v"
done
refused "mi 700" 65 "mi: 700 mi is outside 0–621 mi" -- run --type easy --minutes 30 --mi 700
refused "--km with --mi" 2 "" -- run --type easy --minutes 30 --km 5 --mi 3

echo "-- the config's units key"
for v in '"stone"' '"Imperial"' '""' '1' '["imperial"]'; do
    printf 'focus = "hrv"\nunits = %s\n' "$v" >"$COOLDOWN_CONFIG"
    refused "units = $v" 65 'is not one of "metric", "imperial"' -- log --rhr 50
    check "units = $v: the file and line are named" names "config.toml line 2"
done

finish
