#!/usr/bin/env bash
# The ILP32 ring interop tests build their C peer with `gcc -m32` (a 32-bit Earthworm on the same
# host). Debian's gcc needs gcc-multilib for that; install it when we can (root with apt-get).
# Never fails, and gives apt at most 90 s a step: without gcc -m32 those tests are skipped, with the reason.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int main(void) { return 0; }' > "$probe/p.c"
links() { gcc -m32 -o "$probe/p" "$probe/p.c" >/dev/null 2>&1; }
if links; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing gcc-multilib for the ILP32 interop tests (gcc -m32)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 90 apt-get install -y -q gcc-multilib >/dev/null 2>&1 \
    || { timeout 90 apt-get update -q >/dev/null 2>&1 && timeout 90 apt-get install -y -q gcc-multilib >/dev/null 2>&1; }
fi
if links; then
  echo "gcc -m32: ok"
else
  echo "gcc -m32 cannot link here: the ILP32 interop tests will be skipped"
fi
exit 0
