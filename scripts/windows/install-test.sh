#!/usr/bin/env bash
# The installer under Wine, in a fresh prefix: install-test.sh SETUP.exe WINEPREFIX STAGE
# Installs silently (per user, no administrator), runs the installed CLI, uninstalls, and checks
# that what it installed is gone.
source "$(dirname "$0")/common.sh"
SETUP=$(realpath "$1") STAGE=$(realpath "$3")
fail() { echo "install test: $*" >&2; exit 1; }
rm -rf "$2"
ys_wine_env
ys_wine_boot "$(realpath -m "$2")"
export LC_ALL=C.UTF-8
USERDIR=$WINEPREFIX/drive_c/users/$(whoami)
INST=$USERDIR/AppData/Local/Programs/Yardstick
LNK="$USERDIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Yardstick.lnk"
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Yardstick'

wine "$SETUP" /S || fail "the installer failed ($?)"
wineserver -w
for f in yardstick.exe yardstick-cli.exe uninstall.exe fonts/DejaVuSans.ttf frameworks questionnaires reports examples guide/yardstick.hhp guide/index.html; do
  [ -e "$INST/$f" ] || fail "$f is not installed in $INST"
done
cmp -s "$INST/yardstick-cli.exe" "$STAGE/yardstick-cli.exe" || fail "the installed yardstick-cli.exe differs from the staged one"
[ -f "$LNK" ] || fail "no Start menu entry ($LNK)"
wine reg query "$KEY" /v DisplayVersion | tr -d '\r' | grep DisplayVersion || fail "not in the user's list of installed programs"

WINST=$(winepath -w "$INST" | tr -d '\r')
wine "$WINST\\yardstick-cli.exe" --version | tr -d '\r' || fail "the installed yardstick-cli.exe --version failed"
wine "$WINST\\yardstick-cli.exe" score "$WINST\\examples\\answers\\northwold-2026-quick.json" | tr -d '\r' > "$WINEPREFIX/score.txt" \
  || { cat "$WINEPREFIX/score.txt"; fail "the installed yardstick-cli.exe could not score an example"; }
grep -q "Northwold" "$WINEPREFIX/score.txt" || fail "the score does not name Northwold"
echo "installed: $WINST (score of the example: OK)"

wine "$INST/uninstall.exe" /S || fail "the uninstaller failed ($?)"
wineserver -w   # the uninstaller runs from a copy in %TEMP% and returns at once
[ ! -e "$INST" ] || { find "$INST"; fail "the uninstaller left files in $INST"; }
[ ! -e "$LNK" ] || fail "the uninstaller left the Start menu entry"
if wine reg query "$KEY" >/dev/null 2>&1; then fail "the uninstaller left $KEY"; fi
echo "uninstalled: no files, Start menu entry or registry key left"
