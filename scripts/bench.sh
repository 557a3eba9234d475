#!/usr/bin/env bash
# Issue 19's table: cooldown side by side with pomodoro-tui 0.2.0, porsmo 0.3.5 and a floor
# (scripts/floor.c), measured in the same run on demo histories (`cooldown seed-demo`):
# the dashboards in pseudo-terminals (scripts/tui-bench.py: launches interleaved, key
# presses interleaved, idle over one shared window), whole commands interleaved with their
# yardsticks (scripts/cmd-bench.py), then the table with ratios and each goal met or not
# (scripts/bench-table.py). Prints numbers; asserts nothing. About 5 minutes by default.
#
#   scripts/bench.sh                   # the side-by-side on 10 years; switches on 1, 3, 10
#   YEARS="1 10" scripts/bench.sh      # the sizes (the largest gets the side-by-side)
#   LAUNCHES=15 PRESSES=40 IDLE=20 SWITCHES=10 RUNS=60   # the knobs (these are the defaults)
#   COOLDOWN_BIN=/path/to/cooldown     # measure that binary instead of building this tree
#   NO_OTHERS=1                        # cooldown and the floor only (no cargo install)
#
# The other programs are installed once with `cargo install --locked --root` into
# $CARGO_TARGET_DIR/bench-tools (BENCH_TOOLS to change it); porsmo needs libasound2-dev.
# Without a network they are left out, and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
YEARS="${YEARS:-1 3 10}"
LAUNCHES="${LAUNCHES:-15}"
PRESSES="${PRESSES:-40}"
IDLE="${IDLE:-20}"
SWITCHES="${SWITCHES:-10}"
RUNS="${RUNS:-60}"
TOOLS="${BENCH_TOOLS:-$CARGO_TARGET_DIR/bench-tools}"
END=2026-11-28
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$TOOLS"
note() { echo "$*" >>"$WORK/notes"; echo "bench: $*" >&2; }
: >"$WORK/notes"

if [[ -n "${COOLDOWN_BIN:-}" ]]; then
    BIN="$COOLDOWN_BIN"
else
    cargo build --release --quiet
    BIN="$CARGO_TARGET_DIR/release/cooldown"
fi
note "cooldown: $BIN ($("$BIN" --version 2>/dev/null || echo '?'), $(stat -c %s "$BIN") bytes)"

# install NAME VERSION [apt package it needs] — into $TOOLS once; says why not if it fails.
install() {
    local name="$1" version="$2" dep="${3:-}"
    [[ -x "$TOOLS/bin/$name" ]] && return 0
    if [[ -n "$dep" ]] && ! dpkg -s "$dep" >/dev/null 2>&1; then
        if ! { apt-get update -qq && apt-get install -y -qq "$dep"; } >>"$TOOLS/install.log" 2>&1; then
            note "$name $version: not measured ($dep could not be installed; see $TOOLS/install.log)"
            return 1
        fi
    fi
    echo "bench: installing $name $version into $TOOLS (once)…" >&2
    if ! CARGO_TARGET_DIR="$TOOLS/build" cargo install --locked --quiet --root "$TOOLS" \
        "$name@$version" >>"$TOOLS/install.log" 2>&1; then
        note "$name $version: not measured (cargo install failed — no network or crates.io? see $TOOLS/install.log)"
        return 1
    fi
    rm -rf "$TOOLS/build" # the binary in $TOOLS/bin is what is kept (the build is ~400 MB)
}

others=()
if [[ -z "${NO_OTHERS:-}" ]]; then
    install pomodoro-tui 0.2.0 && others+=(--other "pomodoro-tui=$TOOLS/bin/pomodoro-tui")
    install porsmo 0.3.5 libasound2-dev && others+=(--other "porsmo=$TOOLS/bin/porsmo")
fi
if cc -O2 -o "$TOOLS/floor" scripts/floor.c 2>>"$TOOLS/install.log"; then
    others+=(--other "floor=$TOOLS/floor")
else
    note "floor: not measured (no C compiler)"
fi

note "runs: launches $LAUNCHES rounds (every program once a round, rotating order);" \
    "$PRESSES key presses each, interleaved; idle windows of $IDLE s; $SWITCHES rounds of" \
    "screen switches; commands $RUNS rounds after 5 warm-ups;" \
    "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
largest=0
for years in $YEARS; do ((years > largest)) && largest=$years; done
for years in $YEARS; do
    db="$WORK/$years/cooldown.db"
    mkdir -p "$WORK/$years"
    "$BIN" --db "$db" --date "$END" seed-demo --days $((years * 365)) >/dev/null
    if ((years == largest)); then
        echo "bench: $years years: the dashboards side by side…" >&2
        python3 scripts/tui-bench.py "$db" --bin "$BIN" "${others[@]}" --launches "$LAUNCHES" \
            --presses "$PRESSES" --idle "$IDLE" --switches "$SWITCHES" --json >"$WORK/tui-$years.json"
        echo "bench: $years years: commands…" >&2
        python3 scripts/cmd-bench.py --runs "$RUNS" \
            "verdict=$BIN --db $db --date $END verdict --json" \
            "sqlite3=sqlite3 $db 'select count(*) from markers'" \
            "trends=$BIN --db $db --date $END trends --marker hrv --days 3650" \
            "true=true" >"$WORK/cmd-$years.json"
    else
        echo "bench: $years years: screen switches…" >&2
        python3 scripts/tui-bench.py "$db" --bin "$BIN" --launches 5 --presses 10 --idle 2 \
            --switches "$SWITCHES" --json >"$WORK/tui-$years.json"
    fi
done
note "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # one argument per size
python3 scripts/bench-table.py "$WORK" "$largest" $YEARS
