#!/usr/bin/env bash
# The performance table of issue 9, on demo histories of 1, 3 and 10 years
# (`cooldown seed-demo --days N`): whole-process commands with hyperfine, peak memory with
# /usr/bin/time -v, and the dashboard in a pseudo-terminal (scripts/tui-bench.py). The
# in-process figures come from `cargo bench --bench screens` (run it with
# COOLDOWN_BENCH_DAYS=365|1095|3650). Prints numbers; asserts nothing.
#
#   scripts/bench.sh            # 1, 3 and 10 years
#   YEARS="10" scripts/bench.sh # one size only
#   IDLE=20 PRESSES=40          # the dashboard's idle window (s) and key presses (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet
BIN="$PWD/target/release/cooldown"
YEARS="${YEARS:-1 3 10}"
IDLE="${IDLE:-20}"
PRESSES="${PRESSES:-40}"
END=2026-11-28
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# median_ms "command" — hyperfine's median of 100 runs after 10 warm-ups, in ms.
median_ms() {
    hyperfine -N --warmup 10 --runs 100 --export-json "$WORK/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json; print('%.2f' % (json.load(open('$WORK/h.json'))['results'][0]['median'] * 1000))"
}

# peak_mib command… — /usr/bin/time -v's maximum resident set size, in MiB.
peak_mib() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f", $2 / 1024}'
}

declare -A R
for years in $YEARS; do
    days=$((years * 365))
    db="$WORK/$years.db"
    t0=$(date +%s%N)
    "$BIN" --db "$db" --date "$END" seed-demo --days "$days" >/dev/null
    R[seed,$years]=$((($(date +%s%N) - t0) / 1000000))
    "$BIN" --db "$db" --date "$END" export --out "$WORK/m$years.csv" 2>/dev/null
    R[verdict,$years]=$(median_ms "$BIN --db $db --date $END verdict --json")
    R[checklist,$years]=$(median_ms "$BIN --db $db --date $END checklist --json")
    R[export,$years]=$(median_ms "$BIN --db $db --date $END export")
    # Import into a new database each run: hyperfine's --prepare removes the last one.
    hyperfine -N --warmup 3 --runs 30 --prepare "rm -f $WORK/i.db $WORK/i.db-wal $WORK/i.db-shm" \
        --export-json "$WORK/h.json" "$BIN --db $WORK/i.db --date $END import $WORK/m$years.csv" >/dev/null 2>&1
    R[import,$years]=$(python3 -c "import json; print('%.2f' % (json.load(open('$WORK/h.json'))['results'][0]['median'] * 1000))")
    R[verdict_rss,$years]=$(peak_mib "$BIN" --db "$db" --date "$END" verdict --json)
    R[rows,$years]=$(($(wc -l <"$WORK/m$years.csv") - 1))
    python3 scripts/tui-bench.py "$db" --idle "$IDLE" --presses "$PRESSES" --json >"$WORK/tui$years.json"
    for k in launch_ms launch_p90_ms key_ms key_p90_ms idle_cpu_pct idle_wakeups timer_cpu_pct timer_wakeups peak_rss_mib; do
        R[$k,$years]=$(python3 -c "import json; print('%.3f' % json.load(open('$WORK/tui$years.json'))['$k'])")
    done
done

row() { # label target key…
    local label="$1" target="$2"
    shift 2
    printf '| %-44s |' "$label"
    for years in $YEARS; do
        local cells=()
        for k in "$@"; do cells+=("${R[$k,$years]}"); done
        printf ' %-16s |' "$(IFS=/; echo "${cells[*]}")"
    done
    printf ' %-22s |\n' "$target"
}

printf '| %-44s |' "measure (median unless said)"
for years in $YEARS; do printf ' %-16s |' "$years y (${R[rows,$years]} mornings)"; done
printf ' %-22s |\n' "target"
printf '|%s|' "$(printf -- '-%.0s' {1..46})"
for years in $YEARS; do printf '%s|' "$(printf -- '-%.0s' {1..18})"; done
printf '%s|\n' "$(printf -- '-%.0s' {1..24})"
row "launch → first complete frame, ms (p90)" "≤ 5 ms median" launch_ms launch_p90_ms
row "key → screen, ms (p90)" "≤ 1 ms / ≤ 2 ms p90" key_ms key_p90_ms
row "idle, no timer: % of a core / wake-ups/s" "≤ 0.02 % / ≤ 1" idle_cpu_pct idle_wakeups
row "idle, timer running: % of a core / wake-ups/s" "≤ 0.1 % / ≤ 3" timer_cpu_pct timer_wakeups
row "dashboard peak RSS after every screen, MiB" "≤ 8 MB" peak_rss_mib
row "verdict --json, ms / peak RSS MiB" "≤ 3 ms" verdict verdict_rss
row "checklist --json, ms" "" checklist
row "export (markers CSV), ms" "≤ 100 ms" export
row "import of that CSV into a new database, ms" "≤ 300 ms (3,650 rows)" import
row "seed-demo, ms (one run)" "" seed
