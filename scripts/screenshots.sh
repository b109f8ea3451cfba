#!/usr/bin/env bash
# Regenerates the desktop application's screenshots in docs/images/gui-*.png: each page of
# the main window at the three window sizes the layouts are made for (1024x700, 1366x768,
# 1920x1080: gui-PAGE-WxH.png), one in the GTK dark theme (gui-PAGE-dark.png), and the
# questionnaire walk-through and dialogs, over the demo data of three fictional councils,
# on a virtual display (Xvfb). Needs xvfb, xauth and imagemagick.
#   bash scripts/screenshots.sh [BUILD_DIR]     (default: build/)
# Look at every picture afterwards: clipped labels, empty panes and overlaps show there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
gui="$build/src/gui/yardstick"
cli="$build/src/cli/yardstick-cli"
out="$root/docs/images"
for t in xvfb-run import; do
  command -v "$t" >/dev/null || { echo "screenshots.sh: $t is missing (apt-get install xvfb xauth imagemagick)" >&2; exit 2; }
done
for b in "$gui" "$cli"; do
  [ -x "$b" ] || { echo "screenshots.sh: $b is not built (bash scripts/build.sh)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"
mkdir -p "$out"
# Settings and user libraries of the screenshots' own, never the user's.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" YARDSTICK_DATA_DIR="$root"

# shot NAME SECONDS ARGS...: starts yardstick with ARGS, waits, saves the screen as gui-NAME.png.
# The screen is SHOT_SIZE (default 1280x800); the window fills it.
shot() {
  local name=$1 wait=$2
  shift 2
  rm -f "$work/settings.conf"
  SHOT_OUT="$out/gui-$name.png" SHOT_WAIT=$wait GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 ${SHOT_SIZE:-1280x800}x24 -nolisten tcp" bash -c '
      "$@" & pid=$!
      sleep "$SHOT_WAIT"
      if ! kill -0 $pid 2>/dev/null; then wait $pid; echo "screenshots.sh: yardstick exited (status $?) before the picture" >&2; exit 1; fi
      import -window root -depth 8 "$SHOT_OUT"
      kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' shot \
    "$gui" --config "$work/settings.conf" --screenshot "$@"
  echo "wrote $out/gui-$name.png"
}

# The first start makes the demo database (on a worker thread, while the window is up).
shot assessments 8 --first-start demo --org eastmere --page assessments "$db"
[ -f "$db" ] || { echo "screenshots.sh: the demo database was not made" >&2; exit 1; }

shot results 5 --org eastmere --page results "$db"
shot benchmark 6 --org eastmere --page benchmark "$db"
# The Roadmap page with a scenario of a fictional council read into its editor.
scenario="$root/examples/scenarios/northmoor-data-team.json"
shot roadmap 7 --org eastmere --page roadmap --scenario "$scenario" "$db"
# The Skills page over the demo's fictional analyst team (a department of Eastmere).
skills_org=eastmere-data-insight
shot skills 6 --org "$skills_org" --page skills "$db"

# Every page at each size the layouts are made for (the layout test checks the same sizes).
for size in 1024x700 1366x768 1920x1080; do
  for page in assessments results benchmark; do
    SHOT_SIZE=$size shot "$page-$size" 6 --org eastmere --page "$page" "$db"
  done
  SHOT_SIZE=$size shot "roadmap-$size" 7 --org eastmere --page roadmap --scenario "$scenario" "$db"
  SHOT_SIZE=$size shot "skills-$size" 6 --org "$skills_org" --page skills "$db"
done
# The dark theme: charts and heatmaps take the system's colours.
for page in results benchmark; do
  GTK_THEME=Adwaita:dark SHOT_SIZE=1366x768 shot "$page-dark" 6 --org eastmere --page "$page" "$db"
done
GTK_THEME=Adwaita:dark SHOT_SIZE=1366x768 shot skills-dark 6 --org "$skills_org" --page skills "$db"

# A round in progress for the walk-through: three questions answered, it resumes at the fourth.
round=ashby-vale.2027.council-quick-check
"$cli" round new --org ashby-vale --questionnaire council-quick-check --period 2027 --db "$db" >/dev/null
key=$("$cli" respondent add "$round" --role analyst --name "Sam Patel (fictional)" --db "$db")
"$cli" answer set "$round" "$key" qc-strategy --value l3 --evidence "Strategy agreed by cabinet (fictional)" --db "$db" >/dev/null
"$cli" answer set "$round" "$key" qc-culture --value l2 --db "$db" >/dev/null
"$cli" answer set "$round" "$key" qc-challenge --value agree --db "$db" >/dev/null

shot walkthrough 5 --org ashby-vale --page assessments --answer "$round" "$db"

# Answers coming back: the offline form's dialog for an open round, and who has answered a
# round of a fictional council with an invitation list and the test fixtures' returned forms.
shot send-form 5 --org eastmere --round eastmere.2026.council-full --dialog send-form "$db"
wdb="$work/westford.db"
wround=westford.2026.council-quick-check
"$cli" org add westford --name "Westford (fictional)" --type london-borough --db "$wdb" >/dev/null
"$cli" round new --org westford --questionnaire council-quick-check --period 2026 --db "$wdb" >/dev/null
cat > "$work/invitations.csv" <<'CSV'
name,email,role,department
Ann Smith,ann.smith@westford.example,analyst,Finance
Bob Jones,bob.jones@westford.example,analyst,Housing
Carol White,carol.white@westford.example,analyst,Finance
Dev Patel,dev.patel@westford.example,analyst,Adult social care
Erin Walsh,erin.walsh@westford.example,,Children's services
Femi Adeyemi,femi.adeyemi@westford.example,analyst,Housing
CSV
"$cli" round invite "$wround" --csv "$work/invitations.csv" --db "$wdb" >/dev/null
forms="$root/tests/data/forms"
"$cli" import "$forms/ann-dec05.json" "$forms/bob-dec05.json" "$forms/anonymous-dec05.json" --db "$wdb" >/dev/null
shot round-status 5 --org westford --round "$wround" --dialog who-answered "$wdb"
