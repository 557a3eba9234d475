#!/usr/bin/env bash
# F1: kill -9 at random moments during 500 CLI writes and during a large import.
# Expected (RELIABILITY.md): the next start needs no manual step; integrity_check = ok;
# every acknowledged write (the process exited 0) is present with its value; an import is
# all or nothing.
. "$(dirname "$0")/lib.sh"

N=500          # writes
LANES=3        # writes in flight at once
KILL_PCT=50    # chance that a write gets a kill -9
DB="$WORK/data/f1.db"
mkdir -p "$WORK/data"
DEADLINE=$((SECONDS + 140))

# all_ended PID… — every one of the processes has ended (ended, ours, untrack: lib.sh).
all_ended() {
    local p
    for p in "$@"; do ended "$p" || return 1; done
}

# nap MS — a pause without forking `sleep` (a fork costs more than a write lives): a read
# with a timeout on a FIFO that nobody writes to.
mkfifo "$WORK/nap.fifo"
exec {NAP}<>"$WORK/nap.fifo"
nap() { read -r -t "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))" -u "$NAP"; }

now=$(date +%s)
day_of() { printf '%(%F)T' $((now - $1 * 86400)); }
ITEMS=(mobility walk soft-tissue sleep-hygiene plan-next)

# ---------------------------------------------------------------- 500 writes, some killed
# How long one write lives (median of five, on a scratch database): the kills are spread
# over that span, so they land while starting, opening, writing and committing.
usec() { local t="${EPOCHREALTIME/[.,]/}"; echo "${t#0}"; }
"$BIN" --db "$WORK/scratch.db" log --rhr 50 >/dev/null 2>&1
spans=()
for t in 1 2 3 4 5; do
    s=$(usec)
    "$BIN" --db "$WORK/scratch.db" --date "$(day_of "$t")" log --rhr 50 >/dev/null 2>&1
    spans+=($((($(usec) - s) / 1000)))
done
LIFE=$(printf '%s\n' "${spans[@]}" | sort -n | sed -n 3p)
((LIFE >= 2)) || LIFE=2
echo "   one write takes ~$LIFE ms (${spans[*]}); kills fall 0–$((LIFE * 12 / 10)) ms after the batch starts"
declare -A KIND VAL ST WDAY
# bash reports every job a signal ended ("Killed …") on stderr: not for this loop.
exec {ERR}>&2 2>/dev/null
echo "-- $N writes (log / tick / run on distinct days), $LANES at a time, ~$KILL_PCT % killed"
killed=0 acked=0 other=0 hung=0 kill_sent=0 started=0
other_codes=""
i=1
while ((i <= N)) && ((SECONDS < DEADLINE)); do
    batch=()
    t0=$(usec)
    for ((l = 0; l < LANES && i <= N; l++, i++)); do
        d="$(day_of "$i")"
        WDAY[$i]="$d"
        case $((i % 3)) in
        0)
            KIND[$i]=log
            VAL[$i]=$((30 + (i * 7) % 150))
            "$BIN" --db "$DB" --date "$d" log --rhr "${VAL[$i]}" >/dev/null 2>>"$WORK/writes.err" &
            ;;
        1)
            KIND[$i]=tick
            VAL[$i]="${ITEMS[$((i % 5))]}"
            # Its acknowledgement names the day it was stored on: an item carried from an
            # earlier day's run (the 48-hour timeline) is ticked on that run's day.
            "$BIN" --db "$DB" --date "$d" tick "${VAL[$i]}" >"$WORK/tick.$i" 2>>"$WORK/writes.err" &
            ;;
        2)
            KIND[$i]=run
            VAL[$i]=$((10 + (i * 13) % 80))
            "$BIN" --db "$DB" --date "$d" run --type easy --minutes "${VAL[$i]}" --at 07:30 \
                >/dev/null 2>>"$WORK/writes.err" &
            ;;
        esac
        pid=$!
        track "$pid"
        started=$((started + 1))
        batch+=("$i:$pid")
    done
    # Kill some of the batch, each at its own random moment within a write's life.
    plan=()
    for entry in "${batch[@]}"; do
        ((RANDOM % 100 < KILL_PCT)) && plan+=("$((RANDOM % (LIFE * 12 / 10 + 1))) ${entry#*:}")
    done
    while read -r at p; do
        [[ -n "$p" ]] || continue
        wait_ms=$((at - ($(usec) - t0) / 1000))
        ((wait_ms > 0)) && nap "$wait_ms"
        ours "$p" && kill -9 "$p" 2>/dev/null && kill_sent=$((kill_sent + 1))
    done < <(printf '%s\n' "${plan[@]:-}" | sort -n)
    pids=()
    for entry in "${batch[@]}"; do pids+=("${entry#*:}"); done
    if ! until_true 15 all_ended "${pids[@]}"; then
        for p in "${pids[@]}"; do ended "$p" || { ours "$p" && kill -9 "$p" 2>/dev/null; hung=$((hung + 1)); }; done
    fi
    for entry in "${batch[@]}"; do
        n="${entry%%:*}" p="${entry#*:}"
        { wait "$p"; } 2>/dev/null
        ST[$n]=$?
        untrack "$p"
        case "${ST[$n]}" in
        0) acked=$((acked + 1)) ;;
        137) killed=$((killed + 1)) ;;
        *) other=$((other + 1)); other_codes+=" #$n:${KIND[$n]}=${ST[$n]}" ;;
        esac
    done
