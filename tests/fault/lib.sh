# Shared by the fault scripts (sourced, never run). Each script:
#   . "$(dirname "$0")/lib.sh"
#   check "what must hold" some_command args…     # passes when the command exits 0
#   ok "what must hold"  /  bad "what failed: details"
#   finish                                          # prints "N passed, N failed", exits 1 on any failure
# Everything happens in $WORK, a fresh temp dir removed on exit; processes the script
# starts are killed by PID in the exit trap (remember them with `track PID`); tmux servers
# use their own socket (`tmux_ -L $SOCK`). Nothing outside $WORK is touched.
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
    for pid in "${TRACKED[@]:-}"; do
        [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
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

# alive PID — the process exists and is not a zombie.
alive() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
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
