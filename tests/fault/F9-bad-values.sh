#!/usr/bin/env bash
# F9 — bad values (RELIABILITY.md fault table; CLI.md "Value ranges" and "Exit codes").
# Every bad value typed on the command line, written in an imported CSV or in the config
# file is refused with exit 65 (2 for an option clap does not know), one stderr line
# starting `cooldown: ` that names the field and the allowed range (for CSVs,
# `FILE:LINE: field:`; for the config, the file and the line), and nothing is stored: the
# database's bytes stay the same.
. "$(dirname "$0")/lib.sh"

DB="$WORK/data/cooldown.db"
mkdir -p "$WORK/data"
TODAY="$(date +%F)"
TOMORROW="$(date -d tomorrow +%F)"
NEXT_YEAR="$(date -d '1 year' +%F)"
LONG_NOTE="$(python3 -c 'print("x" * 10000)')"

# The database's bytes: the main file plus a -wal if one was left (there should be none).
db_state() {
    local f out=""
    for f in "$DB" "$DB-wal"; do
        [[ -e "$f" ]] && out+="$(basename "$f")=$(sha "$f") "
    done
    echo "$out"
}

# one_line_msg — the last stderr is exactly one line starting `cooldown: `.
one_line_msg() {
    [[ "$(wc -l <"$WORK/last.err")" -eq 1 ]] && [[ "$(head -c 10 "$WORK/last.err")" == "cooldown: " ]]
}

# names TEXT… — every TEXT appears (literally) in the last stderr.
names() {
    local t
    for t in "$@"; do
        grep -qF -- "$t" "$WORK/last.err" || return 1
    done
}

# one_line_names TEXT… — one line `cooldown: …` naming every TEXT.
one_line_names() { one_line_msg && names "$@"; }

# refused LABEL FIELD RANGE -- ARGS… — `cooldown --db DB ARGS…` exits 65 with one line
# `cooldown: FIELD…RANGE…`, and the database is byte-identical afterwards.
refused() {
    local label="$1" field="$2" range="$3"
    shift 4
    local before
    before="$(db_state)"
    expect_exit 65 "$label: refused" timeout 20 "$BIN" --db "$DB" "$@"
    if one_line_msg && names "$field" "$range"; then
        ok "$label: one line naming '$field' and '$range'"
    else
        bad "$label: message should be one line 'cooldown: …' naming '$field' and '$range': $(head -c 400 "$WORK/last.err")"
    fi
    if [[ "$(db_state)" == "$before" ]]; then
        ok "$label: nothing stored (sha256 unchanged)"
    else
        bad "$label: the database changed"
    fi
}

# --- a database with some data ---------------------------------------------------------
if ! timeout 30 "$BIN" --db "$DB" seed-demo --days 60 >/dev/null 2>"$WORK/seed.err"; then
    bad "seed-demo --days 60: $(head -c 300 "$WORK/seed.err")"
    finish
fi
timeout 20 "$BIN" --db "$DB" --date "$TODAY" log --rhr 52 --hrv 61.5 --sleep 7.5 --note "seeded" >/dev/null 2>&1
check "the starting database holds data" test "$(rows "$DB" markers)" -ge 50
check "no -wal left after a clean exit" test ! -e "$DB-wal"

echo "-- log: out of range, not whole, not a number"
refused "rhr 0" rhr "25–220" -- log --rhr 0
refused "rhr 400" rhr "25–220" -- log --rhr 400
refused "rhr 55.5" rhr "25–220" -- log --rhr 55.5
refused "sleep 30" sleep "0–24" -- log --sleep 30
refused "sleep -1" sleep "0–24" -- log --sleep -1
refused "sleep=-1" sleep "0–24" -- log --sleep=-1
refused "soreness 11" soreness "0–10" -- log --soreness 11
refused "sleep-quality 0" sleep-quality "1–5" -- log --sleep-quality 0
refused "pain 11" pain "0–10" -- log --pain 11
refused "hop 0" hop "1–500" -- log --hop 0
refused "balance 601" balance "0–600" -- log --balance 601
refused "weight 19.9" weight "20–300" -- log --weight 19.9
for v in abc NaN nan inf 1e999 1e2 0x3E 62abc +62 "6 2" "62,5" "６２"; do
    refused "hrv '$v'" hrv "5–300" -- log --hrv "$v"
done
refused "hrv=-inf" hrv "5–300" -- log --hrv=-inf
refused "a good rhr with a bad hrv" hrv "5–300" -- log --rhr 50 --hrv NaN
refused "a bad value after good ones" soreness "0–10" -- log --rhr 50 --hrv 60 --sleep 7 --soreness 11

