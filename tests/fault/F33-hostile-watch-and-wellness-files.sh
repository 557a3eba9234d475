#!/usr/bin/env bash
# F33: hostile watch and wellness files. For every reader — FIT, GPX, TCX, intervals.icu,
# HRV4Training, Oura CSV and JSON, Apple Health export.xml, a Garmin export folder — the
# good file imports and a --dry-run before and after it writes nothing; then hostile
# variants: truncated at several points (also between elements), values out of range,
# NaN / Infinity / 1e308, days in the future and before 2000 (1900 for mornings), duplicate
# days, escape sequences (ESC [31m, OSC 52) in names, sports, notes, header cells and file
# names, billion laughs and external entities, a FIT with bytes flipped at 200 places (and
# 100 more with its checksum made good again, so the parser itself sees them), a GPX of
# 200,000 points (time linear: 4× the points at most 8× the time), and the same FIT under
# two far-apart time zones. Every refusal: exit 65, one line on stderr naming the file, no
# panic, no raw ESC on stdout or stderr, the database's sha256 unchanged.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
FIX="$ROOT/tests/fixtures"
DB="$WORK/f33.db"
H="$WORK/h"
mkdir -p "$H"
"$BIN" --db "$DB" log --date 2026-11-01 --rhr 49 >/dev/null 2>&1
SHA="$(sha "$DB")"
ESC=$'\e'

# run_import ARGS… — cooldown import ARGS into $DB; stdout/stderr in last.out/last.err.
run_import() {
    timeout 60 "$BIN" --db "$DB" import "$@" >"$WORK/last.out" 2>"$WORK/last.err"
}
no_raw_esc() { ! grep -q "$ESC" "$WORK/last.out" "$WORK/last.err"; }

# refused WHAT FILE [NAME] — the import of FILE is refused: exit 65, one line on stderr that
# names it (NAME: a part of its name as printed), no panic, no raw ESC, nothing written.
refused() {
    local what="$1" file="$2" name="${3:-$2}" why="" rc
    run_import "$file"
    rc=$?
    [[ $rc -eq 65 ]] || why+=" exit $rc, wanted 65;"
    [[ $(wc -l <"$WORK/last.err") -eq 1 ]] || why+=" $(wc -l <"$WORK/last.err") lines on stderr;"
    grep -qF -- "$name" "$WORK/last.err" || why+=" the line does not name the file;"
    grep -q panicked "$WORK/last.err" && why+=" panicked;"
    no_raw_esc || why+=" a raw ESC reached the terminal;"
    [[ "$(sha "$DB")" == "$SHA" ]] || why+=" the database changed;"
    if [[ -z "$why" ]]; then
        ok "$what: $(sed "s|$WORK/||g" "$WORK/last.err" | cut -c1-150)"
    else
        bad "$what:$why $(head -c 250 "$WORK/last.err")"
        SHA="$(sha "$DB")"
    fi
}

# imports WHAT PATH — --dry-run writes nothing, the import succeeds, a --dry-run after it
# writes nothing and finds everything already the same.
imports() {
    local what="$1" path="$2" why=""
    run_import --dry-run "$path" || why+=" the dry run exits $?: $(head -c 200 "$WORK/last.err");"
    [[ "$(sha "$DB")" == "$SHA" ]] || why+=" the first dry run wrote;"
    run_import "$path" || why+=" the import exits $?: $(head -c 200 "$WORK/last.err");"
    local said
    said="$(head -1 "$WORK/last.out" | sed "s|$WORK/||g" | cut -c1-120)"
    no_raw_esc || why+=" a raw ESC reached the terminal;"
    SHA="$(sha "$DB")"
    run_import --dry-run "$path" || why+=" the dry run after exits $?;"
    [[ "$(sha "$DB")" == "$SHA" ]] || why+=" the dry run after the import wrote;"
    grep -qE "\(0 new, 0 changed, [0-9]+ already the same\)" "$WORK/last.out" ||
        why+=" the dry run after is not all 'already the same': $(head -1 "$WORK/last.out");"
    if [[ -z "$why" ]]; then ok "$what: $said"; else bad "$what:$why"; fi
}

