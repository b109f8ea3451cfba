# Settings shared by the Windows build scripts (sourced, not run).
# The Windows build cross-compiles with Debian's MinGW-w64 (posix threads) and links everything
# statically; the dependencies are built from Debian's source packages into a cache outside the clone.
set -euo pipefail

YS_WIN_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
YS_ROOT=$(cd "$YS_WIN_SCRIPTS/../.." && pwd)
YS_HOST=x86_64-w64-mingw32
YS_TOOLCHAIN=$YS_WIN_SCRIPTS/mingw-w64-x86_64.cmake
YS_CACHE=${YARDSTICK_CACHE:-$HOME/.cache/yardstick}
YS_WIN_CACHE=$YS_CACHE/windows
YS_JOBS=${JOBS:-2}
# The MinGW runtime's own static zlib (Debian's libz-mingw-w64-dev).
YS_ZLIB_A=/usr/$YS_HOST/lib/libz.a
YS_ZLIB_INC=/usr/$YS_HOST/include

# Host packages the Windows build needs (Debian 12).
YS_WIN_PACKAGES=(
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-x86-64-dev binutils-mingw-w64-x86-64
  libz-mingw-w64-dev
  wine64 xvfb xauth imagemagick nsis zip unzip
  cmake ninja-build make pkg-config dpkg-dev xz-utils tcl
  catch2 nlohmann-json3-dev fonts-dejavu-core qpdf poppler-utils
)

ys_stamp() { echo "[$(date -u +%T)] $*"; }

# Times one step and remembers it for the summary: ys_step NAME command args...
YS_TIMINGS=()
ys_step() {
  local name=$1 start=$SECONDS; shift
  ys_stamp "== $name"
  "$@"
  YS_TIMINGS+=("$(printf '%-28s %5ds' "$name" $((SECONDS - start)))")
  ys_stamp "== $name done in $((SECONDS - start))s"
}
ys_timing_summary() {
  echo "Timing summary:"
  local t; for t in "${YS_TIMINGS[@]}"; do echo "  $t"; done
}

ys_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the missing host packages, like scripts/install-deps.sh does.
ys_install_host_packages() {
  local missing=() p
  for p in "${YS_WIN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -ne 0 ]; then
    ys_stamp "installing ${missing[*]}"
    ys_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    ys_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# deb-src lines for `apt-get source`: a copy of the Debian sources file with Types: deb-src, kept
# apart so the binary lists stay as they are.
ys_enable_deb_src() {
  local src=/etc/apt/sources.list.d/debian.sources dst=/etc/apt/sources.list.d/yardstick-debian-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    ys_as_root sh -c "sed 's/^Types: deb\$/Types: deb-src/' $src > $dst"
    ys_as_root apt-get update -qq
  fi
}

# The cross compilers, for the autotools builds (CMake builds use the toolchain file).
ys_cross_env() {
  export CC=$YS_HOST-gcc-posix CXX=$YS_HOST-g++-posix AR=$YS_HOST-ar RANLIB=$YS_HOST-ranlib \
         WINDRES=$YS_HOST-windres STRIP=$YS_HOST-strip
}

# Wine, quiet and offline (no Mono/Gecko prompts).
ys_wine_env() {
  export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
}
# Makes a fresh or existing prefix ready: ys_wine_boot DIR
ys_wine_boot() {
  export WINEPREFIX=$1
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
  fi
}
