#!/usr/bin/env bash
# F10: the dashboard on ~120 days of demo history in a tmux window shrunk to 20×5 and 1×1,
# through 360 random resizes on every screen (1–4), the markers form and with the help overlay, then grown
# back to 100×30: the process never dies, tiny sizes show the "terminal too small" notice,
# and after growing the layout is the one a fresh start at 100×30 draws.
. "$(dirname "$0")/lib.sh"

# The screen without the status line, digits masked (the "due in 18 h 5 min" counters move).
layout() { screen "$1" | sed '$d' | tr '0-9' '#'; }

DB="$WORK/demo.db"
"$BIN" --db "$DB" seed-demo --days 120 >"$WORK/seed.out" 2>&1
check "seed-demo writes 120 days of demo history" grep -q "120 days" "$WORK/seed.out"

start_dashboard() { # SESSION WIDTH HEIGHT
    tm -f /dev/null new-session -d -s "$1" -x "$2" -y "$3" sh
    tm send-keys -t "$1" "COOLDOWN_CONFIG='$COOLDOWN_CONFIG' TZ=UTC '$BIN' --db '$DB'; echo \"EXIT=\$?\"" Enter
}

start_dashboard f10 100 30
if ! until_true 30 screen_has f10 "Recovery checklist"; then
    bad "the dashboard starts at 100×30: $(screen f10 | head -5)"
    finish
fi
PANE_PID="$(tm display -p -t f10 '#{pane_pid}')"
PID="$(child_cooldown "$PANE_PID")"
[[ -n "$PID" ]] && track "$PID"
check "the cooldown process is found under the pane's shell (pid ${PID:-none})" test -n "$PID"
[[ -n "$PID" ]] || finish

resize() { tm resize-window -t f10 -x "$1" -y "$2"; }

# --- 20×5 ---------------------------------------------------------------------------
resize 20 5
if until_true 30 screen_has f10 "Terminal too small"; then ok "20×5 shows the 'Terminal too small' notice"
else bad "20×5: no notice; screen: $(screen f10 | tr '\n' '|')"; fi
sleep 0.3
check "alive at 20×5" alive "$PID"

# --- 1×1 ----------------------------------------------------------------------------
resize 1 1
# One cell has room for the notice's first letter only.
shows_only() { [[ "$(screen f10)" == "$1" ]]; }
if until_true 30 shows_only "T"; then ok "1×1 shows the notice's first letter 'T'"
else bad "1×1 shows '$(screen f10)', wanted 'T' (the start of 'Terminal too small')"; fi
check "alive at 1×1" alive "$PID"

# --- just below and at the threshold --------------------------------------------------
resize 39 11
if until_true 30 screen_has f10 "have 39×11"; then ok "39×11 shows the notice with the sizes (need 40×12, have 39×11)"
else bad "39×11: $(screen f10 | tr -s ' \n' ' ')"; fi
resize 40 12
if until_true 30 screen_has f10 "Today"; then
    if screen_has f10 "too small"; then bad "40×12 still says too small: $(screen f10 | tr -s ' \n' ' ')"
    else ok "40×12 draws the compact layout, no notice"; fi
else bad "40×12: no compact layout: $(screen f10 | tr -s ' \n' ' ')"; fi
check "alive at 39×11 and 40×12" alive "$PID"

# --- 360 random resizes across the screens and the help overlay ---------------------
SEED="${F10_SEED:-$((10#$(date +%N) % 32768))}"
RANDOM="$SEED"
echo "  (resize storm seed $SEED; rerun with F10_SEED=$SEED)"
phases=("1" "2" "m" "3" "4" "1 ?")
# What each phase's screen shows at 100×30, to be sure the storm runs where it should.
marks=("Recovery checklist" "The last 28 days" "Morning markers" "HRV (ms)" "best" "Keys · Today")
# What has the keys after each phase: the Log screen's list, then its markers form (m);
# ? opens the help.
holds=("" "" form "" "" overlay)
# The help overlay is closed (Escape) on a full-size screen: first wait until it is drawn at
# 100×30, so that its disappearance shows the Escape was read.
help_gone() { ! screen_has f10 "Keys · Today"; }
close_help() {
    until_true 30 screen_has f10 "Keys · Today" || return 1
    tm send-keys -t f10 Escape
    until_true 30 help_gone
}
# Escape leaves a form or the overlay; the next key goes only once the screen shows that the
# Escape was read (Esc and a key read together are Alt-key, which no binding takes).
storm_ok=1
deadline=$((SECONDS + 120))
n=0
held=""
for p in "${!phases[@]}"; do
    phase="${phases[$p]}"
    resize 100 30
    case "$held" in
        form)
            tm send-keys -t f10 Escape
            until_true 30 screen_has f10 "cancelled: nothing saved" \
                || bad "phase '$phase': Escape did not leave the form: $(screen f10 | tail -1)"
            ;;
        overlay) close_help || bad "phase '$phase': Escape did not close the help overlay" ;;
    esac
    for key in $phase; do tm send-keys -t f10 "$key"; done
    held="${holds[$p]}"
    if until_true 30 screen_has f10 "${marks[$p]}"; then ok "phase '$phase': the screen shows '${marks[$p]}'"
    else bad "phase '$phase': '${marks[$p]}' not shown: $(screen f10 | head -4 | tr -s ' \n' ' ')"; fi
    for ((i = 0; i < 60; i++)); do
        ((SECONDS > deadline)) && break 2
        # Mostly small and medium sizes, now and then a huge one.
        if ((RANDOM % 10 == 0)); then w=$((1 + RANDOM % 300)); h=$((1 + RANDOM % 120))
        else w=$((1 + RANDOM % 120)); h=$((1 + RANDOM % 40)); fi
        resize "$w" "$h"
        n=$((n + 1))
        sleep 0.0$((RANDOM % 3))
        if ((n % 20 == 0)) && ! alive "$PID"; then
            storm_ok=0
            bad "cooldown died during the resize storm after resize $n (to ${w}×${h}, phase '$phase')"
            break 2
        fi
    done
