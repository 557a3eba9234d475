#!/usr/bin/env bash
# F21: runs are never replaced silently (CLI.md v2). Every run has an id; a second run in
# the same minute is a second run — from `cooldown run` and from the dashboard's run form;
# a runs CSV without end times adds its runs beside one logged at 12:00 instead of writing
# over it; importing the same file again, or our own export, changes nothing; a row whose id
# names a run of another day is refused with nothing imported. Opening a schema-2 database
# keeps every run with its id and values.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/f21.db"
run_rows() { sqlite3 "$DB" "SELECT id, day, at, type, minutes, ifnull(km, '-'), ifnull(note, '-') FROM runs ORDER BY id;"; }
runs_on() { sqlite3 "$DB" "SELECT count(*) FROM runs WHERE day = '$1';"; }
out_has() { grep -qF -- "$1" "$WORK/last.out"; }

echo "-- cooldown run: a second run in the same minute is a second run"
expect_exit 0 "a run without --at (ends now, 12:00)" "$BIN" --db "$DB" run --type tempo --minutes 45
check "it prints the new run's id" out_has "recorded run 1: tempo run, 45 min, ended 12:00 on 2026-11-28"
expect_exit 0 "a second run in the same minute" "$BIN" --db "$DB" run --type easy --minutes 20
check "it is run 2" out_has "recorded run 2: easy run, 20 min, ended 12:00 on 2026-11-28"
check "both runs are kept (2 runs on the day)" test "$(runs_on 2026-11-28)" = 2
expect_exit 0 "the same run typed again" "$BIN" --db "$DB" run --type easy --minutes 20
check "is a third run, never in place of one" test "$(runs_on 2026-11-28)" = 3

echo "-- an import without end times beside a run logged at 12:00"
expect_exit 0 "a long run logged at 12:00 yesterday" \
    "$BIN" --db "$DB" --date 2026-11-27 run --type long --minutes 100 --km 18 --note "hilly" --at 12:00
before="$(run_rows)"
printf 'date,type,minutes,km\n2026-11-27,easy,30,5\n2026-11-27,easy,30,5\n' >"$WORK/watch.csv"
expect_exit 0 "a runs CSV without 'at' imports" "$BIN" --db "$DB" import "$WORK/watch.csv"
check "it says 2 new runs" out_has "2 runs (2 new, 0 changed, 0 already the same)"
check "the day holds the long run and both easy runs" test "$(runs_on 2026-11-27)" = 3
check "the long run logged at 12:00 is untouched" \
    test "$(sqlite3 "$DB" "SELECT type, minutes, km, note FROM runs WHERE id = 4;")" = "long|100|18.0|hilly"
check "no run stored before the import changed" test "$(run_rows | head -4)" = "$before"
expect_exit 0 "the same file again" "$BIN" --db "$DB" import "$WORK/watch.csv"
check "changes nothing: 2 already the same" out_has "2 runs (0 new, 0 changed, 2 already the same)"
check "still 3 runs on the day" test "$(runs_on 2026-11-27)" = 3

echo "-- our own export comes back as the same runs"
"$BIN" --db "$DB" export --what runs >"$WORK/runs.csv"
check "the runs export names each run's id (last column)" \
    test "$(head -1 "$WORK/runs.csv")" = "date,type,minutes,km,rpe,weight_before_kg,weight_after_kg,fluid_l,note,at,id"
expect_exit 0 "our export imports into the same database" "$BIN" --db "$DB" import "$WORK/runs.csv"
check "every run already the same" out_has "6 runs (0 new, 0 changed, 6 already the same)"
check "the export is byte-identical afterwards" cmp -s <("$BIN" --db "$DB" export --what runs) "$WORK/runs.csv"
expect_exit 0 "our export imports into an empty database" "$BIN" --db "$WORK/empty.db" import "$WORK/runs.csv"
check "whose export is the same bytes, ids included" \
    cmp -s <("$BIN" --db "$WORK/empty.db" export --what runs) "$WORK/runs.csv"
