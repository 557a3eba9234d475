#!/usr/bin/env bash
# F20: one file's columns keep one meaning (RELIABILITY rule 20), and nothing an import
# prints carries a file's control characters (rule 15).
# - Our own column names always use our scales: `date,sleep_quality,soreness,weight` (our
#   names beside intervals.icu's `weight`) is refused, exit 65, naming which columns are
#   ours and which the export's, and nothing is stored; with `weight_kg` the values are
#   stored as written.
# - A real intervals.icu wellness export (`id`, restingHR, hrv, sleepSecs, sleepQuality,
#   soreness, weight) still imports with its scales converted.
# - A repeated column, two names of one field, an ambiguous spelling: exit 65, nothing stored.
# - Header names, cells and the file name echoed by import, on stderr after a refusal and
#   on stdout after a success, hold no control character (ESC, BEL, CR…).
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/f20.db"
ESC=$'\e'
expect_exit 0 "a database with one morning" "$BIN" --db "$DB" --date 2026-11-01 log --rhr 50

# value DAY COLUMN — the stored marker, via sqlite3.
value() { sqlite3 "$DB" "SELECT $2 FROM markers WHERE day = '$1';"; }
mornings() { rows "$DB" markers; }
# err_has TEXT… — every TEXT appears in the last stderr.
err_has() {
    local t
    for t in "$@"; do grep -qF -- "$t" "$WORK/last.err" || return 1; done
}
one_line() { [[ "$(wc -l <"$WORK/last.err")" -eq 1 && "$(head -c 10 "$WORK/last.err")" == "cooldown: " ]]; }
# no_control FILE — no byte below 0x20 but newline, and no DEL.
no_control() { ! LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$1"; }

# refused NAME CSV TEXT… — importing CSV as NAME exits 65 with one line naming every TEXT,
# and the database's bytes stay the same.
refused() {
    local name="$1" csv="$2" before
    shift 2
    printf '%s' "$csv" >"$WORK/$name"
    before="$(sha "$DB")"
    expect_exit 65 "$name: refused" "$BIN" --db "$DB" import "$WORK/$name"
    if one_line && err_has "$@"; then ok "$name: one line naming: $*"; else
        bad "$name: the message should name: $* — got: $(head -c 500 "$WORK/last.err")"
    fi
    if [[ "$(sha "$DB")" == "$before" ]]; then ok "$name: nothing stored"; else bad "$name: the database changed"; fi
}

echo "-- our names keep our scales; a mix with an export's names is refused"
refused mixed.csv $'date,sleep_quality,soreness,weight\n2026-11-27,4,3,70\n' \
    "sleep_quality" "weight" "mix cooldown's own names" "weight → weight_kg"
check "the mixed file stored no sleep quality 2 (4 bent to intervals.icu's scale)" test -z "$(value 2026-11-27 sleep_quality)"
refused mixed-id.csv $'id,rhr,hrv,sleepSecs\n2026-11-26,50,60,27000\n' "(rhr)" "id, sleepSecs" "id → date"
printf 'date,sleep_quality,soreness,weight_kg\n2026-11-27,4,3,70\n' >"$WORK/ours.csv"
expect_exit 0 "our own columns import" "$BIN" --db "$DB" import "$WORK/ours.csv"
check "our own columns keep our scales: sleep quality 4, soreness 3, weight 70" \
    test "$(value 2026-11-27 "sleep_quality || ',' || soreness || ',' || weight_kg")" = "4,3,70.0"
printf 'date,soreness,hrv\n2026-11-25,8,61.5\n' >"$WORK/shared.csv"
expect_exit 0 "a file of names both spell alike imports" "$BIN" --db "$DB" import "$WORK/shared.csv"
check "without an export's names, soreness is ours (8 of 10 stays 8)" test "$(value 2026-11-25 soreness)" = 8

echo "-- a real intervals.icu wellness export keeps its scales"
printf 'id,restingHR,hrv,sleepSecs,sleepQuality,soreness,weight,ctl,atl\n2026-11-20,48,71.5,27000,1,3,66.5,55,60\n' \
    >"$WORK/intervals.csv"
expect_exit 0 "the intervals.icu export imports" "$BIN" --db "$DB" import "$WORK/intervals.csv"
check "converted: 27000 s = 7.5 h, quality 1 (great) = 5, soreness 3 of 4 = 6 of 10" \
    test "$(value 2026-11-20 "rhr || ',' || hrv || ',' || sleep_hours || ',' || sleep_quality || ',' || soreness || ',' || weight_kg")" \
    = "48,71.5,7.5,5,6,66.5"
check "its other columns are named as ignored" grep -qF "ignored columns (no place for them in cooldown): ctl, atl" "$WORK/last.out"

echo "-- repeated columns, two names of one field, ambiguous spellings"
count="$(mornings)"
refused repeated.csv $'date,rhr,rhr\n2026-11-24,50,51\n' "column 'rhr' appears twice (columns 2 and 3)"
refused two-names.csv $'id,restingHR,restingHeartRate\n2026-11-24,50,51\n' "'restingHR' and 'restingHeartRate' both hold rhr"
refused two-hrv.csv $'id,hrv,rmssd\n2026-11-24,50,51\n' "both hold hrv"
refused two-dates.csv $'date,id,restingHR\n2026-11-24,2026-11-23,50\n' "two date columns"
refused repeated-runs.csv $'date,type,minutes,km,km\n2026-11-24,easy,30,5,6\n' "column 'km' appears twice"
refused ambiguous.csv $'date,Sleep_Quality\n2026-11-24,4\n' "'Sleep_Quality'" "sleep_quality" "sleepQuality"
check "no morning was added by the refused files" test "$(mornings)" = "$count"

echo "-- nothing a file says reaches the terminal with its control characters"
for case in header ill type at id; do
    case $case in
        header) csv="date,r${ESC}[31mhr"$'\n2026-11-24,50\n' ;;
        ill) csv=$'date,ill\n2026-11-24,"'"${ESC}]0;owned"$'\a"\n' ;;
        type) csv=$'date,type,minutes\n2026-11-24,"'"${ESC}[2Jjog"$'",30\n' ;;
        at) csv=$'date,type,minutes,at\n2026-11-24,easy,30,"'"${ESC}[1A"$'\r"\n' ;;
        id) csv=$'date,type,minutes,id\n2026-11-24,easy,30,"'"${ESC}[5m7"$'"\n' ;;
    esac
    name="bad-$case-${ESC}[2J.csv"
    printf '%s' "$csv" >"$WORK/$name"
    expect_exit 65 "a bad $case cell is refused" "$BIN" --db "$DB" import "$WORK/$name"
    check "$case: stderr holds no control character" no_control "$WORK/last.err"
    check "$case: stderr still names the file, its escape replaced" grep -qF "bad-$case-�[2J.csv" "$WORK/last.err"
done
printf 'id,restingHR,"ev%s[31mil"\n2026-11-23,50,1\n' "$ESC" >"$WORK/ok-${ESC}[2J.csv"
expect_exit 0 "a good file with an escape in its name and an ignored header imports" \
    "$BIN" --db "$DB" import "$WORK/ok-${ESC}[2J.csv"
check "stdout holds no control character" no_control "$WORK/last.out"
check "stdout names the file and the ignored column, escapes replaced" \
    grep -qF "ok-�[2J.csv: 1 morning" "$WORK/last.out"
check "the ignored column is shown with its escape replaced" grep -qF "ignored columns (no place for them in cooldown): ev�[31mil" "$WORK/last.out"
expect_exit 74 "a missing file with an escape in its name is an I/O error" "$BIN" --db "$DB" import "$WORK/gone-${ESC}[2J.csv"
check "its message holds no control character" no_control "$WORK/last.err"

check "the database is whole" integrity "$DB"
finish