echo "-- log: spaces, empty strings, negative zero, long strings"
refused "rhr ' 50'" rhr "25–220" -- log --rhr " 50"
refused "rhr '50 '" rhr "25–220" -- log --rhr "50 "
refused "hrv '62 '" hrv "5–300" -- log --hrv "62 "
refused "sleep ' 7'" sleep "0–24" -- log --sleep " 7"
refused "rhr ''" rhr "25–220" -- log --rhr ""
refused "hrv ''" hrv "5–300" -- log --hrv ""
refused "rhr -0" rhr "25–220" -- log --rhr -0
refused "hrv -0" hrv "5–300" -- log --hrv -0
refused "note of 10 kB" note "500" -- log --note "$LONG_NOTE"
refused "pain-site of 10 kB" pain-site "is not one of foot" -- log --pain 2 --pain-site "$LONG_NOTE"
refused "pain-site not on the list" pain-site "is not one of foot" -- log --pain 2 --pain-site "left achilles"
refused "note with a newline" note "newline" -- log --note "$(printf 'two\nlines')"

# -0 for a field whose range starts at 0: refusing it is fine; accepting it must store 0,
# never a negative zero that comes back out as "-0".
for f in sleep:sleep_hours balance:balance_s; do
    opt="${f%%:*}" col="${f#*:}"
    timeout 20 "$BIN" --db "$DB" --date "$TODAY" log --"$opt" -0 >"$WORK/last.out" 2>"$WORK/last.err"
    rc=$?
    if [[ $rc -eq 65 ]]; then
        ok "$opt -0: refused (exit 65)"
    elif [[ $rc -eq 0 ]]; then
        stored="$(sqlite3 "$DB" "SELECT quote($col) FROM markers WHERE day = '$TODAY';")"
        if [[ "$stored" != -* ]] && ! timeout 20 "$BIN" --db "$DB" export | grep -q -- ',-0'; then
            ok "$opt -0: accepted as 0 (stored $stored, exported without a sign)"
        else
            bad "$opt -0: stored as a negative zero ($stored)"
        fi
    else
        bad "$opt -0: exit $rc: $(head -c 300 "$WORK/last.err")"
    fi
done

echo "-- dates"
refused "date tomorrow" date "up to today" -- --date "$TOMORROW" log --rhr 50
refused "date next year" date "up to today" -- --date "$NEXT_YEAR" log --rhr 50
refused "date 2026-02-30" date "up to today" -- --date 2026-02-30 log --rhr 50
refused "date 2025-13-01" date "up to today" -- --date 2025-13-01 log --rhr 50
refused "date 0001-01-01" date "1900-01-01" -- --date 0001-01-01 log --rhr 50
refused "date 1899-12-31" date "1900-01-01" -- --date 1899-12-31 log --rhr 50
refused "date ' $TODAY'" date "YYYY-MM-DD" -- --date " $TODAY" log --rhr 50
refused "date ''" date "YYYY-MM-DD" -- --date "" log --rhr 50
refused "date 2026-1-5" date "YYYY-MM-DD" -- --date 2026-1-5 log --rhr 50
refused "run on a future date" date "up to today" -- --date "$TOMORROW" run --type easy --minutes 30 --at 07:00
refused "tick on a future date" date "up to today" -- --date "$TOMORROW" tick mobility

echo "-- unknown options: usage errors (exit 2), nothing stored"
# (--at 00:00: never later than now, see "run values".)
for spec in "--mood:log --mood 5" "--mood:log --rhr 50 --mood 5" "--pace:run --type easy --minutes 30 --at 00:00 --pace 5"; do
    opt="${spec%%:*}" args="${spec#*:}"
    before="$(db_state)"
    # shellcheck disable=SC2086
    expect_exit 2 "'$args': usage error" timeout 20 "$BIN" --db "$DB" $args
    check "'$args': $opt is named" grep -qF -- "'$opt'" "$WORK/last.err"
    check "'$args': nothing stored" test "$(db_state)" == "$before"
done

