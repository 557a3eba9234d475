#!/usr/bin/env bash
# F14: `--out` (export, print, plan) and `backup` never write over the database in use, its
# -wal/-shm/-journal, a link to any of them, a folder or a device (RELIABILITY.md rule 12):
# exit 65 with the reason, and the database's bytes are unchanged. `-` writes to standard
# output. Devices are made with mknod inside $WORK: the real /dev is never a target.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
DB="$WORK/c.db"
DAY=2026-11-27
export COOLDOWN_NOW=2026-11-28T12:00:00
"$BIN" --db "$DB" log --rhr 50 --hrv 61 --note "first" --date 2026-11-26 >/dev/null 2>&1
"$BIN" --db "$DB" log --rhr 52 --hrv 58 --date "$DAY" >/dev/null 2>&1
"$BIN" --db "$DB" run --type easy --minutes 40 --at 07:00 --date "$DAY" >/dev/null 2>&1
cp "$DB" "$WORK/pristine.db"
SHA="$(sha "$DB")"
"$BIN" --db "$DB" export >"$WORK/expected.csv" 2>/dev/null
check "the setup: two mornings exported" test "$(wc -l <"$WORK/expected.csv")" -eq 3

# restore — the database as it was set up, and nothing else beside it.
restore() {
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
    cp "$WORK/pristine.db" "$DB"
}

# intact — the database's bytes are unchanged and it still exports the same rows.
intact() {
    [[ "$(sha "$DB")" == "$SHA" ]] && "$BIN" --db "$DB" export 2>/dev/null | cmp -s - "$WORK/expected.csv"
}

