#!/usr/bin/env bash
# F15: no user text drives the terminal (RELIABILITY.md rule 15). A routine whose phase
# window (or any text field) holds an escape sequence, a config that echoes one, paths with
# escapes in their names: every command's stdout and stderr is free of ESC and BEL, a bad
# routine or config is refused naming the file and line, and every text field of the
# routine has a length limit.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/c.db"
DAY=2026-11-28
CONF_DIR="$(dirname "$COOLDOWN_CONFIG")"
mkdir -p "$CONF_DIR"
"$BIN" --db "$DB" run --type tempo --minutes 50 --at 07:00 --date "$DAY" >/dev/null 2>&1
SHA="$(sha "$DB")"
ESC=$'\e'
BEL=$'\a'

# clean FILE… — no ESC and no BEL byte in any of them.
clean() { ! LC_ALL=C grep -q "[$ESC$BEL]" "$@"; }

# every_command WANT NAME — checklist, print, plan, verdict and export with the routine or
# config in place: exit WANT, no escape byte in stdout or stderr, and (for a refusal) one
# line naming the file and a line number.
CMDS=("checklist --date $DAY" "print --date $DAY" "plan --weekly-km 40" "verdict --date $DAY" "checklist --json --date $DAY")
every_command() {
    local want="$1" name="$2" file="$3" c
    for c in "${CMDS[@]}"; do
        # shellcheck disable=SC2086
        expect_exit "$want" "$name: ${c%% *}" timeout 60 "$BIN" --db "$DB" $c
        check "  no ESC or BEL on stdout or stderr" clean "$WORK/last.out" "$WORK/last.err"
        if [[ "$want" != 0 ]]; then
            if [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -qF "$file line " "$WORK/last.err"; then
                ok "  says: $(LC_ALL=C tr -c '[:print:]\n' '?' <"$WORK/last.err")"
            else
                bad "  not one line naming $file and its line: $(LC_ALL=C tr -c '[:print:]\n' '?' <"$WORK/last.err" | head -c 300)"
            fi
        fi
    done
}

# routine WINDOW — a user routine.toml whose one phase has this window (TOML text).
routine() {
    cat >"$CONF_DIR/routine.toml" <<EOF
[[phases]]
id = "now"
title = "Right after"
window = "$1"
from_min = 0
to_min = 30

[[items]]
id = "walk"
phase = "now"
title = "Walk it out"
kind = "check"
sessions = ["all"]
EOF
}

echo "a routine's phase window with escape sequences (clear screen, retitle the pane, bell)"
routine 'now\u001b[2J\u001b[H\u001b]0;pwned\u0007'
every_command 65 "window with escapes" "$CONF_DIR/routine.toml"
routine 'now\u001b'
every_command 65 "window with a lone ESC" "$CONF_DIR/routine.toml"
routine 'line one\nline two'
expect_exit 65 "window with a newline" "$BIN" --db "$DB" checklist --date "$DAY"
routine "$(printf 'w%.0s' {1..61})"
expect_exit 65 "window of 61 characters (the limit is 60)" "$BIN" --db "$DB" checklist --date "$DAY"
check "  names the limit" grep -q "1–60 characters" "$WORK/last.err"
routine "0–30 min"
expect_exit 0 "an ordinary window still works" "$BIN" --db "$DB" checklist --date "$DAY"
# (Clock times stand in for the window words on a day with a run: "Right after (07:00–07:30)".)
check "  it shows" grep -qE "Right after \((0–30 min|[0-9]{2}:[0-9]{2}–[0-9]{2}:[0-9]{2})\)" "$WORK/last.out"

echo "the other routine fields: titles, notes, kinds, sessions echoed in errors"
cat >"$CONF_DIR/routine.toml" <<'EOF'
[[phases]]
id = "now"
title = "Right after"

[[items]]
id = "walk"
phase = "now"
title = "Walk"
kind = "check\u001b]0;pwned\u0007"
sessions = ["all"]
EOF
every_command 65 "a kind with escapes (echoed in the error)" "$CONF_DIR/routine.toml"
sed -i 's|^kind = .*|kind = "check"|; s|^sessions = .*|sessions = ["\\u001b[2Jall"]|' "$CONF_DIR/routine.toml"
expect_exit 65 "a session with escapes" "$BIN" --db "$DB" checklist --date "$DAY"
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
sed -i 's|^sessions = .*|sessions = ["all"]|; s|^phase = .*|phase = "\\u001b[2Jnow"|' "$CONF_DIR/routine.toml"
expect_exit 65 "a phase reference with escapes" "$BIN" --db "$DB" checklist --date "$DAY"
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
sed -i 's|^phase = .*|phase = "now"|; s|^title = "Walk"|title = "Walk\\u001b[2J"|' "$CONF_DIR/routine.toml"
expect_exit 65 "an item title with escapes" "$BIN" --db "$DB" checklist --date "$DAY"
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
sed -i "s|^title = \"Walk.*|title = \"Walk\"\nnote = \"$(printf 'n%.0s' {1..121})\"|" "$CONF_DIR/routine.toml"
expect_exit 65 "a note of 121 characters (the limit is 120)" "$BIN" --db "$DB" checklist --date "$DAY"
check "  names the limit" grep -q "1–120 characters" "$WORK/last.err"
{
    printf '[[phases]]\nid = "now"\ntitle = "Now"\n'
    for i in $(seq 1 201); do printf '\n[[items]]\nid = "i%d"\nphase = "now"\ntitle = "Item %d"\nkind = "check"\nsessions = ["all"]\n' "$i" "$i"; done
} >"$CONF_DIR/routine.toml"
expect_exit 65 "a routine of 201 items (the limit is 200)" "$BIN" --db "$DB" checklist --date "$DAY"
check "  names the limit and the line" grep -qE "more than 200 .*routine.toml line [0-9]+\\)" "$WORK/last.err"
rm -f "$CONF_DIR/routine.toml"

echo "the config: values and keys echoed in errors"
printf 'focus = "\\u001b[2J\\u001b]0;pwned\\u0007"\n' >"$COOLDOWN_CONFIG"
every_command 65 "focus with escapes" "$COOLDOWN_CONFIG"
printf '"\\u001b]0;pwned\\u0007" = 1\n' >"$COOLDOWN_CONFIG"
expect_exit 65 "an unknown key with escapes" "$BIN" --db "$DB" checklist --date "$DAY"
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
printf 'focus = "%s"\n' "$(printf 'x%.0s' {1..5000})" >"$COOLDOWN_CONFIG"
expect_exit 65 "a 5000-character focus" "$BIN" --db "$DB" checklist --date "$DAY"
check "  the error line stays short (under 400 bytes)" test "$(wc -c <"$WORK/last.err")" -lt 400
rm -f "$COOLDOWN_CONFIG"

echo "paths with escapes in their names, echoed in messages"
WEIRD="$WORK/x${ESC}]0;pwned${BEL}${ESC}[2J"
expect_exit 74 "--db in a missing folder with escapes in its name" "$BIN" --db "$WEIRD/c.db" verdict
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
check "  the message names the path (escapes replaced)" grep -q "/x.]0;pwned..\[2J/c.db" "$WORK/last.err"
mkdir -p "$WEIRD"
expect_exit 0 "export --out a file with escapes in its name" "$BIN" --db "$DB" export --out "$WEIRD/out.csv"
check "  'wrote …' has no ESC or BEL" clean "$WORK/last.out" "$WORK/last.err"
expect_exit 0 "backup to a file with escapes in its name" "$BIN" --db "$DB" backup "$WEIRD/b.db"
check "  'backed up …' has no ESC or BEL" clean "$WORK/last.out" "$WORK/last.err"
printf 'date,rhr\n2026-11-27,51\n' >"$WEIRD/in.csv"
expect_exit 0 "import a file with escapes in its name" "$BIN" --db "$WORK/import.db" import "$WEIRD/in.csv"
check "  'imported …' has no ESC or BEL" clean "$WORK/last.out" "$WORK/last.err"
expect_exit 74 "import a missing file with escapes in its name" "$BIN" --db "$WORK/import.db" import "$WEIRD/missing.csv"
check "  no ESC or BEL on stderr" clean "$WORK/last.err"
expect_exit 65 "--config a folder with escapes in its name" "$BIN" --db "$DB" --config "$WEIRD" verdict
check "  no ESC or BEL on stderr" clean "$WORK/last.err"

check "the database was never changed" test "$(sha "$DB")" = "$SHA"
finish
