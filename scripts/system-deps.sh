#!/usr/bin/env bash
# System packages some tests need beyond Python: a Chromium (browser tests, chart images),
# PostgreSQL of any major version (gradebook on a real server), bubblewrap (the grading sandbox),
# npm (configurable-http-proxy for the JupyterHub test), fonts and runuser.
# As root, missing ones are installed; otherwise the script names the command to run and exits 0:
# the tests that need a missing package skip, naming it.
set -euo pipefail

# Debian calls the browser `chromium`; Ubuntu `chromium-browser`. QISPREAD_CHROMIUM names one anywhere.
chromium_package=chromium
if [ -r /etc/os-release ] && grep -q '^ID=ubuntu' /etc/os-release; then
  chromium_package=chromium-browser
fi
have_chromium() {
  [ -n "${QISPREAD_CHROMIUM:-}" ] && [ -x "${QISPREAD_CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}
have_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1
}

missing=()
have_chromium || missing+=("$chromium_package")
have_postgres || missing+=(postgresql)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v npm >/dev/null 2>&1 || missing+=(npm)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Some tests need these packages, which are missing: ${missing[*]}" >&2
  echo "Those tests will be skipped. To run them: sudo apt-get install ${missing[*]}" >&2
fi
