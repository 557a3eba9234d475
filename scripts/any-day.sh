#!/usr/bin/env bash
# The whole Rust suite under libfaketime at instants where a test that reads the wall clock,
# or depends on the weekday or the zone, would break: a Sunday, the last 30 seconds of a
# year, the night Berlin springs forward, and UTC+14. Each run starts at its instant and the
# clock runs on from there (midnight and the DST jump pass during the run). The monotonic
# clock stays real, so timeouts inside the tests mean what they say.
#
#   scripts/any-day.sh            every instant
#   scripts/any-day.sh 2          only the second one
#
# Needs `faketime` (Debian: apt-get install faketime). Builds first, on the real clock, so
# cargo's freshness checks never see a faked time. Doc tests are left out (there are none,
# and rustdoc hangs under libfaketime).
set -euo pipefail
cd "$(dirname "$0")/.."

instants=(
    "UTC|2026-11-29 12:00:00|a Sunday"
    "UTC|2026-12-31 23:59:30|31 Dec 23:59:30, the year ends during the run"
    "Europe/Berlin|2027-03-28 01:59:30|spring forward in Berlin: 02:00 never happens"
    "Pacific/Kiritimati|2026-07-01 00:00:30|UTC+14, already tomorrow in most of the world"
)

command -v faketime >/dev/null || { echo "any-day: faketime is not installed (apt-get install faketime)"; exit 2; }
export CI=true
cargo test --lib --bins --tests --no-run --quiet

only="${1:-}"
failed=()
for i in "${!instants[@]}"; do
    n=$((i + 1))
    [[ -n "$only" && "$only" != "$n" ]] && continue
    IFS='|' read -r zone when what <<<"${instants[$i]}"
    echo "== any-day $n: $when $zone ($what)"
    start=$SECONDS
    log="$(mktemp)"
    if TZ="$zone" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$when" cargo test --lib --bins --tests --quiet >"$log" 2>&1; then
        status=0
    else
        status=$?
    fi
    grep -E "^test result" "$log" | awk '{p += $4; f += $6} END {printf "   %d passed, %d failed\n", p, f}'
    if ((status != 0)); then
        grep -E "FAILED|panicked|^error|left:|right:" "$log" | head -40
        echo "   ($((SECONDS - start)) s) FAILED at $when $zone"
        failed+=("$n")
    else
        echo "   ($((SECONDS - start)) s) ok"
    fi
    rm -f "$log"
done
if ((${#failed[@]})); then
    echo "any-day: failed at instant(s) ${failed[*]}"
    exit 1
fi
echo "any-day: the suite passed at every instant"
