# Sourced by the ensure-*.sh scripts, which install what the tests or the native publish lack only
# where that can help: as root, with apt-get, and not when STATMGR_TOOLCHAIN_NO_INSTALL is set (the
# scripts' own tests set it).

# Succeeds when packages may be installed here; else sets cannot_install to why not.
may_install() {
  cannot_install=
  if [ -n "${STATMGR_TOOLCHAIN_NO_INSTALL:-}" ]; then
    cannot_install="STATMGR_TOOLCHAIN_NO_INSTALL is set"
  elif ! command -v apt-get >/dev/null 2>&1; then
    cannot_install="no apt-get"
  elif [ "$(id -u)" -ne 0 ]; then
    cannot_install="not root"
  fi
  [ -z "$cannot_install" ]
}

# apt_install SECONDS ARGS...: apt-get install -y ARGS, each apt step at most SECONDS; when that
# fails, once more after apt-get update (a fresh machine may have no package lists yet).
apt_install() {
  local limit=$1
  shift
  export DEBIAN_FRONTEND=noninteractive
  timeout "$limit" apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { timeout "$limit" apt-get update -q >/dev/null 2>&1 && timeout "$limit" apt-get install -y -q "$@" >/dev/null 2>&1; }
}
