#!/usr/bin/env bash
# F13: under `umask 000` the data folder is 0700 and the database, its -wal/-shm, exports,
# backups and printouts are 0600 (RELIABILITY.md rule 7). Privacy (rule 11): no stored
# health value appears in any error message or log.
. "$(dirname "$0")/lib.sh"

DAY=2026-11-20
DATA="$XDG_DATA_HOME/cooldown"

# u0 command… — runs the command under umask 000.
u0() { (umask 000 && exec "$@"); }

# mode_is WANT PATH… — each path exists with mode WANT.
mode_is() {
    local want="$1" p
    shift
    for p in "$@"; do
        [[ -e "$p" && "$(mode "$p")" == "$want" ]] || return 1
    done
}
check_mode() { # WANT WHAT PATH
    if mode_is "$1" "$3"; then ok "$2 is $1"; else bad "$2 is $( [[ -e "$3" ]] && mode "$3" || echo missing), wanted $1 ($3)"; fi
}

echo "umask 000: a first run in the default location"
check "no data folder yet" test ! -e "$DATA"
expect_exit 0 "first run: log" u0 "$BIN" log --rhr 50 --date "$DAY"
check_mode 700 "the data folder" "$DATA"
check_mode 600 "the database" "$DATA/cooldown.db"
echo "  (parents made on the way: $(stat -c '%n %a' "$XDG_DATA_HOME" | sed "s|$WORK|\$WORK|"))"

echo "umask 000: -wal and -shm while the dashboard holds the database open"
tmux -L "$SOCK" new-session -d -x 120 -y 40 "umask 000; exec '$BIN' --date $DAY"
if until_true 30 test -e "$DATA/cooldown.db-wal" -a -e "$DATA/cooldown.db-shm"; then
    ok "the dashboard opened the database (-wal and -shm exist)"
    check_mode 600 "-wal (dashboard)" "$DATA/cooldown.db-wal"
    check_mode 600 "-shm (dashboard)" "$DATA/cooldown.db-shm"
    expect_exit 0 "a write beside the open dashboard" u0 "$BIN" log --rhr 51 --date "$DAY"
    check "the -wal holds it (non-empty)" test -s "$DATA/cooldown.db-wal"
    check_mode 600 "-wal after another process wrote" "$DATA/cooldown.db-wal"
    check_mode 600 "-shm after another process wrote" "$DATA/cooldown.db-shm"
    check_mode 600 "the database" "$DATA/cooldown.db"
else
    bad "the dashboard never opened $DATA/cooldown.db: $(tmux -L "$SOCK" capture-pane -p 2>&1 | head -5)"
fi
tm_stop

echo "umask 000: a new --db in an existing folder, held open by a reader"
mkdir -p "$WORK/x"
chmod 777 "$WORK/x"
expect_exit 0 "first run with --db" u0 "$BIN" --db "$WORK/x/new.db" log --rhr 52 --date "$DAY"
check_mode 600 "the new database" "$WORK/x/new.db"
tmux -L "$SOCK" new-session -d -x 120 -y 40 "umask 000; exec '$BIN' --db '$WORK/x/new.db' --date $DAY"
if until_true 30 test -e "$WORK/x/new.db-wal" -a -e "$WORK/x/new.db-shm"; then
    check_mode 600 "its -wal" "$WORK/x/new.db-wal"
    check_mode 600 "its -shm" "$WORK/x/new.db-shm"
else
    bad "the dashboard never opened $WORK/x/new.db"
fi
tm_stop
check "no temporary files left in the folder" test -z "$(ls -A "$WORK/x" | grep -v '^new\.db\(-wal\|-shm\)\?$')"

echo "umask 000: exports, backups, printouts, plans"
O="$WORK/out"
mkdir -p "$O"
chmod 777 "$O"
for what in markers runs ticks verdicts; do
    for fmt in csv json; do
        expect_exit 0 "export --what $what --format $fmt --out" u0 "$BIN" export --what "$what" --format "$fmt" --out "$O/$what.$fmt"
        check_mode 600 "export $what.$fmt" "$O/$what.$fmt"
    done
