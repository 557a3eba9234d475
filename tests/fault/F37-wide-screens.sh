#!/usr/bin/env bash
# F37: the dashboard on 120 days of demo history in a 200×60 tmux window (issue 18, UX.md
# v2 "Big terminals are used"): Today has its side pane (the morning against the usual, the
# recent runs, what is due next) and History its day detail and week summary; neither leaves
# more than a third of its rows empty; the detail follows the selected day (read from the
# store by the real binary); the foam-roll digits double on the tall window; a storm of wide
# resizes kills nothing and ends in the layout a fresh start draws; below 140 columns the
# panes are gone.
. "$(dirname "$0")/lib.sh"

export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/demo.db"
"$BIN" --db "$DB" seed-demo --days 120 >"$WORK/seed.out" 2>&1
check "seed-demo writes 120 days of demo history" grep -q "120 days" "$WORK/seed.out"

start_dashboard() { # SESSION WIDTH HEIGHT
    tm -f /dev/null new-session -d -s "$1" -x "$2" -y "$3" sh
    tm send-keys -t "$1" "COOLDOWN_NOW=$COOLDOWN_NOW COOLDOWN_CONFIG='$COOLDOWN_CONFIG' TZ=UTC '$BIN' --db '$DB'; echo \"EXIT=\$?\"" Enter
}
resize() { tm resize-window -t "$1" -x "$2" -y "$3"; }

# Rows between the tabs and the status line that show nothing but blanks and box edges.
empty_rows() {
    screen "$1" | sed '1d;$d' | LC_ALL=C.UTF-8 grep -cvP '[^\s\x{2500}-\x{257f}]'
}
# The layout without the status line, digits masked (counters and the timer move).
layout() { screen "$1" | sed '$d' | tr '0-9' '#'; }

start_dashboard f35 200 60
if ! until_true 30 screen_has f35 "Recovery checklist"; then
    bad "the dashboard starts at 200×60: $(screen f35 | head -5)"
    finish
fi
PID="$(child_cooldown "$(tm display -p -t f35 '#{pane_pid}')")"
[[ -n "$PID" ]] && track "$PID"
check "the cooldown process is found under the pane's shell (pid ${PID:-none})" test -n "$PID"

# --- Today at 200×60 ------------------------------------------------------------------
for part in "This morning vs your usual" "Recent runs" "Next "; do
    if until_true 30 screen_has f35 "$part"; then ok "Today at 200×60 shows '$part'"
    else bad "Today at 200×60: no '$part': $(screen f35 | head -12 | tr -s ' \n' ' ')"; fi
done
check "the side pane compares HRV with the baseline" bash -c "tmux -L '$SOCK' capture-pane -p -t f35 | grep -E 'HRV +[0-9]+ ms +[0-9]+ ms +baseline' -q"
empty="$(empty_rows f35)"
if ((empty * 3 <= 58)); then ok "Today at 200×60 leaves $empty of 58 rows empty (at most a third)"
else bad "Today at 200×60 leaves $empty of 58 rows empty"; fi

# The foam-roll sequence: at 60 rows its digits are 16 rows tall (the 8-row font doubled).
tm send-keys -t f35 s
digit_rows() {
    screen f35 | awk '!on && /┌ Foam roll:/ { on = 1; next } on && /░/ { print n + 0; exit } on { n++ }'
}
sixteen() { [[ "$(digit_rows)" == 16 ]]; }
if until_true 30 sixteen; then ok "the timer's digits take 16 rows at 200×60"
else bad "the timer's digits take '$(digit_rows)' rows at 200×60, wanted 16: $(screen f35 | sed -n 9,12p)"; fi

# --- History at 200×60 ----------------------------------------------------------------
tm send-keys -t f35 4
# The pane's title comes with the screen, its content when the day has been read.
detail_of() { screen_has f35 "$1" && ! screen_has f35 "reading…"; }
if until_true 30 detail_of "Saturday 28 November 2026"; then ok "History shows the selected day in full (Saturday 28 November 2026)"
else bad "History: no day detail for Saturday 28 November: $(screen f35 | head -6 | tr -s ' \n' ' ')"; fi
for part in "Weeks" "week of" "October 2026" "Checklist "; do
    check "History at 200×60 shows '$part'" screen_has f35 "$part"
done
empty="$(empty_rows f35)"
if ((empty * 3 <= 58)); then ok "History at 200×60 leaves $empty of 58 rows empty (at most a third)"
else bad "History at 200×60 leaves $empty of 58 rows empty"; fi
tm send-keys -t f35 h
if until_true 30 detail_of "Friday 27 November 2026"; then ok "h moves the selection and the detail follows (Friday 27 November 2026)"
else bad "after h the detail does not show Friday 27 November: $(screen f35 | sed -n 4,6p | tr -s ' \n' ' ')"; fi

# --- a storm of wide and tall resizes on History and Today ---------------------------------
SEED="${F37_SEED:-$((10#$(date +%N) % 32768))}"
RANDOM="$SEED"
echo "  (resize storm seed $SEED; rerun with F37_SEED=$SEED)"
n=0
for screen_key in 4 1; do
    tm send-keys -t f35 "$screen_key"
    for ((i = 0; i < 60; i++)); do
        resize f35 $((120 + RANDOM % 160)) $((20 + RANDOM % 70))
        n=$((n + 1))
        sleep 0.0$((RANDOM % 3))
    done
done
check "alive after $n wide resizes on History and Today" alive "$PID"
resize f35 200 60
tm send-keys -t f35 4 t
until_true 30 screen_has f35 "Saturday 28 November 2026"
start_dashboard fresh 200 60
if until_true 30 screen_has fresh "Recovery checklist"; then
    tm send-keys -t fresh 4
    same_layout() { [[ "$(layout f35 | sed 1d)" == "$(layout fresh | sed 1d)" ]]; }
    if until_true 30 same_layout; then ok "History at 200×60 after the storm equals a fresh start's"
    else
        bad "History after the storm differs from a fresh start:"
        diff <(layout fresh) <(layout f35) | head -20
    fi
    tm send-keys -t fresh q
    until_true 30 screen_has fresh "EXIT=0" || bad "the fresh dashboard did not quit with q"
else
    bad "a fresh dashboard at 200×60 did not start: $(screen fresh | head -3)"
fi

# --- below 140 columns the layouts are the narrow ones ---------------------------------------
resize f35 139 40
no_weeks() { ! screen_has f35 "Weeks"; }
if until_true 30 no_weeks; then ok "History at 139×40 has no week summary (the narrow layout)"
else bad "History at 139×40 still shows the week summary"; fi
tm send-keys -t f35 1
until_true 30 screen_has f35 "Recovery checklist"
check "Today at 139×40 has no side pane" bash -c "! tmux -L '$SOCK' capture-pane -p -t f35 | grep -q 'vs your usual'"

# A timer that ended meanwhile takes the first key as its acknowledgement: q until it quits.
# The pane's command line itself reads `echo "EXIT=$?"`: wait for a printed status.
exited() { screen f35 | grep -qE 'EXIT=[0-9]'; }
quit() { tm send-keys -t f35 q; until_true 5 exited; }
if until_true 60 quit && screen_has f35 "EXIT=0"; then ok "q quits with exit 0"
else bad "no EXIT=0 after q: $(screen f35 | tr -s ' \n' ' ' | tail -c 300)"; fi
finish
