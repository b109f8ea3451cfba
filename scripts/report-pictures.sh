#!/bin/bash
# Regenerates the README's pictures of page 1 of each report (docs/images/report-*.png)
# from the fictional example councils, with a fixed date.
#   scripts/report-pictures.sh [BUILD_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$repo/build"}
cli="$build/src/cli/yardstick-cli"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export YARDSTICK_DATA_DIR="$repo" XDG_DATA_HOME="$tmp/xdg"
db="$tmp/examples.db"
ys() { "$cli" "$@" --db "$db"; }
ys import "$repo"/examples/answers/*.json > /dev/null
ys group add examples --name "Example councils (fictional)" > /dev/null
for o in eastmere northwold ashby-vale; do ys group member examples "$o" > /dev/null; done
ys report action-plan --org eastmere --fixed-date --out "$tmp/action-plan.pdf" > /dev/null
ys report benchmark --group examples --viewer eastmere --anonymise --fixed-date --out "$tmp/benchmark.pdf" > /dev/null
ys report business-case --org eastmere --team performance-information-analyst=1 --share data-architect:3 \
    --fixed-date --out "$tmp/business-case.pdf" > /dev/null
mkdir -p "$repo/docs/images"
for r in action-plan benchmark business-case; do
    pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$tmp/$r.pdf" "$repo/docs/images/report-$r"
    echo "wrote docs/images/report-$r.png"
done
