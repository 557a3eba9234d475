# Shared by the fault scripts (sourced, never run). Each script:
#   . "$(dirname "$0")/lib.sh"
#   check "what must hold" some_command args…     # passes when the command exits 0
#   ok "what must hold"  /  bad "what failed: details"
#   finish                                          # prints "N passed, N failed", exits 1 on any failure
# Everything happens in $WORK, a fresh temp dir removed on exit; processes the script
# starts are killed by PID in the exit trap (remember them with `track PID`); tmux servers
# use their own socket (`tmux_ -L $SOCK`). Nothing outside $WORK is touched.
# Waiting is always for a condition (`until_true SECONDS cond…`) with a generous deadline,
# never a bare `sleep N`: the suite must hold on a busy machine (2 cores, a build beside it).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${COOLDOWN_BIN:-$ROOT/target/release/cooldown}"
if [[ ! -x "$BIN" ]]; then
    (cd "$ROOT" && cargo build --release --quiet) || { echo "cannot build $BIN"; exit 2; }
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cooldown-fault.XXXXXX")"
chmod 755 "$WORK"
SOCK="cooldown-fault-$$"
PASSED=0
FAILED=0
TRACKED=()

cleanup() {
    local pid
    # Only a pid that is still ours: our child, or a process running $BIN (pids wrap fast on
    # a busy machine, and a tracked pid may have been reaped and reused by then).
    for pid in "${TRACKED[@]:-}"; do
        [[ -n "$pid" ]] || continue
        if ours "$pid" || [[ "$(parent "$pid")" == "$$" ]]; then kill -9 "$pid" 2>/dev/null; fi
    done
    tmux -L "$SOCK" kill-server 2>/dev/null
    # Unmount anything left below $WORK (mounts are made inside `unshare -m`, so normally none).
    rm -rf "$WORK"
}
trap cleanup EXIT

# A private home for the binary: no user config, no user data, UTC.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export COOLDOWN_CONFIG="$WORK/home/.config/cooldown/config.toml" TZ=UTC
unset COOLDOWN_DB
mkdir -p "$HOME"

track() { TRACKED+=("$1"); }

ok() {
    PASSED=$((PASSED + 1))
    echo "  ok   $1"
}

bad() {
    FAILED=$((FAILED + 1))
    echo "  FAIL $1"
}

# check "description" command args… — passes when the command exits 0.
check() {
    local what="$1"
    shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}

# expect_exit CODE "description" command args… — passes when the command exits with CODE;
# its stderr is kept in $WORK/last.err for further checks.
expect_exit() {
    local want="$1" what="$2"
    shift 2
    "$@" >"$WORK/last.out" 2>"$WORK/last.err"
    local got=$?
    if [[ $got -eq $want ]]; then ok "$what (exit $got)"; else bad "$what: exit $got, wanted $want: $(head -c 300 "$WORK/last.err")"; fi
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# rows DB TABLE — the row count, via the sqlite3 CLI.
rows() { sqlite3 "$1" "SELECT count(*) FROM $2;"; }

integrity() { [[ "$(sqlite3 "$1" 'PRAGMA integrity_check;')" == "ok" ]]; }

mode() { stat -c '%a' "$1"; }

# until_true SECONDS command args… — polls every 50 ms until the command succeeds or the
# deadline passes (returns 1 then).
until_true() {
    local deadline=$((SECONDS + $1))
    shift
    while ((SECONDS <= deadline)); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}

# tmux on the script's own server; a pane's text; whether it shows a string.
tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t "$1" 2>/dev/null; }
screen_has() { screen "$1" | grep -qF -- "$2"; }

# tm_procs — the pids of the tmux processes on our socket (the server keeps the command line
# of the client that started it: `tmux -L $SOCK …`).
tm_procs() {
    local f args
    for f in /proc/[0-9]*/cmdline; do
        mapfile -d '' args 2>/dev/null <"$f" || continue
        [[ "${args[0]:-}" == tmux || "${args[0]:-}" == */tmux ]] || continue
        [[ " ${args[*]} " == *" -L $SOCK "* ]] && echo "${f//[^0-9]/}"
    done
    return 0
}
no_tmux() { [[ -z "$(tm_procs)" ]]; }

# tm_stop — ends our tmux server and waits until its process is gone. A server that is
# still shutting down (kill-server returns before it exits; a server whose last pane died
# exits by itself) accepts a connection and drops it: the next new-session would fail with
# "server exited unexpectedly".
tm_stop() {
    tm kill-server 2>/dev/null
    until_true 30 no_tmux
}

