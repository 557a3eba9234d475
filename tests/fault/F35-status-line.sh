#!/usr/bin/env bash
# F35: `cooldown status`, the line a tmux or bar status line runs every second (CLI.md v2;
# issue 18 part 5). It only reads: a missing database is nothing to say (exit 0, no output,
# nothing created); the database, its folder and its side files are left as they were; a
# database held exclusively by another process is given up on within a second (exit 75,
# stdout empty), never waited on for the 5 s busy timeout; a FIFO is refused, not waited
# on; a hostile --format is a usage error without its control characters. The old binary
# had no `status` (exit 2).
. "$(dirname "$0")/lib.sh"

DB="$WORK/data/cooldown.db"
mkdir -p "$WORK/data"

# ms COMMAND… — runs it, keeps stdout/stderr in $WORK/last.out/.err, sets GOT (the exit
# code) and MS (how long it took).
ms() {
    local start end
    start=$(date +%s%N)
    "$@" >"$WORK/last.out" 2>"$WORK/last.err"
    GOT=$?
    end=$(date +%s%N)
    MS=$(((end - start) / 1000000))
}

listing() { (cd "$WORK/data" && ls -A | sort | tr '\n' ' '); }

echo "-- no database"
expect_exit 0 "status with no database" "$BIN" --db "$DB" status
check "says nothing" test ! -s "$WORK/last.out"
check "creates no database" test ! -e "$DB"
expect_exit 0 "status at the default location, none there" "$BIN" status
check "creates no data folder" test ! -e "$XDG_DATA_HOME/cooldown"

echo "-- a day with a verdict"
"$BIN" --db "$DB" seed-demo --days 60 >/dev/null 2>&1
expect_exit 0 "status on the demo history" "$BIN" --db "$DB" status
check "one line with the verdict" grep -qxE '(GO|GO CAUTION|EASY|REST)' "$WORK/last.out"
SUM=$(sha "$DB")
FILES=$(listing)
for _ in 1 2 3; do "$BIN" --db "$DB" status >/dev/null 2>&1; done
check "the database is byte for byte unchanged" test "$(sha "$DB")" = "$SUM"
check "no file appears or goes beside it ($FILES)" test "$(listing)" = "$FILES"

echo "-- a timer"
NOW_MS=$(($(date +%s) * 1000))
sqlite3 "$DB" "INSERT INTO timers VALUES (date('now'), 'foam-quads', 'running', 90000,
    $((NOW_MS + 60000)), NULL, '2026-01-01T00:00:00Z');" 2>"$WORK/sql.err"
expect_exit 0 "status with a running timer" "$BIN" --db "$DB" status
check "the timer counts down ($(cat "$WORK/last.out"))" grep -qE ' · foam quads (1:00|0:[0-9][0-9])$' "$WORK/last.out"
sqlite3 "$DB" "UPDATE timers SET state = 'running', deadline_ms = $((NOW_MS - 7000));"
expect_exit 0 "status with a timer past its end" "$BIN" --db "$DB" status
check "overtime counts up ($(cat "$WORK/last.out"))" grep -qE 'foam quads \+0:[0-9][0-9]$' "$WORK/last.out"
sqlite3 "$DB" "UPDATE timers SET state = 'paused', remaining_ms = 42000;"
expect_exit 0 "status with a paused timer" "$BIN" --db "$DB" status
check "a paused timer says so ($(cat "$WORK/last.out"))" grep -qE 'foam quads 0:42 paused$' "$WORK/last.out"

echo "-- another process writing"
if hold_lock "$DB"; then
    ms "$BIN" --db "$DB" status
    if [[ $GOT -eq 0 ]] && grep -q 'foam quads' "$WORK/last.out"; then
        ok "a writer's lock does not stop the line (exit 0, ${MS} ms)"
    else
        bad "under a writer's lock: exit $GOT, $(cat "$WORK/last.out" "$WORK/last.err")"
    fi
else
    bad "could not take the write lock: $(cat "$WORK/holder.out")"
fi
release_lock

echo "-- another process holding the database exclusively"
rm -f "$WORK/x.fifo"
mkfifo "$WORK/x.fifo"
timeout 300 sqlite3 "$DB" <"$WORK/x.fifo" >"$WORK/x.out" 2>&1 &
HOLDER=$!
track "$HOLDER"
exec {XFD}>"$WORK/x.fifo"
# The holder waits out the probe below (lock_held takes the write lock for a moment): with
# no busy timeout its BEGIN EXCLUSIVE could meet a probe and fail at once.
printf '.timeout 5000\nPRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE; UPDATE timers SET remaining_ms = 41000; COMMIT;\nBEGIN EXCLUSIVE; UPDATE timers SET remaining_ms = 40000;\n' >&"$XFD"
if until_true 30 lock_held "$DB"; then
    ms timeout 20 "$BIN" --db "$DB" status
    if [[ $GOT -eq 75 && ! -s "$WORK/last.out" && $MS -lt 3000 ]]; then
        ok "gives up within a second or so: exit 75, nothing on stdout (${MS} ms)"
    else
        bad "under an exclusive lock: exit $GOT after ${MS} ms, out: $(cat "$WORK/last.out"), err: $(head -c 200 "$WORK/last.err")"
    fi
    check "the refusal is one line naming the database" test "$(wc -l <"$WORK/last.err")" = 1 -a "$(grep -c "cooldown.db" "$WORK/last.err")" = 1
else
    bad "could not hold the database exclusively: $(cat "$WORK/x.out")"
fi
printf 'ROLLBACK;\n.quit\n' >&"$XFD"
exec {XFD}>&-
wait_pids 30 "$HOLDER"

echo "-- not a database"
mkfifo "$WORK/pipe.db"
ms timeout 20 "$BIN" --db "$WORK/pipe.db" status
if [[ $GOT -eq 69 && ! -s "$WORK/last.out" ]]; then ok "a FIFO is refused, not waited on (exit 69, ${MS} ms)"; else bad "a FIFO: exit $GOT after ${MS} ms"; fi
printf 'date,rhr\n2026-11-20,50\n' >"$WORK/notes.db"
SUM=$(sha "$WORK/notes.db")
expect_exit 69 "a CSV named .db is refused" "$BIN" --db "$WORK/notes.db" status
check "and left as it was" test "$(sha "$WORK/notes.db")" = "$SUM"

echo "-- --format"
expect_exit 2 "an unknown placeholder is a usage error" "$BIN" --db "$DB" status --format '{verdict} {mood}'
check "naming it and the allowed ones" grep -q 'unknown placeholder {mood}; use {verdict}, {timer}, {done}, {total}, {next}' "$WORK/last.err"
expect_exit 2 "a hostile placeholder is a usage error" "$BIN" --db "$DB" status --format $'{\e]0;pwned\a}'
check "whose message carries no control character" bash -c "! grep -q \$'[\x01-\x09\x0b-\x1f]' '$WORK/last.err'"
expect_exit 0 "hostile text around a placeholder" "$BIN" --db "$DB" status --format $'\e[2J{verdict}\a'
check "reaches the terminal without its control characters" bash -c "! grep -q \$'[\x01-\x09\x0b-\x1f]' '$WORK/last.out'"

echo "-- how long a line takes (60-day history, a timer)"
start=$(date +%s%N)
for _ in $(seq 20); do "$BIN" --db "$DB" status >/dev/null 2>&1; done
end=$(date +%s%N)
echo "  status: $(((end - start) / 20000000)) ms per line (mean of 20)"
finish
