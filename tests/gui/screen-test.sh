#!/usr/bin/env bash
# Tests of the whole application on a virtual display, looked at as pictures or through the
# window manager (ctest runs them; the PNGs stay in OUT for a person to look at).
#   screen-test.sh shots   GUI OUT   every page (Skills too) at 1024x700 in the light and the GTK dark theme:
#                                     no picture blank, the dark one's page dark, the light one's light
#   screen-test.sh welcome GUI OUT   under openbox, a first start's welcome question is the active
#                                     window, in front of the main window
# Exits 77 (skipped) when xvfb-run, imagemagick, openbox or xdotool are missing.
set -uo pipefail
mode=$1 gui=$2 out=$3
for t in xvfb-run import convert; do command -v $t >/dev/null || { echo "screen-test.sh: $t missing" >&2; exit 77; }; done
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" YARDSTICK_DATA_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
export GDK_BACKEND=x11 NO_AT_BRIDGE=1
fail=0

# mean PNG: the picture's mean brightness, 0 to 1; spread PNG: its standard deviation.
mean() { convert "$1" -colorspace Gray -format '%[fx:mean]' info:; }
spread() { convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:; }
# The page area: right of the organisation tree, under the menus and tabs.
page_crop() { convert "$1" -crop 600x400+380+120 +repage "$2"; }

if [ "$mode" = shots ]; then
  db="$work/demo.db"
  for theme in light dark; do
    for page in assessments results benchmark roadmap skills; do
      png="$out/screen-$page-1024x700-$theme.png"
      org=eastmere; [ $page = skills ] && org=eastmere-data-insight  # the demo's analyst team
      first=""; [ -f "$db" ] || first="--first-start demo"
      if [ $theme = dark ]; then export GTK_THEME=Adwaita:dark; else export GTK_THEME=Adwaita; fi
      SHOT_OUT="$png" xvfb-run -a -s "-screen 0 1024x700x24 -nolisten tcp" bash -c '
          "$@" & pid=$!; sleep 7
          kill -0 $pid 2>/dev/null || { echo "yardstick exited before the picture" >&2; exit 1; }
          import -window root -depth 8 "$SHOT_OUT"; kill $pid; wait $pid 2>/dev/null; exit 0' shot \
        "$gui" --config "$work/s.conf" --screenshot $first --org $org --page $page "$db" || { fail=1; continue; }
      page_crop "$png" "$work/crop.png"
      m=$(mean "$work/crop.png"); s=$(spread "$png")
      echo "$page $theme: page mean brightness $m, picture spread $s"
      awk -v s="$s" 'BEGIN { exit !(s > 0.05) }' || { echo "FAIL: $png is blank" >&2; fail=1; }
      if [ $theme = dark ]; then
        awk -v m="$m" 'BEGIN { exit !(m < 0.35) }' || { echo "FAIL: $png: the dark theme's page is not dark ($m)" >&2; fail=1; }
      else
        awk -v m="$m" 'BEGIN { exit !(m > 0.6) }' || { echo "FAIL: $png: the light theme's page is not light ($m)" >&2; fail=1; }
      fi
    done
  done
elif [ "$mode" = welcome ]; then
  for t in openbox xdotool; do command -v $t >/dev/null || { echo "screen-test.sh: $t missing" >&2; exit 77; }; done
  SHOT_OUT="$out/screen-welcome-openbox.png" xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" bash -c '
    openbox & wm=$!; sleep 1
    "$@" & pid=$!; sleep 6
    active=$(xdotool getactivewindow getwindowname 2>/dev/null)
    import -window root -depth 8 "$SHOT_OUT"
    kill $pid $wm 2>/dev/null; wait $pid 2>/dev/null
    echo "active window: $active"
    [ "$active" = "Welcome to Yardstick" ]' shot \
    "$gui" --config "$work/s.conf" "$work/new.db" || { echo "FAIL: the welcome question is not the active window" >&2; fail=1; }
else
  echo "screen-test.sh: mode shots or welcome" >&2; exit 2
fi
exit $fail
