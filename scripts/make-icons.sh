#!/usr/bin/env bash
# Renders packaging/icons/yardstick.svg into the committed PNG and ICO files that the
# Linux package (hicolor theme) and the Windows build (.rc resource, installer) use.
# Builds never run this: rerun it after editing the SVG and commit its outputs.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
icons="$root/packaging/icons"
svg="$icons/yardstick.svg"
for tool in rsvg-convert convert; do
  command -v "$tool" > /dev/null || { echo "make-icons.sh: $tool is missing; install librsvg2-bin and imagemagick" >&2; exit 1; }
done
sizes=(16 24 32 48 64 128 256)
pngs=()
for n in "${sizes[@]}"; do
  dir="$icons/hicolor/${n}x${n}/apps"
  mkdir -p "$dir"
  rsvg-convert --width "$n" --height "$n" --format png "$svg" --output "$dir/yardstick.png"
  pngs+=("$dir/yardstick.png")
done
# One ICO holding every size; Windows picks 16/32/48 for lists and 256 for large views.
convert "${pngs[@]}" "$icons/yardstick.ico"
mkdir -p "$icons/hicolor/scalable/apps"
cp "$svg" "$icons/hicolor/scalable/apps/yardstick.svg"
echo "Wrote ${#sizes[@]} PNGs, yardstick.ico and the scalable SVG under $icons"