done
u0 touch "$O/loose.csv" && chmod 666 "$O/loose.csv"
expect_exit 0 "export --out over an existing 0666 file" u0 "$BIN" export --out "$O/loose.csv"
check_mode 600 "the replaced export" "$O/loose.csv"
expect_exit 0 "backup" u0 "$BIN" backup "$O/backup.db"
check_mode 600 "the backup" "$O/backup.db"
expect_exit 0 "print --out (md)" u0 "$BIN" print --date "$DAY" --out "$O/page.md"
check_mode 600 "print md" "$O/page.md"
expect_exit 0 "print --format html --out" u0 "$BIN" print --date "$DAY" --format html --out "$O/page.html"
check_mode 600 "print html" "$O/page.html"
for fmt in text md html json; do
    expect_exit 0 "plan --format $fmt --out" u0 "$BIN" plan --weekly-km 40 --format "$fmt" --out "$O/plan.$fmt"
    check_mode 600 "plan $fmt" "$O/plan.$fmt"
done
check "no temporary files left in the output folder" \
    test -z "$(ls -A "$O" | grep -vE '^(markers|runs|ticks|verdicts)\.(csv|json)$|^loose\.csv$|^backup\.db$|^page\.(md|html)$|^plan\.(text|md|html|json)$')"

echo "umask 000: the backup made before a migration"
mkdir -p "$WORK/mig"
chmod 777 "$WORK/mig"
u0 sqlite3 "$WORK/mig/cooldown.db" "PRAGMA journal_mode=WAL;" ".read $ROOT/tests/fixtures/schema1.sql" >/dev/null
echo "  (the schema-1 file as sqlite3 made it: $(mode "$WORK/mig/cooldown.db"))"
expect_exit 0 "opening a schema-1 database migrates it" u0 "$BIN" --db "$WORK/mig/cooldown.db" verdict --date "$DAY"
check_mode 600 "the migration backup" "$WORK/mig/cooldown.db.schema1.bak"
check_mode 600 "the migrated database" "$WORK/mig/cooldown.db"

# ---------------------------------------------------------------------------------------
echo "privacy: stored values never appear in an error"
P="$WORK/priv"
mkdir -p "$P"
DB="$P/cooldown.db"
expect_exit 0 "log the sentinel morning" "$BIN" --db "$DB" log --date "$DAY" --hrv 271.3 --rhr 213 \
    --note SENTINEL-7f3a --pain 3 --pain-site achilles-calf
expect_exit 0 "log a run with a sentinel note" "$BIN" --db "$DB" run --date "$DAY" --type tempo --minutes 40 \
    --at 07:00 --note SENTINEL-5d1e
check "the sentinels are stored" test "$(sqlite3 "$DB" "SELECT hrv || rhr || note || pain_site FROM markers WHERE day = '$DAY'")" = "271.3213SENTINEL-7f3aachilles-calf"

# leaks FILE… — the sentinels found in the files (numbers as whole words).
leaks() {
    cat "$@" 2>/dev/null | grep -oE 'SENTINEL-[0-9a-f]{4}|(^|[^0-9A-Za-z.])271\.3([^0-9A-Za-z]|$)|(^|[^0-9A-Za-z.])213([^0-9A-Za-z.]|$)' | sort -u | tr '\n' ' '
}
mkdir -p "$WORK/errs"
N=0
# error_run ID command… — runs it, keeping its stdout, stderr and exit code under ID.
error_run() {
    local id="$1"
    shift
    timeout 30 "$@" >"$WORK/errs/$id.out" 2>"$WORK/errs/$id.err" </dev/null
    echo $? >"$WORK/errs/$id.rc"
}
# error_judge ID WHAT — it must have failed, and neither its stdout nor its stderr may
# carry a sentinel. (A refused value the user typed may be echoed; no case types one.)
error_judge() {
    local id="$1" what="$2" rc found
    rc="$(cat "$WORK/errs/$id.rc" 2>/dev/null || echo none)"
    found="$(leaks "$WORK/errs/$id.out" "$WORK/errs/$id.err")"
    if [[ "$rc" == 0 || "$rc" == none ]]; then
        bad "$what: was expected to fail, exit $rc"
    elif [[ -n "$found" ]]; then
        bad "$what (exit $rc) leaks $found: $(head -c 300 "$WORK/errs/$id.err")"
    else
        ok "$what (exit $rc): $(head -1 "$WORK/errs/$id.err" | head -c 160)"
    fi
}
error_case() { # WHAT command…
    N=$((N + 1))
    error_run "$N" "${@:2}"
    error_judge "$N" "$1"
}

