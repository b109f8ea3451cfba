#!/usr/bin/env bash
# ctest's entry to the form's browser round trip: fails (never skips) when Node, Chromium or
# the test's modules are missing, saying how to install them.
# run.sh YARDSTICK_CLI SCRATCH_DIR NODE_MODULES_DIR
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
hint="run scripts/install-deps.sh, which installs Chromium, Node and the form test's modules"
if ! command -v node >/dev/null 2>&1; then echo "FAIL: node is not installed; $hint" >&2; exit 1; fi
if [ ! -x "${YS_CHROMIUM:-/usr/bin/chromium}" ]; then echo "FAIL: ${YS_CHROMIUM:-/usr/bin/chromium} is not installed; $hint" >&2; exit 1; fi
if [ ! -d "$3/node_modules/puppeteer-core" ] || [ ! -d "$3/node_modules/axe-core" ]; then
  echo "FAIL: puppeteer-core and axe-core are not installed in $3; $hint" >&2
  exit 1
fi
if ! cmp -s "$here/package-lock.json" "$3/package-lock.json.installed"; then
  echo "FAIL: the modules in $3 are not those of tests/form/package-lock.json; $hint" >&2
  exit 1
fi
exec node "$here/round_trip.mjs" "$1" "$2" "$3"
