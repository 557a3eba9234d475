#!/usr/bin/env bash
# F16: after a change of time zone, export still exports everything stored. A runner logs
# in Pacific/Kiritimati (UTC+14) and flies to Pacific/Pago_Pago (UTC-11): the day just
# logged is "tomorrow" there. Export without --date must keep it (markers, runs, ticks,
# verdicts; CSV and JSON); with an explicit --date D it ends at D.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
DB="$WORK/c.db"
# One instant, two zones: 08:00 on the 28th in Kiritimati is 07:00 on the 27th in Pago Pago.
HOME_ZONE=(env TZ=Pacific/Kiritimati COOLDOWN_NOW=2026-11-28T08:00:00)
AWAY_ZONE=(env TZ=Pacific/Pago_Pago COOLDOWN_NOW=2026-11-27T07:00:00)
if [[ ! -e /usr/share/zoneinfo/Pacific/Kiritimati ]]; then
    # Without tzdata the zones are given as offsets (the clock keeps a pinned offset).
    HOME_ZONE=(env COOLDOWN_NOW=2026-11-28T08:00:00+14:00)
    AWAY_ZONE=(env COOLDOWN_NOW=2026-11-27T07:00:00-11:00)
fi

"${HOME_ZONE[@]}" "$BIN" --db "$DB" log --rhr 52 --hrv 60 --sleep 7 --date 2026-11-27 >/dev/null 2>&1
"${HOME_ZONE[@]}" "$BIN" --db "$DB" log --rhr 49 --hrv 64 --sleep 8 --note "landed" >/dev/null 2>&1
"${HOME_ZONE[@]}" "$BIN" --db "$DB" run --type easy --minutes 30 --at 07:00 >/dev/null 2>&1
"${HOME_ZONE[@]}" "$BIN" --db "$DB" tick mobility >/dev/null 2>&1
check "setup: the 28th is logged in Kiritimati (a morning, a run, a tick)" \
    test "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM markers WHERE day='2026-11-28') || (SELECT count(*) FROM runs WHERE day='2026-11-28') || (SELECT count(*) FROM ticks WHERE day='2026-11-28')")" = 111
"${AWAY_ZONE[@]}" "$BIN" --db "$DB" verdict >"$WORK/today.txt" 2>&1
check "setup: in Pago Pago today is the 27th" grep -q "^2026-11-27 " "$WORK/today.txt"
SHA="$(sha "$DB")"

# exported WHAT FORMAT DAYS — export in Pago Pago without --date holds each of DAYS.
exported() {
    local what="$1" format="$2" day
    shift 2
    expect_exit 0 "export --what $what --format $format in Pago Pago" "${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --what "$what" --format "$format"
    for day in "$@"; do
        if grep -q "$day" "$WORK/last.out"; then
            ok "  it holds $day"
        else
            bad "  $day is missing: $(head -c 300 "$WORK/last.out" | tr '\n' ' ')"
        fi
    done
}

echo "without --date: everything stored"
for format in csv json; do
    exported markers "$format" 2026-11-27 2026-11-28
    exported runs "$format" 2026-11-28
    exported ticks "$format" 2026-11-28
    exported verdicts "$format" 2026-11-27 2026-11-28
done
"${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --what markers >"$WORK/markers.csv" 2>/dev/null
check "the markers CSV has both mornings and the note" test "$(grep -c '^2026-11-2[78],' "$WORK/markers.csv")" = 2 -a "$(grep -c landed "$WORK/markers.csv")" = 1
"${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --what markers --out "$WORK/out.csv" 2>/dev/null
check "--out writes the same rows" cmp -s "$WORK/out.csv" "$WORK/markers.csv"

echo "with --date: up to that day"
expect_exit 0 "export --date 2026-11-27 in Pago Pago" "${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --date 2026-11-27
check "  ends at the 27th" test "$(grep -c '^2026-11-28' "$WORK/last.out")" = 0 -a "$(grep -c '^2026-11-27' "$WORK/last.out")" = 1
expect_exit 0 "export --what verdicts --date 2026-11-27" "${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --what verdicts --date 2026-11-27
check "  ends at the 27th" test "$(grep -c '^2026-11-28' "$WORK/last.out")" = 0
expect_exit 0 "export --what ticks --date 2026-11-27" "${AWAY_ZONE[@]}" "$BIN" --db "$DB" export --what ticks --date 2026-11-27
check "  holds no tick of the 28th" test "$(grep -c '2026-11-28' "$WORK/last.out")" = 0

echo "back home the same exports match"
"${HOME_ZONE[@]}" "$BIN" --db "$DB" export --what markers >"$WORK/home.csv" 2>/dev/null
check "markers exported at home and away are identical" cmp -s "$WORK/home.csv" "$WORK/markers.csv"
check "the database was never changed" test "$(sha "$DB")" = "$SHA"
finish
