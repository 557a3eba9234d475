#!/usr/bin/env bash
# F22: importing runs takes time proportional to the file (no scan of the rows before each
# row). 20,000 and 80,000 runs without end times (two a day from 1900, the shape that made
# every row look for an earlier run of its day and minute) are imported, best of 3 each:
#   - parse only: the file ends in a bad row, so everything is read and checked, nothing
#     written;
#   - a whole import into a new database;
#   - the same file again into that database (every row matched to its run).
# Four times the rows must take at most 8 times as long (linear is about 4×, quadratic
# about 16×). Prints the times; the bound is generous so a busy machine cannot fail it.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
BOUND=8
SIZES=(20000 80000)

# runs_csv N FILE — N runs, two a day from 1900-01-01, no `at` column.
runs_csv() {
    {
        echo "date,type,minutes,km,rpe"
        sqlite3 :memory: "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $1 - 1)
            SELECT date('1900-01-01', '+' || (i / 2) || ' days') || ',easy,' || (30 + i % 60) || ','
                   || (5 + i % 10) || ',' || (1 + i % 9) FROM n;"
    } >"$2"
}

# ms COMMAND… — runs the command, prints its wall time in milliseconds; 1 when it failed.
ms() {
    local start=${EPOCHREALTIME/./} status
    "$@" >/dev/null 2>&1
    status=$?
    echo $(((${EPOCHREALTIME/./} - start) / 1000))
    return $status
}

# best KIND N — the best of 3 times for KIND (parse | import | again) of the N-row file.
best() {
    local kind="$1" n="$2" best="" t i db="$WORK/db-$2.db"
    for i in 1 2 3; do
        case $kind in
            parse) t="$(ms "$BIN" --db "$WORK/parse.db" import "$WORK/bad-$n.csv")" && return 1 ;;
            import)
                rm -f "$db" "$db-wal" "$db-shm"
                t="$(ms "$BIN" --db "$db" import "$WORK/runs-$n.csv")" || return 1
                ;;
            again) t="$(ms "$BIN" --db "$db" import "$WORK/runs-$n.csv")" || return 1 ;;
        esac
        [[ -z "$best" || "$t" -lt "$best" ]] && best="$t"
    done
    echo "$best"
}

for n in "${SIZES[@]}"; do
    runs_csv "$n" "$WORK/runs-$n.csv"
    { cat "$WORK/runs-$n.csv"; echo "2026-11-27,easy,0,,"; } >"$WORK/bad-$n.csv"
done
check "the files hold 20,000 and 80,000 runs" \
    test "$(wc -l <"$WORK/runs-20000.csv")" = 20001 -a "$(wc -l <"$WORK/runs-80000.csv")" = 80001
expect_exit 0 "an empty database for the parse-only runs" "$BIN" --db "$WORK/parse.db" checklist
"$BIN" --db "$WORK/parse.db" import "$WORK/bad-20000.csv" >/dev/null 2>"$WORK/bad.err"
check "the last row is refused (so a parse-only run reads the whole file)" grep -qF "bad-20000.csv:20002: minutes" "$WORK/bad.err"

for kind in parse import again; do
    small="$(best "$kind" 20000)" || { bad "$kind: the 20,000-row import failed"; continue; }
    large="$(best "$kind" 80000)" || { bad "$kind: the 80,000-row import failed"; continue; }
    ratio="$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')"
    echo "   $kind: 20,000 runs $small ms, 80,000 runs $large ms: ${ratio}×"
    if awk -v r="$ratio" -v m="$BOUND" 'BEGIN { exit !(r <= m) }'; then
        ok "$kind: 4× the rows took ${ratio}× the time (at most ${BOUND}×)"
    else
        bad "$kind: 4× the rows took ${ratio}× the time (more than ${BOUND}×: slower than linear)"
    fi
done
check "the 80,000 runs are all stored" test "$(rows "$WORK/db-80000.db" runs)" = 80000
finish
