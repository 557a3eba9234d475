#!/usr/bin/env bash
# F2: kill -9 of the dashboard right after it showed "saved": the tick (and the morning
# markers saved in the form) must be in the database.
. "$(dirname "$0")/lib.sh"

ROUNDS=20
DB="$WORK/f2.db"
DEADLINE=$((SECONDS + 80))
now=$(date +%s)
day_of() { printf '%(%F)T' $((now - $1 * 86400)); }

screen() { tm capture-pane -p -t f2 2>/dev/null; }
shows() { screen | grep -q -- "$1"; }
# saved_other ID — the status line says an item other than ID was ticked (the first tick's
# "saved: ID ticked" stays on screen until the next key clears it). One capture: with two,
# the first could still show the old message and the second the line the key cleared,
# before the new save is shown.
saved_other() { screen | grep -o 'saved: [a-z0-9-]* ticked' | grep -qv "^saved: $1 ticked$"; }
# runs_round PID — the pane's process has exec'd this round's cooldown (pid, then command line).
runs_round() { wait_exec 30 "$1" && [[ "$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" == "$BIN --db $DB"* ]]; }
# ticked_json DAY ID — `cooldown checklist --json` says the item is ticked.
ticked_json() {
    "$BIN" --db "$DB" --date "$1" checklist --json 2>/dev/null | python3 -c '
import json, sys
doc = json.load(sys.stdin)
sys.exit(0 if any(i["id"] == sys.argv[1] and i["ticked"] is True for i in doc["items"]) else 1)' "$2"
}

# The database exists before the first round (the first start's welcome is not the point).
expect_exit 0 "the database is created" "$BIN" --db "$DB" checklist

