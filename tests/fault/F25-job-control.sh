#!/usr/bin/env bash
# F25: job control from outside (RELIABILITY.md rule 18). SIGTSTP gives the terminal back
# (main screen, cursor shown, cooked mode) and stops; SIGCONT — after SIGTSTP or after an
# uncatchable SIGSTOP, with the terminal reset and cleared meanwhile — takes it again:
# raw mode, the alternate screen, the whole screen redrawn, and keys work.
# A. under a parent that keeps the dashboard in the foreground without job control of its
#    own (a supervisor; kill -CONT alone brings it back);
# B. under an interactive bash: kill -CONT while bash holds the terminal must not draw
#    over the shell (the dashboard stops again); `fg` brings it back;
# C. straight in a tmux pane (an orphaned process group, which the kernel never stops on
#    SIGTSTP): it does not stop, says so, and keys work.
. "$(dirname "$0")/lib.sh"

DB="$WORK/f25.db"
expect_exit 0 "an easy run is logged" "$BIN" --db "$DB" run --type easy --minutes 30 --at 00:00

fmt() { tm display -p -t "$1" "$2" 2>/dev/null; }
pstate() { awk '{print $3}' "/proc/$1/stat" 2>/dev/null; }
stopped() { [[ "$(pstate "$1")" == T ]]; }
running() { [[ "$(pstate "$1")" =~ ^[RS]$ ]]; }
tty_of() { fmt "$1" '#{pane_tty}'; }
# raw SESSION / cooked SESSION — the pane's terminal modes, read from outside.
modes() { stty -a -F "$(tty_of "$1")" 2>/dev/null | tr ';\n' '  '; }
raw() { local m; m="$(modes "$1")"; [[ "$m" == *" -icanon "* && "$m" == *" -echo "* ]]; }
cooked() { local m; m="$(modes "$1")"; [[ "$m" == *" icanon "* && "$m" == *" echo "* ]]; }
alt_on() { [[ "$(fmt "$1" '#{alternate_on}')" == 1 ]]; }
alt_off() { [[ "$(fmt "$1" '#{alternate_on}')" == 0 ]]; }
# drawn SESSION — the whole dashboard is on screen: header, checklist, key hints.
drawn() {
    local s
    s="$(screen "$1")"
    [[ "$s" == *" cooldown "* && "$s" == *"Recovery checklist"* && "$s" == *"? help"* ]]
}
# keys_work SESSION — ? opens the help overlay and closes it again.
keys_work() {
    tm send-keys -t "$1" '?'
    until_true 30 screen_has "$1" " Keys · " || return 1
    tm send-keys -t "$1" '?'
    until_true 30 eval "! screen_has '$1' ' Keys · '"
}
# mess SESSION — what a shell does with the terminal while a job is stopped: its own
# modes back, the main screen, cleared.
mess() {
    local tty
    tty="$(tty_of "$1")"
    stty -F "$tty" sane
    printf '\033[?1049l\033[2J\033[Hshell was here\n' >"$tty"
}

# back NAME SESSION PID — after a continue: taken again, redrawn, keys work.
back() {
    local name="$1" s="$2" pid="$3"
    check "$name: running again" until_true 30 running "$pid"
    check "$name: the alternate screen is on again" until_true 30 alt_on "$s"
    check "$name: raw mode again (-icanon -echo)" until_true 30 raw "$s"
    if until_true 30 drawn "$s"; then ok "$name: the whole screen is drawn again"
    else bad "$name: not redrawn: $(screen "$s" | head -3 | tr -s ' \n' ' ')"; fi
    check "$name: keys work (? opens and closes the help)" keys_work "$s"
}