sed 's/^2026-11-27,long,100,18,,,,,hilly,12:00,4$/2026-11-27,long,105,18,,,,,hilly,12:00,4/' "$WORK/runs.csv" >"$WORK/edited.csv"
expect_exit 0 "an edit of run 4's minutes imports" "$BIN" --db "$DB" import "$WORK/edited.csv"
check "one run changed, the rest the same" out_has "6 runs (0 new, 1 changed, 5 already the same)"
check "run 4 has 105 min and kept its km and note" \
    test "$(sqlite3 "$DB" "SELECT minutes, km, note FROM runs WHERE id = 4;")" = "105|18.0|hilly"
sed 's/^2026-11-27,long,105,/2026-11-26,long,105,/' "$WORK/edited.csv" >"$WORK/clash.csv"
sum="$(sha "$DB")"
expect_exit 65 "a row whose id names a run of another day is refused" "$BIN" --db "$DB" import "$WORK/clash.csv"
check "the message names the line, the id and both days" \
    grep -qF "clash.csv:2: id: run 4 of this database is on 2026-11-27, not 2026-11-26" "$WORK/last.err"
check "and nothing was imported" test "$(sha "$DB")" = "$sum"

echo "-- the dashboard's run form adds a run each time it is saved"
TUI="$WORK/tui.db"
expect_exit 0 "a database for the dashboard" "$BIN" --db "$TUI" checklist
shows() { screen f21 | grep -qF -- "$1"; }
form_run() {
    # Type, minutes, then (Up from the first field wraps to the last) the end time 11:00.
    tm send-keys -t f21 r
    until_true 30 shows "Ended at" || return 1
    tm send-keys -t f21 -l easy
    tm send-keys -t f21 Tab
    tm send-keys -t f21 -l 30
    tm send-keys -t f21 Up Up BSpace BSpace BSpace BSpace BSpace
    tm send-keys -t f21 -l 11:00
    tm send-keys -t f21 Enter
    until_true 30 shows "$1"
}
tm -f /dev/null new-session -d -s f21 -x 80 -y 24 \
    "exec env TZ=UTC COOLDOWN_NOW=$COOLDOWN_NOW COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$TUI' --date 2026-11-27"
pid="$(tm display -p -t f21 '#{pane_pid}' 2>/dev/null)"
[[ "$pid" =~ ^[0-9]+$ ]] && track "$pid"
if [[ "$pid" =~ ^[0-9]+$ ]] && wait_exec 30 "$pid" && until_true 30 shows "Recovery checklist"; then
    check "the run form saves run 1" form_run "saved: run 1 ending 11:00"
    check "the same run saved again is run 2" form_run "saved: run 2 ending 11:00"
    tm send-keys -t f21 q
    until_true 30 ended "$pid" || bad "the dashboard did not quit"
    check "both runs ending 11:00 are stored" \
        test "$(sqlite3 "$TUI" "SELECT count(*) FROM runs WHERE day = '2026-11-27' AND at = '11:00';")" = 2
else
    bad "the dashboard did not start: $(screen f21 | head -5)"
fi
tm_stop

echo "-- a schema-2 database keeps every run and its id"
OLD="$WORK/schema2.db"
sqlite3 "$OLD" 'PRAGMA journal_mode = WAL;' >/dev/null
sqlite3 "$OLD" <"$ROOT/tests/fixtures/schema2.sql"
sqlite3 "$OLD" "INSERT INTO runs (id, day, at, type, minutes, note, updated_at)
                    VALUES (41, '2026-11-21', '18:00', 'easy', 30, 'evening', 'x'),
                           (7, '2026-11-19', '06:30', 'long', 100, NULL, 'x');"
want="$(sqlite3 "$OLD" 'SELECT id, day, at, type, minutes, km, rpe, note FROM runs ORDER BY id;')"
expect_exit 0 "the schema-2 database opens" "$BIN" --db "$OLD" --date 2026-11-21 checklist
check "every run is there with its id and values" \
    test "$(sqlite3 "$OLD" 'SELECT id, day, at, type, minutes, km, rpe, note FROM runs ORDER BY id;')" = "$want"
expect_exit 0 "a run ending when a migrated one ended" "$BIN" --db "$OLD" --date 2026-11-20 run --type easy --minutes 10 --at 07:45
check "is a second run beside it (run 42)" out_has "recorded run 42:"
check "both runs of 2026-11-20 07:45 are kept" \
    test "$(sqlite3 "$OLD" "SELECT group_concat(id) FROM runs WHERE day = '2026-11-20' AND at = '07:45';")" = "1,42"
check "the database is whole" integrity "$OLD"
finish
