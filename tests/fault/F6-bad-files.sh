#!/usr/bin/env bash
# F6: files that are not a usable cooldown database — truncated, garbage, 0 bytes, a
# foreign SQLite file, a CSV, a damaged page. Every command exits 69 with one line naming
# the file and the problem; the file's bytes stay the same; no -wal/-shm/-journal is left.
. "$(dirname "$0")/lib.sh"

END=2026-11-27
DAY=2026-11-20
mkdir -p "$WORK/src" "$WORK/bad" "$WORK/backups"
"$BIN" --db "$WORK/src/demo.db" seed-demo --days 365 --date "$END" >/dev/null 2>&1 \
    || { bad "cannot seed the demo database"; finish; }
check "the demo database is whole to begin with" integrity "$WORK/src/demo.db"
printf 'date,rhr\n2026-11-19,51\n' >"$WORK/in.csv"

CMDS=("log --rhr 55 --date $DAY" "verdict --date $DAY" "checklist --date $DAY" "tick mobility --date $DAY"
    "run --type easy --minutes 30 --at 07:00 --date $DAY" "trends --date $DAY" "import $WORK/in.csv"
    "export" "backup $WORK/backups/b.db" "print --date $DAY" "seed-demo --days 3 --date $DAY")

# The bad files, each built from fixed bytes so a run is repeatable.
size=$(stat -c %s "$WORK/src/demo.db")
head -c $((size / 2)) "$WORK/src/demo.db" >"$WORK/bad/half.db"
head -c 100 "$WORK/src/demo.db" >"$WORK/bad/first100.db"
head -c 4096 "$WORK/src/demo.db" >"$WORK/bad/onepage.db"
python3 - "$WORK/bad" <<'EOF'
import random, sys
d = sys.argv[1]
open(f"{d}/garbage.db", "wb").write(random.Random(7).randbytes(8192))
open(f"{d}/magic-garbage.db", "wb").write(b"SQLite format 3\0" + random.Random(8).randbytes(8176))
EOF
: >"$WORK/bad/empty.db"
sqlite3 "$WORK/bad/foreign.db" "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('hello');"
sqlite3 "$WORK/bad/foreign-wal.db" "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);" >/dev/null
printf 'date,rhr,hrv\n2026-11-01,50,60\n2026-11-02,51,61\n' >"$WORK/bad/markers.csv"
check "the foreign files have application_id 0" \
    test "$(sqlite3 "$WORK/bad/foreign.db" 'PRAGMA application_id')$(sqlite3 "$WORK/bad/foreign-wal.db" 'PRAGMA application_id')" = 00

# tree DIR — the names in DIR.
tree() { ls -A "$1" | sort; }

# refused FILE PATTERN — every command on FILE exits 69 with one line naming FILE and
# matching PATTERN; the bytes and the folders stay as they were.
refused() {
    local file="$1" pattern="$2" name c before dir_before bk_before err
    name="$(basename "$file")"
    before="$(sha "$file")"
    dir_before="$(tree "$(dirname "$file")")"
    bk_before="$(tree "$WORK/backups")"
    echo "$name"
    for c in "${CMDS[@]}"; do
        # shellcheck disable=SC2086
        "$BIN" --db "$file" $c >"$WORK/last.out" 2>"$WORK/last.err"
        local rc=$?
        err="$(head -c 400 "$WORK/last.err")"
        if [[ $rc -eq 69 && $(wc -l <"$WORK/last.err") -eq 1 && "$err" == "cooldown: "* ]] \
            && grep -qF "($file)" "$WORK/last.err" && grep -qiE "$pattern" "$WORK/last.err" && [[ ! -s "$WORK/last.out" ]]; then
            ok "$name: ${c%% *} → 69: ${err#cooldown: }"
        else
            bad "$name: ${c%% *} → exit $rc (want 69, one line naming the file, /$pattern/, no output): $err"
        fi
    done
    [[ "$(sha "$file")" == "$before" ]] && ok "$name: sha256 unchanged" || bad "$name: the bytes changed"
    local leftovers
    leftovers="$(ls -A "$(dirname "$file")" | grep -E "^$name-(wal|shm|journal)\$" | tr '\n' ' ')"
    [[ -z "$leftovers" ]] && ok "$name: no -wal/-shm/-journal left" || bad "$name: left behind: $leftovers"
    [[ "$(tree "$(dirname "$file")")" == "$dir_before" ]] && ok "$name: nothing else created beside it" \
        || bad "$name: new files beside it: $(diff <(echo "$dir_before") <(tree "$(dirname "$file")") | grep '^>' | tr '\n' ' ')"
    [[ "$(tree "$WORK/backups")" == "$bk_before" ]] && ok "$name: no backup file written" \
        || bad "$name: backup folder changed: $(tree "$WORK/backups" | tr '\n' ' ')"
}