done
want=$((${#phases[@]} * 60))
if ((n == want)); then ok "$want resizes done in time (phases: screens 1–4, the markers form and the help overlay)"
else bad "only $n of $want resizes before the deadline"; fi
sleep 0.5
if ((storm_ok)) && alive "$PID"; then ok "alive after the resize storm (pid $PID)"
elif ((storm_ok)); then bad "cooldown died at the end of the resize storm"; fi
check "pane still running (#{pane_dead} = 0)" test "$(tm display -p -t f10 '#{pane_dead}')" = 0
if screen f10 | grep -q "EXIT=\|panicked"; then bad "the pane shows an exit or a panic: $(screen f10 | tr -s ' \n' ' ')"
else ok "no exit, no panic message in the pane"; fi

# --- grown back to 100×30 ---------------------------------------------------------------
resize 100 30
# The help overlay must close on that Escape before the next key goes (Esc and a key read
# together are Alt-key).
if close_help; then ok "Escape closes the help overlay after the storm"
else bad "the help overlay stayed open after Escape (or was not shown at 100×30): $(screen f10 | head -3 | tr -s ' \n' ' ')"; fi
tm send-keys -t f10 1
TODAY_HEADER="$(date +'%a %-d %b %Y')"
if until_true 30 screen_has f10 "Recovery checklist"; then ok "100×30 after the storm shows the Today checklist"
else bad "100×30 after the storm: $(screen f10 | head -8 | tr -s ' \n' ' ')"; fi
check "the header names today ($TODAY_HEADER) and the tabs" \
    bash -c "tmux -L '$SOCK' capture-pane -p -t f10 | head -1 | grep -F '$TODAY_HEADER' | grep -qF '1 Today  2 Log  3 Trends  4 History'"
check "the readiness banner is back" screen_has f10 "Readiness"
if screen_has f10 "too small"; then bad "the 'too small' notice is still shown at 100×30"
else ok "no 'too small' notice at 100×30"; fi
rows_now="$(screen f10 | wc -l)"
check "the pane is 30 rows and the frame reaches the bottom border (rows: $rows_now)" \
    bash -c "tmux -L '$SOCK' capture-pane -p -t f10 | sed -n 29p | grep -q '^└.*┘\$'"

# The same database, the same size, started fresh: the layouts must match (status line aside).
start_dashboard fresh 100 30
if until_true 30 screen_has fresh "Recovery checklist"; then
    # Polled: the fresh frame may still be arriving, and a minute boundary can move a counter
    # between the two captures.
    same_layout() { [[ "$(layout f10)" == "$(layout fresh)" ]]; }
    if until_true 30 same_layout; then ok "the layout after the storm equals a fresh start at 100×30"
    else
        bad "the layout after the storm differs from a fresh start:"
        diff <(layout fresh) <(layout f10) | head -20
    fi
    tm send-keys -t fresh q
    until_true 30 screen_has fresh "EXIT=0" || bad "the fresh dashboard did not quit with q"
else
    bad "a fresh dashboard at 100×30 did not start: $(screen fresh | head -3)"
fi

# --- and it still quits normally ------------------------------------------------------------
tm send-keys -t f10 q
if until_true 30 screen_has f10 "EXIT=0"; then ok "q quits with exit 0 after the storm"
else bad "no EXIT=0 after q: $(screen f10 | tr -s ' \n' ' ' | tail -c 300)"; fi
until_true 30 ended "$PID"
check "the process is gone after q" ended "$PID"

finish