done

exec 2>&$ERR
check "all $N writes were started before the deadline ($started started)" test "$started" -eq "$N"
check "no write hung (more than 15 s)" test "$hung" -eq 0
if ((other == 0)); then
    ok "every write that was not killed exited 0 (the start after a kill needed no manual step)"
else
    bad "$other writes not killed failed anyway:$other_codes; $(sort "$WORK/writes.err" | uniq -c | sort -rn | head -3)"
fi
check "some writes were killed in flight ($killed)" test "$killed" -gt 0

# The next start, plain, needs no manual step.
expect_exit 0 "a plain command after the kills works (checklist)" "$BIN" --db "$DB" checklist
expect_exit 0 "a plain write after the kills works (log today)" "$BIN" --db "$DB" log --hrv 60
check "integrity_check = ok after $killed kills" integrity "$DB"
check "no -journal file left (WAL mode kept)" test ! -e "$DB-journal"
check "journal_mode is still wal" test "$(sqlite3 "$DB" 'PRAGMA journal_mode;')" = wal

# Every acknowledged write is present with its value.
declare -A M T R
while IFS='|' read -r d v; do M[$d]="$v"; done < <(sqlite3 "$DB" 'SELECT day, rhr FROM markers;')
while IFS='|' read -r d v; do T[$d]+="$v "; done < <(sqlite3 "$DB" 'SELECT day, item_id FROM ticks;')
while IFS='|' read -r d v; do R[$d]+="$v "; done < <(sqlite3 "$DB" "SELECT day, at || '/' || type || '/' || minutes FROM runs;")
lost=0 wrong=0 killed_but_kept=0 lost_list=""
for ((n = 1; n < i; n++)); do
    d="${WDAY[$n]}"
    case "${KIND[$n]}" in
    log) want="${VAL[$n]}"; have="${M[$d]:-}" ;;
    tick)
        stored="$(grep -oE 'from the run of [0-9-]{10}' "$WORK/tick.$n" 2>/dev/null | cut -c17-)"
        d="${stored:-$d}"
        want="${VAL[$n]} "
        have="${T[$d]:-}"
        ;;
    run) want="07:30/easy/${VAL[$n]} "; have="${R[$d]:-}" ;;
    esac
    if [[ "${ST[$n]}" == 0 ]]; then
        if [[ "$have" != "$want" ]]; then
            lost=$((lost + 1))
            lost_list+=" #$n ${KIND[$n]} $d want '${want% }' have '${have% }'"
        fi
    elif [[ -n "$have" ]]; then
        # A killed write may have committed before the kill: then it must be whole and right.
        if [[ "$have" == "$want" ]]; then killed_but_kept=$((killed_but_kept + 1)); else
            wrong=$((wrong + 1))
            lost_list+=" #$n (killed) ${KIND[$n]} $d want '${want% }' have '${have% }'"
        fi
    fi
done
if ((lost == 0)); then ok "every one of $acked acknowledged writes is present with its value"; else
    bad "$lost of $acked acknowledged writes lost or wrong:$(head -c 600 <<<"$lost_list")"
fi
if ((wrong == 0)); then ok "a killed write is either absent or whole ($killed_but_kept killed but committed)"; else
    bad "$wrong killed writes left a wrong value:$(head -c 600 <<<"$lost_list")"
fi
dups="$(sqlite3 "$DB" 'SELECT count(*) FROM (SELECT day FROM runs GROUP BY day HAVING count(*) > 1);')"
check "no duplicate runs ($dups days with more than one)" test "$dups" = 0
leftovers=$(find "$WORK/data" -name '.cooldown-new-*' | wc -l)
echo "$N writes, $killed killed, $acked acknowledged, $lost lost ($kill_sent kills sent," \
    "$killed_but_kept killed after their commit, $other other failures," \
    "$leftovers temp files of killed first runs left in the data folder)"

# ---------------------------------------------------------------- a large import, killed
echo "-- a 40,000-row markers import, killed at several moments"
BASE="$WORK/data/base.db"
ROWS=40000
# 100 mornings already there (rhr 50), which the big file changes (rhr 60): a partial import
# would show as some of them changed, or as fewer than 40,000 of the file's days.
python3 - "$WORK" "$ROWS" "$now" <<'EOF'
import sys, datetime
work, rows, now = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
today = datetime.datetime.fromtimestamp(now, datetime.timezone.utc).date()
days = [today - datetime.timedelta(days=k) for k in range(rows, 0, -1)]  # up to yesterday
with open(f"{work}/small.csv", "w") as f:
    f.write("date,rhr\n")
    for d in days[-100:]:
        f.write(f"{d},50\n")
