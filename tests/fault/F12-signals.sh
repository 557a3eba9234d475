#!/usr/bin/env bash
# F12: every way out of the dashboard gives the terminal back — q, Ctrl-C, and SIGTERM,
# SIGHUP, SIGINT, SIGQUIT sent by pid: cooked mode (`stty -a` in the same pane), the
# alternate screen left, the cursor shown, exit 0 for the keys and 128+n for the signals.
# A destroyed terminal (tmux kill-session / kill-server, with and without a running
# timer) ends the process within 2 s, without spinning on the CPU first — also when no
# SIGHUP reaches it (SIGHUP blocked by an inherited signal mask; started with setsid, so the
# pane is not its controlling terminal): then its own check of the terminal must end it.
# No panic case: src/ has no debug switch or hidden flag that makes the dashboard panic.
. "$(dirname "$0")/lib.sh"

fmt() { tm display -p -t "$1" "$2" 2>/dev/null; }
# cpu_ticks PID — utime + stime in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# grandchild_cooldown PID — a cooldown process whose parent's parent is PID (setsid forks).
grandchild_cooldown() {
    local f pid comm state ppid rest
    for f in /proc/[0-9]*/stat; do
        read -r pid comm state ppid rest 2>/dev/null <"$f" || continue
        [[ "$ppid" == "$1" ]] && child_cooldown "$pid" && return 0
    done
    return 1
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
HZ="$(getconf CLK_TCK)"

DB="$WORK/f12.db"
CONFIG_TIMER="$WORK/timer.toml"
printf '[timers]\nfoam_roll_seconds = 120\n' >"$CONFIG_TIMER"
# An easy run gives the day its foam-roll targets (the timer needs one).
expect_exit 0 "an easy run is logged, so the day has foam-roll targets" \
    "$BIN" --db "$DB" run --type easy --minutes 30 --at 00:00

# start SESSION [CONFIG [PREFIX]] — a fresh tmux session running sh, the dashboard started in
# it with a wrapper that writes the exit status to $WORK/rc.SESSION; sets PID.
PID=""
start() {
    local s="$1" config="${2:-$COOLDOWN_CONFIG}" prefix="${3:-}"
    PID=""
    rm -f "$WORK/rc.$s"
    tm -f /dev/null new-session -d -s "$s" -x 100 -y 30 sh || return 1
    tm send-keys -t "$s" "COOLDOWN_CONFIG='$config' TZ=UTC $prefix'$BIN' --db '$DB'; rc=\$?; echo \$rc > '$WORK/rc.$s'; echo \"EXIT=\$rc\"" Enter
    if ! until_true 30 screen_has "$s" "Recovery checklist"; then
        bad "$s: the dashboard did not start: $(screen "$s" | head -5 | tr -s ' \n' ' ')"
        return 1
    fi
    local pane
    pane="$(fmt "$s" '#{pane_pid}')"
    PID="$(child_cooldown "$pane" || grandchild_cooldown "$pane")"
    if [[ -z "$PID" ]]; then
        bad "$s: no cooldown process under the pane's shell"
        return 1
    fi
    track "$PID"
}

# --- the ways out, terminal still there -------------------------------------------------
# name  how  expected status
ways=(
    "q key:q 0"
    "ctrl-c key:C-c 0"
    "sigterm signal:TERM 143"
    "sighup signal:HUP 129"
    "sigint signal:INT 130"
    "sigquit signal:QUIT 131"
)
for way in "${ways[@]}"; do
    read -r name how want <<<"$way"
    echo "- $name"
    start "$name" || continue
    # While running: the alternate screen is on and the cursor hidden, so the checks below
    # can tell a restored terminal from one left as the dashboard had it.
    check "$name: while running, the alternate screen is on and the cursor hidden" \
        test "$(fmt "$name" '#{alternate_on} #{cursor_flag}')" = "1 0"
    case "$how" in
        key:*) tm send-keys -t "$name" "${how#key:}" ;;
        signal:*) kill -s "${how#signal:}" "$PID" ;;
    esac
    if until_true 30 test -s "$WORK/rc.$name"; then
        got="$(cat "$WORK/rc.$name")"
        if [[ "$got" == "$want" ]]; then ok "$name: exit status $got"
        else bad "$name: exit status $got, wanted $want"; fi
    else
        bad "$name: the dashboard did not exit within 30 s: $(screen "$name" | head -3 | tr -s ' \n' ' ')"
        continue
    fi
    until_true 30 ended "$PID"
    check "$name: the process is gone" ended "$PID"
    check "$name: the alternate screen was left (#{alternate_on} = 0)" test "$(fmt "$name" '#{alternate_on}')" = 0
    check "$name: the cursor is shown (#{cursor_flag} = 1)" test "$(fmt "$name" '#{cursor_flag}')" = 1
    # The same pane's terminal settings, read by stty in the shell the dashboard ran in.
    tm send-keys -t "$name" "stty -a > '$WORK/stty.$name.tmp' && mv '$WORK/stty.$name.tmp' '$WORK/stty.$name'" Enter
    if until_true 30 test -s "$WORK/stty.$name"; then
        modes="$(tr ';\n' '  ' <"$WORK/stty.$name")"
        missing=""
        for flag in icanon echo isig icrnl opost; do
            grep -Eq "(^| )$flag( |\$)" <<<"$modes" || missing+=" $flag"
        done
        if [[ -z "$missing" ]]; then ok "$name: cooked mode (stty -a: icanon echo isig icrnl opost)"
        else bad "$name: terminal left without:$missing; stty -a: $(head -c 400 <<<"$modes")"; fi
    else
        bad "$name: stty -a did not run in the pane: $(screen "$name" | tail -5 | tr -s ' \n' ' ')"
    fi
    if screen "$name" | grep -q "panicked"; then bad "$name: a panic message in the pane"; fi
    tm_stop
