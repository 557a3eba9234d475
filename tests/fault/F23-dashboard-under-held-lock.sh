#!/usr/bin/env bash
# F23: the dashboard never blocks on the database (RELIABILITY.md rule 14). Another
# process (sqlite3) holds the write lock for 20 s while a 3-second foam-roll target ends:
# - every key is answered within 100 ms, measured from send-keys to the first screen
#   capture that shows the change, less that capture's own time;
# - the status bar says "waiting for the database" while a write waits;
# - after the lock is gone the finished target's tick is in the database (sqlite3, a
#   separate process, sees it), and the timer's state too;
# - quit while a tick waits: the dashboard stays ("saving…") until the lock is gone,
#   then saves and exits by itself; the tick is in the database.
. "$(dirname "$0")/lib.sh"

LIMIT_MS=100
LOCK_S=20
DB="$WORK/f23.db"
CFG="$WORK/f23.toml"
printf '[timers]\nfoam_roll_seconds = 3\nauto_advance = false\ncue_seconds = 0\n' >"$CFG"
DAY="$(date +%F)"
expect_exit 0 "an easy run is logged, so today has foam-roll targets" \
    "$BIN" --db "$DB" run --type easy --minutes 30 --at 00:00

now_us() { echo "${EPOCHREALTIME/./}"; }
ticks_of() { sqlite3 -cmd '.timeout 30000' "$DB" "SELECT count(*) FROM ticks WHERE day = '$DAY' AND item_id = '$1';" 2>/dev/null; }
has_tick() { [[ "$(ticks_of "$1")" == 1 ]]; }

