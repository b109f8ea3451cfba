#!/usr/bin/env bash
# Builds Yardstick for 64-bit Windows on Debian 12, cross-compiled with MinGW-w64, and checks it
# under Wine. One command on a fresh clone:
#   bash scripts/build-windows.sh
# 1. installs the host packages it needs (apt-get, as root or through sudo);
# 2. builds the static dependencies from Debian's source packages once, into
#    ${YARDSTICK_CACHE:-~/.cache/yardstick}/windows/<key>/prefix (scripts/windows/deps.sh), or reuses them;
# 3. builds yardstick.exe, yardstick-cli.exe and the tests in build-windows/;
# 4. runs the test executables under Wine (ctest), then a smoke test of the shipped layout:
#    the GUI under Xvfb (screenshot build-windows/out/gui.png), the CLI importing, scoring and
#    writing an action-plan PDF in a folder with a non-ASCII name;
# 5. makes the per-user installer and the portable zip in build-windows/dist/, installs the
#    installer silently into a fresh Wine prefix, runs the installed CLI, and uninstalls it.
source "$(dirname "$0")/windows/common.sh"
cd "$YS_ROOT"
BUILD=$YS_ROOT/build-windows
OUT=$BUILD/out
DIST=$BUILD/dist
T0=$SECONDS

ys_step "host packages" ys_install_host_packages
ys_step "dependencies" bash "$YS_WIN_SCRIPTS/deps.sh"
PREFIX=$(bash "$YS_WIN_SCRIPTS/deps.sh" --print-prefix 2>/dev/null | tail -1)
test -f "$PREFIX/.complete"

configure_and_build() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$YS_ROOT" -B "$BUILD" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$YS_TOOLCHAIN" \
    -DYARDSTICK_WINDOWS_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DYARDSTICK_BENCH=OFF \
    "${launcher[@]}" >"$OUT/configure.log" 2>&1 || { tail -30 "$OUT/configure.log"; return 1; }
  cmake --build "$BUILD" -j"$YS_JOBS"
  test -f "$BUILD/src/cli/yardstick-cli.exe" && test -f "$BUILD/src/gui/yardstick.exe"
  # Nothing but Windows' own DLLs may be imported.
  local exe dll
  for exe in "$BUILD/src/cli/yardstick-cli.exe" "$BUILD/src/gui/yardstick.exe"; do
    for dll in $($YS_HOST-objdump -p "$exe" | awk '/DLL Name:/{print $3}'); do
      case "${dll,,}" in
        kernel32.dll|user32.dll|gdi32.dll|comdlg32.dll|winspool.drv|advapi32.dll|shell32.dll|ole32.dll|\
        oleaut32.dll|uuid.dll|comctl32.dll|rpcrt4.dll|shlwapi.dll|version.dll|uxtheme.dll|oleacc.dll|\
        msvcrt.dll|ws2_32.dll|gdiplus.dll|msimg32.dll|winmm.dll|imm32.dll|bcrypt.dll|crypt32.dll|winhttp.dll|dwmapi.dll|\
        api-ms-win-*) ;;
        *) echo "$(basename "$exe") imports $dll, which is not part of Windows" >&2; return 1 ;;
      esac
    done
  done
}

wine_tests() {
  ys_wine_env
  ys_wine_boot "$BUILD/wine"
  # Each test executable is one test (cmake/windows-build.cmake); -V keeps Catch2's summaries.
  if ! ctest --test-dir "$BUILD" --no-tests=error -V -j"$YS_JOBS" >"$OUT/wine-tests.log" 2>&1; then
    grep -vE "^[0-9]+: (Test command|Working Directory|Environment variables|Test timeout)" "$OUT/wine-tests.log" | tail -80
    return 1
  fi
  grep -E "(All tests passed|tests passed|test cases:)" "$OUT/wine-tests.log"
}

# The folder both packages hold: the executables with the data they read beside them.
stage() {
  VERSION=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")
  STAGE=$BUILD/stage/yardstick-$VERSION
  rm -rf "$BUILD/stage"; mkdir -p "$STAGE/fonts"
  $YS_HOST-strip -o "$STAGE/yardstick.exe" "$BUILD/src/gui/yardstick.exe"
  $YS_HOST-strip -o "$STAGE/yardstick-cli.exe" "$BUILD/src/cli/yardstick-cli.exe"
  cp -r frameworks questionnaires reports examples guide "$STAGE/"
  cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$STAGE/fonts/"
  cp /usr/share/doc/fonts-dejavu-core/copyright "$STAGE/fonts/LICENSE-DejaVu.txt"
  cp packaging/icons/yardstick.ico "$STAGE/"
  sed "s/@VERSION@/$VERSION/g" "$YS_WIN_SCRIPTS/README.txt.in" > "$STAGE/README.txt"
}

package() {
  mkdir -p "$DIST"
  rm -f "$DIST"/yardstick-*
  ZIP=$DIST/yardstick-$VERSION-windows-x64.zip
  SETUP=$DIST/yardstick-$VERSION-windows-x64-setup.exe
  (cd "$BUILD/stage" && zip -qr9 "$ZIP" "yardstick-$VERSION")
  makensis -V2 -DVERSION="$VERSION" -DSTAGE="$STAGE" -DOUTFILE="$SETUP" packaging/windows/installer.nsi
}

mkdir -p "$OUT"
ys_step "build (MinGW-w64)" configure_and_build
ys_step "tests under Wine" wine_tests
ys_step "stage" stage
ys_step "smoke test (GUI, CLI)" bash "$YS_WIN_SCRIPTS/smoke-test.sh" "$STAGE" "$OUT" "$BUILD/wine"
ys_step "installer and zip" package
ys_step "install, run, uninstall" bash "$YS_WIN_SCRIPTS/install-test.sh" "$SETUP" "$BUILD/wine-install" "$STAGE"

echo
ls -l "$DIST" "$STAGE"/*.exe | sed 's/^/  /'
ys_timing_summary | tee "$OUT/timings.txt"
echo "  total                        $((SECONDS - T0))s" | tee -a "$OUT/timings.txt"
echo "Windows build OK: $DIST"