done
echo "  skip panic: no debug env var or hidden flag in src/ makes the dashboard panic"

# --- the terminal destroyed ---------------------------------------------------------------
# gone NAME KILL_CMD… — destroys the terminal of the dashboard $PID and checks that it ends
# within 2 s and does not spin on the CPU while it is still there; then ends the tmux server.
gone() {
    local name="$1"
    shift
    local t0 c0 last_c last_t c_now t_now state exited=0
    t0="$(now_ms)"
    c0="$(cpu_ticks "$PID")"
    "$@"
    last_c="$c0"
    last_t="$t0"
    for ((i = 0; i < 60; i++)); do # 60 × ~40 ms; the deadline below is what counts
        state="$(awk '{print $3}' "/proc/$PID/stat" 2>/dev/null)"
        if [[ -z "$state" || "$state" == Z || "$state" == X ]]; then exited=1; break; fi
        c_now="$(cpu_ticks "$PID")"
        [[ -n "$c_now" ]] && { last_c="$c_now"; last_t="$(now_ms)"; }
        (($(now_ms) - t0 > 2000)) && break
        sleep 0.04
    done
    local took=$(($(now_ms) - t0))
    if ((exited)); then
        ok "$name: the process ended ${took} ms after its terminal went away"
        # CPU it used between the hangup and its last sample, against the time that took.
        local used_ms=$(((last_c - c0) * 1000 / HZ)) span=$((last_t - t0 + 10))
        if ((used_ms * 2 <= span + 20)); then ok "$name: no spinning before it ended (${used_ms} ms CPU in ${span} ms)"
        else bad "$name: spun before it ended (${used_ms} ms CPU in ${span} ms)"; fi
    else
        bad "$name: still running ${took} ms after its terminal went away (pid $PID)"
        local a b
        a="$(cpu_ticks "$PID")"
        sleep 1
        b="$(cpu_ticks "$PID")"
        if [[ -n "$a" && -n "$b" ]]; then
            local pct=$(((b - a) * 100 / HZ))
            if ((pct < 50)); then ok "$name: while still there, not spinning (${pct} % CPU over 1 s)"
            else bad "$name: spinning at ${pct} % CPU over 1 s after the terminal went away"; fi
        else
            ok "$name: ended during the CPU sample"
        fi
        kill -9 "$PID" 2>/dev/null
    fi
    # The server goes with its last session: wait for it, or the next new-session may reach
    # a server that is shutting down ("server exited unexpectedly").
    tm_stop || bad "$name: the tmux server did not exit"
}

echo "- terminal destroyed"
if start hup-idle; then
    gone "kill-session, no timer" tm kill-session -t hup-idle
fi
if start hup-timer "$CONFIG_TIMER"; then
    tm send-keys -t hup-timer s
    if until_true 30 screen_has hup-timer "Foam roll: calves"; then
        ok "kill-session with a timer: the foam-roll timer is running"
        gone "kill-session, timer running" tm kill-session -t hup-timer
    else
        bad "the timer did not start: $(screen hup-timer | tr -s ' \n' ' ' | head -c 300)"
    fi
fi
if start hup-server "$CONFIG_TIMER"; then
    tm send-keys -t hup-server s
    if until_true 30 screen_has hup-server "Foam roll: calves"; then
        gone "kill-server, timer running" tm kill-server
    else
        bad "the timer did not start: $(screen hup-server | tr -s ' \n' ' ' | head -c 300)"
    fi
fi

# The same with SIGHUP blocked in the process (an inherited signal mask): then nothing but
# the dashboard's own check of its terminal ("a terminal that vanished can make poll return
# at once, forever", src/tui/runtime.rs) can end it.
BLOCK_HUP="python3 -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGHUP]); os.execv(sys.argv[1], sys.argv[1:])' "
if start hup-blocked "$COOLDOWN_CONFIG" "$BLOCK_HUP"; then
    if grep -q '^SigBlk:.*[13579bdf]$' "/proc/$PID/status"; then
        gone "kill-session, SIGHUP blocked, no timer" tm kill-session -t hup-blocked
    else
        bad "SIGHUP is not blocked in the dashboard: $(grep SigBlk "/proc/$PID/status")"
    fi
fi
if start hup-blocked-timer "$CONFIG_TIMER" "$BLOCK_HUP"; then
    tm send-keys -t hup-blocked-timer s
    if until_true 30 screen_has hup-blocked-timer "Foam roll: calves"; then
        gone "kill-session, SIGHUP blocked, timer running" tm kill-session -t hup-blocked-timer
    else
        bad "the timer did not start: $(screen hup-blocked-timer | tr -s ' \n' ' ' | head -c 300)"
    fi
fi

# Started with setsid: the pane is not its controlling terminal, so the hangup sends it no
# SIGHUP; it has only its own check of the terminal to notice.
if start hup-setsid "$COOLDOWN_CONFIG" "setsid -w "; then
    gone "kill-session, started with setsid (no SIGHUP on hangup)" tm kill-session -t hup-setsid
fi

finish
