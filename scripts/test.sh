#!/usr/bin/env bash
# Every check CI makes, in the order a failure is cheapest to find: formatting, lints, the
# Rust suite on today's clock, the same suite on four awkward instants (scripts/any-day.sh),
# the macOS and Windows type checks (scripts/cross-check.sh), then the fault suite against
# the release binary (tests/fault/). Prints the time each step took; stops at the first
# failure.
#
# Needs tmux, sqlite3 and faketime (.ci/run installs them when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true # insta: a snapshot mismatch fails, and no .snap.new files are written

step() {
    local name="$1"
    shift
    echo "== $name"
    local start=$SECONDS
    "$@"
    echo "== $name: ok ($((SECONDS - start)) s)"
}

total=$SECONDS
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy" cargo clippy --all-targets --quiet -- -D warnings
step "cargo test" cargo test --quiet
step "any day" scripts/any-day.sh
step "macOS and Windows" scripts/cross-check.sh
step "fault suite" tests/fault/run-all.sh
echo "every check passed ($((SECONDS - total)) s)"