with open(f"{work}/big.csv", "w") as f:
    f.write("date,rhr,hrv,sleep_hours,sleep_quality,soreness,weight_kg,note\n")
    for k, d in enumerate(days):
        rhr = 60 if k >= rows - 100 else 40 + k % 60
        f.write(f"{d},{rhr},{30 + (k % 500) / 10:.1f},7.5,4,{k % 11},68.2,row {k}\n")
EOF
FIRST_DAY="$(sed -n 2p "$WORK/big.csv" | cut -d, -f1)"
OLD_DAY="$(sed -n 2p "$WORK/small.csv" | cut -d, -f1)"   # the first of the 100 old mornings
# The expected figures, from the file itself.
exp_sum="$(awk -F, 'NR > 1 { s += $2 } END { print s }' "$WORK/big.csv")"
expect_exit 0 "the base database takes 100 mornings" "$BIN" --db "$BASE" import "$WORK/small.csv"
check "the base database is closed cleanly (no -wal to copy)" test ! -e "$BASE-wal"

# state DB — "none" (only the 100 old mornings, unchanged), "all" (every row of the file,
# right values), or a description of what is in between.
state() {
    local n s old
    n="$(sqlite3 "$1" "SELECT count(*) FROM markers WHERE day >= '$FIRST_DAY';")"
    s="$(sqlite3 "$1" "SELECT total(rhr) FROM markers WHERE day >= '$FIRST_DAY';")"
    old="$(sqlite3 "$1" "SELECT count(*) FROM markers WHERE day >= '$OLD_DAY' AND rhr = 50;")"
    if [[ "$n" == 100 && "$old" == 100 ]]; then echo none
    elif [[ "$n" == "$ROWS" && "${s%.0}" == "$exp_sum" && "$old" == 0 ]]; then echo all
    else echo "partial: $n rows, $old still old, rhr sum $s (want $exp_sum)"; fi
}

# How long the whole import takes (median of three), on copies of the base.
times=()
for t in 1 2 3; do
    cp "$BASE" "$WORK/data/timing$t.db"
    s=$(date +%s%N)
    "$BIN" --db "$WORK/data/timing$t.db" import "$WORK/big.csv" >"$WORK/import.out" 2>&1
    rc=$?
    times+=($((($(date +%s%N) - s) / 1000000)))
done
check "an import that is not killed exits 0 ($(head -c 200 "$WORK/import.out"))" test "$rc" -eq 0
check "an import that is not killed stores every row" test "$(state "$WORK/data/timing3.db")" = all
WHOLE=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
echo "   a whole import takes ~$WHOLE ms (${times[*]})"

attempts=0 i_killed=0 i_none=0 i_all=0 i_partial=0 report=""
for pct in 5 15 25 35 45 55 65 75 85 95 110; do
    ((SECONDS < DEADLINE)) || break
    attempts=$((attempts + 1))
    db="$WORK/data/attempt$pct.db"
    cp "$BASE" "$db"
    delay_ms=$((WHOLE * pct / 100 + RANDOM % 10))
    exec 2>/dev/null   # no "Killed" job reports
    "$BIN" --db "$db" import "$WORK/big.csv" >/dev/null 2>&1 &
    pid=$!
    track "$pid"
    # The delay counts from the exec (a kill before it would not be sent: ours).
    wait_exec 30 "$pid"
    nap "$delay_ms"
    ours "$pid" && kill -9 "$pid" 2>/dev/null
    until_true 30 ended "$pid" || { ours "$pid" && kill -9 "$pid" 2>/dev/null; }
    { wait "$pid"; } 2>/dev/null
    rc=$?
    exec 2>&$ERR
    untrack "$pid"
    ((rc == 137)) && i_killed=$((i_killed + 1))
    st="$(state "$db")"
    case "$st" in none) i_none=$((i_none + 1)) ;; all) i_all=$((i_all + 1)) ;; *) i_partial=$((i_partial + 1)) ;; esac
    report+=" ${delay_ms}ms:exit$rc:${st%%:*}"
    check "import killed at ${delay_ms} ms (exit $rc): integrity ok" integrity "$db"
    if [[ "$st" == none || "$st" == all ]]; then ok "import killed at ${delay_ms} ms: $st of the rows"; else
        bad "import killed at ${delay_ms} ms left a $st"
    fi
    expect_exit 0 "after the kill at ${delay_ms} ms a plain command works" "$BIN" --db "$db" verdict
done
check "at least one import was killed before its commit (nothing stored)" test "$i_none" -gt 0
# The retry after a kill brings everything in.
last_none="$(for f in "$WORK"/data/attempt*.db; do [[ "$(state "$f")" == none ]] && echo "$f" && break; done)"
if [[ -n "$last_none" ]]; then
    expect_exit 0 "importing again after a kill works" "$BIN" --db "$last_none" import "$WORK/big.csv"
    check "the retried import stored every row" test "$(state "$last_none")" = all
    check "integrity ok after the retry" integrity "$last_none"
fi
echo "import of $ROWS rows: $attempts attempts, $i_killed killed, $i_none left nothing," \
    "$i_all left everything, $i_partial partial ($report )"

finish
