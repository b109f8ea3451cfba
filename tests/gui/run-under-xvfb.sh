#!/usr/bin/env bash
# Runs a GUI test binary on a virtual X display of its own (xvfb-run -a), with GDK on X11 so
# that wxUIActionSimulator's key presses (XTest) reach the windows. Listing the tests
# (catch_discover_tests does it at build time) needs no display and runs directly.
for arg in "$@"; do
  case "$arg" in
    --list-test-names-only|--list-tests|--list-reporters|--list-tags) exec "$@" ;;
  esac
done
command -v xvfb-run >/dev/null || { echo "run-under-xvfb.sh: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
# GTK and fontconfig keep caches for the life of the process; LeakSanitizer would count them.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"
