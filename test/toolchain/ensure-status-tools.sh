#!/usr/bin/env bash
# What the status listener's real-world tests need besides .NET: Debian's prometheus package
# (promtool checks the /metrics text; a prometheus server scrapes it) and chromium (a headless
# browser loads the status page). Installed when that can help: as root, with apt-get, only what is
# missing, without recommended packages, at most 300 s an apt step, and not when
# STATMGR_TOOLCHAIN_NO_INSTALL is set. Never fails: the tests look for the programs themselves and
# skip, with the reason, where they are missing.
set -u
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
. "$here/apt-install.sh"

# Debian package -> the programs the tests run from it.
declare -A programs=([prometheus]="promtool prometheus" [chromium]="chromium")
has_all() {
  local program
  for program in ${programs[$1]}; do
    command -v "$program" >/dev/null 2>&1 || return 1
  done
}

missing=()
for package in prometheus chromium; do
  has_all "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if may_install; then
    echo "installing ${missing[*]} for the status listener's promtool, Prometheus and browser tests"
    apt_install 300 --no-install-recommends "${missing[@]}"
    why="apt-get did not install it"
  else
    why="not installed: $cannot_install"
  fi
fi
for package in prometheus chromium; do
  if has_all "$package"; then
    echo "$package: ok (${programs[$package]})"
  else
    echo "$package missing (${why:-not installed}): the status listener tests that need ${programs[$package]} will be skipped"
  fi
done
exit 0
