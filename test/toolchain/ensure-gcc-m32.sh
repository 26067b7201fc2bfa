#!/usr/bin/env bash
# What the ring interop tests need besides .NET: gcc for their LP64 C peer, and gcc -m32 whose
# output this host can run for the ILP32 peer (a 32-bit Earthworm on the same host). Debian's gcc
# needs gcc-multilib for -m32; it is installed when that can help: as root, with apt-get, at most
# 90 s an apt step, and not when STATMGR_TOOLCHAIN_NO_INSTALL is set (the probe's own test sets it).
# Never fails: the tests probe the same things themselves and skip, with the reason, where the host
# cannot, so an install that did nothing (no network, no apt, not root) cannot fail `make test`.
set -u
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
. "$here/apt-install.sh"
skipped="the ILP32 interop tests will be skipped"
if ! command -v gcc >/dev/null 2>&1; then
  echo "gcc not found: the LP64 and ILP32 interop tests will be skipped"
  exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int main(void) { return 0; }' > "$probe/p.c"
links() { rm -f "$probe/p"; gcc -m32 -o "$probe/p" "$probe/p.c" >/dev/null 2>&1; }

if ! links; then
  if may_install; then
    echo "installing gcc-multilib for the ILP32 interop tests (gcc -m32)"
    apt_install 90 gcc-multilib
    why="apt-get did not install it"
  else
    why="not installed: $cannot_install"
  fi
  if ! links; then
    echo "gcc -m32 cannot link a program here (gcc-multilib $why): $skipped"
    exit 0
  fi
fi

# Linking proves only the 32-bit C library is there: a kernel built without 32-bit support refuses
# to run the result ("Exec format error"), and no package can change that.
error=$("$probe/p" 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "gcc -m32: ok (builds and runs 32-bit programs)"
else
  # bash says "<path>: cannot execute binary file: <strerror>"; the path is the temp directory's.
  reason=${error##*: }
  echo "32-bit programs cannot run on this host: ${reason:-exit status $status}; $skipped"
fi
exit 0
