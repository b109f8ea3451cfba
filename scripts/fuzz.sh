#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each one, two at a time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 30 (what CI runs); give 600 or more for a longer search.
# TARGETs are names such as json or bundle (fuzz_<name>); all of them by default.
# Fails if any target finds a crash, a hang (-timeout=10), a leak or memory use above
# -rss_limit_mb=2048. The input that did it is saved under WORK/artifacts/<target>/; once
# the bug is fixed, keep it as a test in tests/data/fuzz-regressions/<target>/.
#
# Environment:
#   YS_FUZZ_BUILD  build folder (default build-fuzz in the source tree)
#   YS_FUZZ_WORK   corpora, crash inputs and logs (default BUILD/fuzz-work); corpora
#                  found by one run seed the next
#   YS_FUZZ_JOBS   targets run at once (default 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-30}"
shift || true
build="${YS_FUZZ_BUILD:-$root/build-fuzz}"
work="${YS_FUZZ_WORK:-$build/fuzz-work}"
jobs="${YS_FUZZ_JOBS:-2}"
case "$seconds" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2 ;; esac

if ! command -v clang++ > /dev/null; then
    echo "fuzz.sh: clang++ not found; on Debian: sudo apt-get install -y clang libclang-rt-14-dev" >&2
    exit 2
fi

start=$(date +%s)
echo "== Building the fuzz targets in $build"
# -O1 with line tables builds faster than -O2 -g and is what libFuzzer users usually run;
# fuzz/CMakeLists.txt keeps assertions on.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DYARDSTICK_FUZZ=ON -DYARDSTICK_TESTS=OFF \
    -DYARDSTICK_BENCH=OFF -DYARDSTICK_GUI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" > /dev/null
cmake --build "$build" --target fuzz_all
echo "   built in $(( $(date +%s) - start )) s"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for exe in "$build"/fuzz/fuzz_*; do
        [ -x "$exe" ] && [ -f "$exe" ] && targets+=("$(basename "$exe" | sed 's/^fuzz_//')")
    done
fi

bash "$root/scripts/fuzz-seeds.sh" "$work/seeds" > /dev/null
mkdir -p "$work/logs"

run_one() {  # run_one TARGET: runs it, leaving its log in WORK/logs/TARGET.log
    local t="$1"
    local extra=()  # the dictionary and options of this target
    case "$t" in
        # The CSV seeds are under 1 KB; let inputs grow to many rows and long fields.
        survey_csv) extra=(-dict="$root/fuzz/csv.dict" -max_len=16384) ;;
        *) extra=(-dict="$root/fuzz/yardstick-json.dict") ;;
    esac
    mkdir -p "$work/corpus/$t" "$work/artifacts/$t" "$work/seeds/$t"
    # New inputs go into the first folder (kept between runs); the seeds are only read.
    "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 "${extra[@]}" -artifact_prefix="$work/artifacts/$t/" \
        "$work/corpus/$t" "$work/seeds/$t" > "$work/logs/$t.log" 2>&1
}

echo "== Running ${#targets[@]} targets for $seconds s each, $jobs at a time"
declare -A pid_of
for t in "${targets[@]}"; do
    if [ ! -x "$build/fuzz/fuzz_$t" ]; then
        echo "fuzz.sh: no target fuzz_$t in $build/fuzz" >&2
        exit 2
    fi
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_one "$t" &
    pid_of[$t]=$!
done

failed=()
for t in "${targets[@]}"; do
    status=0
    wait "${pid_of[$t]}" || status=$?
    log="$work/logs/$t.log"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(find "$work/corpus/$t" -type f | wc -l)
    if [ "$status" -eq 0 ]; then
        printf '   %-16s ok      %10s runs  %6s/s  corpus %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus"
    else
        printf '   %-16s FAILED  (exit %s)\n' "$t" "$status"
        failed+=("$t")
    fi
done

for t in "${failed[@]}"; do
    log="$work/logs/$t.log"
    echo
    echo "== fuzz_$t found a problem; the end of $log:"
    grep -n -m1 -E '^==[0-9]+==ERROR|runtime error|fuzz oracle failed|ALARM|out-of-memory|deadly signal|uncaught' "$log" || true
    tail -n 40 "$log"
    echo "   The input: $(ls "$work/artifacts/$t/" 2>/dev/null | sed "s|^|$work/artifacts/$t/|" | tr '\n' ' ')"
    echo "   Repeat it with: $build/fuzz/fuzz_$t INPUT"
done

echo "== $(( $(date +%s) - start )) s in all"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
    exit 1
fi
