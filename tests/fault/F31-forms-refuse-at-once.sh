#!/usr/bin/env bash
# F31: the dashboard's forms refuse hostile input field by field, all at once, and store
# nothing (issue 16 "forms that help"; RELIABILITY.md: hostile input is normal input).
# In the real binary in tmux, on a database that holds a morning and a run:
# - the bad-value list of F9 typed into five marker fields at once: Ctrl-S marks all five,
#   each under itself by its label, says "5 fields to fix — nothing saved", and nothing
#   stored changes; Enter on a field before the last only moves on; Esc cancels;
# - a picker (pain site) takes no text off its list, typed or pasted (10 kB with escapes
#   and line breaks), and a site without a pain is refused beside the site;
# - the run form: a type off the list is not taken ('Rest' stays a listed type), and a run
#   of infinite km at effort 11 ending in the future is three fields to fix;
# - then a good value is saved, and an emptied field is stored as not logged.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/f29.db"
expect_exit 0 "a morning is logged" "$BIN" --db "$DB" log --rhr 52 --hrv 60 --sleep 7
expect_exit 0 "a long run the day before" "$BIN" --db "$DB" --date 2026-11-27 run --type long --minutes 100 --at 08:00

# What is stored, as the command line exports it.
state() {
    "$BIN" --db "$DB" export --format json 2>&1
    "$BIN" --db "$DB" export --what runs --format json 2>&1
}
state >"$WORK/before.json"
unchanged() { state | cmp -s - "$WORK/before.json"; }

S=f29
PID=""
tm -f /dev/null new-session -d -s "$S" -x 100 -y 40 \
    "exec env TZ=UTC COOLDOWN_NOW=$COOLDOWN_NOW COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$DB'"
PID="$(tm display -p -t "$S" '#{pane_pid}' 2>/dev/null)"
if [[ ! "$PID" =~ ^[0-9]+$ ]] || ! wait_exec 30 "$PID" || ! until_true 30 screen_has "$S" "Recovery checklist"; then
    bad "the dashboard did not start: $(screen "$S" | head -3 | tr -s ' \n' ' ')"
    finish
fi
track "$PID"
key() { tm send-keys -t "$S" "$@"; }
text() { tm send-keys -t "$S" -l -- "$1"; }
shows() { screen_has "$S" "$1"; }
# expect "description" TEXT — the screen shows TEXT within 30 s.
expect() {
    if until_true 30 shows "$2"; then ok "$1"; else bad "$1: '$2' not shown: $(screen "$S" | grep -v '^ *$' | tail -4 | tr -s ' \n' ' ')"; fi
}
# cancel — Esc, then wait until the form is gone (a key sent at once after Esc would be
# read as Alt-key).
cancel() {
    key Escape
    expect "Esc cancels" "cancelled: nothing saved"
}

echo "- the markers form: five bad fields at once"
key m
expect "the markers form opens" "Morning markers"
key C-u; text NaN; key Tab
key C-u; text 0x3E; key Tab
key C-u; text -1; key Tab
text 1e999; key Tab
text 11
key C-s
expect "Ctrl-S reports all five at once" "5 fields to fix — nothing saved"
for line in "✗ Resting HR: 'NaN'" "✗ HRV (rMSSD): '0x3E'" "✗ Sleep: -1" "✗ Sleep quality: '1e999'" "✗ Soreness: 11"; do
    check "marked by its label: $line" shows "$line"
done
check "the cursor is on the first bad field" shows "›Resting HR"
check "nothing stored changed" unchanged
key Enter
expect "Enter on the first field moves to the next" "›HRV (rMSSD)"
check "and saves nothing" unchanged
check "the form is still open" shows "Morning markers"
cancel
check "nothing stored changed after Esc" unchanged

echo "- the pain site picker"
key m
expect "the markers form opens again" "›Resting HR"
for _ in 1 2 3 4 5 6; do key Tab; done
expect "Tab reaches the pain site" "›Pain site"
expect "its choices are listed" "achilles-calf"
text zzz
expect "a site off the list is refused with the list" "Pain site is one of foot, achilles-calf"
{
    printf 'left achilles\n\033[2J\033]0;pwned\007'
    head -c 10000 /dev/zero | tr '\0' 'z'
} >"$WORK/paste.txt"
tm load-buffer "$WORK/paste.txt"
tm paste-buffer -p -t "$S"
# Keys are read in order: once k has picked knee, the paste was read before it.
text k
expect "after the paste, k picks knee: the paste put nothing in the picker" "‹ knee"
check "nothing of the paste is on the screen" test -z "$(screen "$S" | grep -e 'left achilles' -e pwned -e zzzz)"
key C-s
expect "a site without a pain is one field to fix" "1 field to fix — nothing saved"
check "reported beside the site, by label" shows "✗ Pain site needs a pain level"
check "nothing stored changed" unchanged
cancel

echo "- the run form"
key r
expect "the run form starts from the last run's type" "‹ long"
text Rest
expect "'Rest' is not taken as a type: the list is said" "Type is one of easy, tempo, intervals, long, race, cross"
check "the type is still one of the list (race, from its R): $(screen "$S" | grep -o "‹ [a-z]*" | head -1)" shows "‹ race"
key Tab; text 45
key Tab; text inf
key Tab; text 11
key Up; key Up; key Up; key Up
expect "Up from the first field wraps to the last" "›Ended at"
key C-u; text 13:00
key C-s
expect "three fields to fix" "3 fields to fix — nothing saved"
for line in "✗ Distance: 'inf'" "✗ Effort (RPE): 11" "✗ Ended at: 13:00 is later than now"; do
    check "marked by its label: $line" shows "$line"
done
check "nothing stored changed" unchanged
cancel

echo "- a good value is saved; an emptied field is stored as not logged"
key m
expect "the markers form opens" "›Resting HR"
key C-u; text 55
key Tab; key C-u
key C-s
expect "Ctrl-S saves" "saved: markers"
got="$("$BIN" --db "$DB" export --format json 2>&1 | tr -d ' \n')"
check "rhr is 55 ($got)" grep -q '"rhr":55' <<<"$got"
check "hrv is not logged" test -z "$(grep -o '"hrv"' <<<"$got")"
check "sleep is kept" grep -q '"sleep_hours":7' <<<"$got"

key q
check "q quits" until_true 30 ended "$PID"
check "the database is whole" integrity "$DB"
finish