# alive PID — the process exists and is not a zombie.
alive() {
    local stat state
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    # The state follows the command name, which is in parentheses and may hold spaces.
    state="${stat##*) }"
    state="${state%% *}"
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# parent PID — the pid of its parent (the fields after the command name in /proc/PID/stat).
parent() {
    local stat=""
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat="${stat##*) }"
    set -- $stat
    echo "${2:-}"
}

# ended PID — the process has ended (a zombie waiting to be reaped, or gone).
ended() { ! alive "$1"; }

# ours PID — the pid runs our cooldown: it has exec'd $BIN (a fork that has not exec'd yet
# is still a shell or tmux; a reused number is something else). Only then is it killed.
ours() {
    local arg0=""
    read -r -d '' arg0 2>/dev/null <"/proc/$1/cmdline"
    [[ "$arg0" == "$BIN" ]]
}

# wait_exec SECONDS PID — waits until PID runs $BIN (see ours); 1 when it does not by the
# deadline or ends first. A process just started (`&`, a tmux pane, `exec env …`) is a
# shell for a while on a busy machine; its kill moments and checks count from here.
# For its first second it spins on builtins only (no `sleep` to fork): a command that ends
# in 20 ms would otherwise be over before the wait noticed its start, and a kill meant to
# land inside it would always come too late.
wait_exec() {
    local deadline=$((SECONDS + $1)) spin_until=$((${EPOCHREALTIME/./} + 1000000))
    while ((SECONDS <= deadline)); do
        ours "$2" && return 0
        alive "$2" || return 1
        ((${EPOCHREALTIME/./} < spin_until)) || sleep 0.02
    done
    return 1
}

# wait_pids SECONDS PID… — waits until every PID (children of this shell) has ended, then
# reaps them; 1 when one is still running at the deadline.
wait_pids() {
    local limit="$1" pid
    shift
    for pid in "$@"; do
        until_true "$limit" ended "$pid" || return 1
    done
    for pid in "$@"; do
        wait "$pid" 2>/dev/null
        untrack "$pid"
    done
    return 0
}

# lock_held DB — another writer cannot take the write lock right now.
lock_held() { ! sqlite3 -cmd '.timeout 0' "$1" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; }

# hold_lock DB — an sqlite3 takes the write lock on DB (BEGIN IMMEDIATE) and keeps it until
# release_lock, however long what is tested takes; returns once the lock is really held
# (1 when it is not within 30 s: $WORK/holder.out says why).
LOCK_FD="" LOCK_HOLDER=""
hold_lock() {
    rm -f "$WORK/lock.fifo"
    mkfifo "$WORK/lock.fifo"
    timeout 300 sqlite3 "$1" <"$WORK/lock.fifo" >"$WORK/holder.out" 2>&1 &
    LOCK_HOLDER=$!
    track "$LOCK_HOLDER"
    exec {LOCK_FD}>"$WORK/lock.fifo"
    printf '.timeout 3000\nBEGIN IMMEDIATE;\n' >&"$LOCK_FD"
    until_true 30 lock_held "$1"
}
# release_lock — rolls back and ends the holder; waits until it has exited.
release_lock() {
    [[ -n "$LOCK_FD" ]] || return 0
    printf 'ROLLBACK;\n.quit\n' >&"$LOCK_FD" 2>/dev/null
    exec {LOCK_FD}>&-
    LOCK_FD=""
    wait_pids 30 "$LOCK_HOLDER"
}

# untrack PID — the pid leaves the exit trap's list once it has been reaped (a reaped pid
# may be reused).
untrack() {
    local p keep=()
    for p in "${TRACKED[@]:-}"; do [[ -n "$p" && "$p" != "$1" ]] && keep+=("$p"); done
    TRACKED=("${keep[@]:-}")
}

# child_cooldown PARENT — the pid of the cooldown process whose parent is PARENT.
child_cooldown() {
    local parent="$1" f pid comm state ppid rest
    for f in /proc/[0-9]*/stat; do
        read -r pid comm state ppid rest 2>/dev/null <"$f" || continue
        if [[ "$comm" == "(cooldown)" && "$ppid" == "$parent" ]]; then
            echo "$pid"
            return 0
        fi
    done
    return 1
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    [[ $FAILED -eq 0 ]]
    exit $?
}
