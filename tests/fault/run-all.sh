#!/usr/bin/env bash
# Runs every fault script (tests/fault/F*.sh) against the release binary and sums up.
# Each script prints its own "N passed, N failed" last; this exits 1 if any script failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet || exit 2
failed=()
suite_start=$SECONDS
for script in tests/fault/F*.sh; do
    name="$(basename "$script" .sh)"
    echo "== $name"
    start=$SECONDS
    if timeout --kill-after=10 600 bash "$script"; then
        echo "   ($((SECONDS - start)) s)"
    else
        echo "   ($((SECONDS - start)) s) $name FAILED"
        failed+=("$name")
    fi
done
if ((${#failed[@]})); then
    echo "fault suite: ${#failed[@]} script(s) failed: ${failed[*]} ($((SECONDS - suite_start)) s)"
    exit 1
fi
echo "fault suite: every script passed ($((SECONDS - suite_start)) s)"