# refuses NAME ARGS… — exit 65, one line "cooldown: …" that gives a reason, and the
# database is intact afterwards.
refuses() {
    local name="$1"
    shift
    restore
    expect_exit 65 "$name" "$BIN" --db "$DB" "$@"
    if [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -qE '^cooldown: .*(database|folder|regular file|link)' "$WORK/last.err"; then
        ok "  says: $(cat "$WORK/last.err")"
    else
        bad "  not one clear line: $(head -c 300 "$WORK/last.err")"
    fi
    check "  the database's sha256 is unchanged and it exports the same rows" intact
}

echo "the database in use and its journals, by name"
refuses "export --out the database" export --out "$DB"
mkdir -p "$WORK/sub"
refuses "export --out the database (through ..)" export --out "$WORK/sub/../c.db"
refuses "export --format json --out the database" export --format json --out "$DB"
refuses "export --out DB-wal (no log yet: it would be read as one)" export --out "$DB-wal"
check "  no -wal was created" test ! -e "$DB-wal"
refuses "export --out DB-shm" export --out "$DB-shm"
refuses "export --out DB-journal" export --out "$DB-journal"
refuses "print --out the database" print --out "$DB" --date "$DAY"
refuses "plan --out the database" plan --weekly-km 40 --out "$DB"
refuses "backup onto the database" backup "$DB"
refuses "backup onto DB-wal" backup "$DB-wal"

echo "links to the database, by identity"
ln -s "$DB" "$WORK/link.csv"
refuses "export --out a symbolic link to the database" export --out "$WORK/link.csv"
check "  the link is still a link to the database" test -L "$WORK/link.csv" -a "$(readlink "$WORK/link.csv")" = "$DB"
ln -s "$WORK" "$WORK/alias"
refuses "export --out the database through a linked folder" export --out "$WORK/alias/c.db"
refuses "backup onto a symbolic link to the database" backup "$WORK/link.csv"
restore
ln "$DB" "$WORK/hard.csv"
expect_exit 65 "export --out a hard link to the database" "$BIN" --db "$DB" export --out "$WORK/hard.csv"
check "  the database (and its hard link) unchanged" intact
expect_exit 65 "backup onto a hard link to the database" "$BIN" --db "$DB" backup "$WORK/hard.csv"
check "  the database unchanged" intact
rm -f "$WORK/hard.csv"
restore
expect_exit 65 "--db through a symbolic link, --out the real file" "$BIN" --db "$WORK/link.csv" export --out "$DB"
check "  the database unchanged" intact

echo "a live write-ahead log (another process has the database open)"
restore
if hold_lock "$DB"; then
    if [[ -e "$DB-wal" ]]; then
        wal_sha="$(sha "$DB-wal")"
        shm_sha="$(sha "$DB-shm")"
        expect_exit 65 "export --out DB-wal while the log is live" timeout 60 "$BIN" --db "$DB" export --out "$DB-wal"
        expect_exit 65 "export --out DB-shm while the log is live" timeout 60 "$BIN" --db "$DB" export --out "$DB-shm"
        check "  the -wal and -shm are unchanged" test "$(sha "$DB-wal")" = "$wal_sha" -a "$(sha "$DB-shm")" = "$shm_sha"
    else
        bad "the lock holder left no -wal to test with"
    fi
    release_lock
    check "  the database is intact after the holder closed" intact
else
    bad "could not take the write lock with sqlite3"
    release_lock
fi

echo "folders and devices"
mkdir -p "$WORK/outdir"
refuses "export --out a folder" export --out "$WORK/outdir"
check "  the folder is still an empty folder" test -d "$WORK/outdir" -a -z "$(ls -A "$WORK/outdir")"
refuses "backup onto a folder" backup "$WORK/outdir"
if mknod "$WORK/null" c 1 3 2>/dev/null; then
    refuses "export --out a character device (a /dev/null node)" export --out "$WORK/null"
    check "  it is still a character device" test -c "$WORK/null"
    refuses "backup onto a character device" backup "$WORK/null"
    check "  it is still a character device" test -c "$WORK/null"
    refuses "plan --out a character device" plan --weekly-km 40 --out "$WORK/null"
    check "  it is still a character device" test -c "$WORK/null"
else
    echo "  note mknod is not allowed here: the character device cases were skipped"
fi
mkfifo "$WORK/fifo"
restore
expect_exit 65 "export --out a FIFO" timeout 60 "$BIN" --db "$DB" export --out "$WORK/fifo"
check "  it is still a FIFO" test -p "$WORK/fifo"
check "  the database unchanged" intact

echo "'-' is standard output"
restore
expect_exit 0 "export --out -" "$BIN" --db "$DB" export --out -
check "  standard output holds the export" cmp -s "$WORK/last.out" "$WORK/expected.csv"
check "  no file named '-' was created" test ! -e "$WORK/-" -a ! -e "./-"
expect_exit 0 "print --out -" "$BIN" --db "$DB" print --out - --date "$DAY"
check "  standard output holds the page" grep -q '^# cooldown' "$WORK/last.out"
expect_exit 0 "backup - > file" bash -c '"$1" --db "$2" backup - >"$3"' _ "$BIN" "$DB" "$WORK/stdout.db"
check "  the copy is a cooldown database with both mornings" test "$(sqlite3 "$WORK/stdout.db" 'SELECT count(*) FROM markers' 2>/dev/null)" = 2
check "  the database unchanged" intact

echo "ordinary targets still work"
expect_exit 0 "export --out a new file" "$BIN" --db "$DB" export --out "$WORK/out.csv"
check "  it holds the export" cmp -s "$WORK/out.csv" "$WORK/expected.csv"
echo old >"$WORK/other.csv"
ln -s "$WORK/other.csv" "$WORK/to-other.csv"
expect_exit 0 "export --out a symbolic link to another file" "$BIN" --db "$DB" export --out "$WORK/to-other.csv"
check "  the link is still a link, its file replaced" test -L "$WORK/to-other.csv" -a "$(cat "$WORK/other.csv" | head -1 | cut -c1-4)" = date
expect_exit 0 "backup to a new file" "$BIN" --db "$DB" backup "$WORK/b.db"
check "  the backup holds both mornings" test "$(sqlite3 "$WORK/b.db" 'SELECT count(*) FROM markers')" = 2
check "the database was never changed" intact

finish
