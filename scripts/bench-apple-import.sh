#!/usr/bin/env bash
# Importing a big Apple Health export (issue 17 item 5): a generated export.xml of MIB MiB
# (default 300: ~1.3 M Record elements over 10 years, scripts/gen-apple-export.py) as a
# plain file, inside export.zip (apple_health_export/export.xml, deflated) and gzipped —
# each with `cooldown import` into a fresh database and with `--dry-run`, under
# /usr/bin/time -v: wall time, peak RSS, exit code and the summary's first line. Prints
# numbers; asserts nothing.
#
#   scripts/bench-apple-import.sh                       # 300 MiB, this worktree's release build
#   MIB=1024 scripts/bench-apple-import.sh              # a 1 GiB export
#   OLD_BIN=/path/to/old/cooldown scripts/bench-apple-import.sh   # the same rows for another binary
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
BIN="${COOLDOWN_BIN:-$PWD/target/release/cooldown}"
MIB="${MIB:-300}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export COOLDOWN_NOW=2026-11-28T12:00:00 TZ=UTC

mkdir -p "$WORK/apple_health_export"
XML="$WORK/apple_health_export/export.xml"
python3 scripts/gen-apple-export.py "$XML" "$MIB" 10 2026-11-28
(cd "$WORK" && python3 -c 'import zipfile,sys; z=zipfile.ZipFile("export.zip","w",zipfile.ZIP_DEFLATED,compresslevel=6); z.write("apple_health_export/export.xml"); z.close()')
gzip -1 -c "$XML" >"$WORK/export.xml.gz"
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "export.xml $(mib "$XML") MiB ($(wc -l <"$XML") lines); export.zip $(mib "$WORK/export.zip") MiB; export.xml.gz $(mib "$WORK/export.xml.gz") MiB"

measure() { # label binary file [args…]
    local label="$1" bin="$2" file="$3"; shift 3
    rm -f "$WORK/db.sqlite"*
    /usr/bin/time -v -o "$WORK/time.txt" "$bin" --db "$WORK/db.sqlite" import "$@" "$file" \
        >"$WORK/out.txt" 2>"$WORK/err.txt" && rc=0 || rc=$?
    local wall rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$WORK/time.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time.txt")"
    local said
    said="$(head -c 110 "$WORK/out.txt" | head -1)"
    [[ $rc -eq 0 ]] || said="$(head -c 160 "$WORK/err.txt" | head -1)"
    printf '%-34s exit %-3s wall %-8s peak RSS %7s MiB  %s\n' "$label" "$rc" "$wall" "$rss" "$said"
}

for b in "new:$BIN" ${OLD_BIN:+"old:$OLD_BIN"}; do
    name="${b%%:*}" bin="${b#*:}"
    measure "$name export.xml" "$bin" "$XML"
    measure "$name export.xml --dry-run" "$bin" "$XML" --dry-run
    measure "$name export.zip" "$bin" "$WORK/export.zip"
    measure "$name export.xml.gz" "$bin" "$WORK/export.xml.gz"
done
