#!/usr/bin/env bash
# F38: the mouse (UX.md v2). While the dashboard runs it asks the terminal for clicks and the
# wheel only — modes 1000 and 1006 (SGR), never 1002 (drags) or 1003 (every pointer move,
# which would wake it at each cell the pointer crosses) — and a click on a tab and on an
# item acts. Every way out gives the mouse back to the terminal (all modes off): q, Ctrl-C,
# SIGTERM, SIGINT, SIGQUIT, SIGHUP; a stop (Ctrl-Z, SIGTSTP, SIGSTOP with the terminal reset
# meanwhile) gives it back too and the continue takes it again. With `mouse = false` in the
# config no mode is asked for and a click report that reaches it anyway does nothing.
# The modes are read from tmux (#{mouse_standard_flag} … of the pane).
. "$(dirname "$0")/lib.sh"

DB="$WORK/f35.db"
expect_exit 0 "an easy run is logged" "$BIN" --db "$DB" run --type easy --minutes 30 --at 00:00

fmt() { tm display -p -t "$1" "$2" 2>/dev/null; }
# modes SESSION — the mouse modes the pane's program asked for, e.g. "1000 1006".
modes() {
    local f
    f="$(fmt "$1" '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}#{mouse_utf8_flag}')"
    local out=""
    [[ "${f:0:1}" == 1 ]] && out+=" 1000"
    [[ "${f:1:1}" == 1 ]] && out+=" 1002"
    [[ "${f:2:1}" == 1 ]] && out+=" 1003"
    [[ "${f:3:1}" == 1 ]] && out+=" 1006"
    [[ "${f:4:1}" == 1 ]] && out+=" 1005"
    echo "${out# }"
}
clicks_only() { [[ "$(modes "$1")" == "1000 1006" ]]; }
no_mouse() { [[ -z "$(modes "$1")" ]]; }
pstate() { awk '{print $3}' "/proc/$1/stat" 2>/dev/null; }
stopped() { [[ "$(pstate "$1")" == T ]]; }
# cell SESSION TEXT — "column;row" (1-based, as a terminal reports a click) of TEXT on screen.
cell() {
    screen "$1" | awk -v t="$2" '{ i = index($0, t); if (i) { print i ";" NR; exit } }'
}
# click SESSION TEXT — a left click (press and release, SGR) on TEXT.
click() {
    local at
    at="$(cell "$1" "$2")"
    [[ -n "$at" ]] || return 1
    tm send-keys -t "$1" -l $'\e[<0;'"$at"'M'$'\e[<0;'"$at"'m'
}

# start SESSION [CONFIG] — the dashboard under an interactive bash in a fresh session; sets PID.
PID=""
start() {
    local s="$1" config="${2:-$COOLDOWN_CONFIG}"
    PID=""
    tm -f /dev/null new-session -d -s "$s" -x 100 -y 30 "env PS1='prompt\$ ' bash --norc --noprofile -i" || return 1
    until_true 30 screen_has "$s" 'prompt$' || { bad "$s: bash did not start"; return 1; }
    tm send-keys -t "$s" "COOLDOWN_CONFIG='$config' TZ=UTC '$BIN' --db '$DB'; echo \"EXIT=\$?\"" Enter
    if ! until_true 30 screen_has "$s" "Recovery checklist"; then
        bad "$s: the dashboard did not start: $(screen "$s" | head -3 | tr -s ' \n' ' ')"
        return 1
    fi
    PID="$(child_cooldown "$(fmt "$s" '#{pane_pid}')")"
    [[ -n "$PID" ]] || { bad "$s: no cooldown process under the pane's shell"; return 1; }
    track "$PID"
}

# ---------------------------------------------------------------------------------------
echo "- clicks and the wheel only, and they act"
if start on; then
    if until_true 30 clicks_only on; then ok "on: modes 1000 and 1006 while it runs (no 1002, no 1003)"
    else bad "on: mouse modes while it runs: '$(modes on)', wanted '1000 1006'"; fi
    click on "3 Trends"
    check "on: a click on the Trends tab shows Trends" until_true 30 screen_has on "Resting HR"
    click on "1 Today"
    # The title is drawn before the rows under it: wait for the item itself.
    until_true 30 screen_has on "Normal meal"
    click on "Normal meal"
    check "on: a click on an item ticks it" until_true 30 screen_has on "saved: meal ticked"
    if "$BIN" --db "$DB" checklist --json | tr -d ' \n' | grep -q '"id":"meal"[^}]*"ticked":true'; then
        ok "on: the tick is in the database"
    else
        bad "on: the tick is not in the database: $("$BIN" --db "$DB" checklist --json | tr -d '\n' | head -c 300)"
    fi
    tm send-keys -t on q
    check "on: q quits" until_true 30 screen_has on "EXIT=0"
    check "on: after q, no mouse mode is left on" no_mouse on
