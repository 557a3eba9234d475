#!/usr/bin/env bash
# F29: a run typed wrong can be corrected or deleted, and markers cleared (issue 16; CLI.md
# v2 `runs`, `run --edit`, `run --delete`, `log --clear`). The 300-minute typo edited to 30
# ends the day's "long run"; every refusal (an unknown or malformed id, an edit out of range
# or later than now, a write lock held past the timeout) exits with its code and leaves every
# row as it was; a deleted run's id is never handed to another run, so an old export imported
# again cannot write over the run typed in its place. The old binary had none of these
# commands: the typo stayed, and re-typing it added a second run.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/f29.db"
all_rows() {
    sqlite3 "$DB" "SELECT 'run', id, day, at, type, minutes, ifnull(km,'-'), source FROM runs ORDER BY id;
                   SELECT 'day', day, ifnull(rhr,'-'), ifnull(hrv,'-'), ifnull(pain,'-'), ifnull(pain_site,'-') FROM markers;
                   SELECT 'tick', day, item_id, set_no FROM ticks;"
}
out_has() { grep -qF -- "$1" "$WORK/last.out"; }
err_has() { grep -qF -- "$1" "$WORK/last.err"; }
session() { "$BIN" --db "$DB" checklist --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["session"])'; }
minutes_of() {
    "$BIN" --db "$DB" runs --json | python3 -c "import json,sys; print([r['minutes'] for r in json.load(sys.stdin) if r['id'] == $1])"
}

echo "-- the 300-minute typo, corrected"
expect_exit 0 "a 300-minute easy run typed by mistake" "$BIN" --db "$DB" run --type easy --minutes 300 --at 09:00
check "the day counts as a long run" test "$(session)" = long
expect_exit 0 "cooldown runs lists it" "$BIN" --db "$DB" runs
check "  with its id, time, type, minutes and source" grep -qE '^ *1  2026-11-28  09:00  easy +300 .* manual$' "$WORK/last.out"
expect_exit 0 "run --edit 1 --minutes 30" "$BIN" --db "$DB" run --edit 1 --minutes 30
check "  says what changed" out_has "run 1 (Sat 28 Nov, easy): minutes 300 → 30"
check "runs --json has 30 minutes for run 1" test "$(minutes_of 1)" = "[30]"
check "the day is an easy run now" test "$(session)" = easy
check "still one run: edited in place" test "$(rows "$DB" runs)" = 1

echo "-- refusals leave every row as it was"
"$BIN" --db "$DB" log --rhr 50 --pain 3 --pain-site knee >/dev/null
"$BIN" --db "$DB" tick mobility >/dev/null
before="$(all_rows)"
expect_exit 65 "an unknown id" "$BIN" --db "$DB" run --edit 99 --minutes 30
check "  one line naming it and where to look" err_has "cooldown: no run 99 (run --edit): see \`cooldown runs\` for the ids"
for id in abc 0 -1 1.0 99999999999999999999; do
    expect_exit 65 "a malformed id '$id'" "$BIN" --db "$DB" run "--delete=$id"
    check "  is not a run id" err_has "is not a run id (run --delete)"
done
expect_exit 65 "an edit out of range" "$BIN" --db "$DB" run --edit 1 --minutes 3000
check "  names the field and the range" err_has "minutes: 3000 is outside 1–1440"
expect_exit 65 "an edit that ends later than now" "$BIN" --db "$DB" run --edit 1 --at 13:00
check "  says so" err_has "at: 13:00 is later than now"
expect_exit 2 "a delete with another run option" "$BIN" --db "$DB" run --delete 1 --minutes 30
expect_exit 65 "clearing an unknown field" "$BIN" --db "$DB" log --clear heart
check "  names the fields there are" err_has "name any of rhr, hrv, sleep"
expect_exit 65 "clearing and setting one field" "$BIN" --db "$DB" log --clear rhr --rhr 52
check "nothing changed by any refusal" test "$(all_rows)" = "$before"

echo "-- a write lock held past the timeout: exit 75, nothing half-written"
if hold_lock "$DB"; then
    expect_exit 75 "run --edit under a held lock" "$BIN" --db "$DB" run --edit 1 --minutes 45 --km 8
    expect_exit 75 "run --delete under a held lock" "$BIN" --db "$DB" run --delete 1
    expect_exit 75 "log --clear under a held lock" "$BIN" --db "$DB" log --clear pain rhr
    check "  says busy, try again" err_has "try again"
    release_lock
    check "nothing changed while the lock was held" test "$(all_rows)" = "$before"
else
    bad "could not hold the write lock: $(cat "$WORK/holder.out")"
fi

echo "-- clearing markers"
expect_exit 0 "log --clear pain" "$BIN" --db "$DB" log --clear pain hrv
check "  clears the site with it" out_has "cleared 2026-11-28: pain · pain-site (with pain)"
check "  and says hrv was not logged" out_has "hrv was not logged on 2026-11-28"
check "rhr stays, pain and its site are gone" \
    test "$(sqlite3 "$DB" "SELECT rhr, ifnull(pain,'-'), ifnull(pain_site,'-') FROM markers")" = "50|-|-"
expect_exit 0 "log --clear rhr empties the day" "$BIN" --db "$DB" log --clear rhr
check "  and the empty day is deleted" test "$(rows "$DB" markers)" = 0

echo "-- deleting, and ids never handed out twice"
"$BIN" --db "$DB" export --what runs --out "$WORK/old-export.csv" 2>/dev/null
expect_exit 0 "run --delete 1" "$BIN" --db "$DB" run --delete 1
check "  says what it deleted" out_has "deleted run 1: easy, 30 min, ended 09:00 on 2026-11-28 (its ticks stay with the day)"
check "the run is gone" test "$(rows "$DB" runs)" = 0
check "the day's tick stays" test "$(rows "$DB" ticks)" = 1
expect_exit 65 "deleting it again" "$BIN" --db "$DB" run --delete 1
expect_exit 0 "the run typed again, right" "$BIN" --db "$DB" run --type easy --minutes 35 --at 09:00
check "  gets a new id, not the deleted one's" out_has "recorded run 2:"
expect_exit 0 "the export from before the delete imported again" "$BIN" --db "$DB" import "$WORK/old-export.csv"
check "the run typed again is untouched (35 min)" test "$(minutes_of 2)" = "[35]"
check "the old run comes back as run 1, beside it" test "$(minutes_of 1)" = "[30]"

echo "-- a database of the previous schema"
OLD="$WORK/schema5.db"
sqlite3 "$OLD" 'PRAGMA journal_mode=WAL;' >/dev/null
sqlite3 "$OLD" <"$ROOT/tests/fixtures/schema5.sql"
expect_exit 0 "opens (migrated) and lists its runs" "$BIN" --db "$OLD" --date 2026-11-20 runs --days 1
check "  with their ids and sources" grep -qE '^ *2  2026-11-20  07:45  cross .* runs.csv$' "$WORK/last.out"
expect_exit 0 "its highest run is deleted" "$BIN" --db "$OLD" run --delete 2
expect_exit 0 "a new run" "$BIN" --db "$OLD" --date 2026-11-20 run --type easy --minutes 20 --at 08:00
check "  gets id 3, never 2 again" out_has "recorded run 3:"
check "integrity_check is ok" integrity "$OLD"
check "integrity_check is ok (main database)" integrity "$DB"
finish