rounds=0 unticks=0 killed=0 ticks_saved=0 markers_saved=0
declare -a ALL_TICKS=()
for ((r = 1; r <= ROUNDS; r++)); do
    if ((SECONDS >= DEADLINE)); then
        bad "deadline reached after $rounds of $ROUNDS rounds"
        break
    fi
    rounds=$((rounds + 1))
    d="$(day_of "$r")"
    # The pane's process is tmux's fork, then sh, then env, and only then cooldown (one pid,
    # `exec` all the way): wait for the exec before judging it.
    tm -f /dev/null new-session -d -s f2 -x 80 -y 24 \
        "exec env TZ=UTC COOLDOWN_CONFIG='$COOLDOWN_CONFIG' '$BIN' --db '$DB' --date $d"
    pid="$(tm display -p -t f2 '#{pane_pid}' 2>/dev/null)"
    if [[ ! "$pid" =~ ^[0-9]+$ ]] || ! runs_round "$pid"; then
        bad "round $r: the pane's process is not our cooldown (pid '$pid': $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null))"
        tm_stop
        continue
    fi
    track "$pid"
    if ! until_true 30 shows "Recovery checklist"; then
        bad "round $r: the dashboard never showed its checklist: $(screen | head -5)"
        ours "$pid" && kill -9 "$pid" 2>/dev/null
        tm_stop
        continue
    fi

    rhr=""
    if ((r % 2 == 0)); then
        # The morning form first: resting HR and HRV, Ctrl-S saves.
        rhr=$((45 + RANDOM % 30))
        hrv=$((40 + RANDOM % 40))
        tm send-keys -t f2 m
        until_true 30 shows "Morning markers" || bad "round $r: the markers form did not open"
        tm send-keys -t f2 -l "$rhr"
        tm send-keys -t f2 Tab
        tm send-keys -t f2 -l "$hrv"
        tm send-keys -t f2 C-s
        if until_true 30 shows "saved: markers"; then markers_saved=$((markers_saved + 1)); else
            bad "round $r: the form never said saved: $(screen | tail -3)"
        fi
        until_true 30 shows "Recovery checklist" || bad "round $r: Today did not come back after saving"
    fi

    # Tick an item 1–3 places below the first; on odd rounds then also the first one, and
    # kill right after the second "saved".
    want=()
    k=$((1 + RANDOM % 3))
    tm send-keys -t f2 g
    for ((j = 0; j < k; j++)); do tm send-keys -t f2 j; done
    tm send-keys -t f2 Space
    if until_true 30 shows "saved: [a-z0-9-]* ticked"; then
        want+=("$(screen | grep -o 'saved: [a-z0-9-]* ticked' | head -1 | cut -d' ' -f2)")
    else
        bad "round $r: no 'saved: … ticked' after Space: $(screen | tail -3)"
    fi
    if ((r % 2 == 1)) && ((${#want[@]} == 1)); then
        tm send-keys -t f2 g
        tm send-keys -t f2 Space
        if until_true 30 saved_other "${want[0]}"; then
            want+=("$(screen | grep -o 'saved: [a-z0-9-]* ticked' | head -1 | cut -d' ' -f2)")
        else
            bad "round $r: no second 'saved: … ticked': $(screen | tail -3)"
        fi
    fi

    # Every 5th round: Space again on the same item unticks it — that must stick too.
    unwant=""
    if ((r % 5 == 0)) && ((${#want[@]} > 0)); then
        last="${want[-1]}"
        tm send-keys -t f2 Space
        if until_true 30 shows "saved: $last unticked"; then
            unwant="$last"
            unset 'want[-1]'
        else
            bad "round $r: no 'saved: $last unticked' after Space: $(screen | tail -3)"
        fi
    fi

    # The screen said saved: kill -9 at once.
    if ours "$pid" && kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else
        bad "round $r: cooldown $pid had already ended before the kill"
    fi
    until_true 30 ended "$pid" || bad "round $r: cooldown $pid still there after kill -9"
    tm_stop || bad "round $r: the tmux server did not exit"
    ended "$pid" && untrack "$pid"

    for id in "${want[@]}"; do
        ALL_TICKS+=("$d|$id")
        n="$(sqlite3 "$DB" "SELECT count(*) FROM ticks WHERE day = '$d' AND item_id = '$id';" 2>&1)"
        if [[ "$n" == 1 ]]; then ticks_saved=$((ticks_saved + 1)); ok "round $r: $id ticked on $d is in the database (sqlite3)"; else
            bad "round $r: $id ticked on $d, the screen said saved, the database has $n rows"
        fi
        check "round $r: checklist --json shows $id ticked on $d" ticked_json "$d" "$id"
    done
    if [[ -n "$unwant" ]]; then
        n="$(sqlite3 "$DB" "SELECT count(*) FROM ticks WHERE day = '$d' AND item_id = '$unwant';" 2>&1)"
        check "round $r: $unwant unticked on $d is gone from the database ($n rows)" test "$n" = 0
        unticks=$((unticks + 1))
    fi
    if [[ -n "$rhr" ]]; then
        got="$(sqlite3 "$DB" "SELECT rhr || '/' || CAST(hrv AS INTEGER) FROM markers WHERE day = '$d';" 2>&1)"
        check "round $r: the markers saved in the form are in the database ($got, want $rhr/$hrv)" \
            test "$got" = "$rhr/$hrv"
    fi
    check "round $r: integrity ok after the kill" integrity "$DB"
done

# After all the kills: a plain start works and every tick of every round is still there.
expect_exit 0 "a plain command after $killed kills works" "$BIN" --db "$DB" checklist
missing=0
for t in "${ALL_TICKS[@]}"; do
    n="$(sqlite3 "$DB" "SELECT count(*) FROM ticks WHERE day = '${t%%|*}' AND item_id = '${t#*|}';")"
    [[ "$n" == 1 ]] || missing=$((missing + 1))
done
check "all ${#ALL_TICKS[@]} ticks of all rounds are still there ($missing missing)" test "$missing" -eq 0
check "some ticks were made (${#ALL_TICKS[@]})" test "${#ALL_TICKS[@]}" -ge $((ROUNDS - 2))
echo "$rounds rounds, $killed dashboards killed after 'saved', ${#ALL_TICKS[@]} ticks shown saved," \
    "$ticks_saved found in the database; $unticks unticks; $markers_saved forms saved"

finish