fi
tm_stop

# ---------------------------------------------------------------------------------------
echo "- every way out gives the mouse back"
for way in "ctrl-c key:C-c 0" "sigterm signal:TERM 143" "sigint signal:INT 130" "sigquit signal:QUIT 131" \
    "sighup signal:HUP 129"; do
    read -r name how want <<<"$way"
    start "$name" || { tm_stop; continue; }
    until_true 30 clicks_only "$name"
    case "$how" in
        key:*) tm send-keys -t "$name" "${how#key:}" ;;
        signal:*) kill -s "${how#signal:}" "$PID" ;;
    esac
    if until_true 30 screen_has "$name" "EXIT=$want"; then
        ok "$name: exit $want"
        check "$name: no mouse mode is left on" no_mouse "$name"
    else
        bad "$name: no EXIT=$want: $(screen "$name" | tail -3 | tr -s ' \n' ' ')"
    fi
    tm_stop
done

# ---------------------------------------------------------------------------------------
echo "- a stop gives the mouse back, the continue takes it again"
if start jobs; then
    until_true 30 clicks_only jobs
    tm send-keys -t jobs C-z
    check "jobs: Ctrl-Z stops it" until_true 30 stopped "$PID"
    check "jobs: stopped (Ctrl-Z), no mouse mode is on" until_true 30 no_mouse jobs
    tm send-keys -t jobs fg Enter
    check "jobs: after fg, clicks and the wheel again (1000 1006)" until_true 30 clicks_only jobs
    kill -TSTP "$PID"
    check "jobs: SIGTSTP stops it" until_true 30 stopped "$PID"
    check "jobs: stopped (SIGTSTP), no mouse mode is on" until_true 30 no_mouse jobs
    tm send-keys -t jobs fg Enter
    check "jobs: after fg, clicks and the wheel again" until_true 30 clicks_only jobs
    kill -STOP "$PID"
    until_true 30 stopped "$PID"
    until_true 30 screen_has jobs "Stopped"
    # What a shell or another program may do meanwhile: the terminal reset, mouse off.
    tty="$(fmt jobs '#{pane_tty}')"
    stty -F "$tty" sane
    printf '\033[?1000l\033[?1006l\033[?1049l\033[2J\033[Hshell was here\n' >"$tty"
    tm send-keys -t jobs fg Enter
    check "jobs: after SIGSTOP, a reset and fg, clicks and the wheel again" until_true 30 clicks_only jobs
    # The modes may be back before the screen is redrawn: click once the tab is there.
    until_true 30 click jobs "3 Trends"
    check "jobs: and a click still acts" until_true 30 screen_has jobs "Resting HR"
    tm send-keys -t jobs q
    # (bash has run the `echo EXIT` after the command line already, at the first stop)
    if until_true 30 ended "$PID"; then ok "jobs: q quits"
    else bad "jobs: q did not quit: $(screen jobs | tail -4 | tr -s ' \n' ' ')"; fi
    check "jobs: no mouse mode is left on" no_mouse jobs
fi
tm_stop

# ---------------------------------------------------------------------------------------
echo "- mouse = false"
printf 'mouse = false\n' >"$WORK/no-mouse.toml"
if start off "$WORK/no-mouse.toml"; then
    check "off: no mouse mode is asked for (the terminal keeps its text selection)" no_mouse off
    # A click report typed into the pane anyway, then ?: the help names the screen under it.
    click off "3 Trends"
    tm send-keys -t off '?'
    if until_true 30 screen_has off " Keys · "; then
        check "off: a click report does nothing (the help opened after it is Today's)" screen_has off " Keys · Today "
    else
        bad "off: ? did not open the help: $(screen off | head -3 | tr -s ' \n' ' ')"
    fi
    tm send-keys -t off Escape
    until_true 30 eval "! screen_has off ' Keys · '"
    tm send-keys -t off q
    check "off: q quits" until_true 30 screen_has off "EXIT=0"
fi
tm_stop

printf 'mouse = "off"\n' >"$WORK/bad-mouse.toml"
expect_exit 65 "mouse = \"off\" is refused" env COOLDOWN_CONFIG="$WORK/bad-mouse.toml" "$BIN" --db "$DB" checklist
check "... naming the file, the line and what to give" \
    grep -q 'mouse = "off" is not true or false; give mouse = false .*bad-mouse.toml line 1' "$WORK/last.err"

finish