# Bad values and bad commands on the database that holds the sentinels.
error_case "log --rhr 400" "$BIN" --db "$DB" log --rhr 400 --date "$DAY"
error_case "log --hrv abc" "$BIN" --db "$DB" log --hrv abc --date "$DAY"
error_case "log --hrv NaN" "$BIN" --db "$DB" log --hrv NaN --date "$DAY"
error_case "log --sleep 30" "$BIN" --db "$DB" log --sleep 30 --date "$DAY"
error_case "log --soreness 11" "$BIN" --db "$DB" log --soreness 11 --date "$DAY"
error_case "log a future day" "$BIN" --db "$DB" log --rhr 50 --date 2099-01-01
error_case "log a 501-character note" "$BIN" --db "$DB" log --note "$(printf 'n%.0s' {1..501})" --date "$DAY"
error_case "log --pain-site alone" "$BIN" --db "$DB" log --pain-site knee --date "$DAY"
error_case "log --mood (unknown option)" "$BIN" --db "$DB" log --mood 5 --date "$DAY"
error_case "run --minutes 0" "$BIN" --db "$DB" run --type easy --minutes 0 --date "$DAY"
error_case "run --type sprint" "$BIN" --db "$DB" run --type sprint --minutes 30 --date "$DAY"
error_case "tick an unknown item" "$BIN" --db "$DB" tick no-such-item --date "$DAY"
error_case "checklist on Feb 30" "$BIN" --db "$DB" checklist --date 2026-02-30
error_case "verdict on a future day" "$BIN" --db "$DB" verdict --date 2099-01-01
error_case "trends --days 2" "$BIN" --db "$DB" trends --days 2 --date "$DAY"
error_case "trends --marker mood" "$BIN" --db "$DB" trends --marker mood --date "$DAY"
error_case "seed-demo into the database with data" "$BIN" --db "$DB" seed-demo --days 3 --date "$DAY"
error_case "plan --weekly-km 1" "$BIN" --db "$DB" plan --weekly-km 1

# Bad import rows that carry the sentinels in their valid fields.
printf 'date,rhr,hrv,note,pain,pain_site\n2026-11-21,400,271.3,SENTINEL-7f3a,3,achilles-calf\n' >"$P/range.csv"
printf 'date,rhr,hrv,note,pain,pain_site\n2026-11-21,213,271.3,SENTINEL-7f3a,3,achilles-calf\n2026-11-22,213,271.3,SENTINEL-7f3a,3,achilles-calf,extra\n' >"$P/fields.csv"
printf 'date,rhr,hrv,note,pain,pain_site\n2026-11-21,213,271.3,SENTINEL-7f3a,3,achilles-calf\n2026-13-40,213,271.3,SENTINEL-7f3a,3,achilles-calf\n' >"$P/date.csv"
printf 'date,rhr,hrv,note,mood\n2026-11-21,213,271.3,SENTINEL-7f3a,fine\n' >"$P/column.csv"
printf 'date,rhr,hrv,note\n2026-11-21,213,271.3,"SENTINEL-7f3a\n' >"$P/quote.csv"
printf 'date,type,minutes,note\n2026-11-21,sprint,40,SENTINEL-5d1e\n' >"$P/runs.csv"
printf 'date,rhr,hrv,note,pain,pain_site\n2099-01-01,213,271.3,SENTINEL-7f3a,3,achilles-calf\n' >"$P/future.csv"
for f in range fields date column quote runs future; do
    error_case "import a bad row ($f.csv)" "$BIN" --db "$DB" import "$P/$f.csv"
done
error_case "import a bad row from stdin" bash -c "'$BIN' --db '$DB' import - <'$P/range.csv'"
error_case "import a missing file" "$BIN" --db "$DB" import "$P/missing.csv"

# Files that cannot be written.
error_case "export --out into a missing folder" "$BIN" --db "$DB" export --out "$P/nope/x.csv"
error_case "export --out onto a folder" "$BIN" --db "$DB" export --out "$P"
error_case "backup into a missing folder" "$BIN" --db "$DB" backup "$P/nope/b.db"
error_case "backup onto a folder" "$BIN" --db "$DB" backup "$P"
error_case "print --out into a missing folder" "$BIN" --db "$DB" print --date "$DAY" --out "$P/nope/p.md"

