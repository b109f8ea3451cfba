#!/usr/bin/env bash
# The main job: install, build, then run Yardstick: the desktop application where a
# display exists; otherwise a headless demo over the bundled example data of three
# fictional councils (validate everything shipped, score, benchmark, print the reports).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/build.sh"
cli="$root/build/src/cli/yardstick-cli"
gui="$root/build/src/gui/yardstick"
cd "$root"
if [ -x "$gui" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  # First start offers the demo data of three fictional councils or an empty database.
  export YARDSTICK_DATA_DIR="$root"
  exec "$gui" "$@"
fi
echo "(no display: running the headless demo; the desktop app is $gui)"
echo "== Checking every shipped framework, questionnaire and example file"
"$cli" validate frameworks/*.json frameworks/roles/*.json questionnaires/*.json examples/answers/*.json examples/targets/*.json
echo
echo "== What is available"
"$cli" frameworks
echo
echo "== Eastmere (fictional): full assessment 2025 and 2026, against its 2027 targets"
"$cli" score examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json \
  --targets examples/targets/eastmere-2027.json --roles
echo
echo "== Northwold (fictional): quick check 2026"
"$cli" score examples/answers/northwold-2026-quick.json
echo
echo "== Ashby Vale (fictional): whole council and its children's services, 2026"
"$cli" score examples/answers/ashby-vale-2026-full.json examples/answers/ashby-vale-childrens-2026.json \
  --targets examples/targets/ashby-vale-2027.json
echo
echo "== The same councils in a database: import, compare, export an anonymised bundle"
db="$(mktemp -d)/demo.db"
"$cli" org add demo-region --name "Demo region (fictional)" --type region --db "$db"
"$cli" import examples/answers/*.json --db "$db"
for org in eastmere northwold ashby-vale; do "$cli" org move "$org" --parent demo-region --db "$db"; done
"$cli" benchmark --children-of demo-region --viewer eastmere --anonymise --db "$db" | sed -n '1,40p'
"$cli" export --bundle "$(dirname "$db")/demo-bundle.json" --org eastmere --anonymise --db "$db"
"$cli" db check --db "$db"
out="$(dirname "$db")"
"$cli" report action-plan --org eastmere --out "$out/eastmere-action-plan.pdf" --html "$out/eastmere-action-plan.html" --db "$db"
"$cli" report benchmark --children-of demo-region --viewer eastmere --anonymise --out "$out/benchmark.pdf" --db "$db"
"$cli" report business-case --org eastmere --team performance-information-analyst=1 --share data-architect:3 \
  --out "$out/business-case.pdf" --db "$db"
echo "The reports are in $out"
