#!/usr/bin/env bash
# Checks a generated manual page: groff formats it without a warning, and it has a section
# for every command `yardstick-cli --help` lists (so a new command cannot go undocumented).
# Usage: check-man-page.sh CLI|- PAGE.1.gz   (- : a page that is not yardstick-cli's)
set -euo pipefail
cli="$1" page="$2"
[ -f "$page" ] || { echo "$page is missing: build the yardstick_package_files target" >&2; exit 1; }
warnings="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 > /dev/null)"
if [ -n "$warnings" ]; then
  echo "$page: groff warns:" >&2
  echo "$warnings" >&2
  exit 1
fi
[ "$cli" != "-" ] || exit 0
commands="$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p')"
[ -n "$commands" ] || { echo "$cli --help lists no commands" >&2; exit 1; }
status=0
for c in $commands; do
  zgrep -q "^\.SS \"yardstick\\\\-cli $c\"$" "$page" || { echo "$page: no section for the command $c" >&2; status=1; }
done
exit $status