# Bad config and routine files (the database holds the sentinels).
mkdir -p "$P/cfg1" "$P/cfg2" "$P/cfg3"
printf '[readiness]\nno_such_threshold = 3\n' >"$P/cfg1/config.toml"
printf 'focus = "hrv\n' >"$P/cfg2/config.toml"
printf '[[item]]\nid = 5\n' >"$P/cfg3/routine.toml"
error_case "an unknown config key" "$BIN" --db "$DB" --config "$P/cfg1/config.toml" verdict --date "$DAY"
error_case "a config that is not TOML" "$BIN" --db "$DB" --config "$P/cfg2/config.toml" checklist --date "$DAY"
error_case "a bad routine.toml" "$BIN" --db "$DB" --config "$P/cfg3/config.toml" checklist --date "$DAY"

# Unusable copies of the sentinel database.
cp "$DB" "$P/newer.db" && sqlite3 "$P/newer.db" 'PRAGMA user_version = 99'
cp "$DB" "$P/foreign.db" && sqlite3 "$P/foreign.db" 'PRAGMA application_id = 0'
head -c 12288 "$DB" >"$P/truncated.db"
cp "$DB" "$P/damaged.db"
python3 - "$P/damaged.db" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:   # the cell pointers of page 2, the markers table
    f.seek(4096 + 8)
    f.write(b"\xff" * 40)
EOF
for f in newer foreign truncated damaged; do
    error_case "verdict on the $f copy" "$BIN" --db "$P/$f.db" verdict --date "$DAY"
    error_case "export on the $f copy" "$BIN" --db "$P/$f.db" export
    error_case "backup of the $f copy" "$BIN" --db "$P/$f.db" backup "$P/$f.bak"
    error_case "log with sentinel values into the $f copy" "$BIN" --db "$P/$f.db" log --hrv 271.3 --note SENTINEL-7f3a --date "$DAY"
done

# Read-only: a 0444 copy in a folder of root's, used by nobody.
mkdir -p "$P/ro"
cp "$DB" "$P/ro/cooldown.db"
chmod 444 "$P/ro/cooldown.db"
chmod 755 "$P" "$P/ro"
error_case "log with sentinel values into a read-only database" \
    runuser -u nobody -- "$BIN" --db "$P/ro/cooldown.db" log --hrv 271.3 --note SENTINEL-7f3a --date "$DAY"
error_case "tick in a read-only database" runuser -u nobody -- "$BIN" --db "$P/ro/cooldown.db" tick mobility --date "$DAY"
# (Reading a read-only database works — F4 — so it is no error case here.)

# Locked past the timeout, with sentinel values in the refused writes. The lock is held until
# the three writes have given up (their 5 s busy timeout), however long they took to start.
if hold_lock "$DB"; then
    printf 'date,rhr,hrv,note\n2026-11-22,213,271.3,SENTINEL-7f3a\n' >"$P/ok.csv"
    error_run lock1 "$BIN" --db "$DB" log --hrv 271.3 --rhr 213 --note SENTINEL-7f3a --date 2026-11-21 &
    L1=$!
    error_run lock2 "$BIN" --db "$DB" import "$P/ok.csv" &
    L2=$!
    error_run lock3 "$BIN" --db "$DB" run --type easy --minutes 30 --at 08:00 --note SENTINEL-5d1e --date 2026-11-21 &
    L3=$!
    track $L1; track $L2; track $L3
    wait_pids 60 $L1 $L2 $L3 || bad "the writes past the held lock did not end within 60 s"
    release_lock
    error_judge lock1 "log with sentinel values past a held lock"
    error_judge lock2 "import of sentinel rows past a held lock"
    error_judge lock3 "run with a sentinel note past a held lock"
    check "the three locked writes failed as busy (75)" test "$(cat "$WORK"/errs/lock{1,2,3}.rc | tr -d '\n')" = 757575
else
    bad "could not take the write lock: $(cat "$WORK/holder.out")"
    release_lock
fi
all_leaks="$(leaks "$WORK"/errs/*.out "$WORK"/errs/*.err)"
[[ -z "$all_leaks" ]] && ok "no sentinel in any of the $(ls "$WORK"/errs/*.err | wc -l) error outputs" \
    || bad "sentinels in error outputs: $all_leaks"

# No log files anywhere with the values: everything cooldown wrote outside the databases.
found="$(find "$HOME" "$P" -type f ! -name '*.db' ! -name '*.db-wal' ! -name '*.db-shm' ! -name '*.bak' ! -name '*.csv' \
    -exec grep -lE 'SENTINEL-[0-9a-f]{4}|271\.3' {} + 2>/dev/null | tr '\n' ' ')"
[[ -z "$found" ]] && ok "no other file (logs, state, cache) holds a sentinel" || bad "files holding sentinels: $found"

finish