echo "-- run values"
# --at 00:00: a run on today that ended at a time never later than now, at any hour the
# suite runs (07:00 is refused for that before 07:00), so only the value under test is wrong.
refused "minutes 0" minutes "1–1440" -- run --type easy --minutes 0 --at 00:00
refused "minutes 1441" minutes "1–1440" -- run --type easy --minutes 1441 --at 00:00
refused "minutes 30.5" minutes "1–1440" -- run --type easy --minutes 30.5 --at 00:00
refused "minutes ''" minutes "1–1440" -- run --type easy --minutes "" --at 00:00
refused "rpe 11" rpe "1–10" -- run --type easy --minutes 30 --rpe 11 --at 00:00
refused "rpe 0" rpe "1–10" -- run --type easy --minutes 30 --rpe 0 --at 00:00
refused "type jog" type "easy, tempo, intervals, long, race, cross" -- run --type jog --minutes 30 --at 00:00
refused "type ''" type "easy, tempo, intervals, long, race, cross" -- run --type "" --minutes 30 --at 00:00
refused "at 25:00" at "00:00–23:59" -- run --type easy --minutes 30 --at 25:00
refused "at 7:5" at "00:00–23:59" -- run --type easy --minutes 30 --at 7:5
refused "at 7.30" at "00:00–23:59" -- run --type easy --minutes 30 --at 7.30
refused "km NaN" km "0–1000" -- run --type easy --minutes 30 --km NaN --at 00:00
refused "km ''" km "0–1000" -- run --type easy --minutes 30 --km "" --at 00:00
refused "fluid-l 21" fluid-l "0–20" -- run --type easy --minutes 30 --fluid-l 21 --at 00:00
refused "weight-after 1e2" weight-after "20–300" -- run --type easy --minutes 30 --weight-after 1e2 --at 00:00
refused "run note of 10 kB" note "500" -- run --type easy --minutes 30 --note "$LONG_NOTE" --at 00:00

echo "-- the same values inside a CSV (one bad row among good rows)"
# import_refused LABEL FIELD RANGE HEADER BADROW — a CSV with three good rows (lines 2–4),
# BADROW on line 5 and one more good row after it: exit 65, `FILE:5: FIELD:`, nothing stored.
CSVN=0
import_refused() {
    local label="$1" field="$2" range="$3" header="$4" badrow="$5"
    CSVN=$((CSVN + 1))
    local csv="$WORK/bad-$CSVN.csv" before
    if [[ "$header" == date,type,* ]]; then
        printf '%s\n2024-03-01,easy,30,3,07:00\n2024-03-02,tempo,45,7,07:00\n2024-03-03,long,95,5,08:00\n%s\n2024-03-05,easy,20,2,07:00\n' \
            "$header" "$badrow" >"$csv"
    else
        printf '%s\n2024-03-01,51,60,7.5,2,\n2024-03-02,52,61,7,3,a note\n2024-03-03,50,62,8,1,\n%s\n2024-03-05,53,63,6.5,2,\n' \
            "$header" "$badrow" >"$csv"
    fi
    before="$(db_state)"
    expect_exit 65 "import, $label: refused" timeout 20 "$BIN" --db "$DB" import "$csv"
    if one_line_msg && names "$csv:5: $field:" "$range"; then
        ok "import, $label: '$(basename "$csv"):5: $field:' and '$range' named"
    else
        bad "import, $label: wanted one line naming '$(basename "$csv"):5: $field:' and '$range': $(head -c 400 "$WORK/last.err")"
    fi
    if [[ "$(db_state)" == "$before" ]]; then
        ok "import, $label: nothing stored (sha256 unchanged)"
    else
        bad "import, $label: the database changed ($(rows "$DB" markers) markers, $(rows "$DB" runs) runs)"
    fi
}
MH="date,rhr,hrv,sleep_hours,soreness,note"
RH="date,type,minutes,rpe,at"
import_refused "rhr 0" rhr "25–220" "$MH" "2024-03-04,0,60,7,2,"
import_refused "rhr 400" rhr "25–220" "$MH" "2024-03-04,400,60,7,2,"
import_refused "rhr 55.5" rhr "25–220" "$MH" "2024-03-04,55.5,60,7,2,"
import_refused "sleep 30" sleep_hours "0–24" "$MH" "2024-03-04,50,60,30,2,"
import_refused "sleep -1" sleep_hours "0–24" "$MH" "2024-03-04,50,60,-1,2,"
import_refused "soreness 11" soreness "0–10" "$MH" "2024-03-04,50,60,7,11,"
for v in abc NaN inf 1e999 0x3E 62abc " 62" "62 "; do
    import_refused "hrv '$v'" hrv "5–300" "$MH" "2024-03-04,50,$v,7,2,"
done
import_refused "rhr -0" rhr "25–220" "$MH" "2024-03-04,-0,60,7,2,"
import_refused "date tomorrow" date "up to today" "$MH" "$TOMORROW,50,60,7,2,"
import_refused "date next year" date "up to today" "$MH" "$NEXT_YEAR,50,60,7,2,"
import_refused "date 2026-02-30" date "calendar day" "$MH" "2026-02-30,50,60,7,2,"
import_refused "date 0001-01-01" date "1900-01-01" "$MH" "0001-01-01,50,60,7,2,"
import_refused "date ''" date "YYYY-MM-DD" "$MH" ",50,60,7,2,"
import_refused "note of 10 kB" note "500" "$MH" "2024-03-04,50,60,7,2,$LONG_NOTE"
import_refused "minutes 0" minutes "1–1440" "$RH" "2024-03-04,easy,0,3,07:00"
import_refused "rpe 11" rpe "1–10" "$RH" "2024-03-04,easy,30,11,07:00"
import_refused "type jog" type "easy, tempo, intervals, long, race, cross" "$RH" "2024-03-04,jog,30,3,07:00"
import_refused "at 25:00" at "00:00–23:59" "$RH" "2024-03-04,easy,30,3,25:00"

