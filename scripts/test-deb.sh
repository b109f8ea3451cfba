#!/usr/bin/env bash
# Builds the Debian package from a finished build (build/, or the folder given), checks it
# with lintian, installs it with apt-get, runs the installed programs as a user would (from
# /usr/bin, with the shipped data from /usr/share/yardstick), then purges it and checks that
# nothing is left. Safe when yardstick is already installed (it is reinstalled from this
# build); the package is purged at the end whatever happens. scripts/test.sh runs this
# after its first ctest pass. Needs root, or sudo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

fail() { echo "test-deb.sh: $*" >&2; exit 1; }

# What this script needs beyond the build's own packages: lintian, the desktop entry and
# AppStream validators, man, and the PDF tools.
missing=()
for p in lintian desktop-file-utils appstream man-db qpdf poppler-utils xvfb xauth; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -ne 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

work="$(mktemp -d)"
chmod 755 "$work"   # apt's unprivileged _apt user reads the .deb from here
cleanup() {
  status=$?
  if dpkg-query -W -f='${Status}' yardstick 2>/dev/null | grep -q "installed"; then
    $SUDO apt-get purge -y -qq yardstick > /dev/null || status=1
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

echo "== Debian package"
rm -f "$build"/yardstick_*.deb
(cd "$build" && cpack -G DEB > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed in $build"; }
debs=("$build"/yardstick_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one yardstick_*.deb in $build, found ${#debs[@]}"
deb="$work/$(basename "${debs[0]}")"
cp "${debs[0]}" "$deb"
chmod 644 "$deb"
version="$(dpkg-deb -f "$deb" Version)"
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, Depends: $(dpkg-deb -f "$deb" Depends)"

# Errors fail the run; warnings and notes are shown (lintian refuses nothing for them).
lint=0
lintian --fail-on error "$deb" > "$work/lintian.log" 2>&1 || lint=$?
grep -v "running with root privileges" "$work/lintian.log" || true
[ $lint -eq 0 ] || fail "lintian found errors in $(basename "$deb") (exit $lint)"
dpkg-deb -x "$deb" "$work/tree"
if [ -d "$work/tree/usr/share/applications" ]; then
  desktop-file-validate "$work/tree/usr/share/applications/yardstick.desktop" || fail "desktop-file-validate refused yardstick.desktop"
  appstreamcli validate-tree --no-net "$work/tree" > "$work/appstream.log" 2>&1 \
    || { cat "$work/appstream.log" >&2; fail "appstreamcli validate-tree refused the package's metainfo"; }
fi

echo "== Install"
$SUDO apt-get install -y -qq --reinstall --allow-downgrades "$deb" > "$work/apt.log" 2>&1 \
  || { cat "$work/apt.log" >&2; fail "apt-get install $deb failed"; }
[ "$(dpkg-query -W -f='${Version}' yardstick)" = "$version" ] || fail "yardstick $version is not the installed version"

# A user of the installed package: own home, no developer settings, the programs from PATH.
home="$work/home"
mkdir -p "$home"
run() { env -u YARDSTICK_DATA_DIR -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u YARDSTICK_CONFIG HOME="$home" "$@"; }
cli=/usr/bin/yardstick-cli

got="$(run "$cli" --version)"
[ "$got" = "yardstick-cli ${version%-*}" ] || fail "$cli --version printed '$got', expected 'yardstick-cli ${version%-*}'"

# The frameworks must come from /usr/share/yardstick (not the source tree this was built in).
run "$cli" frameworks --format json > "$work/frameworks.json"
python3 - "$work/frameworks.json" <<'EOF'
import json, sys
entries = json.load(open(sys.argv[1]))["entries"]
shipped = [e for e in entries if e["origin"] == "shipped"]
assert any(e["id"] == "council-data-maturity" for e in shipped), "council-data-maturity is not listed"
wrong = [e["path"] for e in shipped if not e["path"].startswith("/usr/share/yardstick/")]
assert not wrong, "shipped files found outside /usr/share/yardstick: %s" % wrong
print("frameworks: %d shipped entries, all under /usr/share/yardstick" % len(shipped))
EOF

db="$work/yardstick.db"
answers=/usr/share/yardstick/examples/answers/eastmere-2026-full.json
run "$cli" import --db "$db" "$answers"
run "$cli" score --db "$db" --org eastmere --format csv > "$work/score.csv"
grep -q "^eastmere,2026,council-full,all,leadership," "$work/score.csv" || fail "score --org eastmere printed no eastmere row"
run "$cli" report action-plan --db "$db" --org eastmere --out "$work/plan.pdf" --html "$work/plan.html"
qpdf --check "$work/plan.pdf" > /dev/null || fail "qpdf --check refused the action plan PDF"
pdftotext "$work/plan.pdf" "$work/plan.txt"
grep -q "Data maturity action plan" "$work/plan.txt" && grep -q "Eastmere London Borough Council" "$work/plan.txt" || fail "the action plan PDF's text lacks its title or Eastmere's name"

# The user guide the desktop application opens with F1, and every link in it.
[ -f /usr/share/yardstick/guide/yardstick.hhp ] || fail "the user guide is not installed in /usr/share/yardstick/guide"
python3 "$root/tests/guide/check_guide.py" /usr/share/yardstick/guide > "$work/guide.log" \
  || { cat "$work/guide.log" >&2; fail "the installed user guide has broken links"; }

man -w yardstick-cli > /dev/null || fail "man -w yardstick-cli finds no page"
if [ -x /usr/bin/yardstick ]; then
  man -w yardstick > /dev/null || fail "man -w yardstick finds no page"
  # The desktop application starts from the package, paints its window and exits.
  run timeout 120 xvfb-run -a /usr/bin/yardstick --first-start empty --bench-first-paint "$work/gui.db" \
    > "$work/gui.log" 2>&1 || { cat "$work/gui.log" >&2; fail "the installed yardstick failed to start"; }
  grep -q "^first-paint-ms" "$work/gui.log" || fail "the installed yardstick did not paint its window"
fi
echo "installed programs: version, frameworks, import, score, action plan PDF, user guide, manual pages: ok"

echo "== Remove"
$SUDO apt-get purge -y -qq yardstick > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get purge yardstick failed"; }
for path in /usr/bin/yardstick-cli /usr/bin/yardstick /usr/share/yardstick /usr/share/doc/yardstick \
            /usr/share/man/man1/yardstick-cli.1.gz /usr/share/applications/yardstick.desktop; do
  [ ! -e "$path" ] || fail "$path is still there after apt-get purge yardstick"
done
echo "removed: nothing left"