# start NAME — the dashboard in its own tmux session (the pane's process is cooldown).
PID=""
start() {
    tm -f /dev/null new-session -d -s "$1" -x 100 -y 30 \
        "exec env TZ=UTC COOLDOWN_CONFIG='$CFG' '$BIN' --db '$DB'"
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

# answer SESSION KEY WANT [absent] — sends KEY; sets LAT_MS to the time until the first
# capture showing WANT (or no longer showing it, with "absent") started, RAW_MS to when
# that capture returned. A capture that starts after the change shows it, so the start is
# the answer's time with the capture's own delay taken out. 1 when not seen within 10 s.
LAT_MS="" RAW_MS=""
answer() {
    local s="$1" key="$2" want="$3" absent="${4:-}" t0 c0 c1 text
    tm send-keys -t "$s" "$key"
    t0="$(now_us)"
    while :; do
        c0="$(now_us)"
        text="$(screen "$s")"
        c1="$(now_us)"
        if [[ -z "$absent" && "$text" == *"$want"* ]] || [[ -n "$absent" && "$text" != *"$want"* ]]; then
            LAT_MS=$(((c0 - t0) / 1000))
            RAW_MS=$(((c1 - t0) / 1000))
            return 0
        fi
        if (((c1 - t0) > 10000000)); then
            LAT_MS="never" RAW_MS="never"
            return 1
        fi
    done
}

# ---------------------------------------------------------------------------------------
echo "- a 3 s target ends while another process holds the write lock for ${LOCK_S} s"
if start A; then
    # The capture's own cost on this machine, for the report.
    c0="$(now_us)"
    for i in 1 2 3 4 5; do screen A >/dev/null; done
    echo "  (one capture-pane takes ~$((($(now_us) - c0) / 5000)) ms here)"
    if hold_lock "$DB"; then
        LOCK_T0=$SECONDS
        ok "sqlite3 holds the write lock (BEGIN IMMEDIATE)"
        slow="" count=0 worst=0 worst_raw=0 total=0 waiting_seen=0
        measure() {
            if answer A "$1" "$2" "${3:-}"; then
                count=$((count + 1))
                total=$((total + LAT_MS))
                ((LAT_MS > worst)) && worst=$LAT_MS
                ((RAW_MS > worst_raw)) && worst_raw=$RAW_MS
                ((LAT_MS > LIMIT_MS)) && slow+=" $1:${LAT_MS}ms(raw ${RAW_MS})"
            else
                slow+=" $1:never"
            fi
            screen_has A "waiting for the database" && waiting_seen=1
        }
        # s starts the target (its state is a write: it waits too, the key must not).
        measure s "foam roll: calves"
        # Its end, seen on Today ("· done" in the panel's title); then the first key
        # stops the overtime. No key meanwhile: one landing on the end would be taken as
        # that acknowledgement, not as the key it was meant to be.
        if until_true 30 screen_has A "· done"; then
            ok "the 3 s target ended during the lock ($((SECONDS - LOCK_T0)) s in)"
            check "its tick is not in the database while the lock is held (the lock is real)" \
                test "$(sqlite3 -cmd '.timeout 0' "$DB" "SELECT count(*) FROM ticks WHERE item_id = 'foam-calves';" 2>/dev/null || echo 0)" = 0
            measure x "· done" absent
        else
            bad "the 3 s target did not end: $(screen A | tr -s ' \n' ' ' | head -c 300)"
        fi
        # Then Trends and back, until the lock is released.
        while ((SECONDS - LOCK_T0 < LOCK_S)); do
            if screen_has A "Recovery checklist"; then
                measure 3 "Training load"
            else
                measure 1 "Recovery checklist"
            fi
            # Pacing between keys (not a wait for anything).
            sleep 0.2
        done
        if ((count > 0)); then
            echo "  $count keys answered in the ${LOCK_S} s: worst ${worst} ms, mean $((total / count)) ms" \
                "(worst ${worst_raw} ms with the capture's own time)"
        fi
        if [[ -z "$slow" ]]; then ok "every key answered within ${LIMIT_MS} ms while the lock was held ($count keys)"
        else bad "keys answered late or never while the lock was held:$slow"; fi
        check "the status bar said 'waiting for the database' during the lock" test "$waiting_seen" = 1
        check "the dashboard is still running" alive "$PID"
        release_lock
        ok "the lock was released after $((SECONDS - LOCK_T0)) s"
        if until_true 30 has_tick foam-calves; then
            ok "the finished target's tick (foam-calves) is in the database after the lock is gone"
        else
            bad "foam-calves has $(ticks_of foam-calves) rows after the lock is gone: the tick was dropped"
        fi
        check "the screen no longer says 'waiting for the database'" \
            until_true 30 eval '! screen_has A "waiting for the database"'
        check "no timer is kept in the database (the overtime was stopped: its clearing was saved too)" \
            until_true 30 test "$(sqlite3 -cmd '.timeout 30000' "$DB" 'SELECT count(*) FROM timers;')" = 0
        check "integrity ok" integrity "$DB"
    else
        bad "sqlite3 could not take the write lock: $(cat "$WORK/holder.out")"
    fi
    tm send-keys -t A q
    check "q ends the dashboard once nothing waits" until_true 30 ended "$PID"
    tm_stop
fi

# ---------------------------------------------------------------------------------------
echo "- quit while a tick waits for the lock"
if start B; then
    if hold_lock "$DB"; then
        # Space ticks the selected (first) item; find which one it is from the database later.
        tm send-keys -t B g
        tm send-keys -t B Space
        if until_true 30 screen_has B "waiting for the database"; then
            ok "a tick under the held lock: 'waiting for the database'"
        else
            bad "no 'waiting for the database' after Space: $(screen B | tail -1)"
        fi
        before="$(sqlite3 -cmd '.timeout 0' "$DB" 'SELECT count(*) FROM ticks;' 2>/dev/null || echo '?')"
        tm send-keys -t B q
        if until_true 30 screen_has B "before quitting"; then ok "q with a write waiting: the screen says it saves before quitting"
        else bad "q with a write waiting: no word of it: $(screen B | tail -1)"; fi
        # Well past the old 5 s busy timeout: still there, still waiting.
        until_true 8 ended "$PID"
        check "8 s after q the dashboard still waits for its write (not ended, nothing dropped)" alive "$PID"
        release_lock
        if until_true 30 ended "$PID"; then ok "once the lock is gone the dashboard saved and ended by itself"
        else bad "the dashboard did not end after the lock was released: $(screen B | tail -1)"; fi
        after="$(sqlite3 -cmd '.timeout 30000' "$DB" 'SELECT count(*) FROM ticks;')"
        check "the tick made before quitting is in the database ($before → $after ticks)" test "$after" -eq $((before + 1))
    else
        bad "sqlite3 could not take the write lock: $(cat "$WORK/holder.out")"
    fi
    tm_stop
fi

# ---------------------------------------------------------------------------------------
echo "- q twice while a tick waits: leaves without it, and says so"
tm -f /dev/null new-session -d -s C -x 100 -y 30 \
    "exec env TZ=UTC COOLDOWN_CONFIG='$CFG' sh -c \"'$BIN' --db '$DB' 2>'$WORK/c.err'; echo \\\$? >'$WORK/c.rc'\""
pane="$(tm display -p -t C '#{pane_pid}' 2>/dev/null)"
if until_true 30 screen_has C "Recovery checklist" && PID="$(child_cooldown "$pane")" && [[ -n "$PID" ]]; then
    track "$PID"
    if hold_lock "$DB"; then
        tm send-keys -t C G
        tm send-keys -t C Space
        until_true 30 screen_has C "waiting for the database" || bad "C: no 'waiting for the database' after Space"
        tm send-keys -t C q
        until_true 30 screen_has C "before quitting" || bad "C: q did not say it saves first"
        tm send-keys -t C q
        if until_true 30 test -s "$WORK/c.rc"; then
            check "C: the second q leaves at once, exit 75 (busy: nothing written)" test "$(cat "$WORK/c.rc")" = 75
            if grep -q '^cooldown: 1 change not saved' "$WORK/c.err"; then ok "C: stderr says what was not saved: $(cat "$WORK/c.err")"
            else bad "C: stderr does not say what was not saved: '$(cat "$WORK/c.err")'"; fi
        else
            bad "C: the second q did not end the dashboard: $(screen C | tail -1)"
        fi
        release_lock
    else
        bad "C: sqlite3 could not take the write lock: $(cat "$WORK/holder.out")"
    fi
else
    bad "C: the dashboard did not start: $(screen C | head -3 | tr -s ' \n' ' ')"
fi
tm_stop

finish
