#!/usr/bin/env bash
# F5: `--db` is a folder, its parent folder is missing, a typo in the folder name, a
# `file:` string that must stay a plain file name (RELIABILITY.md rule 6). A clear
# one-line error with the exit code of the README (69: not a database file; 74: cannot
# create), and nothing created where the user did not ask.
. "$(dirname "$0")/lib.sh"

DAY=2026-11-20
printf 'date,rhr\n2026-11-19,51\n' >"$WORK/in.csv"
CMDS=("log --rhr 55 --date $DAY" "verdict --date $DAY" "checklist --date $DAY" "tick mobility --date $DAY"
    "run --type easy --minutes 30 --at 07:00 --date $DAY" "trends --date $DAY" "import $WORK/in.csv"
    "export" "backup $WORK/backups/b.db" "print --date $DAY" "seed-demo --days 3 --date $DAY")
mkdir -p "$WORK/backups"

# tree — every path below $WORK except the helper's own output files.
tree() { find "$WORK" -mindepth 1 \( -name last.out -o -name last.err \) -prune -o -print | sort; }

# one_line — last.err is exactly one line "cooldown: …" naming $1 (when given).
one_line() {
    [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -q '^cooldown: ' "$WORK/last.err" \
        && { [[ -z "${1:-}" ]] || grep -qF -- "$1" "$WORK/last.err"; }
}

# every_command WANT NAME PATH PATTERN [cwd] — each command with --db PATH exits WANT,
# says one line naming PATH that matches PATTERN, and creates nothing.
every_command() {
    local want="$1" name="$2" path="$3" pattern="$4" cwd="${5:-$WORK}" c before after shown
    before="$(tree)"
    for c in "${CMDS[@]}"; do
        # shellcheck disable=SC2086
        expect_exit "$want" "$name: ${c%% *}" bash -c 'cd "$1" && shift && exec "$@"' _ "$cwd" "$BIN" --db "$path" $c
        if one_line "$path" && grep -qiE "$pattern" "$WORK/last.err"; then
            [[ -n "${shown:-}" ]] || { ok "$name: ${c%% *} says: $(cat "$WORK/last.err")"; shown=1; continue; }
            ok "$name: ${c%% *}: one clear line naming the path"
        else
            bad "$name: ${c%% *}: not one line 'cooldown: …' naming '$path' and matching /$pattern/: $(head -c 300 "$WORK/last.err")"
        fi
    done
    after="$(tree)"
    [[ "$before" == "$after" ]] && ok "$name: nothing created or removed" \
        || bad "$name: files changed: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -5 | tr '\n' ' ')"
}

echo "--db is a folder"
mkdir -p "$WORK/adir"
every_command 69 "folder" "$WORK/adir" 'folder|directory'
every_command 69 "folder with a trailing slash" "$WORK/adir/" 'folder|directory'
check "the folder is still empty" test -z "$(ls -A "$WORK/adir")"
mkdir -p "$WORK/cwd1/sub"
every_command 69 "relative folder" "sub" 'folder|directory' "$WORK/cwd1"

echo "a missing parent folder"
every_command 74 "missing parent" "$WORK/missing/cooldown.db" 'folder|directory|does not exist|no such'
check "the missing folder was not created" test ! -e "$WORK/missing"
every_command 74 "missing parents, relative" "a/b/c/cooldown.db" 'folder|directory|does not exist|no such' "$WORK/cwd1"
check "no relative folders were created" test ! -e "$WORK/cwd1/a"
: >"$WORK/plainfile"
every_command 74 "parent is a file" "$WORK/plainfile/cooldown.db" 'folder|directory|not a directory'
check "the file in the way is untouched and empty" test ! -s "$WORK/plainfile" -a -f "$WORK/plainfile"

echo "a typo in the folder name"
mkdir -p "$WORK/data"
"$BIN" --db "$WORK/data/cooldown.db" log --rhr 52 --date "$DAY" >/dev/null 2>&1
real_sha="$(sha "$WORK/data/cooldown.db")"
every_command 74 "typo'd folder" "$WORK/dtaa/cooldown.db" 'folder|directory|does not exist|no such'
check "no folder 'dtaa' was created" test ! -e "$WORK/dtaa"
before="$(tree)"
expect_exit 74 "typo'd folder through \$COOLDOWN_DB" env COOLDOWN_DB="$WORK/dtaa/cooldown.db" "$BIN" log --rhr 55 --date "$DAY"
check "  one line naming the path" one_line "$WORK/dtaa/cooldown.db"
expect_exit 74 "typo'd folder through \$COOLDOWN_DB (read)" env COOLDOWN_DB="$WORK/dtaa/cooldown.db" "$BIN" verdict --date "$DAY"
check "  one line naming the path" one_line "$WORK/dtaa/cooldown.db"
check "\$COOLDOWN_DB typo created nothing" test "$before" = "$(tree)"
check "the real database is untouched" test "$(sha "$WORK/data/cooldown.db")" = "$real_sha"
# Not an F5 requirement, only reported: a typo in the *file* name inside an existing
# folder is a first run there, so even a reading command creates an empty database.
before="$(tree)"
"$BIN" --db "$WORK/data/cooldwn.db" export >"$WORK/typo.out" 2>&1
rc=$?
if [[ -e "$WORK/data/cooldwn.db" ]]; then
    echo "  note a read (export) on a typo'd file name in an existing folder exits $rc, prints $(wc -l <"$WORK/typo.out") line(s) and creates an empty database $WORK/data/cooldwn.db"
    rm -f "$WORK/data/cooldwn.db"*
fi

echo "--db file:x.db?mode=memory is a plain relative file name"
mkdir -p "$WORK/uri"
cd "$WORK/uri" || exit 2
expect_exit 0 "log into 'file:x.db?mode=memory'" "$BIN" --db 'file:x.db?mode=memory' log --rhr 57 --date "$DAY"
check "the file named literally exists in the cwd" test -f "$WORK/uri/file:x.db?mode=memory"
check "no x.db was created" test ! -e "$WORK/uri/x.db" -a ! -e "$WORK/x.db"
check "it is a cooldown database (application_id set)" test "$(sqlite3 "$WORK/uri/file:x.db?mode=memory" 'PRAGMA application_id')" = 1128552270
check "the row is in the file" test "$(sqlite3 "$WORK/uri/file:x.db?mode=memory" "SELECT rhr FROM markers WHERE day = '$DAY'")" = 57
expect_exit 0 "a second process reads it back" "$BIN" --db 'file:x.db?mode=memory' export
check "  the export carries the logged value (data persisted)" grep -q "^$DAY,57," "$WORK/last.out"
expect_exit 0 "log through COOLDOWN_DB=file:y.db?mode=memory" env COOLDOWN_DB='file:y.db?mode=memory' "$BIN" log --rhr 58 --date "$DAY"
check "  the file named literally exists" test -f "$WORK/uri/file:y.db?mode=memory" -a ! -e "$WORK/uri/y.db"
check "  and holds the row" test "$(sqlite3 "$WORK/uri/file:y.db?mode=memory" "SELECT rhr FROM markers WHERE day = '$DAY'")" = 58
expect_exit 0 "log into 'file:z.db' (no query)" "$BIN" --db 'file:z.db' log --rhr 59 --date "$DAY"
check "  the file 'file:z.db' exists, 'z.db' does not" test -f "$WORK/uri/file:z.db" -a ! -e "$WORK/uri/z.db"
# An absolute path behind file: is still relative: the folder "file:" does not exist.
before="$(tree)"
expect_exit 74 "'file:$WORK/uri/abs.db?mode=rwc' is a relative path in a missing folder 'file:'" \
    "$BIN" --db "file:$WORK/uri/abs.db?mode=rwc" log --rhr 59 --date "$DAY"
check "  one line" one_line
check "  abs.db was not created (not parsed as a URI)" test ! -e "$WORK/uri/abs.db"
check "  nothing was created" test "$before" = "$(tree)"
cd "$WORK" || exit 2

finish
