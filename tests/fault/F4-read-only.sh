#!/usr/bin/env bash
# F4: a read-only database file, a read-only folder, both, and a read-only bind mount.
# Reads work; a write fails with one clear line naming the file and saying it is
# read-only, exit 74 (CLI.md: "74 I/O error (disk full, read-only, cannot create)");
# the bytes stay as they were. Root ignores file modes, so the file-mode cases run as
# `nobody` (runuser); the mount case runs as root inside `unshare -m`.
. "$(dirname "$0")/lib.sh"

DAY=2026-11-20
mkdir -p "$WORK/src"
"$BIN" --db "$WORK/src/base.db" seed-demo --days 30 --date "$DAY" >/dev/null 2>&1 \
    || { bad "cannot make the base database"; finish; }
printf 'date,rhr\n2026-11-21,51\n' >"$WORK/in.csv"
chmod 644 "$WORK/in.csv"
mkdir -p "$WORK/out" && chown nobody "$WORK/out"

as_nobody() { runuser -u nobody -- "$@"; }

# in_ro_mount DIR command… — runs the command with DIR bind-mounted read-only, in a
# private mount namespace that disappears with the command.
in_ro_mount() {
    local dir="$1"
    shift
    unshare -m bash -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99; shift; exec "$@"' _ "$dir" "$@"
}

# copy_query DB SQL — answers SQL on a copy of DB (and its -wal), so the check itself
# cannot create or change anything beside the file under test.
copy_query() {
    local tmp
    tmp="$(mktemp -d "$WORK/q.XXXXXX")"
    cp "$1" "$tmp/q.db"
    [[ -e "$1-wal" ]] && cp "$1-wal" "$tmp/q.db-wal"
    sqlite3 "$tmp/q.db" "$2"
    rm -rf "$tmp"
}

# run_case NAME DB RUNNER… — every read and every write on DB through RUNNER
# (as_nobody, or in_ro_mount DIR).
run_case() {
    local name="$1" db="$2"
    shift 2
    local runner=("$@")
    local before
    before="$(sha "$db")"
    echo "$name"
    local r
    for r in "verdict --date $DAY" "checklist --date $DAY" "export" "export --what runs --format json" \
        "trends --date $DAY" "backup $WORK/out/${name// /-}.bak"; do
        # shellcheck disable=SC2086
        expect_exit 0 "$name: read '$r' works" "${runner[@]}" "$BIN" --db "$db" $r
    done
    local w
    for w in "log --rhr 61 --date 2026-11-21" "tick mobility --date 2026-11-21" \
        "run --type easy --minutes 30 --at 07:00 --date 2026-11-21" "import $WORK/in.csv"; do
        # shellcheck disable=SC2086
        expect_exit 74 "$name: write '${w%% --*}' refused" "${runner[@]}" "$BIN" --db "$db" $w
        local err
        err="$(cat "$WORK/last.err")"
        if [[ $(wc -l <"$WORK/last.err") -eq 1 && "$err" == "cooldown: "* ]]; then
            ok "$name: '${w%% *}' says one line: $err"
        else
            bad "$name: '${w%% *}' stderr is not one 'cooldown: …' line: $(head -c 300 "$WORK/last.err")"
        fi
        if grep -qiE 'read-only|read only' "$WORK/last.err" && grep -qF "$db" "$WORK/last.err"; then
            ok "$name: '${w%% *}' names the file and says it is read-only"
        else
            bad "$name: '${w%% *}' does not name $db and say read-only"
        fi
        if grep -qiE 'not a (cooldown )?database|panick|damaged' "$WORK/last.err"; then
            bad "$name: '${w%% *}' misreports the file: $(head -c 200 "$WORK/last.err")"
        else
            ok "$name: '${w%% *}' no 'not a database', no panic"
        fi
    done
    [[ "$(sha "$db")" == "$before" ]] && ok "$name: database bytes unchanged" || bad "$name: database bytes changed"
    check "$name: no row of the refused writes" \
        test "$(copy_query "$db" "SELECT (SELECT count(*) FROM markers WHERE day = '2026-11-21')
            + (SELECT count(*) FROM ticks WHERE day = '2026-11-21') + (SELECT count(*) FROM runs WHERE day = '2026-11-21')")" = 0
    local left
    left="$(cd "$(dirname "$db")" && ls -A | grep -v "^$(basename "$db")\$" | tr '\n' ' ')"
    [[ -z "$left" ]] || echo "  note $name: files left beside the database: $left($(cd "$(dirname "$db")" && stat -c '%n %U %a' -- *-wal *-shm 2>/dev/null | tr '\n' ' '))"
}

# 1. The file is read-only (0444, root's); its folder is writable by the user.
mkdir -p "$WORK/rofile"
cp "$WORK/src/base.db" "$WORK/rofile/cooldown.db"
chmod 444 "$WORK/rofile/cooldown.db"
chown nobody "$WORK/rofile"
check "nobody can read the 0444 file, not write it, and can write its folder" \
    bash -c "as() { runuser -u nobody -- \"\$@\"; }; as test -r '$WORK/rofile/cooldown.db' && ! as test -w '$WORK/rofile/cooldown.db' && as test -w '$WORK/rofile'"
run_case "read-only file" "$WORK/rofile/cooldown.db" as_nobody

# 2. The folder is read-only (root's, 0755); the file is the user's and writable. WAL
# needs its -wal and -shm beside the file.
mkdir -p "$WORK/rodir"
cp "$WORK/src/base.db" "$WORK/rodir/cooldown.db"
chown nobody "$WORK/rodir/cooldown.db"
chmod 600 "$WORK/rodir/cooldown.db"
check "nobody can write the file but not its folder" \
    bash -c "as() { runuser -u nobody -- \"\$@\"; }; as test -w '$WORK/rodir/cooldown.db' && ! as test -w '$WORK/rodir'"
run_case "read-only folder" "$WORK/rodir/cooldown.db" as_nobody

# 3. Both: a 0444 file of root's in a folder of root's (someone else's data, shared to read).
mkdir -p "$WORK/roboth"
cp "$WORK/src/base.db" "$WORK/roboth/cooldown.db"
chmod 444 "$WORK/roboth/cooldown.db"
check "nobody can read the file, write neither it nor its folder" \
    bash -c "as() { runuser -u nobody -- \"\$@\"; }; as test -r '$WORK/roboth/cooldown.db' && ! as test -w '$WORK/roboth/cooldown.db' && ! as test -w '$WORK/roboth'"
run_case "read-only file in a read-only folder" "$WORK/roboth/cooldown.db" as_nobody

# 4. A read-only bind mount (root, so modes do not help).
mkdir -p "$WORK/romount"
cp "$WORK/src/base.db" "$WORK/romount/cooldown.db"
if in_ro_mount "$WORK/romount" sh -c ": > '$WORK/romount/probe'" 2>/dev/null; then
    bad "the bind mount is not read-only (or unshare is not available)"
    rm -f "$WORK/romount/probe"
elif [[ $(in_ro_mount "$WORK/romount" cat "$WORK/romount/cooldown.db" | wc -c) -gt 0 ]]; then
    ok "the bind mount is read-only and readable"
    run_case "read-only mount" "$WORK/romount/cooldown.db" in_ro_mount "$WORK/romount"
else
    bad "cannot bind-mount $WORK/romount read-only in unshare -m"
fi
check "the mount was private: the folder is writable again outside" sh -c ": > '$WORK/romount/probe' && rm '$WORK/romount/probe'"

finish
