#!/usr/bin/env bash
# F26: `--demo` works on a temporary database. Naming a real one beside it (`--demo --db
# x.db`, with every command) is a usage error (exit 2) that touches nothing, and a write made
# under `--demo` says that it will not be kept (CLI.md v2; issue 13 finding 6). The old
# binary acknowledged `--demo --db x.db log …` with exit 0 and threw the write away.
. "$(dirname "$0")/lib.sh"

DB="$WORK/real.db"
"$BIN" --db "$DB" log --rhr 52 --date 2026-11-20 >/dev/null 2>&1
SUM=$(sha "$DB")
printf 'date,rhr\n2026-11-19,51\n' >"$WORK/in.csv"
CMDS=("log --rhr 55" "run --type easy --minutes 30 --at 00:00" "tick mobility" "import $WORK/in.csv"
    "verdict" "checklist" "export" "trends")

echo "-- --demo with --db"
for c in "${CMDS[@]}"; do
    # shellcheck disable=SC2086
    expect_exit 2 "--demo --db: ${c%% *} is a usage error" "$BIN" --demo --db "$DB" $c
    check "--demo --db: ${c%% *} names --demo and --db" grep -q -- "--demo.*--db" "$WORK/last.err"
done
check "the named database is byte for byte unchanged" test "$(sha "$DB")" = "$SUM"
check "only the day logged before is in it" test "$(rows "$DB" markers)" = 1

echo "-- a write under --demo"
for c in "${CMDS[@]:0:4}"; do
    # shellcheck disable=SC2086
    expect_exit 0 "--demo: ${c%% *} works on the demo" "$BIN" --demo $c
    check "--demo: ${c%% *} says the change is not kept" grep -q "not kept" "$WORK/last.err"
done
for c in "${CMDS[@]:4}"; do
    # shellcheck disable=SC2086
    expect_exit 0 "--demo: ${c%% *} (a read)" "$BIN" --demo $c
    check "--demo: ${c%% *} has nothing to warn of" test ! -s "$WORK/last.err"
done
check "no demo folder is left behind" test -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'cooldown-demo-*' -newer "$DB" 2>/dev/null)"
finish
