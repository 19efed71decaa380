#!/usr/bin/env bash
# System packages the tests need beyond Python: Debian's chromium (browser tests, chart images),
# PostgreSQL (gradebook on a real server), npm (configurable-http-proxy for the JupyterHub test),
# and fonts. As root, missing ones are installed; otherwise say what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(npm)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
