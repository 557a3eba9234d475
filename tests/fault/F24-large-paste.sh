#!/usr/bin/env bash
# F24: a paste of any size is read whole with no busy loop (RELIABILITY.md rule 18).
# 100 KB pasted into the markers form's Note field, twice:
# - raw (tmux paste-buffer: the bytes as if typed): once the paste is consumed the
#   dashboard is idle (CPU ticks from /proc/PID/stat), the field holds its 500 characters
#   and says the rest was left out, and Ctrl-S still saves;
# - bracketed (paste-buffer -p, as terminals paste when the application asks): one piece
#   of text; its line breaks and a `q` in it neither save nor quit; then idle, and saved.
. "$(dirname "$0")/lib.sh"

HZ="$(getconf CLK_TCK)"
DB="$WORK/f24.db"
DAY="$(date +%F)"
expect_exit 0 "the database is created" "$BIN" --db "$DB" checklist

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# cpu_pct PID SECONDS — the process's CPU use over SECONDS, in percent of one core.
cpu_pct() {
    local a b
    a="$(cpu_ticks "$1")"
    sleep "$2"
    b="$(cpu_ticks "$1")"
    [[ -n "$a" && -n "$b" ]] || { echo 999; return; }
    echo $(((b - a) * 100 / HZ / $2))
}
# idle PID — under 5 % of a core over one second.
idle() { (($(cpu_pct "$1" 1) < 5)); }
note() { sqlite3 -cmd '.timeout 30000' "$DB" "SELECT note FROM markers WHERE day = '$DAY';" 2>/dev/null; }

PID=""
start() {
    tm -f /dev/null new-session -d -s "$1" -x 100 -y 30 \
        "exec env TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$DB'"
    PID="$(tm display -p -t "$1" '#{pane_pid}' 2>/dev/null)"
    if [[ ! "$PID" =~ ^[0-9]+$ ]] || ! wait_exec 30 "$PID"; then
        bad "$1: the pane's process is not our cooldown (pid '$PID')"
        return 1
    fi
    track "$PID"
    until_true 30 screen_has "$1" "Recovery checklist" || {
        bad "$1: the dashboard did not start: $(screen "$1" | head -3 | tr -s ' \n' ' ')"
        return 1
    }
}

# into_note SESSION — opens the markers form and moves back to its Note field (the one
# before last: "HRV from" follows it), one field at a time until it has the focus.
into_note() {
    tm send-keys -t "$1" m
    until_true 30 screen_has "$1" "Morning markers" || { bad "$1: the markers form did not open"; return 1; }
    local n before
    focused() { screen "$1" | grep -o '›[A-Za-z][A-Za-z ]*' | head -1; }
    for n in 1 2 3; do
        before="$(focused "$1")"
        tm send-keys -t "$1" BTab
        until_true 30 test "$(focused "$1")" != "$before" || true
        screen_has "$1" "›Note" && return 0
    done
    bad "$1: Note did not take the focus: $(screen "$1" | grep Note)"
    return 1
}

# pasted NAME SESSION FILE [-p] — pastes FILE, then checks the process goes idle and stays
# so, and answers keys.
pasted() {
    local name="$1" s="$2" file="$3" flag="${4:-}" t0 pct
    tm load-buffer "$file"
    t0=$SECONDS
    tm paste-buffer $flag -t "$s"
    if until_true 30 screen_has "$s" "the rest was left out"; then
        ok "$name: the field is full and says the rest was left out"
    else
        bad "$name: no word of a full field: $(screen "$s" | tail -1)"
    fi
    if until_true 60 idle "$PID"; then
        ok "$name: idle again $((SECONDS - t0)) s after the paste began ($(cpu_ticks "$PID") CPU ticks in all)"
    elif ended "$PID"; then
        bad "$name: the dashboard ended during the paste"
        return 1
    else
        bad "$name: still busy 60 s after the paste ($(cpu_pct "$PID" 1) % of a core)"
    fi
    pct="$(cpu_pct "$PID" 3)"
    if ((pct < 5)); then ok "$name: no busy loop afterwards ($pct % of a core over 3 s)"
    else bad "$name: $pct % of a core over 3 s after the paste was consumed"; fi
    check "$name: the dashboard is still running" alive "$PID"
    check "$name: the form is still open (nothing in the paste saved or quit)" screen_has "$s" "Morning markers"
}

# ---------------------------------------------------------------------------------------
echo "- raw: 100 KB of typing-like bytes"
head -c 100000 /dev/zero | tr '\0' 'x' >"$WORK/raw.txt"
if start A && into_note A; then
    pasted "raw" A "$WORK/raw.txt"
    tm send-keys -t A C-s
    if until_true 30 screen_has A "saved: markers"; then ok "raw: Ctrl-S still saves the form"
    else bad "raw: Ctrl-S did not save: $(screen A | tail -1)"; fi
    got="$(note)"
    check "raw: the note holds the first 500 characters (${#got})" test "$got" = "$(head -c 500 "$WORK/raw.txt")"
    tm send-keys -t A q
    check "raw: q quits" until_true 30 ended "$PID"
    tm_stop
fi

# ---------------------------------------------------------------------------------------
echo "- bracketed: 100 KB with line breaks and a q in it"
{
    printf 'pasted\nq\nnote '
    head -c 100000 /dev/zero | tr '\0' 'y'
} >"$WORK/bracketed.txt"
if start B && into_note B; then
    tm send-keys -t B C-u
    pasted "bracketed" B "$WORK/bracketed.txt" -p
    tm send-keys -t B C-s
    if until_true 30 screen_has B "saved: markers"; then ok "bracketed: Ctrl-S saves the form"
    else bad "bracketed: Ctrl-S did not save: $(screen B | tail -1)"; fi
    got="$(note)"
    check "bracketed: the note is the paste on one line, up to 500 characters (${#got}: ${got:0:20}…)" \
        test "$got" = "$(printf 'pasted q note %s' "$(head -c 486 /dev/zero | tr '\0' 'y')")"
    tm send-keys -t B q
    check "bracketed: q quits" until_true 30 ended "$PID"
    tm_stop
fi

finish
