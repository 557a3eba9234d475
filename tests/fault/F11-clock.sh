#!/usr/bin/env bash
# F11: the wall clock misbehaves under libfaketime (the binary is dynamically linked against
# libc, so LD_PRELOAD works; DONT_FAKE_MONOTONIC=1 leaves Instant alone):
#  A. midnight passes while the dashboard is open with a foam-roll timer running: the day
#     rolls over by itself within 2 s, the timer keeps its count and finishes on time, its
#     tick lands on the day it was started for;
#  B. the clock steps (a FAKETIME_TIMESTAMP_FILE rewritten, FAKETIME_NO_CACHE=1): forward a
#     day, back an hour across midnight, back and forward 400 days — no panic, the header
#     follows the clock, the timer is not disturbed;
#  C. DST nights: Europe/Berlin's spring gap (2026-03-29 02:00) and fall-back hour
#     (2026-10-25 03:00), America/Santiago's midnight changes (2026-04-05 00:00 back to
#     23:00, 2026-09-06 00:00 on to 01:00): log, run (at a missing or doubled local time),
#     checklist --json and verdict work, and the open dashboard shows the local day and
#     ticks into it.
# Fake clocks are offsets from the real one ("-48000s"), so every process sees the same time.
. "$(dirname "$0")/lib.sh"

FAKELIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [[ ! -r "$FAKELIB" ]]; then
    bad "libfaketime is not installed ($FAKELIB)"
    finish
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
epoch() { date -u -d "$1" +%s; }
# spec SECONDS — a libfaketime offset: +Ns or -Ns.
spec() { if (($1 >= 0)); then echo "+$1s"; else echo "$1s"; fi; }
# The header's date for a day: "Fri 27 Nov 2026".
HDR='+%a %-d %b %Y'
# header SESSION — the date shown in the first line of the dashboard.
header() { screen "$1" | head -1 | grep -oE '(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [0-9]{1,2} [A-Z][a-z]{2}( [0-9]{4})?' | head -1; }
header_is() { [[ "$(header "$1")" == "$2" ]]; }
# timer SESSION — the status bar's timer text ("0:07" or "+0:02"), empty when none.
timer() { screen "$1" | tail -1 | grep -oE '⏱ [a-z]+ \+?[0-9]+:[0-9]{2}' | awk '{print $3}' | head -1; }
# seconds "+0:07" → 7 (negative for overtime: -7); "1:02" → 62.
seconds() {
    local t="${1#+}" s
    s=$((10#${t%%:*} * 60 + 10#${t##*:}))
    if [[ "$1" == +* ]]; then echo $((-s)); else echo "$s"; fi
}
# item_ticked JSON ID — "true"/"false"/"missing" for an item of `checklist --json`.
item_ticked() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(next((str(i["ticked"]).lower() for i in d["items"] if i["id"] == sys.argv[2]), "missing"))' "$1" "$2" 2>/dev/null || echo unreadable
}
# dashboard SESSION DB CONFIG ENV… — starts the dashboard under `env ENV…` in a new session.
dashboard() {
    local s="$1" db="$2" config="$3"
    shift 3
    tm -f /dev/null new-session -d -s "$s" -x 100 -y 30 sh
    tm send-keys -t "$s" "env $* COOLDOWN_CONFIG='$config' '$BIN' --db '$db'; echo \"EXIT=\$?\"" Enter
}
pid_of() { child_cooldown "$(tm display -p -t "$1" '#{pane_pid}')"; }
# quit SESSION — acknowledge a finished timer if there is one, then q: exit 0.
quit() {
    tm send-keys -t "$1" x # keys are read in order: x acknowledges, then q quits
    tm send-keys -t "$1" q
    if until_true 30 screen_has "$1" "EXIT=0"; then ok "$1: q quits with exit 0"
    else bad "$1: no EXIT=0 after q: $(screen "$1" | tail -4 | tr -s ' \n' ' ')"; fi
}

# sample_timer SESSION T0_MS TOTAL_S — one look at the timer; appends to $TIMER_LOG and
# notes a shown value more than 1.5 s away from what the monotonic clock says. The screen is
# read at some moment between the clock readings before and after capture-pane (tens of ms
# on a busy machine, the harness's own delay): the value is judged against that span.
TIMER_BAD=""
TIMER_FINISHED_MS=""
sample_timer() {
    local t shown e0 e1 elapsed
    e0=$(($(now_ms) - $2))
    t="$(timer "$1")"
    e1=$(($(now_ms) - $2))
    elapsed="$e1"
    [[ -z "$t" ]] && return
    shown="$(seconds "$t")"
    echo "$e0–$e1 ms: $t" >>"$TIMER_LOG"
    if [[ "$t" == +* ]]; then
        [[ -z "$TIMER_FINISHED_MS" ]] && TIMER_FINISHED_MS="$elapsed"
        # overtime: shown ≈ elapsed − total, for an elapsed between e0 and e1
        if ((((-shown) * 1000 - (e1 - $3 * 1000)) > 1500 || ((e0 - $3 * 1000) - (-shown) * 1000) > 1500)); then
            TIMER_BAD+=" [$e0–$e1 ms: $t]"
        fi
    else
        # remaining, rounded up: shown ≈ total − elapsed, for an elapsed between e0 and e1
        if ((shown * 1000 - ($3 * 1000 - e0) > 1500 || ($3 * 1000 - e1) - shown * 1000 > 1500)); then
            TIMER_BAD+=" [$e0–$e1 ms: $t]"
        fi
    fi
}

# ======================================================================================
echo "- A. midnight with the dashboard open and a timer running"
CFG_A="$WORK/a.toml"
printf '[timers]\nfoam_roll_seconds = 12\nauto_advance = false\ncue_seconds = 0\n' >"$CFG_A"
DB_A="$WORK/a.db"
MIDNIGHT=$(epoch '2026-11-28 00:00:00')
OFF_A=$((MIDNIGHT - 11 - $(date +%s)))
ENV_A="TZ=UTC LD_PRELOAD=$FAKELIB FAKETIME=$(spec $OFF_A) DONT_FAKE_MONOTONIC=1"
MIDNIGHT_REAL_MS=$(((MIDNIGHT - OFF_A) * 1000))
check "libfaketime fakes this binary's clock (checklist says 2026-11-27)" \
    bash -c "env $ENV_A COOLDOWN_CONFIG='$CFG_A' '$BIN' --db '$DB_A' run --type easy --minutes 30 --at 23:00 >/dev/null &&
             env $ENV_A COOLDOWN_CONFIG='$CFG_A' '$BIN' --db '$DB_A' checklist --json >'$WORK/a-first.json' &&
             grep -q '\"date\": \"2026-11-27\"' '$WORK/a-first.json'"
dashboard A "$DB_A" "$CFG_A" "$ENV_A"
if until_true 30 screen_has A "Recovery checklist" && PID_A="$(pid_of A)" && [[ -n "$PID_A" ]]; then
    track "$PID_A"
    check "A: the header says Fri 27 Nov 2026 before midnight" test "$(header A)" = "Fri 27 Nov 2026"
    tm send-keys -t A s
    T0=$(now_ms)
    tm send-keys -t A 4 # History: the timer shows in the status bar as text
    TIMER_LOG="$WORK/timer-a.log"
    : >"$TIMER_LOG"
    ROLL_MS=""
    EARLY=""
    while (($(now_ms) - T0 < 15000)); do
        sample_timer A "$T0" 12
        h="$(header A)"
        if [[ "$h" == "Sat 28 Nov 2026" && -z "$ROLL_MS" ]]; then
            ROLL_MS=$(now_ms)
            ((ROLL_MS < MIDNIGHT_REAL_MS)) && EARLY="$h at $((ROLL_MS - MIDNIGHT_REAL_MS)) ms"
        fi
        [[ -n "$TIMER_FINISHED_MS" && -n "$ROLL_MS" ]] && break
        sleep 0.2
    done
    if ((T0 < MIDNIGHT_REAL_MS && MIDNIGHT_REAL_MS < T0 + 12000)); then
        ok "A: the timer started $((MIDNIGHT_REAL_MS - T0)) ms before midnight and was due after it"
    else
        bad "A: setup too slow: the timer started $((T0 - MIDNIGHT_REAL_MS)) ms after midnight"
    fi
    if [[ -z "$ROLL_MS" ]]; then
        bad "A: the header never rolled over to Sat 28 Nov 2026 (still '$(header A)')"
    elif [[ -n "$EARLY" ]]; then
        bad "A: rolled over before midnight: $EARLY"
    elif ((ROLL_MS - MIDNIGHT_REAL_MS <= 2000)); then
        ok "A: the header rolled to Sat 28 Nov 2026 $((ROLL_MS - MIDNIGHT_REAL_MS)) ms after midnight"
    else
        bad "A: the header rolled to Sat 28 Nov 2026 only $((ROLL_MS - MIDNIGHT_REAL_MS)) ms after midnight"
    fi
    check "A: the timer was seen counting ($(wc -l <"$TIMER_LOG") samples)" test "$(wc -l <"$TIMER_LOG")" -ge 20
    if [[ -z "$TIMER_BAD" ]]; then ok "A: every timer reading within 1.5 s of the monotonic clock, across midnight"
    else bad "A: timer readings off:$TIMER_BAD"; fi
    if [[ -n "$TIMER_FINISHED_MS" ]] && ((TIMER_FINISHED_MS >= 11000 && TIMER_FINISHED_MS <= 13500)); then
        ok "A: the 12 s timer finished after $TIMER_FINISHED_MS ms"
    else
        bad "A: the 12 s timer finished after '${TIMER_FINISHED_MS:-never}' ms; log: $(tail -3 "$TIMER_LOG" | tr '\n' ' ')"
    fi
    env $ENV_A COOLDOWN_CONFIG="$CFG_A" "$BIN" --db "$DB_A" --date 2026-11-27 checklist --json >"$WORK/a-27.json" 2>"$WORK/a-27.err"
    check "A: calves is ticked on Fri 27 Nov, the day the timer was started for" \
        test "$(item_ticked "$WORK/a-27.json" foam-calves)" = true
    check "A: still running after midnight and the timer" alive "$PID_A"
    quit A
else
    bad "A: the dashboard did not start: $(screen A | head -4 | tr -s ' \n' ' ')"
fi

# ======================================================================================
echo "- B. clock steps while open, a timer running"
CFG_B="$WORK/b.toml"
printf '[timers]\nfoam_roll_seconds = 10\nauto_advance = false\ncue_seconds = 0\n' >"$CFG_B"
DB_B="$WORK/b.db"
TS="$WORK/faketime.ts"
OFF_B=$(($(epoch '2026-11-20 00:30:00') - $(date +%s)))
spec "$OFF_B" >"$TS"
ENV_B="TZ=UTC LD_PRELOAD=$FAKELIB FAKETIME_TIMESTAMP_FILE=$TS FAKETIME_NO_CACHE=1 DONT_FAKE_MONOTONIC=1"
fake_header() { env $ENV_B date "$HDR"; }
check "the timestamp file drives the clock (2026-11-20)" test "$(env $ENV_B date +%F)" = 2026-11-20
env $ENV_B COOLDOWN_CONFIG="$CFG_B" "$BIN" --db "$DB_B" run --type easy --minutes 20 --at 00:10 >/dev/null 2>&1
dashboard B "$DB_B" "$CFG_B" "$ENV_B"
if until_true 30 screen_has B "Recovery checklist" && PID_B="$(pid_of B)" && [[ -n "$PID_B" ]]; then
    track "$PID_B"
    check "B: the header says Fri 20 Nov 2026" test "$(header B)" = "Fri 20 Nov 2026"
    tm send-keys -t B s
    T0=$(now_ms)
    tm send-keys -t B 4
    TIMER_LOG="$WORK/timer-b.log"
    : >"$TIMER_LOG"
    TIMER_BAD=""
    TIMER_FINISHED_MS=""
    STEP=0
    STEP_MS=0
    SEEN1=""
    SEEN2=""
    while (($(now_ms) - T0 < 13000)); do
        sample_timer B "$T0" 10
        e=$(($(now_ms) - T0))
        if ((STEP == 0 && e >= 2000)); then
            spec $((OFF_B + 86400)) >"$TS" # a day forward: Sat 21 Nov 00:30
            STEP=1
            STEP_MS=$(now_ms)
        elif ((STEP == 1 && e >= 5500)); then
            spec $((OFF_B + 86400 - 3600)) >"$TS" # an hour back: Fri 20 Nov 23:30
            STEP=2
            STEP_MS=$(now_ms)
        fi
        h="$(header B)"
        if ((STEP == 1)) && [[ -z "$SEEN1" && "$h" == "Sat 21 Nov 2026" ]]; then SEEN1=$(($(now_ms) - STEP_MS)); fi
        if ((STEP == 2)) && [[ -z "$SEEN2" && "$h" == "Fri 20 Nov 2026" ]]; then SEEN2=$(($(now_ms) - STEP_MS)); fi
        [[ -n "$TIMER_FINISHED_MS" && -n "$SEEN2" ]] && break
        sleep 0.2
    done
    if [[ -n "$SEEN1" ]] && ((SEEN1 <= 2000)); then ok "B: a day forward: the header shows Sat 21 Nov 2026 after $SEEN1 ms"
    else bad "B: a day forward: Sat 21 Nov 2026 not shown within 2 s (${SEEN1:-never})"; fi
    if [[ -n "$SEEN2" ]] && ((SEEN2 <= 2000)); then ok "B: an hour back across midnight: Fri 20 Nov 2026 again after $SEEN2 ms"
    else bad "B: an hour back: Fri 20 Nov 2026 not shown within 2 s (${SEEN2:-never}; header '$(header B)')"; fi
    if [[ -z "$TIMER_BAD" ]]; then ok "B: every timer reading within 1.5 s of the monotonic clock across both steps"
    else bad "B: timer readings off after the clock steps:$TIMER_BAD"; fi
    if [[ -n "$TIMER_FINISHED_MS" ]] && ((TIMER_FINISHED_MS >= 9000 && TIMER_FINISHED_MS <= 11500)); then
        ok "B: the 10 s timer finished after $TIMER_FINISHED_MS ms"
    else
        bad "B: the 10 s timer finished after '${TIMER_FINISHED_MS:-never}' ms; log: $(tail -3 "$TIMER_LOG" | tr '\n' ' ')"
    fi
    env $ENV_B COOLDOWN_CONFIG="$CFG_B" "$BIN" --db "$DB_B" --date 2026-11-20 checklist --json >"$WORK/b-20.json" 2>/dev/null
    check "B: calves is ticked on Fri 20 Nov" test "$(item_ticked "$WORK/b-20.json" foam-calves)" = true
    # Big steps: 400 days back (before every record), then 400 days ahead of the data.
    for step in -400 400; do
        spec $((OFF_B + 86400 - 3600 + step * 86400)) >"$TS"
        want="$(fake_header)"
        if until_true 3 header_is B "$want"; then ok "B: $step days: the header follows the clock ($want)"
        else bad "B: $step days: header '$(header B)', the clock says '$want'"; fi
        sleep 0.5
        check "B: alive after a $step-day step" alive "$PID_B"
    done
    spec $((OFF_B + 86400 - 3600)) >"$TS"
    if until_true 3 header_is B "Fri 20 Nov 2026"; then ok "B: back to Fri 20 Nov 2026"; else bad "B: header '$(header B)' after the clock came back"; fi
    if screen B | grep -q panicked; then bad "B: a panic message on screen"; fi
    quit B
else
    bad "B: the dashboard did not start: $(screen B | head -4 | tr -s ' \n' ' ')"
fi

# ======================================================================================
echo "- C. DST nights"
# name  zone  transition (UTC)  a run's end time that is missing or doubled locally that
# night, and one that is plainly past 30 s after the change
cases=(
    "berlin-spring Europe/Berlin 2026-03-29T01:00:00 02:30 01:30"
    "berlin-fall Europe/Berlin 2026-10-25T01:00:00 02:30 01:30"
    "santiago-fall America/Santiago 2026-04-05T03:00:00 23:30 22:30"
    "santiago-spring America/Santiago 2026-09-06T04:00:00 00:30 01:00"
)
declare -A ENV_C PID_C
# The four dashboards at once, each started 6 s before its transition.
for c in "${cases[@]}"; do
    read -r name zone at _ <<<"$c"
    off=$(($(date -u -d "$at" +%s) - 6 - $(date +%s)))
    ENV_C[$name]="TZ=$zone LD_PRELOAD=$FAKELIB FAKETIME=$(spec $off) DONT_FAKE_MONOTONIC=1"
    dashboard "$name" "$WORK/$name-tui.db" "$COOLDOWN_CONFIG" "${ENV_C[$name]}"
done
C_START=$(now_ms)
for c in "${cases[@]}"; do
    read -r name zone at _ <<<"$c"
    if until_true 30 screen_has "$name" "Recovery checklist" && PID_C[$name]="$(pid_of "$name")" && [[ -n "${PID_C[$name]}" ]]; then
        track "${PID_C[$name]}"
        want="$(env ${ENV_C[$name]} date "$HDR")"
        check "$name: before the change the header shows the local day ($want)" test "$(header "$name")" = "$want"
    else
        bad "$name: the dashboard did not start: $(screen "$name" | head -3 | tr -s ' \n' ' ')"
    fi
done
# 8 s past every transition.
sleep "$(awk -v e=$(($(now_ms) - C_START)) 'BEGIN { s = (14000 - e) / 1000; print (s > 0 ? s : 0) }')"
for c in "${cases[@]}"; do
    read -r name zone at _ <<<"$c"
    [[ -n "${PID_C[$name]:-}" ]] || continue
    check "$name: alive after the change" alive "${PID_C[$name]}"
    want="$(env ${ENV_C[$name]} date "$HDR")"
    local_now="$(env ${ENV_C[$name]} date '+%F %T %Z')"
    if until_true 2 header_is "$name" "$want"; then
        ok "$name: after the change the header shows the local day ($want; local time $local_now)"
    else
        bad "$name: after the change the header shows '$(header "$name")', the local day is $want (local time $local_now)"
    fi
    check "$name: the screen is sane (tabs, checklist)" \
        bash -c "tmux -L '$SOCK' capture-pane -p -t '$name' | grep -q '1 Today  2 Log' && tmux -L '$SOCK' capture-pane -p -t '$name' | grep -q 'Recovery checklist'"
    # A tick now must land on the local calendar day.
    tm send-keys -t "$name" Space
    if until_true 30 screen_has "$name" "saved: mobility ticked"; then
        env ${ENV_C[$name]} "$BIN" --db "$WORK/$name-tui.db" checklist --json >"$WORK/$name-tick.json" 2>/dev/null
        day="$(env ${ENV_C[$name]} date +%F)"
        check "$name: the tick made now is on the local day $day" test "$(item_ticked "$WORK/$name-tick.json" mobility)" = true
    else
        bad "$name: Space did not save a tick: $(screen "$name" | tail -1)"
    fi
    if screen "$name" | grep -q panicked; then bad "$name: a panic message on screen"; fi
    quit "$name"
done

# The command line 30 s before and 30 s after each change.
for c in "${cases[@]}"; do
    read -r name zone at odd_at past_at <<<"$c"
    db="$WORK/$name-cli.db"
    for moment in -30 30; do
        off=$(($(date -u -d "$at" +%s) + moment - $(date +%s)))
        envc="TZ=$zone LD_PRELOAD=$FAKELIB FAKETIME=$(spec $off) DONT_FAKE_MONOTONIC=1"
        day="$(env $envc date +%F)"
        what="$name ${moment}s ($(env $envc date '+%F %T %Z'))"
        expect_exit 0 "$what: log" env $envc "$BIN" --db "$db" log --rhr 50 --hrv 62 --sleep 7.5 --soreness 2
        if ((moment > 0)); then
            # Local times are naive: one that did not exist, or came twice, may be taken or
            # refused (exit 65, a one-line message), never a panic.
            env $envc "$BIN" --db "$db" run --type easy --minutes 30 --at "$odd_at" >"$WORK/last.out" 2>"$WORK/last.err"
            rc=$?
            if ((rc == 0 || rc == 65)) && [[ $(wc -l <"$WORK/last.err") -le 1 ]] && ! grep -q panicked "$WORK/last.err"; then
                ok "$what: run --at $odd_at (missing or doubled that night): exit $rc, no panic"
            else
                bad "$what: run --at $odd_at: exit $rc: $(head -c 300 "$WORK/last.err")"
            fi
            expect_exit 0 "$what: run --at $past_at (plainly past) is recorded" \
                env $envc "$BIN" --db "$db" run --type tempo --minutes 40 --at "$past_at"
        fi
        expect_exit 0 "$what: checklist --json" env $envc "$BIN" --db "$db" checklist --json
        check "$what: the checklist is for the local day $day" \
            python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["date"] != sys.argv[2])' "$WORK/last.out" "$day"
        expect_exit 0 "$what: verdict" env $envc "$BIN" --db "$db" verdict
    done
done

finish
