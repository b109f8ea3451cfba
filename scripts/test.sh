#!/usr/bin/env bash
# Installs, builds and runs the whole test suite through ctest; builds, installs, runs and
# purges the Debian package (scripts/test-deb.sh); then runs the tests again with
# AddressSanitizer and UndefinedBehaviorSanitizer (every layer but the wxWidgets GUI, whose
# tests run once, under Xvfb, in the first pass, and the regional end-to-end scenario, which
# drives the same binaries the first pass ran). Fails if no test ran.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/build.sh" "$root/build"
(cd "$root/build" && ctest --no-tests=error --output-on-failure -j "$(nproc)")
bash "$root/scripts/test-deb.sh" "$root/build"
echo "== The same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
bash "$root/scripts/build.sh" "$root/build-asan" -DYARDSTICK_SANITIZE=ON -DYARDSTICK_BENCH=OFF -DYARDSTICK_GUI=OFF -DCMAKE_BUILD_TYPE=Debug
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --no-tests=error --output-on-failure -j "$(nproc)" --label-exclude e2e)
