#!/usr/bin/env bash
# What `make publish` (the NativeAOT binary) needs besides .NET: a C compiler to link with (the
# .NET SDK takes clang when it is on PATH, else gcc) that links a program against the C library
# and the libraries NativeAOT names, and objcopy to strip the symbols into statmgr.dbg (llvm-objcopy
# or objcopy beside clang). zlib and the .NET runtime's own parts come with the SDK's package.
#   ensure-native-toolchain.sh           installs clang (Debian's NativeAOT prerequisite) when
#                                        nothing links: as root, with apt-get, at most 300 s a step,
#                                        and not when STATMGR_TOOLCHAIN_NO_INSTALL is set. Prints one
#                                        line and never fails: `make test` then tests the ReadyToRun
#                                        binary instead.
#   ensure-native-toolchain.sh --check   installs nothing; exits 1 with the reason on stdout when a
#                                        NativeAOT binary cannot be linked here, 0 in silence when it can.
set -u
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
. "$here/apt-install.sh"
check_only=
[ "${1:-}" = --check ] && check_only=1
fallback="make test tests the ReadyToRun binary instead"

# Sets why (why a NativeAOT binary cannot be linked here; empty when it can), linker and stripper.
probe() {
  why=
  linker=
  stripper=
  if command -v clang >/dev/null 2>&1; then
    linker=clang
  elif command -v gcc >/dev/null 2>&1; then
    linker=gcc
  else
    why="no C compiler to link with (clang or gcc) on PATH"
    return
  fi
  local dir error first
  dir=$(mktemp -d)
  echo 'int main(void) { return 0; }' > "$dir/p.c"
  # The linker flags and system libraries the SDK's NativeAOT link step passes on Linux.
  error=$("$linker" -fuse-ld=bfd -pthread -o "$dir/p" "$dir/p.c" -ldl -lrt -lm 2>&1 >/dev/null)
  local status=$?
  rm -rf "$dir"
  if [ "$status" -ne 0 ]; then
    read -r first <<< "$error"
    why="$linker cannot link a program: ${first:-exit status $status}"
    return
  fi
  if [ "$linker" = clang ] && command -v llvm-objcopy >/dev/null 2>&1; then
    stripper=llvm-objcopy
  elif command -v objcopy >/dev/null 2>&1; then
    stripper=objcopy
  else
    why="no objcopy on PATH (binutils) to strip the binary's symbols"
  fi
}

probe
if [ -n "$check_only" ]; then
  [ -z "$why" ] && exit 0
  echo "$why"
  exit 1
fi

if [ -n "$why" ]; then
  if may_install; then
    echo "installing clang and binutils for the NativeAOT publish ($why)"
    apt_install 300 --no-install-recommends clang binutils libc6-dev
    not="apt-get install clang did not help"
  else
    not="nothing installed: $cannot_install"
  fi
  probe
  if [ -n "$why" ]; then
    echo "native toolchain missing: $why ($not); $fallback"
    exit 0
  fi
fi
echo "native toolchain: ok ($linker links the NativeAOT binary, $stripper strips it)"
exit 0