# ---------------------------------------------------------------------------------------
echo "- A. a supervisor keeps the dashboard in the foreground"
cat >"$WORK/supervise.py" <<'PY'
import os, signal, sys
signal.signal(signal.SIGTTOU, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    os.tcsetpgrp(0, os.getpgrp())
    signal.signal(signal.SIGTTOU, signal.SIG_DFL)
    os.execv(sys.argv[1], sys.argv[1:])
try:
    os.setpgid(pid, pid)
except OSError:
    pass
while True:
    _, status = os.waitpid(pid, os.WUNTRACED | os.WCONTINUED)
    if os.WIFEXITED(status) or os.WIFSIGNALED(status):
        break
os.tcsetpgrp(0, os.getpgrp())
print("EXIT=%d" % os.waitstatus_to_exitcode(status))
PY
tm -f /dev/null new-session -d -s A -x 100 -y 30 \
    "exec env TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' python3 '$WORK/supervise.py' '$BIN' --db '$DB'"
pane="$(fmt A '#{pane_pid}')"
if until_true 30 screen_has A "Recovery checklist" && PID="$(child_cooldown "$pane")" && [[ -n "$PID" ]]; then
    track "$PID"
    check "A: running, raw, on the alternate screen" eval 'running "$PID" && raw A && alt_on A'
    kill -TSTP "$PID"
    check "A: SIGTSTP stops it" until_true 30 stopped "$PID"
    check "A: stopped, the main screen is back" until_true 30 alt_off A
    check "A: stopped, the cursor is shown" test "$(fmt A '#{cursor_flag}')" = 1
    check "A: stopped, cooked mode (icanon echo)" until_true 30 cooked A
    kill -CONT "$PID"
    back "A: kill -CONT after SIGTSTP" A "$PID"

    kill -STOP "$PID"
    check "A: SIGSTOP stops it" until_true 30 stopped "$PID"
    mess A
    check "A: meanwhile the terminal was reset (cooked, main screen)" eval 'cooked A && alt_off A'
    kill -CONT "$PID"
    back "A: kill -CONT after SIGSTOP and a reset terminal" A "$PID"
    tm send-keys -t A q
    check "A: q quits" until_true 30 ended "$PID"
else
    bad "A: the dashboard did not start under the supervisor: $(screen A | head -3 | tr -s ' \n' ' ')"
fi
tm_stop

# ---------------------------------------------------------------------------------------
echo "- B. under an interactive bash"
tm -f /dev/null new-session -d -s B -x 100 -y 30 "env PS1='prompt\$ ' bash --norc --noprofile -i"
until_true 30 screen_has B 'prompt$' || bad "B: bash did not start"
tm send-keys -t B "TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$DB'" Enter
pane="$(fmt B '#{pane_pid}')"
if until_true 30 screen_has B "Recovery checklist" && PID="$(child_cooldown "$pane")" && [[ -n "$PID" ]]; then
    track "$PID"
    kill -TSTP "$PID"
    check "B: SIGTSTP stops it" until_true 30 stopped "$PID"
    check "B: stopped, the main screen is back" until_true 30 alt_off B
    check "B: bash has the terminal and says the job stopped" until_true 30 screen_has B "Stopped"
    kill -CONT "$PID"
    # Continued in the background: it must not take the terminal from bash. It stops
    # again (after any drawing it would have done, the alternate screen would be on).
    check "B: kill -CONT while bash holds the terminal: it stops again" until_true 30 stopped "$PID"
    check "B: ... without taking the terminal (main screen still)" alt_off B
    tm send-keys -t B fg Enter
    back "B: fg after SIGTSTP" B "$PID"

    kill -STOP "$PID"
    check "B: SIGSTOP stops it" until_true 30 stopped "$PID"
    until_true 30 screen_has B "Stopped"
    # What bash leaves on the terminal varies: make it certain.
    mess B
    tm send-keys -t B fg Enter
    back "B: fg after SIGSTOP and a reset terminal" B "$PID"
    # Ctrl-Z, the key: the same way out and back.
    tm send-keys -t B C-z
    check "B: Ctrl-Z stops it" until_true 30 stopped "$PID"
    check "B: after Ctrl-Z, the main screen is back" until_true 30 alt_off B
    until_true 30 screen_has B "Stopped"
    tm send-keys -t B fg Enter
    back "B: fg after Ctrl-Z" B "$PID"
    tm send-keys -t B q
    check "B: q quits" until_true 30 ended "$PID"
else
    bad "B: the dashboard did not start under bash: $(screen B | head -3 | tr -s ' \n' ' ')"
fi
tm_stop

# ---------------------------------------------------------------------------------------
echo "- C. straight in a tmux pane (nothing could continue a stop)"
tm -f /dev/null new-session -d -s C -x 100 -y 30 \
    "exec env TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$DB'"
PID="$(fmt C '#{pane_pid}')"
if wait_exec 30 "$PID" && until_true 30 screen_has C "Recovery checklist"; then
    track "$PID"
    kill -TSTP "$PID"
    check "C: SIGTSTP does not stop it, and it says why" until_true 30 screen_has C "not suspended"
    check "C: running, raw, on the alternate screen" eval 'running "$PID" && raw C && alt_on C'
    check "C: keys work" keys_work C
    tm send-keys -t C q
    check "C: q quits" until_true 30 ended "$PID"
else
    bad "C: the dashboard did not start: $(screen C | head -3 | tr -s ' \n' ' ')"
fi
tm_stop

finish
