#!/usr/bin/env bash
# F34: Apple Health exports are streamed, not loaded (issue 17 item 5). A 200 MiB export.xml
# (3 years, ~870 k Record elements, scripts/gen-apple-export.py) imports as a plain file,
# inside export.zip and gzipped, with peak memory far below the file's size; --dry-run
# writes nothing; a bad value at its very end names its line and stores nothing; the
# progress bar moves while the one file is read; a gzip bomb of XML (4 GiB + 64 MiB
# unpacked from ~70 MiB) stops at the 4 GiB streaming limit, in one line, nothing stored.
. "$(dirname "$0")/lib.sh"

DB="$WORK/f33.db"
TODAY="$(date -u +%F)"
"$BIN" --db "$DB" log --date "$(date -u -d '-4000 days' +%F)" --rhr 49 >/dev/null 2>&1
SHA="$(sha "$DB")"
unchanged() { test "$(sha "$DB")" = "$SHA"; }
err_has() { grep -qE -- "$1" "$WORK/last.err"; }
out_has() { grep -qF -- "$1" "$WORK/last.out"; }
one_line() { [[ $(wc -l <"$WORK/last.err") -eq 1 ]]; }

mkdir -p "$WORK/apple_health_export"
XML="$WORK/apple_health_export/export.xml"
python3 "$ROOT/scripts/gen-apple-export.py" "$XML" 200 3 "$TODAY" 2>/dev/null
(cd "$WORK" && python3 -c 'import zipfile; z = zipfile.ZipFile("export.zip", "w", zipfile.ZIP_DEFLATED); z.write("apple_health_export/export.xml"); z.close()')
gzip -1 -c "$XML" >"$WORK/export.xml.gz"
echo "   export.xml $(($(stat -c %s "$XML") / 1048576)) MiB, export.zip $(($(stat -c %s "$WORK/export.zip") / 1048576)) MiB"

echo "-- a 200 MiB export.xml"
expect_exit 0 "--dry-run reads it whole" timeout 300 "$BIN" --db "$DB" import --dry-run "$XML"
check "  1095 mornings would be new: $(head -c 160 "$WORK/last.out")" out_has "export.xml: 1095 mornings (1095 new, 0 changed, 0 already the same)"
check "  and nothing was written" unchanged
expect_exit 0 "it imports" timeout 300 /usr/bin/time -v -o "$WORK/time.txt" "$BIN" --db "$DB" import "$XML"
check "  1095 mornings: $(head -c 160 "$WORK/last.out")" out_has "export.xml: 1095 mornings (1095 new, 0 changed, 0 already the same)"
check "  and the running workouts: $(grep -o '[0-9]* activities ([0-9]* new' "$WORK/last.out")" grep -qE '[0-9]{3} activities \([0-9]{3} new' "$WORK/last.out"
RSS_KIB="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")"
check "  peak memory ${RSS_KIB:-?} KiB, under 64 MiB for a 200 MiB file" test "${RSS_KIB:-999999999}" -lt 65536
check "  the database is sound" integrity "$DB"
SHA="$(sha "$DB")"

echo "-- inside export.zip, and gzipped"
expect_exit 0 "export.zip imports (apple_health_export/export.xml read from the archive)" timeout 300 "$BIN" --db "$DB" import "$WORK/export.zip"
check "  the same 1095 mornings, already the same: $(head -c 200 "$WORK/last.out")" out_has "export.zip/apple_health_export/export.xml: 1095 mornings (0 new, 0 changed, 1095 already the same)"
expect_exit 0 "export.xml.gz imports" timeout 300 "$BIN" --db "$DB" import "$WORK/export.xml.gz"
check "  the same 1095 mornings" out_has "1095 mornings (0 new, 0 changed, 1095 already the same)"
check "  the database is unchanged" unchanged

echo "-- a bad value at the very end"
cp "$XML" "$WORK/bad.xml"
truncate -s -14 "$WORK/bad.xml"   # drops "</HealthData>\n"
YESTERDAY="$(date -u -d '-1 day' +%F)"
printf ' <Record type="HKQuantityTypeIdentifierRestingHeartRate" sourceName="Watch" unit="count/min" startDate="%s 05:00:00 +0000" endDate="%s 05:00:00 +0000" value="300"/>\n</HealthData>\n' "$YESTERDAY" "$YESTERDAY" >>"$WORK/bad.xml"
LINE=$(($(wc -l <"$WORK/bad.xml") - 1))
expect_exit 65 "refused" timeout 300 "$BIN" --db "$DB" import "$WORK/bad.xml"
check "  names line $LINE and the field: $(head -c 200 "$WORK/last.err")" err_has "bad\.xml:$LINE: rhr: "
check "  one line" one_line
check "  the database is unchanged" unchanged

echo "-- the progress bar while one big file is read"
pane_done() { screen p | grep -qE 'exit-[0-9]+-code'; }
prompt() { screen p | grep -qE '[$#] *$'; }
tm new-session -d -s p -x 160 -y 12 "bash --norc"
until_true 30 prompt
cp "$DB" "$WORK/p.db"
tm send-keys -t p "script -qfec \"'$BIN' --db '$WORK/p.db' import '$XML'\" '$WORK/typescript'; echo exit-\$?-code" Enter
until_true 300 pane_done
check "  exit 0" screen_has p "exit-0-code"
BAR="$(tr '\r' '\n' <"$WORK/typescript" | grep -a -m1 -E 'importing \[#+\.+\] 0/1 files · [0-9.]+ MiB' | head -c 100)"
check "  the bar filled part way through the file: ${BAR:-none}" test -n "$BAR"
check "  and was erased" bash -c "! tmux -L '$SOCK' capture-pane -p -t p | grep -q 'importing \['"
tm_stop

echo "-- a gzip bomb of XML past the 4 GiB streaming limit"
python3 - "$WORK/bomb.xml.gz" <<'EOF'
import sys, zlib
head = b'<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_GB">\n'
rec = (b' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" '
       b'startDate="2020-01-01 12:00:00 +0000" endDate="2020-01-01 12:00:00 +0000" value="80"/>\n')
block = rec * ((64 << 20) // len(rec) + 1)  # a little over 64 MiB of records
def member(data):
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()
one = member(block)
with open(sys.argv[1], "wb") as f:
    f.write(member(head))
    for _ in range(65):  # 65 members: 4 GiB + 64 MiB of XML when unpacked
        f.write(one)
    f.write(member(b"</HealthData>\n"))
EOF
echo "   bomb.xml.gz: $(($(stat -c %s "$WORK/bomb.xml.gz") / 1048576)) MiB packed"
expect_exit 65 "refused" timeout 600 /usr/bin/time -v -o "$WORK/time.txt" "$BIN" --db "$DB" import "$WORK/bomb.xml.gz"
check "  at the 4 GiB limit, in one line: $(head -c 200 "$WORK/last.err")" err_has 'bomb\.xml\.gz: more than 4 GiB of XML'
check "  one line" one_line
RSS_KIB="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")"
check "  peak memory ${RSS_KIB:-?} KiB, under 64 MiB" test "${RSS_KIB:-999999999}" -lt 65536
check "  the database is unchanged" unchanged

finish
