#!/usr/bin/env bash
# Installs every Debian package that building, testing and rendering reports need.
# Idempotent: packages already present are left as they are.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  nlohmann-json3-dev libsqlite3-dev sqlite3 libhpdf-dev catch2
  libwxgtk3.2-dev
  libxlsxwriter-dev unzip
  fonts-dejavu-core
  xvfb xauth imagemagick qpdf poppler-utils python3
  openbox xdotool   # the GUI screen tests: the welcome question under a real window manager
  clang libclang-rt-14-dev ninja-build ccache
  lintian man-db   # the Debian package's checks (scripts/test-deb.sh, the manual page test)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The offline form's browser test: Debian's Chromium, and Node with npm.
dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed" || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -ne 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The form test's Node modules (puppeteer-core, axe-core) live outside the clone, installed
# from tests/form's lock file; again only when the lock file changed. No browser is
# downloaded: the test drives /usr/bin/chromium.
form_src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/form"
form_modules="${XDG_CACHE_HOME:-$HOME/.cache}/yardstick/form-test-node"
if [ -f "$form_src/package-lock.json" ] && ! cmp -s "$form_src/package-lock.json" "$form_modules/package-lock.json.installed"; then
  mkdir -p "$form_modules"
  cp "$form_src/package.json" "$form_src/package-lock.json" "$form_modules/"
  (cd "$form_modules" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$form_src/package-lock.json" "$form_modules/package-lock.json.installed"
fi
