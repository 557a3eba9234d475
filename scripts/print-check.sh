#!/usr/bin/env bash
# Renders the printable pages with headless Chromium (Debian's package) to PDF, on A4 and
# Letter, and to PNG for a look: today's checklist from the demo history and a weekly plan.
# Not run in CI (it installs a browser). Usage: scripts/print-check.sh [OUT_DIR]
set -euo pipefail

out="${1:-target/print-check}"
mkdir -p "$out"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet
bin=target/release/cooldown
db="$out/demo.db"
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" seed-demo --date 2026-11-20 >/dev/null
"$bin" --db "$db" --date 2026-11-19 print --format html --out "$out/checklist.html"
"$bin" plan --weekly-km 50 --weeks 4 --format html --out "$out/plan.html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for page in checklist plan; do
    for paper in A4 Letter; do
        # Chromium takes the paper size from the system locale's default; the page's CSS
        # sets only margins, so the same file must fit both.
        size=$([[ $paper == A4 ]] && echo "210mm 297mm" || echo "8.5in 11in")
        sed "s|@page { margin: 14mm; }|@page { size: $size; margin: 14mm; }|" "$out/$page.html" >"$out/$page-$paper.html"
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --user-data-dir="$profile" --print-to-pdf="$out/$page-$paper.pdf" \
            "file://$(realpath "$out/$page-$paper.html")" 2>/dev/null
        pages=$(pdfinfo "$out/$page-$paper.pdf" | awk '/^Pages:/ {print $2}')
        dims=$(pdfinfo "$out/$page-$paper.pdf" | awk -F': *' '/^Page size:/ {print $2}')
        pdftoppm -png -r 60 "$out/$page-$paper.pdf" "$out/$page-$paper"
        echo "$page on $paper: $pages page(s), $dims → $out/$page-$paper-*.png"
    done
done
