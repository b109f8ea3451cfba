#!/usr/bin/env bash
# Builds Yardstick's Windows dependencies, static, from Debian's source packages:
#   wxWidgets (wxMSW) 3.2, SQLite, libharu, libxlsxwriter (its bundled minizip), libpng, expat,
#   libjpeg-turbo; zlib is Debian's libz-mingw-w64-dev.
# into ${YARDSTICK_CACHE:-$HOME/.cache/yardstick}/windows/<key>/prefix, where <key> is a short hash
# of the source package versions, the MinGW compiler and zlib versions, and this script and the
# toolchain file. A complete prefix is reused; windows/current points at the last one built.
# Sources are unpacked and built in a scratch folder outside the clone, deleted after success.
# Usage: scripts/windows/deps.sh [--print-prefix]
source "$(dirname "$0")/common.sh"

# Debian source packages (libpng, expat and libjpeg-turbo pinned to bookworm: the security
# uploads' files are not all on the mirror).
SOURCES=(wxwidgets3.2 sqlite3 libpng1.6/bookworm expat/bookworm libjpeg-turbo/bookworm libharu libxlsxwriter)

ys_step "host packages" ys_install_host_packages
ys_enable_deb_src

# --- the cache key ---------------------------------------------------------------------------
key_inputs() {
  local s
  for s in "${SOURCES[@]}"; do
    # the .dsc line names the exact version and its hash
    apt-get source --print-uris -qq "$s" 2>/dev/null | grep '\.dsc' | awk '{print $2, $4}' || true
  done
  dpkg-query -W -f='${Package} ${Version}\n' libz-mingw-w64-dev g++-mingw-w64-x86-64-posix mingw-w64-x86-64-dev
  sha256sum "$YS_WIN_SCRIPTS/deps.sh" "$YS_TOOLCHAIN" | awk '{print $1}'
}
inputs=$(key_inputs)
if [ "$(grep -c '\.dsc' <<<"$inputs")" -ne ${#SOURCES[@]} ]; then
  echo "deps.sh: apt-get source --print-uris did not name all of ${SOURCES[*]}; is a deb-src line configured?" >&2
  exit 1
fi
KEY=$(sha256sum <<<"$inputs" | cut -c1-12)
DIR=$YS_WIN_CACHE/$KEY
PREFIX=$DIR/prefix
if [ "${1:-}" = --print-prefix ]; then echo "$PREFIX"; exit 0; fi

link_current() { ln -sfn "$KEY" "$YS_WIN_CACHE/current.tmp" && mv -T "$YS_WIN_CACHE/current.tmp" "$YS_WIN_CACHE/current"; }
if [ -f "$PREFIX/.complete" ]; then
  ys_stamp "dependencies: reusing $PREFIX"
  link_current
  exit 0
fi

# --- build ----------------------------------------------------------------------------------
SCRATCH=${YARDSTICK_WINDOWS_SCRATCH:-${TMPDIR:-/tmp}}/yardstick-windows-deps-$KEY
SRC=$SCRATCH/src
BUILD=$SCRATCH/build
rm -rf "$PREFIX" "$SCRATCH"
mkdir -p "$PREFIX/lib" "$PREFIX/include" "$SRC" "$BUILD"
printf '%s\n' "$inputs" > "$DIR/key-inputs.txt"
ys_stamp "building into $PREFIX (scratch $SCRATCH)"
ys_cross_env
# keep the host's pkg-config away from Linux libraries
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig PKG_CONFIG_PATH=

# Unpacks one source package into $SRC/<name>: with Debian's patches when every file came,
# else (libharu's debian tarball is missing on the mirror) the upstream tarball alone.
unpack() {
  local name=$1 dsc
  dsc=$(ls "$SRC"/"$name"_*.dsc 2>/dev/null | head -1 || true)
  if [ -n "$dsc" ] && (cd "$SRC" && dpkg-source -x "$dsc" "$SRC/$name" >/dev/null 2>&1); then
    return 0
  fi
  rm -rf "${SRC:?}/$name"; mkdir -p "$SRC/$name"
  tar xf "$(ls "$SRC"/"$name"_*.orig.tar.* | head -1)" -C "$SRC/$name" --strip-components=1
  echo "  $name: upstream tarball only (no Debian patches)"
}

fetch() {
  cd "$SRC"
  local s
  for s in "${SOURCES[@]}"; do
    # exits non-zero when one file of the package is missing on the mirror; unpack() copes
    apt-get source --download-only -qq "$s" >/dev/null 2>&1 || echo "  apt-get source $s: incomplete"
  done
  for s in "${SOURCES[@]}"; do unpack "${s%%/*}"; done
}

cmake_dep() {  # cmake_dep NAME SOURCE_DIR cmake-args...
  local name=$1 src=$2; shift 2
  cmake -S "$src" -B "$BUILD/$name" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$YS_TOOLCHAIN" \
    -DYARDSTICK_WINDOWS_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DBUILD_SHARED_LIBS=OFF "$@" >"$BUILD/$name.configure.log" 2>&1 || { tail -30 "$BUILD/$name.configure.log"; return 1; }
}

build_libpng() {
  mkdir -p "$BUILD/libpng" && cd "$BUILD/libpng"
  "$SRC"/libpng1.6/configure --host=$YS_HOST --prefix="$PREFIX" --disable-shared --enable-static \
    CPPFLAGS="-I$YS_ZLIB_INC" LDFLAGS="-L/usr/$YS_HOST/lib" >configure.log
  make -j"$YS_JOBS" >make.log
  make install >install.log
}

build_expat() {
  cmake_dep expat "$SRC"/expat/expat -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
    -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=ON
  # Debian's CVE-2024-8176 patch tests "#if XML_DTD == 1"; CMake writes "#define XML_DTD" (empty).
  sed -i 's/^#define XML_DTD *$/#define XML_DTD 1/; s/^#define XML_NS *$/#define XML_NS 1/' "$BUILD/expat/expat_config.h"
  cmake --build "$BUILD/expat" -j"$YS_JOBS" >"$BUILD/expat.build.log"
  cmake --install "$BUILD/expat" >/dev/null
}

build_jpeg() {
  # no SIMD: it needs nasm, and wx only reads the odd JPEG
  cmake_dep jpeg "$SRC"/libjpeg-turbo -DENABLE_SHARED=OFF -DENABLE_STATIC=ON -DWITH_SIMD=OFF \
    -DWITH_TURBOJPEG=OFF -DWITH_JPEG8=ON
  cmake --build "$BUILD/jpeg" -j"$YS_JOBS" --target jpeg-static >"$BUILD/jpeg.build.log"
  # the library and headers only (a full install wants the command-line tools)
  install -m644 "$BUILD/jpeg/libjpeg.a" "$PREFIX/lib/libjpeg.a"
  install -m644 "$BUILD/jpeg/jconfig.h" "$SRC"/libjpeg-turbo/{jpeglib.h,jmorecfg.h,jerror.h} "$PREFIX/include/"
}

build_sqlite() {
  # The source package has no amalgamation: make sqlite3.c natively (host gcc, tclsh), then
  # cross-compile that one file.
  mkdir -p "$BUILD/sqlite-amalg" && cd "$BUILD/sqlite-amalg"
  env -u CC -u CXX -u AR -u RANLIB "$SRC"/sqlite3/configure >configure.log
  env -u CC -u CXX -u AR -u RANLIB make sqlite3.c >make.log
  $CC -O2 -DSQLITE_THREADSAFE=1 -DSQLITE_DQS=0 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE \
      -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_USE_URI=1 -c sqlite3.c -o sqlite3.o
  $AR rcs libsqlite3.a sqlite3.o
  install -m644 libsqlite3.a "$PREFIX/lib/"
  install -m644 sqlite3.h sqlite3ext.h "$PREFIX/include/"
}

build_libharu() {
  cmake_dep libharu "$SRC"/libharu -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF \
    -DZLIB_LIBRARY="$YS_ZLIB_A" -DZLIB_INCLUDE_DIR="$YS_ZLIB_INC" \
    -DPNG_LIBRARY="$PREFIX/lib/libpng16.a" -DPNG_PNG_INCLUDE_DIR="$PREFIX/include"
  cmake --build "$BUILD/libharu" -j"$YS_JOBS" >"$BUILD/libharu.build.log"
  cmake --install "$BUILD/libharu" >/dev/null
}

build_xlsxwriter() {
  # Debian's source keeps the bundled minizip (third_party/minizip): use it. Temporary files go
  # through tmpfileplus (GetTempPath on Windows): the C library's tmpfile() writes to C:\, which
  # needs administrator rights.
  test -f "$SRC"/libxlsxwriter/third_party/minizip/zip.c
  cmake_dep xlsxwriter "$SRC"/libxlsxwriter -DUSE_SYSTEM_MINIZIP=OFF -DUSE_STANDARD_TMPFILE=OFF \
    -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF -DZLIB_LIBRARY="$YS_ZLIB_A" -DZLIB_INCLUDE_DIR="$YS_ZLIB_INC"
  cmake --build "$BUILD/xlsxwriter" -j"$YS_JOBS" >"$BUILD/xlsxwriter.build.log"
  cmake --install "$BUILD/xlsxwriter" >/dev/null
}

build_wx() {
  # Static, release, Unicode wxMSW. Debian's +dfsg source has no bundled zlib/png/jpeg/expat/tiff:
  # those come from above. Precompiled headers save about a third of the build.
  mkdir -p "$BUILD/wx" && cd "$BUILD/wx"
  "$SRC"/wxwidgets3.2/configure --host=$YS_HOST --build=x86_64-pc-linux-gnu --prefix="$PREFIX" \
    --with-msw --disable-shared --enable-pch --enable-unicode --disable-debug --enable-optimise \
    --with-zlib=sys --with-libpng=sys --with-libjpeg=sys --without-libtiff --with-expat=sys \
    --with-regex=builtin --without-liblzma --without-libcurl --without-opengl \
    --disable-webview --disable-mediactrl --disable-stc --disable-ribbon --disable-richtext \
    --disable-propgrid --disable-xrc --enable-aui --enable-html \
    CPPFLAGS="-I$PREFIX/include -I$YS_ZLIB_INC" LDFLAGS="-L$PREFIX/lib" CXXFLAGS="-O2" CFLAGS="-O2" \
    >configure.log 2>&1 || { tail -40 configure.log; return 1; }
  make -j"$YS_JOBS" >make.log 2>&1 || { tail -40 make.log; return 1; }
  make install >install.log 2>&1
  "$PREFIX/bin/wx-config" --static=yes --libs aui,adv,html,core,base >/dev/null
}

ys_step "fetch sources" fetch
ys_step "libpng" build_libpng
ys_step "expat" build_expat
ys_step "libjpeg-turbo" build_jpeg
ys_step "sqlite" build_sqlite
ys_step "libharu" build_libharu
ys_step "libxlsxwriter" build_xlsxwriter
ys_step "wxWidgets (wxMSW)" build_wx

# Only the prefix is kept.
cd /
rm -rf "$SCRATCH"
date -u +%FT%TZ > "$PREFIX/.complete"
link_current
ys_timing_summary | tee "$DIR/build-times.txt"
du -sh "$PREFIX"
