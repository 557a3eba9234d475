#!/usr/bin/env bash
# F7 — disk full (RELIABILITY.md fault table, storage rule 8; CLI.md exit 74).
# Inside `unshare -m` (root), three 1 MiB tmpfs mounts under $WORK, each filled with a filler
# file to leave a chosen amount of space:
#   (a) during writes: `log` for day after day (and an `import`, a `run`, a `tick`) with the
#       database on the tmpfs until the space runs out. Each write either exits 0 (and is in
#       the database afterwards) or exits 74 with one line saying the disk is full and
#       nothing was saved (and is not in the database). After the filler is removed:
#       integrity_check ok, every acknowledged write there, the next write works.
#   (b) at open: a new database on a full tmpfs: exit 74, clear message, and no file left
#       behind (no 0-byte database, no temporary file, no -wal/-shm).
#   (c) during export: `export --out`, `backup` and `print --out` over a previous file on a
#       full tmpfs (database elsewhere): exit 74, the old file byte-identical, no temporary
#       files left in the folder.
# The mounts live in the namespace and vanish with it; results come back through files
# in $WORK.
. "$(dirname "$0")/lib.sh"

for tool in unshare mount sqlite3 python3 dd truncate; do
    command -v "$tool" >/dev/null || { bad "$tool is not installed"; finish; }
done
if [[ $(id -u) -ne 0 ]]; then
    bad "F7 needs root (mount a tmpfs inside unshare -m)"
    finish
fi

TODAY="$(date +%F)"
OLD_DATE="$(date -d '200 days ago' +%F)"
DEMO="$WORK/demo.db"     # 365 days, the source of the exports (not on the small tmpfs)
SMALL="$WORK/small.db"   # 30 days, the source of the "previous" exports and backup

# --- prepared outside the namespace ---------------------------------------------------
timeout 30 "$BIN" --db "$DEMO" seed-demo --days 365 >/dev/null 2>"$WORK/seed.err" \
    || { bad "seed-demo --days 365: $(head -c 300 "$WORK/seed.err")"; finish; }
timeout 30 "$BIN" --db "$SMALL" seed-demo --days 30 >/dev/null 2>"$WORK/seed.err" \
    || { bad "seed-demo --days 30: $(head -c 300 "$WORK/seed.err")"; finish; }

python3 - "$WORK" <<'PY'
import datetime, sys
work = sys.argv[1]
today = datetime.date.today()
# (a): 400 days, oldest first, well before the demo data and the import's days.
start = today - datetime.timedelta(days=3000)
with open(f"{work}/days.txt", "w") as f:
    for i in range(400):
        f.write((start + datetime.timedelta(days=i)).isoformat() + "\n")
# A biggish markers CSV (≈1,500 rows with 420-character notes, ≈700 KB): cannot fit.
istart = today - datetime.timedelta(days=2500)
with open(f"{work}/big.csv", "w") as f:
    f.write("date,rhr,hrv,sleep_hours,soreness,note\n")
    for i in range(1500):
        d = istart + datetime.timedelta(days=i)
        f.write(f"{d.isoformat()},{45 + i % 20},{50 + i % 30},7.5,2,big import row {i} {'b' * 400}\n")
# A small one (3 rows) for when the disk is already full.
sstart = today - datetime.timedelta(days=900)
with open(f"{work}/small.csv", "w") as f:
    f.write("date,rhr,hrv,sleep_hours,soreness,note\n")
    for i in range(3):
        f.write(f"{(sstart + datetime.timedelta(days=i)).isoformat()},50,60,7,2,small import {i}\n")
PY
[[ -s "$WORK/days.txt" && -s "$WORK/big.csv" ]] || { bad "python3 could not write the test data"; finish; }

# What the new exports will hold (written outside the tmpfs), to be sure they differ from
# the old ones and need more space than is left.
timeout 20 "$BIN" --db "$DEMO" export --out "$WORK/expect-markers.csv" >/dev/null 2>&1
timeout 20 "$BIN" --db "$DEMO" export --what runs --format json --out "$WORK/expect-runs.json" >/dev/null 2>&1

