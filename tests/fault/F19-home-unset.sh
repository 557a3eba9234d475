#!/usr/bin/env bash
# F19: an unset, empty or relative HOME is an error naming HOME, never a database in the
# passwd entry's home or under / (RELIABILITY.md rule 19) — when a default location is
# needed; with --db and --config (or $COOLDOWN_DB and $COOLDOWN_CONFIG) HOME is not needed.
# Each run is inside `unshare -m` with /etc/passwd bind-mounted over by a copy whose home
# for this user is $WORK/pwhome, so a regression writes there and nowhere else.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 2
export COOLDOWN_NOW=2026-11-28T12:00:00
PWHOME="$WORK/pwhome"
mkdir -p "$PWHOME" "$WORK/cwd"
awk -F: -v uid="$(id -u)" -v h="$PWHOME" 'BEGIN { OFS = ":" } $3 == uid { $6 = h } { print }' /etc/passwd >"$WORK/passwd"

# in_ns CWD ARGS… — runs ARGS in CWD inside a private mount namespace whose /etc/passwd
# gives this user the home $PWHOME.
in_ns() {
    unshare -m bash -c 'mount --bind "$1" /etc/passwd || exit 99; cd "$2" || exit 98; shift 2; exec "$@" </dev/null' \
        _ "$WORK/passwd" "$@"
}

if [[ "$(in_ns "$WORK" getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6)" != "$PWHOME" ]]; then
    echo "  note cannot bind-mount /etc/passwd in a private mount namespace here (needs root and unshare): skipped"
    finish
fi
ok "the namespace's passwd entry gives the home $PWHOME"

# No default location anywhere: the binary must find HOME itself, or refuse.
NO_ENV=(env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u COOLDOWN_CONFIG -u COOLDOWN_DB)
ROOT_DIRS=(/.local/share/cooldown /.config/cooldown)
root_before=""
for d in "${ROOT_DIRS[@]}"; do [[ -e "$d" ]] && root_before+="$d "; done

# created — what appeared in the passwd home, the working folder or under /.
created() {
    local d
    find "$PWHOME" "$WORK/cwd" -mindepth 1 2>/dev/null
    for d in "${ROOT_DIRS[@]}"; do [[ -e "$d" && " $root_before " != *" $d "* ]] && echo "$d"; done
    return 0
}

# refuses NAME ENV… -- ARGS… — exit 65, one line naming HOME, nothing created.
refuses() {
    local name="$1" envs=() what
    shift
    while [[ "$1" != -- ]]; do envs+=("$1"); shift; done
    shift
    expect_exit 65 "$name" in_ns "$WORK/cwd" "${NO_ENV[@]}" "${envs[@]}" timeout 60 "$BIN" "$@"
    if [[ $(wc -l <"$WORK/last.err") -eq 1 ]] && grep -q '^cooldown: HOME .*(HOME)' "$WORK/last.err"; then
        ok "  says: $(cat "$WORK/last.err")"
    else
        bad "  not one line naming HOME: $(head -c 300 "$WORK/last.err")"
    fi
    what="$(created)"
    if [[ -z "$what" ]]; then ok "  nothing created"; else bad "  created: $(echo "$what" | head -5 | tr '\n' ' ')"; fi
    rm -rf "${PWHOME:?}"/.[!.]* "$WORK"/cwd/* "$WORK"/cwd/.[!.]* 2>/dev/null
}

for how in unset empty relative; do
    case $how in
        unset) envs=() ;;
        empty) envs=(HOME=) ;;
        relative) envs=(HOME=home) ;;
    esac
    echo "HOME $how"
    refuses "export (a read)" "${envs[@]}" -- export
    refuses "verdict" "${envs[@]}" -- verdict
    refuses "checklist" "${envs[@]}" -- checklist
    refuses "log (a write)" "${envs[@]}" -- log --rhr 50
    refuses "the dashboard (no terminal)" "${envs[@]}" -- 
    refuses "with --db only (the config's default needs HOME)" "${envs[@]}" -- --db "$WORK/given.db" verdict
    check "  --db's file was not created" test ! -e "$WORK/given.db"
done

echo "HOME unset, XDG folders set: still refused by name (HOME is the rule)"
refuses "export" XDG_DATA_HOME="$WORK/xdg/data" XDG_CONFIG_HOME="$WORK/xdg/config" -- export
check "  nothing in the XDG folders" test ! -e "$WORK/xdg"

echo "HOME unset, but nothing needs it"
expect_exit 0 "--db and --config given" in_ns "$WORK/cwd" "${NO_ENV[@]}" "$BIN" --db "$WORK/given.db" --config "$WORK/none.toml" log --rhr 50
check "  the database is where --db said" test -f "$WORK/given.db"
expect_exit 0 "\$COOLDOWN_DB and \$COOLDOWN_CONFIG set" in_ns "$WORK/cwd" "${NO_ENV[@]}" COOLDOWN_DB="$WORK/env.db" COOLDOWN_CONFIG="$WORK/none.toml" "$BIN" export
check "  the database is where \$COOLDOWN_DB said" test -f "$WORK/env.db"
expect_exit 0 "--demo with --config" in_ns "$WORK/cwd" "${NO_ENV[@]}" TMPDIR="$WORK" "$BIN" --demo --config "$WORK/none.toml" verdict
what="$(created)"
if [[ -z "$what" ]]; then ok "nothing was created in the passwd home, the working folder or under /"; else bad "created: $(echo "$what" | head -5 | tr '\n' ' ')"; fi
finish
