#!/usr/bin/env bash
# F27: a database restored from `cooldown backup` (a self-contained file in rollback-journal
# mode) is put back into WAL on its next open, and stays there (RELIABILITY.md rule 13;
# issue 13 finding 9). The old binary left such a file in rollback-journal mode for good.
. "$(dirname "$0")/lib.sh"

DB="$WORK/cooldown.db"
expect_exit 0 "ten days of demo history" "$BIN" --db "$DB" seed-demo --days 10 --date 2026-11-20
expect_exit 0 "a backup" "$BIN" --db "$DB" backup "$WORK/backup.db"
jm() { sqlite3 "$1" 'PRAGMA journal_mode;'; }
check "the backup is one file in rollback-journal mode" test "$(jm "$WORK/backup.db")" = delete
BEFORE=$("$BIN" --db "$DB" export)

# Restored as a runner would: the backup copied over the database, its side files gone.
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$WORK/backup.db" "$DB"
check "the restored file starts in rollback-journal mode" test "$(jm "$DB")" = delete
for c in "verdict --date 2026-11-20" "checklist --date 2026-11-20"; do
    # shellcheck disable=SC2086
    expect_exit 0 "a read on the restored database: ${c%% *}" "$BIN" --db "$DB" $c
    check "after ${c%% *} the database is in WAL mode" test "$(jm "$DB")" = wal
done
expect_exit 0 "a write on the restored database" "$BIN" --db "$DB" log --rhr 50 --date 2026-11-20
check "it is still in WAL mode after a write" test "$(jm "$DB")" = wal
check "integrity_check = ok" integrity "$DB"
AFTER=$("$BIN" --db "$DB" export)
check "everything the backup held is there, the new morning too" \
    test "$(diff <(echo "$BEFORE") <(echo "$AFTER") | grep -c '^[<>]')" -le 2
check "the new morning is stored" grep -q '^2026-11-20,50,' <(echo "$AFTER")

# Read-only: never switched (that would be a write), still readable.
cp "$WORK/backup.db" "$WORK/ro.db"
chmod 0444 "$WORK/ro.db"
if [[ $(id -u) -eq 0 ]] && command -v runuser >/dev/null; then
    chmod 0755 "$WORK"
    chown nobody "$WORK/ro.db" 2>/dev/null
    expect_exit 0 "a read-only restored copy can be read (as nobody)" \
        runuser -u nobody -- "$BIN" --db "$WORK/ro.db" verdict --date 2026-11-20
else
    expect_exit 0 "a read-only restored copy can be read" "$BIN" --db "$WORK/ro.db" verdict --date 2026-11-20
fi
check "the read-only copy was not switched" test "$(jm "$WORK/ro.db")" = delete
finish