# A good row for the same file layout goes in (so the refusals above are about the values).
printf '%s\n2024-03-01,51,60,7.5,2,\n' "$MH" >"$WORK/good.csv"
expect_exit 0 "import of a good markers CSV of the same layout" timeout 20 "$BIN" --db "$DB" import "$WORK/good.csv"
printf '%s\n2024-03-01,easy,30,3,07:00\n' "$RH" >"$WORK/good-runs.csv"
expect_exit 0 "import of a good runs CSV of the same layout" timeout 20 "$BIN" --db "$DB" import "$WORK/good-runs.csv"

# An unknown column is reported, never silently dropped: refused, named.
printf 'date,rhr,mood\n2024-04-01,50,5\n' >"$WORK/mood.csv"
before="$(db_state)"
expect_exit 65 "import with an unknown column 'mood': refused" timeout 20 "$BIN" --db "$DB" import "$WORK/mood.csv"
check "import with an unknown column: 'mood' named with the file" names "mood.csv" "mood"
check "import with an unknown column: nothing stored" test "$(db_state)" == "$before"

# The same through stdin.
before="$(db_state)"
printf '%s\n2024-04-02,51,60,7.5,2,\n2024-04-03,400,60,7.5,2,\n' "$MH" >"$WORK/stdin.csv"
expect_exit 65 "import - (stdin) with rhr 400 on line 3: refused" timeout 20 "$BIN" --db "$DB" import - <"$WORK/stdin.csv"
check "import -: ':3: rhr:' and '25–220' named" names ":3: rhr:" "25–220"
check "import -: nothing stored" test "$(db_state)" == "$before"

echo "-- config file"
CFG="$WORK/config.toml"
# config_refused LABEL VALUE — `[timers] foam_roll_seconds = VALUE` on line 4.
config_refused() {
    local label="$1" value="$2" before
    printf '# cooldown config\nfocus = "hrv"\n[timers]\nfoam_roll_seconds = %s\ncue_seconds = 10\n' "$value" >"$CFG"
    for cmd in "checklist" "log --rhr 49"; do
        before="$(db_state)"
        # shellcheck disable=SC2086
        expect_exit 65 "config $label, '$cmd': refused" env COOLDOWN_CONFIG="$CFG" timeout 20 "$BIN" --db "$DB" $cmd
        check "config $label, '$cmd': one line naming the file and line 4" one_line_names "$CFG" "line 4"
        check "config $label, '$cmd': nothing stored" test "$(db_state)" == "$before"
    done
    check "config $label: the key and its range 1–600 named" names "foam_roll_seconds" "1–600"
}
config_refused "foam_roll_seconds = 0" 0
config_refused "foam_roll_seconds = 601" 601
config_refused 'foam_roll_seconds = "abc"' '"abc"'
config_refused "foam_roll_seconds = -1" -1
config_refused "foam_roll_seconds = 90.5" 90.5
config_refused "foam_roll_seconds = nan" nan

printf '[timers]\nfoam_rol_seconds = 90\n' >"$CFG"
expect_exit 65 "config with a misspelt key: refused" env COOLDOWN_CONFIG="$CFG" timeout 20 "$BIN" --db "$DB" checklist
check "config with a misspelt key: the key, the file and line 2 named" names "foam_rol_seconds" "$CFG" "line 2"
printf '[readiness]\nband_sd = -1\n' >"$CFG"
expect_exit 65 "config band_sd = -1: refused" env COOLDOWN_CONFIG="$CFG" timeout 20 "$BIN" --db "$DB" checklist
check "config band_sd = -1: key, range, file and line 2 named" names "band_sd" "0.1–2" "$CFG" "line 2"
printf '[timers]\nfoam_roll_seconds = 90\n' >"$CFG"
expect_exit 0 "the same config with a good value works" env COOLDOWN_CONFIG="$CFG" timeout 20 "$BIN" --db "$DB" checklist

echo "-- afterwards"
check "integrity_check = ok" integrity "$DB"
check "no refused day was stored (no rows dated tomorrow, next year, before 1900)" \
    test "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM markers WHERE day > '$TODAY' OR day < '1900-01-01')
                          + (SELECT count(*) FROM runs WHERE day > '$TODAY' OR day < '1900-01-01');")" -eq 0
check "no note over 500 characters stored" \
    test "$(sqlite3 "$DB" "SELECT count(*) FROM markers WHERE length(note) > 500 OR length(pain_site) > 500;")" -eq 0

finish
