#!/usr/bin/env bash
# F32: `cooldown import PATH…` takes files and folders, finds each format from its bytes, and
# stays bounded and all or nothing (CLI.md v2, RELIABILITY.md rule 16). A gzip bomb and a zip
# bomb stop at the 64 MiB limit; a folder of 10,000 tiny files imports in one transaction; a
# zip whose entries are named `../…` is read, never unpacked anywhere; a FIFO inside a folder
# is refused, never waited on; `--dry-run` writes nothing; kill -9 during a big multi-file
# import leaves none or all of it; the progress bar shows on a terminal only, and is erased.
. "$(dirname "$0")/lib.sh"

DB="$WORK/f32.db"
TODAY="$(date -u +%F)"
EVIL_DAY="$(date -u -d '-5 days' +%F)"   # the zip's day; the tiny files' days start at -20
FIFO_DAY="$(date -u -d '-6 days' +%F)"
"$BIN" --db "$DB" log --date "$(date -u -d '-3 days' +%F)" --rhr 49 >/dev/null 2>&1
SHA="$(sha "$DB")"

unchanged() { test "$(sha "$DB")" = "$SHA"; }
err_has() { grep -qE -- "$1" "$WORK/last.err"; }
out_has() { grep -qF -- "$1" "$WORK/last.out"; }
one_line() { [[ $(wc -l <"$WORK/last.err") -eq 1 ]]; }