python3 - "$FIX" "$H" <<'EOF'
import os, sys, random, shutil, struct
FIX, H = sys.argv[1], sys.argv[2]
def rd(p): return open(f"{FIX}/{p}", "rb").read()
def wr(name, data):
    os.makedirs(os.path.dirname(f"{H}/{name}"), exist_ok=True)
    open(f"{H}/{name}", "wb").write(data.encode() if isinstance(data, str) else data)
E = "\x1b[31mRED\x1b]52;c;aGk=\x07"
txt = {k: rd(p).decode() for k, p in {
    "gpx": "gpx/run.gpx", "tcx": "tcx/run.tcx", "apple": "wellness/apple-export.xml",
    "iv": "wellness/intervals.csv", "h4": "wellness/hrv4training.csv", "oc": "wellness/oura.csv",
    "oj": "wellness/oura.json", "o1": "wellness/oura-v1.json"}.items()}
ext = {"gpx": "gpx", "tcx": "tcx", "apple": "xml", "iv": "csv", "h4": "csv", "oc": "csv", "oj": "json", "o1": "json"}
GARMIN = f"{FIX}/wellness/garmin"
def garmin(name, edit):
    d = f"{H}/{name}"
    shutil.copytree(GARMIN, d)
    edit(d + "/DI_CONNECT")

