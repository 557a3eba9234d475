#!/usr/bin/env bash
# F17: a backup or export killed mid-write leaves a temporary file full of health data in
# the target folder; the next write there sweeps it (RELIABILITY.md rule 17: by prefix,
# older than a minute). Fresh temporaries (another process may be writing one) and other
# files stay. The database folder's own sweep uses the same minute.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/data/c.db"
OUT="$WORK/exports"
mkdir -p "$WORK/data" "$OUT"
"$BIN" --db "$DB" seed-demo --days 3650 >/dev/null 2>&1
check "setup: ten years of demo history" test "$(sqlite3 "$DB" 'SELECT count(*) FROM markers')" -gt 3000

# leftovers DIR — our temporary files in DIR.
leftovers() { find "$1" -maxdepth 1 -name '.cooldown-*' -type f | sort; }
# more_than N — more than N of them in the target folder now.
more_than() { (($(leftovers "$OUT" | wc -l) > $1)); }

echo "kill -9 during backups and exports (real leftovers, where the kill lands mid-write)"
killed=0
# bash reports every job a signal ended ("Killed …") on stderr: not for this loop.
exec {ERR}>&2 2>/dev/null
for round in $(seq 1 12); do
    case $((round % 2)) in
        0) "$BIN" --db "$DB" backup "$OUT/b.db" >/dev/null 2>&1 & ;;
        1) "$BIN" --db "$DB" export --what verdicts --out "$OUT/v.csv" >/dev/null 2>&1 & ;;
    esac
    pid=$!
    track "$pid"
    before="$(leftovers "$OUT" | wc -l)"
    if wait_exec 30 "$pid"; then
        # Once its temporary file appears (or 5 s pass): the kill lands mid-write.
        until_true 5 more_than "$before" || true
        ours "$pid" && kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    fi
    wait_pids 30 "$pid"
done
exec 2>&"$ERR" {ERR}>&-
n_real="$(leftovers "$OUT" | wc -l)"
echo "  note $killed kills left $n_real temporary file(s) in the target folder"
# Age every leftover by two minutes (as if the next run came later), and add one of each
# kind so that the sweep is tested even when no kill landed mid-write.
for prefix in .cooldown-out- .cooldown-backup-; do
    head -c 4096 /dev/urandom >"$OUT/${prefix}planted"
done
touch -d '2 minutes ago' "$OUT"/.cooldown-*
# Fresh ones (a process writing now) and unrelated files stay.
echo fresh >"$OUT/.cooldown-out-fresh"
echo fresh >"$OUT/.cooldown-backup-fresh"
echo mine >"$OUT/.cooldown-outline.txt"
echo mine >"$OUT/notes.csv"
touch -d '2 minutes ago' "$OUT/.cooldown-outline.txt" "$OUT/notes.csv"
mkdir -p "$OUT/.cooldown-out-folder"
touch -d '2 minutes ago' "$OUT/.cooldown-out-folder"
old="$(find "$OUT" -maxdepth 1 -name '.cooldown-*' -type f ! -name '*fresh' ! -name '.cooldown-outline.txt' | sort)"

echo "the next export there sweeps them"
expect_exit 0 "export --out into the folder" "$BIN" --db "$DB" export --out "$OUT/m.csv"
remaining="$(leftovers "$OUT" | grep -v -e fresh -e outline || true)"
if [[ -z "$remaining" ]]; then
    ok "  every stale temporary is gone ($(echo "$old" | grep -c .) file(s))"
else
    bad "  left behind: $(echo "$remaining" | tr '\n' ' ')"
fi
check "  fresh temporaries stay" test -f "$OUT/.cooldown-out-fresh" -a -f "$OUT/.cooldown-backup-fresh"
check "  other files stay (a name that only starts alike, a CSV, a folder)" \
    test -f "$OUT/.cooldown-outline.txt" -a -f "$OUT/notes.csv" -a -d "$OUT/.cooldown-out-folder"

echo "the next backup there sweeps them too"
head -c 4096 /dev/urandom >"$OUT/.cooldown-backup-planted2"
head -c 4096 /dev/urandom >"$OUT/.cooldown-backup-planted2-journal"
touch -d '2 minutes ago' "$OUT/.cooldown-backup-planted2" "$OUT/.cooldown-backup-planted2-journal"
expect_exit 0 "backup into the folder" "$BIN" --db "$DB" backup "$OUT/b2.db"
check "  the stale backup and its journal are gone" test ! -e "$OUT/.cooldown-backup-planted2" -a ! -e "$OUT/.cooldown-backup-planted2-journal"
check "  the fresh ones stay" test -f "$OUT/.cooldown-backup-fresh"
check "  the backup is whole" test "$(sqlite3 "$OUT/b2.db" 'PRAGMA integrity_check')" = ok

echo "print and plan pages sweep the same way"
head -c 4096 /dev/urandom >"$OUT/.cooldown-out-planted3"
touch -d '2 minutes ago' "$OUT/.cooldown-out-planted3"
expect_exit 0 "plan --out into the folder" "$BIN" --db "$DB" plan --weekly-km 40 --out "$OUT/plan.txt"
check "  the stale page temporary is gone" test ! -e "$OUT/.cooldown-out-planted3"

echo "the database folder: a first run's or a migration backup's temporaries, after a minute"
head -c 4096 /dev/urandom >"$WORK/data/.cooldown-new-planted"
head -c 4096 /dev/urandom >"$WORK/data/.cooldown-backup-planted"
touch -d '2 minutes ago' "$WORK/data/.cooldown-new-planted" "$WORK/data/.cooldown-backup-planted"
expect_exit 0 "any command on the database" "$BIN" --db "$DB" verdict
check "  both are gone" test ! -e "$WORK/data/.cooldown-new-planted" -a ! -e "$WORK/data/.cooldown-backup-planted"
check "  the database is whole" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
finish
