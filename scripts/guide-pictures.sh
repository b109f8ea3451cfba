#!/usr/bin/env bash
# Makes the user guide's pictures (guide/images/) from the README's screenshots in docs/images:
# the 1024x700 shot of each page when scripts/screenshots.sh has made one, else the single
# one, scaled to 800 pixels wide and 256 colours so that the guide stays small and its help
# window shows a picture whole. Run after scripts/screenshots.sh; `ctest -R guide` then checks
# that every picture the guide shows exists.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v convert > /dev/null || { echo "guide-pictures.sh: needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 1; }
for name in assessments walkthrough send-form round-status results benchmark roadmap; do
  src="$root/docs/images/gui-$name-1024x700.png"
  [ -f "$src" ] || src="$root/docs/images/gui-$name.png"
  [ -f "$src" ] || { echo "guide-pictures.sh: no screenshot of $name in docs/images (run scripts/screenshots.sh)" >&2; exit 1; }
  convert "$src" -resize '800x>' -strip -colors 256 -define png:compression-level=9 "PNG8:$root/guide/images/$name.png"
  echo "guide/images/$name.png from ${src#$root/}"
done