# --- inside the namespace ---------------------------------------------------------------
namespace_body() {
    local NOTE_PAD
    NOTE_PAD="$(printf 'n%.0s' {1..420})"

    # fill DIR FREE_KB — a filler file takes all but FREE_KB of the tmpfs.
    fill() {
        rm -f "$1/filler"
        timeout 10 dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
        (($2 > 0)) && truncate -s "-$(($2 * 1024))" "$1/filler"
        return 0
    }
    # leftovers DIR — the non-directory entries other than the filler, one per line.
    leftovers() { find "$1" -mindepth 1 ! -type d ! -name filler -printf '%P\n' | sort; }
    # disk_full_msg — the last stderr is one line `cooldown: …` that says the disk is full
    # and that nothing was saved, and is not a panic or a "not a database".
    disk_full_msg() {
        local e="$WORK/last.err"
        [[ "$(wc -l <"$e")" -eq 1 ]] && [[ "$(head -c 10 "$e")" == "cooldown: " ]] \
            && grep -qi 'disk full' "$e" && grep -qiE 'nothing (was )?(saved|written|imported|changed)' "$e" \
            && ! grep -qiE 'not a database|panick|backtrace' "$e"
    }
    # write_outcome LABEL ACK_SQL NACK_SQL CMD… — runs a write on the (nearly) full disk.
    # Exit 0: ACK_SQL (a count that must be 1) joins the checks for afterwards. Exit 74 with
    # the disk-full message: NACK_SQL (must be 0) joins them. Anything else fails.
    ACK=() NACK=() REFUSED=0 ODD=0
    write_outcome() {
        local label="$1" ack="$2" nack="$3"
        shift 3
        timeout 20 "$@" >"$WORK/last.out" 2>"$WORK/last.err"
        local rc=$?
        if [[ $rc -eq 0 ]]; then
            ACK+=("$ack")
            return 0
        elif [[ $rc -eq 74 ]] && disk_full_msg; then
            NACK+=("$nack")
            REFUSED=$((REFUSED + 1))
            return 74
        else
            ODD=$((ODD + 1))
            NACK+=("$nack")
            bad "$label: exit $rc, wanted 0 or 74 'disk full … nothing saved': $(head -c 300 "$WORK/last.err")"
            return 1
        fi
    }

    local MA="$WORK/mnt-a" MB="$WORK/mnt-b" MC="$WORK/mnt-c" m
    for m in "$MA" "$MB" "$MC"; do
        mkdir -p "$m"
        if ! mount -t tmpfs -o size=1m,mode=0755 tmpfs "$m" 2>"$WORK/mount.err"; then
            bad "mount a 1 MiB tmpfs on $m: $(head -c 200 "$WORK/mount.err")"
            return
        fi
    done
    ok "three 1 MiB tmpfs mounted inside the namespace"

    echo "-- (a) disk full during writes"
    local DB="$MA/cooldown.db" i rc
    local -a DAYS
    mapfile -t DAYS <"$WORK/days.txt"
    expect_exit 0 "a new database on the tmpfs, first morning logged" \
        timeout 20 "$BIN" --db "$DB" --date "${DAYS[0]}" log --rhr 50 --note "first"
    ACK+=("SELECT count(*) FROM markers WHERE day = '${DAYS[0]}' AND rhr = 50 AND note = 'first'")

    fill "$MA" 160
    expect_exit 74 "import of a 1,500-row CSV (≈700 KB) with 160 KB free" \
        timeout 20 "$BIN" --db "$DB" import "$WORK/big.csv"
    check "import: one line saying disk full and nothing saved (not 'not a database', no panic)" disk_full_msg
    NACK+=("SELECT count(*) FROM markers WHERE note LIKE 'big import row %'")

    # log_day I — `log` for DAYS[I] with its own rhr and note; returns the write's outcome.
    local ROUND="96 KB free"
    log_day() {
        local d="${DAYS[$1]}" r=$((40 + $1 % 60)) note="day $1 $NOTE_PAD"
        write_outcome "log --date $d (round from $ROUND)" \
            "SELECT count(*) FROM markers WHERE day = '$d' AND rhr = $r AND note = '$note'" \
            "SELECT count(*) FROM markers WHERE day = '$d'" \
            "$BIN" --db "$DB" --date "$d" log --rhr "$r" --note "$note"
    }

    fill "$MA" 96
    local acked=0 acked_total=0 first_fail="" fails=0 deadline=$((SECONDS + 25))
    for ((i = 1; i < 300 && fails < 6 && SECONDS < deadline; i++)); do
        log_day "$i"
        rc=$?
        if [[ $rc -eq 0 ]]; then
            ((fails == 0)) && acked=$((acked + 1))
            acked_total=$((acked_total + 1))
        else
            [[ -z "$first_fail" ]] && first_fail="$i" && cp "$WORK/last.err" "$WORK/first-fail.err"
            fails=$((fails + 1))
        fi
    done
    if [[ -n "$first_fail" ]]; then
        ok "the disk filled after $acked acknowledged writes (write $first_fail failed)"
        echo "       first refusal: $(head -c 200 "$WORK/first-fail.err")"
    else
        bad "the disk never filled in $((i - 1)) writes"
    fi
    check "writes were acknowledged before the disk was full" test "$acked" -gt 0

    # More rounds, each starting from another amount of free space, so that the space runs
    # out at other moments (the -wal growing, the -shm growing, the checkpoint at close).
    local round_free round_fails j
    for round_free in 4 8 12 20 28 36 44 52; do
        fill "$MA" "$round_free"
        ROUND="$round_free KB free"
        round_fails=0
        for ((j = 0; j < 30 && round_fails < 2 && i < 398 && SECONDS < deadline; j++, i++)); do
            log_day "$i"
            if [[ $? -eq 0 ]]; then
                acked_total=$((acked_total + 1))
            else
                round_fails=$((round_fails + 1))
                fails=$((fails + 1))
            fi
        done
    done
    fill "$MA" 0

    # Other writes on the full disk.
    local d="${DAYS[i]}"
    write_outcome "run on the full disk" \
        "SELECT count(*) FROM runs WHERE day = '$d' AND at = '07:00' AND minutes = 33" \
        "SELECT count(*) FROM runs WHERE day = '$d'" \
        "$BIN" --db "$DB" --date "$d" run --type easy --minutes 33 --at 07:00
    write_outcome "tick on the full disk" \
        "SELECT count(*) FROM ticks WHERE day = '$d' AND item_id = 'mobility'" \
        "SELECT count(*) FROM ticks WHERE day = '$d'" \
        "$BIN" --db "$DB" --date "$d" tick mobility
    write_outcome "import of 3 rows on the full disk" \
        "SELECT count(*) = 3 FROM markers WHERE note LIKE 'small import %'" \
        "SELECT count(*) FROM markers WHERE note LIKE 'small import %'" \
        "$BIN" --db "$DB" import "$WORK/small.csv"
    check "every write on the full disk exited 0 or 74 with 'disk full … nothing saved'" test "$ODD" -eq 0
    check "writes on the full disk were refused (exit 74)" test "$REFUSED" -ge 3

    rm -f "$MA/filler"
    expect_exit 0 "space freed: the next start needs no manual step (verdict reads)" \
        timeout 20 "$BIN" --db "$DB" --date "${DAYS[1]}" verdict
    check "integrity_check = ok" integrity "$DB"
    local lost=0 stored=0 q
    for q in "${ACK[@]}"; do
        [[ "$(sqlite3 "$DB" "$q" 2>&1)" == 1 ]] || lost=$((lost + 1))
    done
    for q in "${NACK[@]}"; do
        [[ "$(sqlite3 "$DB" "$q" 2>&1)" == 0 ]] || stored=$((stored + 1))
    done
    check "every acknowledged write is there, with its values (${#ACK[@]} checked, $lost lost)" test "$lost" -eq 0
    check "no refused write was stored (${#NACK[@]} checked, $stored stored)" test "$stored" -eq 0
    local small_in
    small_in="$(sqlite3 "$DB" "SELECT count(*) FROM markers WHERE note LIKE 'small import %'")"
    check "markers = the first + $acked_total acknowledged logs + $small_in imported (nothing else)" \
        test "$(rows "$DB" markers)" -eq "$((1 + acked_total + small_in))"
    expect_exit 0 "space freed: a new write works" \
        timeout 20 "$BIN" --db "$DB" --date "${DAYS[399]}" log --rhr 61 --note after
    check "the new write is stored" \
        test "$(sqlite3 "$DB" "SELECT count(*) FROM markers WHERE day = '${DAYS[399]}' AND note = 'after'")" -eq 1
    echo "$acked $acked_total $lost $REFUSED $stored" >"$WORK/figures-a"

    echo "-- (b) disk full when a new database is made"
    local free cmd
    for spec in "0:log" "4:log" "8:log" "16:log" "24:log" "32:log" "8:run" "16:import" "24:seed-demo" "16:xdg"; do
        free="${spec%%:*}" cmd="${spec#*:}"
        rm -rf "${MB:?}"/* "$MB"/.[!.]* 2>/dev/null
        fill "$MB" "$free"
        local args=(--db "$MB/new.db")
        case "$cmd" in
            log) args+=(log --rhr 50) ;;
            # 00:00: never later than now (07:00 is refused as the future before 07:00).
            run) args+=(run --type easy --minutes 30 --at 00:00) ;;
            import) args+=(import "$WORK/small.csv") ;;
            seed-demo) args+=(seed-demo --days 30) ;;
            xdg) args=(log --rhr 50) ;;
        esac
        if [[ "$cmd" == xdg ]]; then
            XDG_DATA_HOME="$MB/share" timeout 20 "$BIN" "${args[@]}" >"$WORK/last.out" 2>"$WORK/last.err"
        else
            timeout 20 "$BIN" "${args[@]}" >"$WORK/last.out" 2>"$WORK/last.err"
        fi
        rc=$?
        local label="new database ($cmd) with $free KB free"
        local db="$MB/new.db"
        [[ "$cmd" == xdg ]] && db="$MB/share/cooldown/cooldown.db"
        if [[ $rc -eq 0 && "$free" -gt 0 ]]; then
            # It fitted after all: then it must be whole.
            check "$label: fitted, and the database is whole" integrity "$db"
            continue
        fi
        if [[ $rc -eq 74 ]]; then ok "$label: exit 74"; else bad "$label: exit $rc, wanted 74: $(head -c 300 "$WORK/last.err")"; fi
        if disk_full_msg; then
            ok "$label: one line saying disk full, nothing saved"
        else
            bad "$label: wanted one line 'cooldown: disk full: nothing saved …': $(head -c 300 "$WORK/last.err")"
        fi
        local left
        left="$(leftovers "$MB" | tr '\n' ' ')"
        if [[ -z "$left" ]]; then
            ok "$label: no file left behind"
        else
            bad "$label: left behind: $left"
        fi
    done

    echo "-- (c) disk full during export, backup and print"
    local -A OLD_SHA
    local f
    timeout 20 "$BIN" --db "$SMALL" export --out "$MC/markers.csv" >/dev/null 2>&1
    timeout 20 "$BIN" --db "$SMALL" export --what runs --format json --out "$MC/runs.json" >/dev/null 2>&1
    timeout 20 "$BIN" --db "$SMALL" backup "$MC/backup.db" >/dev/null 2>&1
    timeout 20 "$BIN" --db "$DEMO" --date "$OLD_DATE" print --out "$MC/print.md" >/dev/null 2>&1
    timeout 20 "$BIN" --db "$DEMO" --date "$OLD_DATE" print --format html --out "$MC/print.html" >/dev/null 2>&1
    for f in markers.csv runs.json backup.db print.md print.html; do
        if [[ -s "$MC/$f" ]]; then OLD_SHA[$f]="$(sha "$MC/$f")"; else bad "the previous $f was not written"; fi
    done
    check "the new markers export differs from the old one and needs more than 8 KB" \
        test "$(sha "$WORK/expect-markers.csv")" != "${OLD_SHA[markers.csv]:-}" -a "$(stat -c %s "$WORK/expect-markers.csv")" -gt 8192
    check "the new runs export differs from the old one and needs more than 8 KB" \
        test "$(sha "$WORK/expect-runs.json")" != "${OLD_SHA[runs.json]:-}" -a "$(stat -c %s "$WORK/expect-runs.json")" -gt 8192
    local before_list
    before_list="$(leftovers "$MC")"

    # out_refused LABEL FILE FREE_KB CMD… — exit 74, disk-full line naming FILE, the old
    # FILE byte-identical, no new file in the folder.
    out_refused() {
        local label="$1" file="$2" free="$3"
        shift 3
        fill "$MC" "$free"
        expect_exit 74 "$label ($free KB free)" timeout 30 "$@"
        if disk_full_msg; then
            ok "$label ($free KB free): one line saying disk full, nothing saved"
        else
            bad "$label ($free KB free): wanted one line 'cooldown: disk full: nothing saved …': $(head -c 300 "$WORK/last.err")"
        fi
        check "$label ($free KB free): the message names $file" grep -qF "($MC/$file)" "$WORK/last.err"
        check "$label ($free KB free): the old $file is byte-identical" test "$(sha "$MC/$file")" == "${OLD_SHA[$file]:-}"
        local now
        now="$(leftovers "$MC")"
        if [[ "$now" == "$before_list" ]]; then
            ok "$label ($free KB free): no temporary file left"
        else
            bad "$label ($free KB free): files now: $(tr '\n' ' ' <<<"$now")"
        fi
    }
    for free in 0 8; do
        out_refused "export --out markers.csv" markers.csv "$free" "$BIN" --db "$DEMO" export --out "$MC/markers.csv"
        out_refused "export --what runs --format json --out runs.json" runs.json "$free" \
            "$BIN" --db "$DEMO" export --what runs --format json --out "$MC/runs.json"
    done
    for free in 0 64; do
        out_refused "backup backup.db" backup.db "$free" "$BIN" --db "$DEMO" backup "$MC/backup.db"
    done
    out_refused "print --out print.md" print.md 0 "$BIN" --db "$DEMO" print --out "$MC/print.md"
    out_refused "print --format html --out print.html" print.html 0 \
        "$BIN" --db "$DEMO" print --format html --out "$MC/print.html"
    check "the old backup still passes integrity_check" integrity "$MC/backup.db"

    rm -f "$MC/filler"
    expect_exit 0 "space freed: export --out works" timeout 20 "$BIN" --db "$DEMO" export --out "$MC/markers.csv"
    check "space freed: the export is the full new one" cmp -s "$MC/markers.csv" "$WORK/expect-markers.csv"
    expect_exit 0 "space freed: backup works" timeout 30 "$BIN" --db "$DEMO" backup "$MC/backup.db"
    check "space freed: the backup holds the 365 days" test "$(rows "$MC/backup.db" markers)" -eq "$(rows "$DEMO" markers)"
}

timeout --kill-after=5 50 unshare -m --propagation private bash -c "
    set -uo pipefail
    $(declare -p BIN WORK DEMO SMALL TODAY OLD_DATE)
    $(declare -f ok bad check expect_exit sha rows integrity namespace_body)
    PASSED=0 FAILED=0
    namespace_body
    echo \"\$PASSED \$FAILED\" >\"\$WORK/counts\"
"
rc=$?
if [[ -s "$WORK/counts" ]]; then
    read -r p f <"$WORK/counts"
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
else
    bad "the namespace section did not finish (exit $rc)"
fi
check "no tmpfs of ours is still mounted outside the namespace" bash -c "! grep -qF '$WORK/mnt' /proc/mounts"

if [[ -s "$WORK/figures-a" ]]; then
    read -r acked acked_total lost refused stored <"$WORK/figures-a"
    echo "figures: $acked writes acknowledged before full ($acked_total in all rounds), $lost lost;" \
        "$refused writes refused with exit 74, $stored of them stored"
fi
finish