# -- truncated: at a quarter, a half, three quarters of the bytes; XML also between elements;
#    CSVs in the middle of a row.
for k in ("gpx", "tcx", "apple", "oj", "o1"):
    b = txt[k].encode()
    for pct in (25, 50, 75):
        wr(f"trunc/{k}-{pct}.{ext[k]}", b[: len(b) * pct // 100])
for name in ("Activity.fit", "garmin-fenix-5-bike.fit"):
    b = rd(f"fit/{name}")
    for pct in (25, 50, 75, 99):
        wr(f"trunc/{name[:-4]}-{pct}.fit", b[: len(b) * pct // 100])
g, t, a = txt["gpx"], txt["tcx"], txt["apple"]
wr("trunc/gpx-after-3-points.gpx", g[: [i for i in range(len(g)) if g.startswith("</trkpt>", i)][2] + 8])
wr("trunc/tcx-after-a-lap.tcx", t[: t.find("</Lap>") + 6])
wr("trunc/tcx-after-the-activity.tcx", t[: t.find("</Activity>") + 11])
wr("trunc/apple-before-workouts.xml", a[: a.find(" <Workout ")])
wr("trunc/apple-after-a-workout.xml", a[: a.find("</Workout>") + 10])
for k in ("iv", "h4", "oc"):
    lines = txt[k].splitlines(keepends=True)
    for n in (1, len(lines) - 1):
        cut = sum(len(l) for l in lines[:n]) + len(lines[n]) // 2
        wr(f"trunc/{k}-row{n}.csv", txt[k][:cut])
def cut_sleep(d):
    p = d + "/DI-Connect-Wellness/11223344_sleepData.json"
    s = open(p).read(); open(p, "w").write(s[: len(s) // 2])
garmin("trunc/garmin-half-a-json", cut_sleep)

# -- values out of range, and numbers that are no numbers.
def vals(tag, values, k, old, fmt):
    for v in values:
        wr(f"{tag}/{k}-{v}.{ext[k]}", txt[k].replace(old, fmt % v, 1))
for tag, values in (("range", ("999999", "-5")), ("nums", ("Infinity", "1e308", "-1e308"))):
    vals(tag, values, "iv", "2026-11-20,52,", "2026-11-20,%s,")
    vals(tag, values, "h4", ",88.2,72.4,", ",88.2,%s,")
    vals(tag, values, "oc", "27030,47,58", "27030,47,%s")
    vals(tag, values, "apple", 'value="48.6"', 'value="%s"')
    vals(tag, [v for v in values if v != "Infinity"], "oj", '"lowest_heart_rate": 46', '"lowest_heart_rate": %s')
    vals(tag, [v for v in values if v != "Infinity"], "o1", '"hr_lowest": 46', '"hr_lowest": %s')
for v in ("999999", "-5"):
    wr(f"range/apple-mass-{v}.xml", a.replace('value="154.3"', f'value="{v}"'))
for v in ("NaN", "Infinity"):
    wr(f"nums/oj-{v}.json", txt["oj"].replace('"total_sleep_duration": 27000', f'"total_sleep_duration": {v}'))
    wr(f"nums/apple-mass-{v}.xml", a.replace('value="154.3"', f'value="{v}"'))
def garmin_value(old, new):
    def edit(d):
        for sub, _, files in os.walk(d):
            for f in files:
                p = f"{sub}/{f}"; s = open(p).read(); open(p, "w").write(s.replace(old, new))
    return edit
garmin("range/garmin-rhr-999", garmin_value('"restingHeartRate": 48', '"restingHeartRate": 999'))
garmin("range/garmin-deep-sleep-negative", garmin_value('"deepSleepSeconds": 5400', '"deepSleepSeconds": -5400'))
garmin("range/garmin-hrv-text", garmin_value('"value": 61}', '"value": "61"}'))
garmin("nums/garmin-rhr-1e308", garmin_value('"restingHeartRate": 48', '"restingHeartRate": 1e308'))
garmin("nums/garmin-rhr-NaN", garmin_value('"restingHeartRate": 48', '"restingHeartRate": NaN'))
wr("range/oj-negative-in-a-shorter-period.json", txt["oj"].replace('"total_sleep_duration": 1800', '"total_sleep_duration": -1800'))
# Activity values that are sensor junk: dropped, never stored, never a constraint error.
for v in ("NaN", "Infinity", "1e308", "-5"):
    wr(f"junk/tcx-distance-{v}.tcx", t.replace("<DistanceMeters>10000.0</DistanceMeters>", f"<DistanceMeters>{v}</DistanceMeters>"))
    wr(f"junk/tcx-heart-rate-{v}.tcx", t.replace("<Value>150</Value>", f"<Value>{v}</Value>"))
    wr(f"junk/gpx-latitude-{v}.gpx", g.replace('lat="45.19000"', f'lat="{v}"'))
    wr(f"junk/gpx-heart-rate-{v}.gpx", g.replace("<gpxtpx:hr>150</gpxtpx:hr>", f"<gpxtpx:hr>{v}</gpxtpx:hr>"))

# -- days in the future, and before 2000 (activities) or 1900 (mornings).
wr("dates/gpx-2099.gpx", g.replace("2018-05-27", "2099-05-27"))
wr("dates/gpx-1999.gpx", g.replace("2018-05-27", "1999-05-27"))
wr("dates/tcx-2099.tcx", t.replace("2026-11-22", "2099-11-22"))
wr("dates/tcx-1999.tcx", t.replace("2026-11-22", "1999-11-22"))
wr("dates/apple-workout-2099.xml", a.replace("2026-11-26 09:00:00", "2099-11-26 09:00:00").replace("2026-11-24 18:00:00 +0100\" endDate=\"2026-11-24 18:46", "2099-11-24 18:00:00 +0100\" endDate=\"2099-11-24 18:46"))
wr("dates/apple-workout-1999.xml", a.replace("2026-11-24 18:00:00 +0100\" endDate=\"2026-11-24 18:46", "1999-11-24 18:00:00 +0100\" endDate=\"1999-11-24 18:46"))
wr("dates/apple-rhr-2099.xml", a.replace("2026-11-24 06:55:00", "2099-11-24 06:55:00"))
for k, old in (("iv", "2026-11-21"), ("h4", "2026-11-24"), ("oc", "2026-11-25")):
    for y in ("2099", "1899"):
        wr(f"dates/{k}-{y}.csv", txt[k].replace(old, y + old[4:]))
wr("dates/oj-2099.json", txt["oj"].replace('"day": "2026-11-25"', '"day": "2099-11-25"'))
wr("dates/o1-1899.json", txt["o1"].replace("2026-11-23", "1899-11-23"))
garmin("dates/garmin-2099", garmin_value('"calendarDate": "2026-11-26"', '"calendarDate": "2099-11-26"'))

# -- duplicate days.
wr("dups/intervals-two-mornings.csv", "id,restingHR,time\n2026-10-01,61,21:00\n2026-10-01,44,06:30\n2026-10-01,62,12:00\n")
wr("dups/oura-twice.csv", "date,Lowest Resting Heart Rate\n2026-10-02,45\n2026-10-02,66\n")
wr("dups/hrv4training-evening-first.csv", "date,timestamp_measurement,HR,rMSSD\n2026-10-03,2026-10-03 21:00:00,70,30\n2026-10-03,2026-10-03 06:40:00,46,80\n")
wr("dups/oura-nap-and-night.json", '{"sleep": [{"day": "2026-10-04", "type": "late_nap", "total_sleep_duration": 1800, "lowest_heart_rate": 60}, {"day": "2026-10-04", "type": "long_sleep", "total_sleep_duration": 28800, "lowest_heart_rate": 43}]}')
wr("dups/ours-twice.csv", "date,rhr\n2026-10-05,50\n2026-10-05,51\n")

# -- escape sequences.
wr("esc/gpx-name-and-type.gpx", g.replace("<name>Morning Run</name>", f"<name>Morning{E}Run</name>").replace("<type>running</type>", f"<type>run{E}ning</type>").replace("2018-05-27", "2018-05-20"))
wr("esc/gpx-escaped-refs.gpx", g.replace("<name>Morning Run</name>", "<name>x&#27;]52;c;aGk=&#7;</name>").replace("<type>running</type>", "<type>run&#27;[31mning</type>").replace("2018-05-27", "2018-05-21"))
wr("esc/tcx-sport-and-creator.tcx", t.replace('Sport="Running"', f'Sport="Run{E}"').replace("Forerunner 255", f"Fore{E}runner").replace("2026-11-22", "2026-11-12"))
wr("esc/iv-header-cell.csv", f"id,restingHR,kcal{E}\n2026-10-10,50,1\n")
wr("esc/h4-header-cell.csv", f"date,timestamp_measurement,HR,rMSSD,alco{E}\n2026-10-11,2026-10-11 06:00:00,50,60,1\n")
wr("esc/oc-header-cell.csv", f"date,Lowest Resting Heart Rate,Ready{E}\n2026-10-12,48,80\n")
wr("esc/apple-record-type.xml", a.replace("HKQuantityTypeIdentifierStepCount", "HKQuantityTypeIdentifierStep" + E).replace("2026-11-", "2026-09-"))
wr("esc/iv-cell.csv", f"id,restingHR\n2026-10-13,5{E}0\n")
wr("esc/ours-note.csv", f"date,rhr,note\n2026-10-14,50,hi {E} there\n")
wr("esc/oj-day.json", '{"sleep": [{"day": "2026-10-15\\u001b[31m", "total_sleep_duration": 27000}]}')
wr("esc/apple-unit.xml", a.replace('unit="lb"', 'unit="l&#27;]52;c;aGk=&#7;b"'))
wr(f"escname/good{E}.csv", "date,rhr\n2026-10-16,52\n")
wr(f"escname/bad{E}.csv", "date,rhr\n2026-10-17,5x\n")
wr(f"escname/run{E}.gpx", g.replace("2018-05-27", "2018-05-22"))

# -- billion laughs, external entities.
lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "' + ("&lol;" if i == 1 else f"&lol{i-1};") * 10 + '">' for i in range(1, 10)) + "]>"
xxe = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
def inject(doc, dtd, old, new):
    i = doc.find("?>") + 2
    return doc[:i] + "\n" + dtd + doc[i:].replace(old, new, 1)
plain_apple = a[: a.find("<!DOCTYPE")] + a[a.find("]>") + 3 :]
for dtd, tag in ((lol, "lol9"), (xxe, "xxe")):
    wr(f"xml/gpx-{tag}.gpx", inject(g, dtd, "<name>Morning Run</name>", f"<name>&{tag};</name>"))
    wr(f"xml/tcx-{tag}.tcx", inject(t, dtd, "<Name>Forerunner 255</Name>", f"<Name>&{tag};</Name>"))
    wr(f"xml/apple-{tag}.xml", inject(plain_apple, dtd, 'sourceName="Scale"', f'sourceName="&{tag};"'))
wr("xml/apple-lol-in-its-own-doctype.xml", a.replace("]>", '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>').replace('value="48.6"', 'value="&lol2;"'))
wr("xml/gpx-undeclared.gpx", g.replace("<name>Morning Run</name>", "<name>&xxe;</name>"))

# -- a FIT file's bytes flipped: 200 places over two real files (checksums then fail), and
#    100 with the data checksum made good again, so fitparser itself reads the damage.
CRC = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
def crc(data):
    c = 0
    for byte in data:
        for n in (byte & 0xF, byte >> 4):
            tmp = CRC[c & 0xF]; c = ((c >> 4) & 0x0FFF) ^ tmp ^ CRC[n]
    return c
rng = random.Random(33)
for name, count, deep in (("Activity.fit", 100, 50), ("garmin-fenix-5-bike.fit", 100, 50)):
    b = rd(f"fit/{name}")
    for k, pos in enumerate(sorted(rng.sample(range(len(b)), count))):
        f = bytearray(b); f[pos] ^= 1 << rng.randrange(8) if k % 2 else 0xFF
        wr(f"flip/{name[:-4]}-{pos:05d}.fit", bytes(f))
    size = b[0]; end = size + struct.unpack_from("<I", b, 4)[0]
    for pos in sorted(rng.sample(range(size, end), deep)):
        f = bytearray(b); f[pos] ^= 0xFF
        struct.pack_into("<H", f, end, crc(f[:end]))
        wr(f"deep/{name[:-4]}-{pos:05d}.fit", bytes(f))
EOF

echo "-- every reader's good file: --dry-run before and after writes nothing"
for f in fit/Activity.fit fit/garmin-fenix-5-bike.fit fit/sample_mulitple_header.fit gpx/run.gpx tcx/run.tcx \
    wellness/intervals.csv wellness/hrv4training.csv wellness/oura.csv wellness/oura.json wellness/oura-v1.json \
    wellness/apple-export.xml wellness/garmin; do
    imports "$f" "$FIX/$f"
done
check "  the database is whole" integrity "$DB"

echo "-- truncated files"
for f in "$H"/trunc/*; do refused "${f#"$H"/}" "$f" "$f"; done

echo "-- values out of range"
for f in "$H"/range/*; do refused "${f#"$H"/}" "$f" "$f"; done

echo "-- NaN, Infinity, 1e308"
for f in "$H"/nums/*; do refused "${f#"$H"/}" "$f" "$f"; done
# In a CSV, NaN is how pandas and spreadsheets write "no value": missing, never stored.
printf 'id,restingHR,hrv\n2026-10-20,NaN,61\n' >"$H/nan.csv"
run_import "$H/nan.csv"
check "  a CSV's NaN is a missing value: exit 0, the day keeps its hrv, no rhr" \
    test "$(sqlite3 "$DB" "SELECT coalesce(rhr, 'none') || '/' || hrv FROM markers WHERE day = '2026-10-20'")" = "none/61.0"
SHA="$(sha "$DB")"

echo "-- sensor junk in activities: dropped, never stored, never a constraint error"
junk_ok=0 junk_bad=""
for f in "$H"/junk/*; do
    rm -f "$WORK/junk.db"*
    if timeout 60 "$BIN" --db "$WORK/junk.db" import "$f" >"$WORK/last.out" 2>"$WORK/last.err" && no_raw_esc &&
        [[ "$(sqlite3 "$WORK/junk.db" "SELECT count(*) FROM runs WHERE km IS NULL OR (km BETWEEN 0 AND 1000)")" == 1 ]]; then
        junk_ok=$((junk_ok + 1))
    else
        junk_bad+=" $(basename "$f"): $(head -c 150 "$WORK/last.err");"
    fi
done
check "  $junk_ok of 16 files with NaN/Infinity/1e308/-5 distances, latitudes, heart rates imported one run${junk_bad}" test -z "$junk_bad"
rm -f "$WORK/junk.db"*
"$BIN" --db "$WORK/junk.db" import "$H/junk/tcx-distance-1e308.tcx" >/dev/null 2>&1
check "  a lap of 1e308 m: the run is kept without a distance, never a false one" \
    test "$(sqlite3 "$WORK/junk.db" "SELECT minutes || '/' || coalesce(km, 'none') FROM runs")" = "90/none"

echo "-- days in the future, before 2000 (activities) and before 1900 (mornings)"
for f in "$H"/dates/*; do refused "${f#"$H"/}" "$f" "$f"; done
# The FIT file of 2012 is in the future for a clock set to 2011.
COOLDOWN_NOW=2011-01-01T12:00:00 refused "a FIT file recorded after today (clock at 2011)" "$FIX/fit/Activity.fit"

echo "-- duplicate days"
dup() { run_import "$H/dups/$1" && grep -qF -- "$2" "$WORK/last.out" && test "$(sqlite3 "$DB" "$3")" = "$4"; }
check "  intervals.icu, three rows of a day: the morning one (06:30) is kept, and said" \
    dup intervals-two-mornings.csv "kept each day's morning row, the earliest by time" "SELECT rhr FROM markers WHERE day = '2026-10-01'" 44
check "  Oura CSV with a day twice: the first is kept, and said" \
    dup oura-twice.csv "the first (the file has no time column)" "SELECT rhr FROM markers WHERE day = '2026-10-02'" 45
check "  HRV4Training with an evening reading before the morning one: the morning's" \
    dup hrv4training-evening-first.csv "the earliest by timestamp_measurement" "SELECT rhr || '/' || hrv FROM markers WHERE day = '2026-10-03'" "46/80.0"
check "  Oura JSON with a nap and a night: the night's" \
    dup oura-nap-and-night.json "kept each day's longest" "SELECT rhr || '/' || sleep_hours FROM markers WHERE day = '2026-10-04'" "43/8.0"
SHA="$(sha "$DB")"
refused "our own CSV with a day twice" "$H/dups/ours-twice.csv" "ours-twice.csv"

echo "-- escape sequences in names, sports, notes, header cells and file names"
for f in "$H"/esc/gpx-name-and-type.gpx "$H"/esc/gpx-escaped-refs.gpx "$H"/esc/tcx-sport-and-creator.tcx \
    "$H"/esc/iv-header-cell.csv "$H"/esc/h4-header-cell.csv "$H"/esc/oc-header-cell.csv "$H"/esc/apple-record-type.xml \
    "$H"/escname/good*.csv "$H"/escname/run*.gpx; do
    run_import "$f"
    f="${f#"$H"/}"
    rc=$?
    if [[ $rc -eq 0 ]] && no_raw_esc; then
        ok "$(printf %q "$f") imports, nothing raw shown: $(head -1 "$WORK/last.out" | sed "s|$WORK/||g" | cut -c1-90)"
    else
        bad "$(printf %q "$f"): exit $rc or a raw ESC: $(head -c 200 "$WORK/last.err" | cat -v)"
    fi
done
check "  no ESC stored in any run's note, source or source id, or any note" test "$(sqlite3 "$DB" \
    "SELECT (SELECT count(*) FROM runs WHERE instr(coalesce(note, '') || source || coalesce(source_id, ''), char(27)))
          + (SELECT count(*) FROM markers WHERE instr(coalesce(note, ''), char(27)))")" = 0
SHA="$(sha "$DB")"
for f in esc/iv-cell.csv esc/ours-note.csv esc/oj-day.json esc/apple-unit.xml; do
    refused "$f" "$H/$f" "$(basename "$f")"
done
for f in "$H"/escname/bad*.csv; do
    refused "a file named with ESC [31m and OSC 52, a bad row" "$f" "escname/bad"
done

echo "-- billion laughs and external entities: refused at once, nothing expanded"
for f in "$H"/xml/*; do
    /usr/bin/time -f %M -o "$WORK/rss" timeout 20 "$BIN" --db "$DB" import "$f" >"$WORK/last.out" 2>"$WORK/last.err"
    rc=$?
    kb="$(tail -1 "$WORK/rss")"
    if [[ $rc -eq 65 && $(wc -l <"$WORK/last.err") -eq 1 && "$kb" -lt 100000 ]] && ! grep -q lollol "$WORK/last.err" &&
        grep -qF "$(basename "$f")" "$WORK/last.err" && [[ "$(sha "$DB")" == "$SHA" ]]; then
        ok "${f#"$H"/}: ${kb} KiB at most: $(sed "s|$WORK/||g" "$WORK/last.err" | cut -c1-110)"
    else
        bad "${f#"$H"/}: exit $rc, $kb KiB: $(head -c 200 "$WORK/last.err")"
    fi
done

echo "-- a FIT file with bytes flipped at 200 places: never a panic, never a write"
flip_bad="" n=0
for f in "$H"/flip/*.fit; do
    n=$((n + 1))
    run_import "$f"
    rc=$?
    if [[ $rc -ne 65 || $(wc -l <"$WORK/last.err") -ne 1 ]] || grep -q panicked "$WORK/last.err" ||
        ! grep -qF "$(basename "$f")" "$WORK/last.err" || [[ "$(sha "$DB")" != "$SHA" ]]; then
        flip_bad+=" $(basename "$f"): exit $rc $(head -c 150 "$WORK/last.err");"
    fi
done
check "  $n flipped files: each exit 65, one line naming it, no panic, sha256 unchanged${flip_bad}" test -z "$flip_bad"
deep_bad="" n=0 deep_ok=0 deep_refused=0
for f in "$H"/deep/*.fit; do
    n=$((n + 1))
    run_import --dry-run "$f"
    rc=$?
    if [[ ($rc -ne 0 && $rc -ne 65) || $(wc -l <"$WORK/last.err") -gt 1 ]] || grep -q panicked "$WORK/last.err" ||
        [[ "$(sha "$DB")" != "$SHA" ]]; then
        deep_bad+=" $(basename "$f"): exit $rc $(head -c 150 "$WORK/last.err");"
    fi
    ((rc == 0)) && deep_ok=$((deep_ok + 1))
    ((rc == 65)) && deep_refused=$((deep_refused + 1))
done
check "  $n flipped with a good checksum (the parser reads the damage): $deep_ok read, $deep_refused refused, no panic, at most one line, dry run writes nothing${deep_bad}" test -z "$deep_bad"

echo "-- the same FIT files under America/New_York and Pacific/Kiritimati"
runs_of() { sqlite3 "$1" "SELECT day, at, type, minutes, km, source_id FROM runs ORDER BY source_id"; }
for zone in America/New_York Pacific/Kiritimati; do
    TZ="$zone" "$BIN" --db "$WORK/$(basename "$zone").db" import "$FIX"/fit/Activity.fit \
        "$FIX"/fit/garmin-fenix-5-bike.fit "$FIX"/fit/sample_mulitple_header.fit >/dev/null 2>&1
done
check "  the same runs, the same days and end times: $(runs_of "$WORK/Kiritimati.db" | tr '\n' ' ' | cut -c1-150)" \
    test -n "$(runs_of "$WORK/Kiritimati.db")" -a "$(runs_of "$WORK/New_York.db")" = "$(runs_of "$WORK/Kiritimati.db")"

echo "-- a GPX of 200,000 points: time linear in its length"
python3 - "$WORK" <<'EOF'
import sys, datetime
work = sys.argv[1]
start = datetime.datetime(2026, 11, 10, 6, 0, 0)
for n in (50000, 200000):
    step = 43200 / n  # half a day of points, whatever their number
    with open(f"{work}/points-{n}.gpx", "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="f33" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>long</name><type>running</type><trkseg>\n')
        for i in range(n):
            t = start + datetime.timedelta(seconds=i * step)
            f.write(f'<trkpt lat="{45 + i * 1e-6:.6f}" lon="5.000000"><time>{t.isoformat(timespec="milliseconds")}Z</time></trkpt>\n')
        f.write("</trkseg></trk></gpx>\n")
EOF
best_ms() {
    local n="$1" best="" t start i
    for i in 1 2 3; do
        rm -f "$WORK/p.db"*
        start=${EPOCHREALTIME/./}
        "$BIN" --db "$WORK/p.db" import "$WORK/points-$n.gpx" >/dev/null 2>&1 || return 1
        t=$(((${EPOCHREALTIME/./} - start) / 1000))
        [[ -z "$best" || $t -lt $best ]] && best=$t
    done
    echo "$best"
}
small="$(best_ms 50000)" && large="$(best_ms 200000)" || bad "the long GPX files do not import"
if [[ -n "${large:-}" ]]; then
    ratio="$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')"
    echo "   50,000 points ($(stat -c %s "$WORK/points-50000.gpx") bytes) $small ms, 200,000 points ($(stat -c %s "$WORK/points-200000.gpx") bytes) $large ms: ${ratio}×"
    check "  4× the points took ${ratio}× the time (at most 8×)" awk -v r="$ratio" 'BEGIN { exit !(r <= 8) }'
    check "  one run of 720 minutes" test "$(sqlite3 "$WORK/p.db" "SELECT count(*) || '/' || minutes FROM runs")" = "1/720"
fi

check "the database is whole at the end" integrity "$DB"
finish