refused "$WORK/bad/half.db" 'truncated'
refused "$WORK/bad/first100.db" 'truncated'
refused "$WORK/bad/onepage.db" 'truncated'
refused "$WORK/bad/garbage.db" 'not a cooldown database|not an SQLite'
refused "$WORK/bad/magic-garbage.db" 'damaged|not a cooldown database|truncated'
refused "$WORK/bad/empty.db" 'empty'
refused "$WORK/bad/foreign.db" 'not a cooldown database|another program'
refused "$WORK/bad/foreign-wal.db" 'not a cooldown database|another program'
refused "$WORK/bad/markers.csv" 'not a cooldown database|not an SQLite'

# ---------------------------------------------------------------------------------------
# A damaged page: 2000 fixed bytes over the middle page of a table, inside a real
# 365-day database. SQLite keeps no checksums, so only reads of that page or an
# integrity check can notice.
damage() { # SRC DST PAGE
    cp "$1" "$2"
    python3 - "$2" "$3" <<'EOF'
import random, sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek((page - 1) * 4096 + 100)
    f.write(random.Random(page).randbytes(2000))
EOF
}
middle_page() { # TABLE
    sqlite3 "$WORK/src/demo.db" "SELECT pageno FROM dbstat WHERE name = '$1' AND pagetype = 'leaf' ORDER BY pageno" \
        | awk '{p[NR]=$1} END {print p[int((NR+1)/2)]}'
}
check "the demo database uses 4096-byte pages" test "$(sqlite3 "$WORK/src/demo.db" 'PRAGMA page_size')" = 4096

