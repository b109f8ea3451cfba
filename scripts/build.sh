#!/usr/bin/env bash
# Configures and builds into build/ (or the folder given), installing packages first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
shift || true
bash "$root/scripts/install-deps.sh"
# ccache keeps compiled objects outside the clone (~/.cache/ccache), so a second build on the
# same machine (CI's next run, another clone) takes minutes less; paths are made relative to
# the clone so that clones in different folders share it.
launcher=()
if command -v ccache > /dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" > /dev/null
cmake --build "$build" -j "$(nproc)"
