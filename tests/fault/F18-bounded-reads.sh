#!/usr/bin/env bash
# F18: reads are bounded and never wait (RELIABILITY.md rule 16). A FIFO as config or
# routine is refused at once (it used to hang every command); /dev/zero as config or
# import is refused, never read without end; import from standard input stops at its
# stated limit (64 MiB); --db on a FIFO, socket or device is "not a regular file" (exit 69).
# Every run has a deadline and a memory cap, so the old behaviour fails instead of hanging.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
export COOLDOWN_NOW=2026-11-28T12:00:00
DB="$WORK/c.db"
"$BIN" --db "$DB" log --rhr 50 --date 2026-11-27 >/dev/null 2>&1
SHA="$(sha "$DB")"
CONF_DIR="$(dirname "$COOLDOWN_CONFIG")"
mkdir -p "$CONF_DIR"

# capped ARGS… — the binary with 20 s and 1 GiB of address space at most.
capped() { (ulimit -v 1048576 && exec timeout 20 "$BIN" "$@"); }

# refused WANT NAME PATTERN ARGS… — exits WANT within the deadline with one line matching
# PATTERN; the database is unchanged.
refused() {
    local want="$1" name="$2" pattern="$3" start=$SECONDS
    shift 3
    expect_exit "$want" "$name" capped "$@"
    if [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -qiE "$pattern" "$WORK/last.err"; then
        ok "  in $((SECONDS - start)) s: $(cat "$WORK/last.err")"
    else
        bad "  not one line matching /$pattern/: $(head -c 300 "$WORK/last.err")"
    fi
    check "  the database is unchanged" test "$(sha "$DB")" = "$SHA"
}

echo "config and routine: FIFOs and devices"
mkfifo "$WORK/cfg.q"
refused 65 "--config a FIFO (no writer)" 'FIFO|named pipe' --db "$DB" --config "$WORK/cfg.q" verdict
COOLDOWN_CONFIG="$WORK/cfg.q" expect_exit 65 "\$COOLDOWN_CONFIG a FIFO" capped --db "$DB" checklist
mkfifo "$CONF_DIR/routine.toml"
refused 65 "a FIFO as routine.toml beside the config" 'FIFO|named pipe' --db "$DB" checklist
rm -f "$CONF_DIR/routine.toml"
refused 65 "--config /dev/zero" 'character device|regular file' --db "$DB" --config /dev/zero verdict
refused 65 "--config /dev/null" 'character device|regular file' --db "$DB" --config /dev/null verdict
head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' '#' >"$WORK/big.toml"
refused 65 "--config a file of 1 MiB + 1 byte (comments only)" '1 MiB' --db "$DB" --config "$WORK/big.toml" verdict
cp "$WORK/big.toml" "$CONF_DIR/routine.toml"
refused 65 "a routine.toml of 1 MiB + 1 byte" '1 MiB' --db "$DB" checklist
rm -f "$CONF_DIR/routine.toml"
printf 'focus = "rhr"\n' >"$WORK/small.toml"
expect_exit 0 "an ordinary config still works" capped --db "$DB" --config "$WORK/small.toml" verdict --date 2026-11-27

echo "import: devices, FIFOs and a stated limit"
refused 65 "import /dev/zero" 'character device|regular file' --db "$DB" import /dev/zero
mkfifo "$WORK/in.q"
refused 65 "import a FIFO (no writer)" 'FIFO|named pipe' --db "$DB" import "$WORK/in.q"
truncate -s $((64 * 1024 * 1024 + 1)) "$WORK/huge.csv"
refused 65 "import a (sparse) file of 64 MiB + 1 byte" '64 MiB' --db "$DB" import "$WORK/huge.csv"
start_ms=${EPOCHREALTIME/./}
expect_exit 65 "import - from /dev/zero (standard input without end)" bash -c 'ulimit -v 1048576; exec timeout 60 "$1" --db "$2" import - </dev/zero' _ "$BIN" "$DB"
took=$(((${EPOCHREALTIME/./} - start_ms) / 1000))
if [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -q '64 MiB' "$WORK/last.err"; then
    ok "  stops at the limit in $took ms: $(cat "$WORK/last.err")"
else
    bad "  not one line naming the 64 MiB limit: $(head -c 300 "$WORK/last.err")"
fi
check "  the database is unchanged" test "$(sha "$DB")" = "$SHA"
printf 'date,rhr\n2026-11-26,53\n' | expect_exit 0 "import - of an ordinary CSV still works" capped --db "$DB" import -
check "  the row is stored" test "$(sqlite3 "$DB" "SELECT rhr FROM markers WHERE day='2026-11-26'")" = 53
SHA="$(sha "$DB")"

echo "--db on a FIFO, a socket, a device"
refused 69 "--db a FIFO" 'FIFO|named pipe' --db "$WORK/in.q" verdict
check "  it is still a FIFO" test -p "$WORK/in.q"
if python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$WORK/sock" 2>/dev/null; then
    refused 69 "--db a socket" 'socket' --db "$WORK/sock" verdict
else
    echo "  note no python3 to make a socket: skipped"
fi
if mknod "$WORK/zero" c 1 5 2>/dev/null; then
    refused 69 "--db a character device (a /dev/zero node)" 'character device' --db "$WORK/zero" log --rhr 50
    check "  it is still a character device" test -c "$WORK/zero"
else
    refused 69 "--db /dev/zero" 'character device' --db /dev/zero verdict
fi
finish