# wrong_silently SRC DMG WHAT DAYS… — for each day, `WHAT --json --date D` on the
# damaged copy either fails with 69 or prints exactly what the intact file prints.
wrong_silently() {
    local src="$1" dmg="$2" what="$3" d n=0 refused=0 same=0 wrong=() deadline=$((SECONDS + 120))
    shift 3
    for d in "$@"; do
        ((SECONDS > deadline)) && { bad "$what per day: deadline passed after $n days"; return; }
        n=$((n + 1))
        local good rc out
        good="$("$BIN" --db "$src" $what --json --date "$d" 2>/dev/null)"
        out="$("$BIN" --db "$dmg" $what --json --date "$d" 2>"$WORK/day.err")"
        rc=$?
        if [[ $rc -eq 69 ]] && grep -qi 'damaged' "$WORK/day.err"; then
            refused=$((refused + 1))
        elif [[ $rc -eq 0 && "$out" == "$good" ]]; then
            same=$((same + 1))
        else
            wrong+=("$d(exit $rc)")
        fi
    done
    if ((${#wrong[@]} == 0)); then
        ok "$what on each of $n days: $refused refused as damaged, $same identical to the intact file, none wrong"
    else
        bad "$what on ${#wrong[@]} of $n days reported different data without an error: ${wrong[*]:0:6}"
    fi
}

mapfile -t ALL_DAYS < <(python3 -c "
import datetime
e = datetime.date.fromisoformat('$END')
for i in range(364, -1, -1): print(e - datetime.timedelta(days=i))")

for table in ticks markers; do
    page="$(middle_page "$table")"
    [[ -n "$page" ]] || { bad "no leaf page of $table found (dbstat)"; continue; }
    DMG="$WORK/dmg-$table.db"
    damage "$WORK/src/demo.db" "$DMG" "$page"
    echo "damaged page $page of $table"
    check "$table: the damage is real (integrity_check fails)" bash -c "! sqlite3 '$DMG' 'PRAGMA integrity_check' | grep -qx ok"
    before="$(sha "$DMG")"

    # Some command must say so: backup runs an integrity check.
    "$BIN" --db "$WORK/src/demo.db" backup "$WORK/backups/good.db" >/dev/null 2>&1
    good_bk="$(sha "$WORK/backups/good.db")"
    expect_exit 69 "$table: backup of the damaged database is refused as not usable" \
        "$BIN" --db "$DMG" backup "$WORK/backups/good.db"
    err="$(head -c 300 "$WORK/last.err")"
    [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && ok "$table: backup's error is one line" \
        || bad "$table: backup's error is $(wc -l <"$WORK/last.err") lines: ${err//$'\n'/ | }"
    grep -qF "($DMG)" "$WORK/last.err" && grep -qi 'damaged' "$WORK/last.err" \
        && ok "$table: backup names the damaged database" \
        || bad "$table: backup does not name $DMG as damaged: ${err//$'\n'/ | }"
    [[ "$(sha "$WORK/backups/good.db")" == "$good_bk" ]] && ok "$table: the previous good backup is byte-identical" \
        || bad "$table: the previous good backup was replaced (now integrity: $(sqlite3 "$WORK/backups/good.db" 'PRAGMA integrity_check' 2>&1 | head -1))"
    left="$(ls -A "$WORK/backups" | grep -v '^good.db$' | tr '\n' ' ')"
    [[ -z "$left" ]] && ok "$table: no temporary backup file left" || bad "$table: left in the backup folder: $left"

    # Reading the damaged table in full must fail, not print a partial table.
    expect_exit 69 "$table: export --what $table reports the damage" "$BIN" --db "$DMG" export --what "$table"
    grep -qF "($DMG)" "$WORK/last.err" && grep -qi 'damaged' "$WORK/last.err" \
        && ok "$table: export's error: $(head -c 200 "$WORK/last.err")" || bad "$table: export's error: $(head -c 200 "$WORK/last.err")"

    # Per day: refused, or the same as the intact file — never silently different.
    if [[ $table == ticks ]]; then
        wrong_silently "$WORK/src/demo.db" "$DMG" checklist "${ALL_DAYS[@]}"
    else
        wrong_silently "$WORK/src/demo.db" "$DMG" verdict "${ALL_DAYS[@]}"
    fi
    for c in "trends --date $END --days 365" "print --date $DAY" "export --what verdicts"; do
        # shellcheck disable=SC2086
        "$BIN" --db "$DMG" $c >/dev/null 2>"$WORK/last.err"
        echo "  note $table damaged, '$c': exit $? $(head -c 160 "$WORK/last.err")"
    done
    [[ "$(sha "$DMG")" == "$before" ]] && ok "$table: the reads left the bytes unchanged" || bad "$table: the reads changed the damaged file"
    leftovers="$(ls -A "$WORK" | grep -E "^dmg-$table.db-(wal|shm|journal)\$" | tr '\n' ' ')"
    [[ -z "$leftovers" ]] && ok "$table: no -wal/-shm/-journal left" || bad "$table: left behind: $leftovers"

    # Writes into the damaged file (on a copy): what happens is reported, not judged.
    printf 'date,rhr\n%s,198\n' "$END" >"$WORK/in198.csv"
    for c in "log --rhr 199 --date $END" "tick mobility --undo --date $END" "run --type easy --minutes 30 --at 06:00 --date $END" \
        "import $WORK/in198.csv"; do
        cp "$DMG" "$WORK/w.db"
        w_before="$(sha "$WORK/w.db")"
        # shellcheck disable=SC2086
        "$BIN" --db "$WORK/w.db" $c >/dev/null 2>"$WORK/last.err"
        rc=$?
        changed=unchanged
        [[ "$(sha "$WORK/w.db")" == "$w_before" ]] || changed="CHANGED"
        echo "  note $table damaged, write '${c%% *}': exit $rc, file $changed $(head -c 120 "$WORK/last.err")"
        rm -f "$WORK/w.db" "$WORK/w.db-wal" "$WORK/w.db-shm"
    done
    rm -f "$WORK/backups/good.db"
done

finish
