#!/usr/bin/env bash
# Measures `cooldown import` of a runs CSV of 20,000, 40,000 and 80,000 rows (two runs a
# day from 1900, no end times), best of 3, with the release binary (or the one given):
#   parse   — the file ends in a bad row: every row read and checked, nothing written;
#   import  — into a new database;
#   again   — the same file into that database (every row matched to its run).
# Prints milliseconds and the growth from 20,000 rows; asserts nothing (tests/fault/F22
# checks the 80k/20k ratio).
# Usage: scripts/runs-import-bench.sh [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/release/cooldown}"
[[ $# -gt 0 ]] || cargo build --release --quiet
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export COOLDOWN_NOW=2026-11-28T12:00:00 TZ=UTC HOME="$tmp/home" COOLDOWN_CONFIG="$tmp/none.toml"
unset COOLDOWN_DB

ms() {
    local start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 || true
    echo $(((${EPOCHREALTIME/./} - start) / 1000))
}

best() {
    local best="" t i
    for i in 1 2 3; do
        [[ "$1" == import ]] && rm -f "$3" "$3-wal" "$3-shm"
        t="$(ms "$BIN" --db "$3" import "$2")"
        [[ -z "$best" || "$t" -lt "$best" ]] && best="$t"
    done
    echo "$best"
}

echo "$BIN: runs import, best of 3"
declare -A base
for n in 20000 40000 80000; do
    {
        echo "date,type,minutes,km,rpe"
        sqlite3 :memory: "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $n - 1)
            SELECT date('1900-01-01', '+' || (i / 2) || ' days') || ',easy,' || (30 + i % 60) || ','
                   || (5 + i % 10) || ',' || (1 + i % 9) FROM n;"
    } >"$tmp/runs.csv"
    { cat "$tmp/runs.csv"; echo "2026-11-27,easy,0,,"; } >"$tmp/bad.csv"
    line="$(printf '%6d rows:' "$n")"
    for kind in parse import again; do
        case $kind in
            parse) t="$(best parse "$tmp/bad.csv" "$tmp/parse.db")" ;;
            import) t="$(best import "$tmp/runs.csv" "$tmp/$n.db")" ;;
            again) t="$(best again "$tmp/runs.csv" "$tmp/$n.db")" ;;
        esac
        [[ -n "${base[$kind]:-}" ]] || base[$kind]="$t"
        line+="$(printf '   %s %6d ms (%4.1f×)' "$kind" "$t" "$(awk -v a="$t" -v b="${base[$kind]}" 'BEGIN { print a / (b > 0 ? b : 1) }')")"
    done
    echo "$line"
done