echo "-- bombs"
head -c $((80 * 1024 * 1024)) /dev/zero | gzip -9 >"$WORK/bomb.csv.gz"
echo "   gzip bomb: $(stat -c %s "$WORK/bomb.csv.gz") bytes, 80 MiB unpacked"
expect_exit 65 "a gzip bomb is refused" timeout 60 "$BIN" --db "$DB" import "$WORK/bomb.csv.gz"
check "  at the 64 MiB limit, in one line: $(head -c 200 "$WORK/last.err")" err_has '64 MiB'
check "  one line" one_line
python3 - "$WORK" <<'EOF'
import sys, zipfile
work = sys.argv[1]
with zipfile.ZipFile(f"{work}/bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("a.csv", "date,rhr\n2026-11-01,50\n")
    z.writestr("zeros.csv", b"\0" * (80 * 1024 * 1024))
# The same bomb with a lying size in its headers (1 KiB declared).
data = open(f"{work}/bomb.zip", "rb").read()
with zipfile.ZipFile(f"{work}/liar.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("zeros.csv", b"\0" * (80 * 1024 * 1024))
raw = bytearray(open(f"{work}/liar.zip", "rb").read())
import struct
l = raw.find(b"PK\x03\x04"); struct.pack_into("<I", raw, l + 22, 1024)
c = raw.find(b"PK\x01\x02"); struct.pack_into("<I", raw, c + 24, 1024)
open(f"{work}/liar.zip", "wb").write(raw)
EOF
echo "   zip bomb: $(stat -c %s "$WORK/bomb.zip") bytes, 80 MiB unpacked"
expect_exit 65 "a zip bomb is refused (its small first entry not kept either)" timeout 60 "$BIN" --db "$DB" import "$WORK/bomb.zip"
check "  names the entry and the 64 MiB limit: $(head -c 200 "$WORK/last.err")" err_has 'bomb.zip/zeros.csv: .*64 MiB'
expect_exit 65 "a zip bomb that declares 1 KiB is refused as well" timeout 60 "$BIN" --db "$DB" import "$WORK/liar.zip"
check "  at the limit, not at the declared size: $(head -c 200 "$WORK/last.err")" err_has '64 MiB|cannot be unpacked'
check "  the database is unchanged" unchanged

echo "-- a zip whose entries are named ../"
python3 - "$WORK" "$EVIL_DAY" <<'EOF'
import sys, zipfile
work, day = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(f"{work}/evil.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("../../escaped.csv", f"date,rhr\n{day},51\n")
    z.writestr("/abs/also.csv", f"date,hrv\n{day},66\n")
EOF
mkdir -p "$WORK/run" && cd "$WORK/run" || exit 1
expect_exit 0 "it imports" "$BIN" --db "$DB" import "$WORK/evil.zip"
check "  its entries named inside the archive: $(head -c 200 "$WORK/last.out")" out_has "evil.zip/escaped.csv, $WORK/evil.zip/abs/also.csv)"
check "  both entries read: 1 morning from two files" out_has "): 1 morning (1 new"
check "  nothing unpacked anywhere (no escaped.csv in or above the work folder)" test -z "$(find "$(dirname "$WORK")" -maxdepth 3 -name 'escaped.csv' 2>/dev/null)"
cd "$WORK" || exit 1
SHA="$(sha "$DB")"

echo "-- a FIFO inside a folder"
mkdir -p "$WORK/withfifo"
printf 'date,rhr\n%s,52\n' "$FIFO_DAY" >"$WORK/withfifo/a.csv"
mkfifo "$WORK/withfifo/b.q"
expect_exit 65 "refused, never waited on" timeout 60 "$BIN" --db "$DB" import "$WORK/withfifo"
check "  names the FIFO: $(head -c 200 "$WORK/last.err")" err_has 'b\.q: .*FIFO'
check "  the database is unchanged" unchanged

echo "-- a folder of 10,000 tiny files"
python3 - "$WORK" "$TODAY" <<'EOF'
import sys, os, datetime
work, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
for k in range(10000):
    d = today - datetime.timedelta(days=k + 20)
    sub = f"{work}/tiny/{k // 1000:02d}"
    os.makedirs(sub, exist_ok=True)
    with open(f"{sub}/{k:05d}.csv", "w") as f:
        f.write(f"date,rhr\n{d},{40 + k % 30}\n")
EOF
expect_exit 0 "--dry-run of it" "$BIN" --db "$DB" import --dry-run "$WORK/tiny"
check "  says 10000 new mornings: $(head -1 "$WORK/last.out" | head -c 120)" out_has "would import 10000 files: 10000 mornings (10000 new"
check "  and writes nothing (sha256 unchanged)" unchanged
check "  piped: no progress bar on stderr" test ! -s "$WORK/last.err"
start=${EPOCHREALTIME/./}
expect_exit 0 "the import of it" "$BIN" --db "$DB" import "$WORK/tiny"
took=$(((${EPOCHREALTIME/./} - start) / 1000))
echo "   10,000 files imported in $took ms"
check "  says 10000 new mornings" out_has "imported 10000 files: 10000 mornings (10000 new, 0 changed, 0 already the same)"
check "  all 10000 stored" test "$(sqlite3 "$DB" "SELECT count(*) FROM markers WHERE day <= date('$TODAY', '-20 days')")" -ge 10000

echo "-- the progress bar on a terminal"
# The import runs under script(1) in a tmux pane: its stderr is a terminal, script keeps
# every byte it wrote, and the pane shows what is left on the screen at the end. The
# folder is given twice (20,000 files), so the import lasts past the bar's quiet start.
pane_done() { screen p | grep -qE 'exit-[0-9]+-code'; }
prompt() { screen p | grep -qE '[$#] *$'; }
tm new-session -d -s p -x 160 -y 12 "bash --norc"
until_true 30 prompt
cp "$DB" "$WORK/p.db"
tm send-keys -t p "script -qfec \"'$BIN' --db '$WORK/p.db' import '$WORK/tiny' '$WORK/tiny'\" '$WORK/typescript'; echo exit-\$?-code" Enter
until_true 180 pane_done
check "  the summary is there" screen_has p "imported 20000 files: 10000 mornings (0 new, 0 changed, 10000 already the same)"
check "  exit 0" screen_has p "exit-0-code"
check "  a bar was drawn while it ran: $(tr '\r' '\n' <"$WORK/typescript" | grep -m1 -a 'importing \[' | head -c 100)" grep -qa 'importing \[' "$WORK/typescript"
check "  and erased: none left on the screen" bash -c "! tmux -L '$SOCK' capture-pane -p -t p | grep -q 'importing \['"
tm_stop

echo "-- kill -9 during a big multi-file import"
BASE="$WORK/base.db"
python3 - "$WORK" "$TODAY" <<'EOF'
import sys, os, datetime
work, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
days = [today - datetime.timedelta(days=k) for k in range(40000, 0, -1)]
with open(f"{work}/small.csv", "w") as f:
    f.write("date,rhr\n")
    for d in days[-100:]:
        f.write(f"{d},50\n")
os.makedirs(f"{work}/big", exist_ok=True)
for part in range(40):
    with open(f"{work}/big/part{part:02d}.csv", "w") as f:
        f.write("date,rhr,hrv,sleep_hours,soreness,note\n")
        for k in range(part * 1000, part * 1000 + 1000):
            rhr = 60 if k >= 40000 - 100 else 40 + k % 60
            f.write(f"{days[k]},{rhr},{30 + (k % 500) / 10:.1f},7.5,{k % 11},row {k}\n")
EOF
expect_exit 0 "the base database takes 100 mornings" "$BIN" --db "$BASE" import "$WORK/small.csv"
FIRST="$(sed -n 2p "$WORK/big/part00.csv" | cut -d, -f1)"
OLD="$(sed -n 2p "$WORK/small.csv" | cut -d, -f1)"
state() {
    local n old
    n="$(sqlite3 "$1" "SELECT count(*) FROM markers WHERE day >= '$FIRST';")"
    old="$(sqlite3 "$1" "SELECT count(*) FROM markers WHERE day >= '$OLD' AND rhr = 50;")"
    if [[ "$n" == 100 && "$old" == 100 ]]; then echo none
    elif [[ "$n" == 40000 && "$old" == 0 ]]; then echo all
    else echo "partial: $n rows, $old still old"; fi
}
cp "$BASE" "$WORK/whole.db"
start=${EPOCHREALTIME/./}
expect_exit 0 "the whole import, not killed (40 files, 40,000 rows)" "$BIN" --db "$WORK/whole.db" import "$WORK/big"
WHOLE=$(((${EPOCHREALTIME/./} - start) / 1000))
echo "   it takes $WHOLE ms"
check "  stores every row" test "$(state "$WORK/whole.db")" = all
# past_ms MS — MS milliseconds have passed since $T0.
past_ms() { (((${EPOCHREALTIME/./} - T0) / 1000 >= $1)); }
none=0 all=0 partial=0 report=""
exec {ERR}>&2
for pct in 10 25 40 55 70 85 95 105 150 250; do
    db="$WORK/kill$pct.db"
    cp "$BASE" "$db"
    "$BIN" --db "$db" import "$WORK/big" >/dev/null 2>&1 &
    pid=$!
    track "$pid"
    wait_exec 30 "$pid"
    T0=${EPOCHREALTIME/./}
    until_true 60 past_ms $((WHOLE * pct / 100)) || true
    exec 2>/dev/null   # no "Killed" job reports
    ours "$pid" && kill -9 "$pid" 2>/dev/null
    wait_pids 30 "$pid"
    exec 2>&$ERR
    s="$(state "$db")"
    integrity "$db" || s="integrity: $s"
    case "$s" in none) none=$((none + 1)) ;; all) all=$((all + 1)) ;; *) partial=$((partial + 1)); report+=" $pct%: $s;" ;; esac
done
echo "   killed at 10–250% of its time: $none none, $all all, $partial partial"
check "  never partial, integrity ok${report}" test "$partial" -eq 0

finish
