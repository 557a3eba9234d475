#!/usr/bin/env bash
# F8: a database from a newer cooldown (user_version above this build's) is refused by every
# command and the dashboard, exit 69, its bytes (and its -wal) unchanged; kill -9 during a
# migration leaves the old or the new schema, never one in between, with all the data.
. "$(dirname "$0")/lib.sh"

DEADLINE=$((SECONDS + 240)) # a guard against a hang, not a speed test
APP_ID=1128552270
FIXTURE="$ROOT/tests/fixtures/schema1.sql"
mkdir -p "$WORK/d"

schema() { sqlite3 "$1" 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name;' | sha256sum | cut -c1-16; }
# set_of FILE — "name:sha" of the database and its -wal, "-" for a missing one, and whether
# a -shm exists.
set_of() {
    local f out=""
    for f in "$1" "$1-wal"; do
        if [[ -e "$f" ]]; then out+="${f##*/}:$(sha "$f" | cut -c1-12) "; else out+="${f##*/}:- "; fi
    done
    [[ -e "$1-shm" ]] && out+="shm" || out+="no-shm"
    echo "$out"
}

# ---------------------------------------------------------------- the build's schema version
expect_exit 0 "a fresh database is created" "$BIN" --db "$WORK/d/fresh.db" checklist
LATEST="$(sqlite3 "$WORK/d/fresh.db" 'PRAGMA user_version;')"
check "a fresh database has a schema version ($LATEST) and our application_id" \
    test "$LATEST" -ge 1 -a "$(sqlite3 "$WORK/d/fresh.db" 'PRAGMA application_id;')" = "$APP_ID"
NEW_SCHEMA="$(schema "$WORK/d/fresh.db")"
FUTURE=$((LATEST + 5))
echo "-- this build writes schema $LATEST; the future database says $FUTURE"

# ---------------------------------------------------------------- a database from the future
# F.db: a database with data, then user_version set to FUTURE by a newer program; closed
# cleanly (no -wal). W.db: the same, but the newer program left its last commit in the -wal
# (killed, or closed without a checkpoint), as a newer cooldown may.
P="$WORK/d/pristine"
mkdir -p "$P"
"$BIN" --db "$P/F.db" --date 2026-01-05 log --rhr 50 --hrv 61 --sleep 7.5 >/dev/null
"$BIN" --db "$P/F.db" --date 2026-01-05 tick mobility >/dev/null
"$BIN" --db "$P/F.db" --date 2026-01-05 run --type tempo --minutes 40 --at 07:00 >/dev/null
cp "$P/F.db" "$P/W.db"
sqlite3 "$P/F.db" "PRAGMA user_version = $FUTURE;"
sqlite3 "$P/W.db" '.dbconfig no_ckpt_on_close on' "PRAGMA user_version = $FUTURE;" >/dev/null
check "the future database is closed (no -wal, no -shm)" test ! -e "$P/F.db-wal" -a ! -e "$P/F.db-shm"
# user_version is bytes 60–63 of the main file's header; W.db's still says the old one.
check "the second future database has its version bump only in its -wal" \
    test -s "$P/W.db-wal" -a "$(od -An -tu4 --endian=big -j60 -N4 "$P/W.db" | tr -d ' ')" = "$LATEST"
printf 'date,rhr\n2026-01-06,52\n' >"$WORK/import.csv"
printf 'date,type,minutes\n2026-01-06,easy,30\n' >"$WORK/runs.csv"

COMMANDS=(
    "log --rhr 55"
    "log --date 2026-01-05 --soreness 3"
    "verdict"
    "verdict --json"
    "verdict --explain"
    "trends"
    "trends --marker hrv --days 90"
    "checklist"
    "checklist --json"
    "tick mobility"
    "tick mobility --undo --date 2026-01-05"
    "run --type easy --minutes 30"
    "import $WORK/import.csv"
    "import $WORK/runs.csv"
    "import -"
    "export"
    "export --what ticks --format json --out $WORK/out/export.json"
    "backup $WORK/out/backup.db"
    "print"
    "print --format html --out $WORK/out/print.html"
    "seed-demo"
    "seed-demo --days 5"
    "DASHBOARD"
)
refusals=0 changed=0
for variant in F W; do
    for cmd in "${COMMANDS[@]}"; do
        ((SECONDS < DEADLINE)) || { bad "deadline reached in the future-schema part"; break 2; }
        rm -rf "$WORK/f" "$WORK/out"
        mkdir -p "$WORK/f" "$WORK/out"
        cp -p "$P/$variant.db"* "$WORK/f/"
        db="$WORK/f/$variant.db"
        before="$(set_of "$db")"
        what="[$variant] ${cmd/$WORK/WORK}"
        if [[ "$cmd" == DASHBOARD ]]; then
            what="[$variant] the dashboard"
            tmux -L "$SOCK" -f /dev/null new-session -d -s f8 -x 80 -y 24 \
                "env TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$db' 2>'$WORK/last.err'; echo EXIT=\$?; sleep 30"
            if until_true 30 screen_has f8 "EXIT="; then
                got="$(tmux -L "$SOCK" capture-pane -p -t f8 | grep -o 'EXIT=[0-9]*' | head -1)"
                got="${got#EXIT=}"
            else
                got="none (still running: $(tmux -L "$SOCK" capture-pane -p -t f8 | head -3 | tr -s ' \n' ' '))"
            fi
            tm_stop
        else
            # shellcheck disable=SC2086  # the command's words
            timeout -s KILL 20 "$BIN" --db "$db" $cmd <"$WORK/import.csv" >"$WORK/last.out" 2>"$WORK/last.err"
            got=$?
        fi
        if [[ "$got" == 69 ]]; then ok "$what: refused (exit 69)"; refusals=$((refusals + 1)); else
            bad "$what: exit $got, wanted 69: $(head -c 300 "$WORK/last.err")"
        fi
        if grep -q "newer cooldown (schema $FUTURE, this build knows $LATEST)" "$WORK/last.err"; then
            ok "$what: the message names both schema versions"
        else
            bad "$what: the message does not say 'newer cooldown (schema $FUTURE, this build knows $LATEST)': $(head -c 300 "$WORK/last.err")"
        fi
        after="$(set_of "$db")"
        if [[ "${before% *}" == "${after% *}" ]]; then ok "$what: database and -wal byte-identical ($before)"; else
            changed=$((changed + 1))
            bad "$what: files changed: before '$before', after '$after'"
        fi
        # A -shm is only an index of the -wal; it must not appear from nothing.
        if [[ "$before" == *no-shm && "$after" != *no-shm ]]; then bad "$what: a -shm was left behind"; fi
        left="$(find "$WORK/out" "$WORK/f" -mindepth 1 ! -name "$variant.db" ! -name "$variant.db-wal" ! -name "$variant.db-shm" | sed "s|$WORK/||" | tr '\n' ' ')"
        check "$what: no file created (${left:-none})" test -z "$left"
    done
done
echo "future schema: ${#COMMANDS[@]} commands × 2 files, $refusals refused with 69, $changed left the files changed"

# ---------------------------------------------------------------- kill -9 during a migration
echo "-- kill -9 during the migration of a schema-1 database"
OLD="$WORK/d/old.db"
# Ten years of demo history, moved into a file made from the frozen schema-1 fixture
# (tests/fixtures/schema1.sql, its own rows left out): a schema-1 database as that release
# wrote it, in WAL mode.
SEEDED="$WORK/d/seeded.db"
expect_exit 0 "ten years of history are written" "$BIN" --db "$SEEDED" seed-demo --days 3650
check "a seeded database is at schema $LATEST" test "$(sqlite3 "$SEEDED" 'PRAGMA user_version;')" = "$LATEST"
RUN_COLUMNS="id, day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg, fluid_l, note, updated_at"
# Schema 1's columns (later schemas add to markers and runs).
MARKER_COLUMNS="day, rhr, hrv, sleep_hours, sleep_quality, soreness, pain, pain_site, hop_cm, balance_s, weight_kg, ill, note, updated_at"
sqlite3 "$OLD" 'PRAGMA journal_mode = WAL;' >/dev/null
sqlite3 "$OLD" <"$FIXTURE"
sqlite3 "$OLD" "DELETE FROM markers; DELETE FROM runs; DELETE FROM ticks;
                ATTACH '$SEEDED' AS seeded;
                INSERT INTO markers ($MARKER_COLUMNS) SELECT $MARKER_COLUMNS FROM seeded.markers;
                INSERT INTO runs ($RUN_COLUMNS) SELECT $RUN_COLUMNS FROM seeded.runs;
                INSERT INTO ticks SELECT * FROM seeded.ticks;"
check "the schema-1 database holds the ten years" \
    test "$(rows "$OLD" runs)" = "$(rows "$SEEDED" runs)" -a "$(rows "$OLD" markers)" = "$(rows "$SEEDED" markers)"
sqlite3 "$WORK/d/fixture.db" <"$FIXTURE"
OLD_SCHEMA="$(schema "$OLD")"
check "the schema-1 database has exactly the schema of the frozen schema-1 fixture" \
    test "$OLD_SCHEMA" = "$(schema "$WORK/d/fixture.db")"
check "schema 1 and schema $LATEST differ" test "$OLD_SCHEMA" != "$NEW_SCHEMA"
check "the old database is closed (no -wal to copy)" test ! -e "$OLD-wal"
# The data of before, as text: every row of the three tables of schema 1 (the columns of
# schema 1: later schemas add to markers and runs). Commands below
# may add a morning on FRESH_DAY (before the history), which the comparison leaves out.
FRESH_DAY=2010-01-04
data() {
    sqlite3 "$1" "SELECT $MARKER_COLUMNS FROM markers WHERE day <> '$FRESH_DAY' ORDER BY day;
                  SELECT $RUN_COLUMNS FROM runs ORDER BY id;
                  SELECT * FROM ticks WHERE day <> '$FRESH_DAY' ORDER BY day, item_id, set_no;" |
        sha256sum | cut -c1-16
}
DATA="$(data "$OLD")"
COUNTS="$(sqlite3 "$OLD" 'SELECT (SELECT count(*) FROM markers) || "/" || (SELECT count(*) FROM runs) || "/" || (SELECT count(*) FROM ticks);')"
echo "   schema-1 database: $(stat -c %s "$OLD") bytes, markers/runs/ticks $COUNTS"
# The same database in rollback-journal mode, as a backup of it would be (`cooldown
# backup` writes a single file): restoring one means migrating from that mode.
cp "$OLD" "$WORK/d/old-delete.db"
sqlite3 "$WORK/d/old-delete.db" 'PRAGMA journal_mode = DELETE;' >/dev/null
check "the rollback-journal copy is in DELETE mode" \
    test "$(sqlite3 "$WORK/d/old-delete.db" 'PRAGMA journal_mode;')" = delete

# How long a command that migrates takes (the quickest of five: on a busy machine the kills
# then fall earlier in the command, never all after it).
times=()
for t in 1 2 3 4 5; do
    cp "$OLD" "$WORK/d/timing$t.db"
    s=$(date +%s%N)
    "$BIN" --db "$WORK/d/timing$t.db" checklist >/dev/null 2>&1
    times+=($((($(date +%s%N) - s) / 1000000)))
done
check "a migration that is not killed reaches schema $LATEST" \
    test "$(sqlite3 "$WORK/d/timing5.db" 'PRAGMA user_version;')" = "$LATEST" -a "$(schema "$WORK/d/timing5.db")" = "$NEW_SCHEMA"
check "a migration that is not killed keeps the data" test "$(data "$WORK/d/timing5.db")" = "$DATA"
check "a migration that is not killed leaves a whole schema-1 backup" \
    test "$(sqlite3 "$WORK/d/timing5.db.schema1.bak" 'PRAGMA user_version;' 2>&1)" = 1 -a \
    "$(data "$WORK/d/timing5.db.schema1.bak")" = "$DATA"
WHOLE=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
echo "   a migrating command takes $WHOLE ms at best (${times[*]})"

mkfifo "$WORK/nap.fifo"
exec {NAP}<>"$WORK/nap.fifo"
nap() { read -r -t "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))" -u "$NAP"; }

ATTEMPTS=40
MIGCMDS=("checklist" "verdict" "log --date $FRESH_DAY --rhr 55" "tick mobility --date $FRESH_DAY")
temp_bytes=0 attempts=0 k_killed=0 k_old=0 k_new=0 k_between=0 k_done=0 baks=0 temps=0 summary=""
exec {ERR}>&2
for ((a = 0; a < ATTEMPTS; a++)); do
    ((SECONDS < DEADLINE)) || { bad "deadline reached after $attempts migration kills"; break; }
    attempts=$((attempts + 1))
    dir="$WORK/m$a"
    mkdir -p "$dir"
    if ((a % 2)); then src="$WORK/d/old-delete.db"; mode=delete; else src="$OLD"; mode=wal; fi
    db="$dir/cooldown.db"
    cp "$src" "$db"
    cmd="${MIGCMDS[$((a % ${#MIGCMDS[@]}))]}"
    delay_ms=$((WHOLE * (a / 2) * 115 / 100 / (ATTEMPTS / 2) + RANDOM % 8))
    exec 2>/dev/null   # no "Killed" job reports
    # shellcheck disable=SC2086
    "$BIN" --db "$db" $cmd >/dev/null 2>"$dir/err" &
    pid=$!
    track "$pid"
    # The delay counts from the exec: on a busy machine the fork is a shell for a while, and
    # a kill that falls before the exec is not sent (ours), so the command would run whole.
    wait_exec 30 "$pid"
    nap "$delay_ms"
    ours "$pid" && kill -9 "$pid" 2>/dev/null
    until_true 30 ended "$pid" || { ours "$pid" && kill -9 "$pid" 2>/dev/null; }
    wait "$pid"
    rc=$?
    exec 2>&$ERR
    untrack "$pid"
    ((rc == 137)) && k_killed=$((k_killed + 1))
    ((rc == 0)) && k_done=$((k_done + 1))
    # Look at a copy (with its -wal or hot -journal), so that the recovery after the kill
    # is left to the next cooldown command on the original.
    mkdir -p "$dir/look"
    for f in "$db" "$db-wal" "$db-journal"; do [[ -e "$f" ]] && cp "$f" "$dir/look/"; done
    leftj=""; [[ -e "$db-journal" ]] && leftj=" (hot journal left)"
    w="#$a $mode ${cmd%% *} killed at ${delay_ms} ms (exit $rc)$leftj"
    db0="$db"
    db="$dir/look/cooldown.db"
    v="$(sqlite3 "$db" 'PRAGMA user_version;' 2>&1)"
    sch="$(schema "$db")"
    if [[ "$v" == 1 && "$sch" == "$OLD_SCHEMA" ]]; then
        k_old=$((k_old + 1)); ok "$w: the old schema, whole (version 1)"; summary+=" ${delay_ms}:old"
    elif [[ "$v" == "$LATEST" && "$sch" == "$NEW_SCHEMA" ]]; then
        k_new=$((k_new + 1)); ok "$w: the new schema, whole (version $LATEST)"; summary+=" ${delay_ms}:new"
    else
        k_between=$((k_between + 1)); summary+=" ${delay_ms}:BETWEEN"
        bad "$w: a schema in between: user_version $v, schema $sch (old $OLD_SCHEMA, new $NEW_SCHEMA)"
    fi
    check "$w: application_id is ours" test "$(sqlite3 "$db" 'PRAGMA application_id;')" = "$APP_ID"
    check "$w: integrity ok" integrity "$db"
    check "$w: the data of before is all there" test "$(data "$db")" = "$DATA"
    # A backup left by the killed migration is only there when complete: schema 1, whole.
    for b in "$dir"/cooldown.db.schema1.bak*; do
        [[ -e "$b" ]] || continue
        baks=$((baks + 1))
        check "$w: the backup ${b##*/} is whole (integrity, schema 1, all the data)" \
            test "$(sqlite3 "$b" 'PRAGMA integrity_check;')" = ok -a \
            "$(sqlite3 "$b" 'PRAGMA user_version;')" = 1 -a "$(data "$b")" = "$DATA"
    done
    db="$db0"
    # Not a check of F8's: temporary files a kill left beside the database (a backup cut short).
    temps=$((temps + $(find "$dir" -maxdepth 1 -name '.cooldown-*' ! -name '*-journal' | wc -l)))
    temp_bytes=$((temp_bytes + $(find "$dir" -maxdepth 1 -name '.cooldown-*' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')))
    # The next command needs no manual step and finishes the migration.
    expect_exit 0 "$w: the next command works" "$BIN" --db "$db" checklist
    check "$w: after it, schema $LATEST whole and the data all there" \
        test "$(sqlite3 "$db" 'PRAGMA user_version;')" = "$LATEST" -a "$(schema "$db")" = "$NEW_SCHEMA" -a \
        "$(data "$db")" = "$DATA"
    check "$w: after it, journal_mode is wal" test "$(sqlite3 "$db" 'PRAGMA journal_mode;')" = wal
done
check "some migrations were killed before their commit (old schema left)" test "$k_old" -gt 0
echo "migration: $attempts commands killed at random moments: $k_killed died by the kill," \
    "$k_done finished first; $k_old left schema 1, $k_new schema $LATEST, $k_between in between;" \
    "$baks whole backups left; $temps partial temporary backups left beside the database" \
    "(.cooldown-backup-*, $((temp_bytes / 1024)) KiB in all) ($summary )"

finish
