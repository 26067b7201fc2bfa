#!/usr/bin/env bash
# make soak: statmgr for SOAK_SECONDS (default 600) with 200 descriptors on three rings, modules
# dying and coming back, errors at random (test/stress/Soak.cs). Prints a summary; exits non-zero
# on failure. Whatever happens, the trap stops statmgr and removes the rings.
set -u
CONFIG="${1:-Release}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DOTNET="${DOTNET:-dotnet}"
STRESS="$ROOT/test/stress/bin/$CONFIG/net10.0/stress"
EWRING="$ROOT/test/ewring/bin/$CONFIG/net10.0/ewring"
# Keys from this shell's pid, far from Earthworm's and from the tests' and benches'.
KEY_BASE=$(( 0x5A000000 + ($$ & 0xFFFF) * 256 ))
# The soak's EW_PARAMS and EW_LOG go under a directory of the script's own (TMPDIR for the soak).
WORK="$(mktemp -d "${TMPDIR:-/tmp}/statmgr-soak.XXXXXX")"
soak=""

cleanup() {
  if [ -n "$soak" ] && kill -0 "$soak" 2>/dev/null; then
    kill -TERM "$soak" 2>/dev/null
    wait "$soak" 2>/dev/null
  fi
  # If the soak was killed outright: statmgr stops at TERMINATE in its RingName ring, then the rings go.
  if [ -x "$EWRING" ]; then
    if env -u EW_PARAMS "$EWRING" flag "$KEY_BASE" TERMINATE >/dev/null 2>&1; then
      sleep 2
    fi
    for offset in 0 1 2; do
      env -u EW_PARAMS "$EWRING" destroy $((KEY_BASE + offset)) >/dev/null 2>&1
    done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

"$DOTNET" build "$ROOT/test/stress/stress.csproj" -c "$CONFIG" --nologo -v q >/dev/null || {
  echo "run-soak: cannot build test/stress" >&2
  exit 1
}
TMPDIR="$WORK" "$STRESS" soak --key-base "$KEY_BASE" &
soak=$!
wait "$soak"
status=$?
soak=""
exit "$status"
