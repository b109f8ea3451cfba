#!/usr/bin/env bash
# Smoke test of the shipped layout under Wine: smoke-test.sh STAGE OUT WINEPREFIX
#  - yardstick-cli.exe imports the example answers into a fresh database in a folder whose name
#    is not ASCII, scores a council and writes its action plan as PDF (checked with qpdf, pdftotext),
#    the round as an Excel workbook and its offline form;
#  - yardstick.exe opens that database under Xvfb; OUT/gui.png is its screenshot, checked not blank.
source "$(dirname "$0")/common.sh"
if [ "${1:-}" = --gui ]; then   # --gui STAGE OUT WINEPREFIX DATABASE, on xvfb-run's display
  STAGE=$2 OUT=$3 DB=$5
  ys_wine_env; export WINEPREFIX=$4 LC_ALL=C.UTF-8
  # A wineserver left by the CLI runs has a desktop process without a display: start afresh here.
  wineserver -k 2>/dev/null || true; wineserver -w
  wine "$STAGE/yardstick.exe" "$DB" >"$OUT/gui.log" 2>&1 &
  for i in $(seq 1 30); do
    sleep 2
    import -window root "$OUT/gui.png" 2>/dev/null || continue
    [ "$(convert "$OUT/gui.png" -format %k info:)" -gt 64 ] && break
  done
  sleep 3   # let the pages finish drawing
  import -window root "$OUT/gui.png"
  wineserver -k || true
  wait || true
  exit 0
fi
STAGE=$(realpath "$1") OUT=$(realpath -m "$2")
ys_wine_env
ys_wine_boot "$(realpath -m "$3")"
# Wine reads Unix arguments and file names as UTF-8 only in a UTF-8 locale.
export LC_ALL=C.UTF-8
winpath() { winepath -w "$1" 2>/dev/null | tr -d '\r'; }
cli() { wine "$STAGE/yardstick-cli.exe" "$@" | tr -d '\r'; }
fail() { echo "smoke test: $*" >&2; exit 1; }

DIR="$OUT/Bürgerhaus £ tests"
rm -rf "$DIR"; mkdir -p "$DIR/answers"
cp "$YS_ROOT"/examples/answers/*.json "$DIR/answers/"
DB=$(winpath "$DIR/yardstick.db")
PDF="$DIR/Eastmere action plan.pdf"

cli --version | tee "$OUT/cli-version.txt"
answers=()
for f in "$DIR"/answers/*.json; do answers+=("$(winpath "$f")"); done
cli import "${answers[@]}" --db "$DB" > "$OUT/cli-import.txt" || { cat "$OUT/cli-import.txt"; fail "import failed"; }
cli score --org eastmere --db "$DB" > "$OUT/cli-score.txt" || { cat "$OUT/cli-score.txt"; fail "score failed"; }
grep -q "Eastmere" "$OUT/cli-score.txt" || fail "the score does not name Eastmere ($OUT/cli-score.txt)"
cli report action-plan --org eastmere --out "$(winpath "$PDF")" --db "$DB" > "$OUT/cli-report.txt" \
  || { cat "$OUT/cli-report.txt"; fail "report failed"; }
qpdf --check "$PDF" > "$OUT/qpdf-check.txt" || { cat "$OUT/qpdf-check.txt"; fail "qpdf --check fails on $PDF"; }
pdftotext "$PDF" "$OUT/action-plan.txt"
grep -q "Eastmere London Borough Council" "$OUT/action-plan.txt" || fail "the PDF does not name the council"
cp "$PDF" "$OUT/action-plan.pdf"
echo "CLI: import, score and action plan in '$DIR': OK ($(grep -c . "$OUT/action-plan.txt") lines of text in the PDF)"

# The round as an Excel workbook (libxlsxwriter writes through its own fopen and a scratch file:
# the Windows paths of src/report/xlsx) and the offline form, both into the non-ASCII folder.
XLSX="$DIR/Eastmere résultats.xlsx"
FORM="$DIR/Eastmere form £.html"
ROUND=eastmere.2026.council-full
cli export --xlsx "$(winpath "$XLSX")" --round "$ROUND" --db "$DB" > "$OUT/cli-xlsx.txt" \
  || { cat "$OUT/cli-xlsx.txt"; fail "export --xlsx failed"; }
unzip -tq "$XLSX" > /dev/null || fail "the workbook $XLSX is not a whole zip file"
unzip -p "$XLSX" xl/workbook.xml | grep -q '<sheet name="Respondents"' \
  || fail "the workbook has no Respondents sheet"
unzip -p "$XLSX" xl/sharedStrings.xml | grep -q "Eastmere" || fail "the workbook does not name Eastmere"
cli form --round "$ROUND" --out "$(winpath "$FORM")" --db "$DB" > "$OUT/cli-form.txt" \
  || { cat "$OUT/cli-form.txt"; fail "form failed"; }
grep -q "Content-Security-Policy" "$FORM" && grep -q "Eastmere" "$FORM" || fail "the form $FORM is not the round's form"
ls "$DIR"/*.tmp* 2>/dev/null && fail "a temporary file was left in '$DIR'"
echo "CLI: workbook and offline form in '$DIR': OK"

# The desktop application on a virtual screen, opening that database (this script again, run
# by xvfb-run with --gui).
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" --gui "$STAGE" "$OUT" "$WINEPREFIX" "$DB"
colours=$(convert "$OUT/gui.png" -format %k info:)
[ "$colours" -gt 64 ] || fail "the screenshot $OUT/gui.png looks blank ($colours colours)"
echo "GUI: screenshot $OUT/gui.png ($colours colours)"
