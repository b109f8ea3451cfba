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
  clang libclang-rt-14-dev ninja-build ccache
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
