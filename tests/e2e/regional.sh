#!/bin/bash
# The regional scenario end to end, through yardstick-cli only, as a regional analyst would
# run it: a region of fictional councils (each with a children's services department) and
# their survey-tool exports for three years are loaded, targets set, the region benchmarked,
# a roadmap with a post shared by three councils built for each council, every report
# rendered, and an anonymised bundle exported and imported into a fresh database, where the
# scores and the benchmark must come out identical.
#
#   regional.sh CLI MAKE_REGION SOURCE_DIR WORK_DIR [COUNCILS]
set -euo pipefail

cli=$1 make_region=$2 src=$3 work=$4 councils=${5:-33}
rm -rf "$work"
mkdir -p "$work"
db="$work/region.db"
export YARDSTICK_DATA_DIR="$src"
export XDG_DATA_HOME="$work/xdg"
export LC_ALL=C.UTF-8

fail() { echo "regional.sh: $*" >&2; exit 1; }
ys() { "$cli" "$@" --db "$db"; }
step_started=$(date +%s%N)
step() {  # prints how long the step just finished took
    local now ms
    now=$(date +%s%N)
    ms=$(((now - step_started) / 1000000))
    printf '%-60s %4d.%01d s\n' "$current" $((ms / 1000)) $((ms % 1000 / 100))
    step_started=$now
    current=$1
}
current="generate the survey exports"

"$make_region" "$work/csv" "$src" "$councils" > "$work/files.txt"
[ "$(wc -l < "$work/files.txt")" -eq $((councils * 6)) ] || fail "expected $((councils * 6)) files"

step "create the organisations"
ys org add region --name "Region of Fenmoor (fictional)" --type region > /dev/null
for i in $(seq -f %02g 1 "$councils"); do
    ys org add "council-$i" --name "Council $i of Fenmoor (fictional)" --type district --region Fenmoor \
        --parent region > /dev/null
    ys org add "council-$i-childrens" --name "Council $i Children's Services (fictional)" --type department \
        --parent "council-$i" > /dev/null
done
ys group add fenmoor-districts --name "Fenmoor districts (fictional)" > /dev/null
for i in $(seq -f %02g 1 "$councils"); do ys group member fenmoor-districts "council-$i" > /dev/null; done

step "import every survey export"
while read -r org period questionnaire file; do
    ys import --csv "$file" --questionnaire "$questionnaire" --org "$org" --period "$period" > /dev/null \
        || fail "importing $file"
done < "$work/files.txt"
rounds=$(ys round list | grep -c '^council-' || true)
[ "$rounds" -eq $((councils * 6)) ] || fail "expected $((councils * 6)) rounds, found $rounds"

step "set targets"
for i in $(seq -f %02g 1 "$councils"); do
    for d in leadership data-management skills; do
        ys target set "council-$i" "$d" 3 --framework council-data-maturity --by 2028-03-31 > /dev/null
    done
    ys target set "council-$i" governance 4 --framework council-data-maturity --by 2029-03-31 > /dev/null
done

step "benchmark the region and each council's departments"
ys benchmark --group fenmoor-districts --format json --out "$work/benchmark.json" > /dev/null
ys benchmark --group fenmoor-districts --format csv --out "$work/benchmark.csv" > /dev/null
ys benchmark --group fenmoor-districts --viewer council-01 --anonymise --format table > "$work/benchmark-anon.txt"
grep -q "Council A" "$work/benchmark-anon.txt" || fail "the anonymised benchmark has no anonymous labels"
grep -q "Council 02 of Fenmoor" "$work/benchmark-anon.txt" && fail "the anonymised benchmark names another council"
[ "$(grep -c '^council-' "$work/benchmark.csv" || true)" -gt 0 ] || fail "the benchmark CSV names no council"

step "build a roadmap for each council, one post shared by three"
for i in $(seq -f %02g 1 "$councils"); do
    ys roadmap --round "council-$i.2026.council-full" --team performance-information-analyst=1 \
        --share data-architect:3 --structure hub-and-spoke --departments 4 --horizon 3 --start 2027-04-01 \
        --format json --out "$work/roadmap-$i.json" > /dev/null || fail "roadmap for council-$i"
done
grep -q '"shared with 3 councils"' "$work"/roadmap-*.json || fail "no roadmap shares a post between three councils"

step "render every report as PDF and HTML"
if "$cli" report --help > /dev/null 2>&1; then
    mkdir -p "$work/reports"
    for i in $(seq -f %02g 1 "$councils"); do
        ys report action-plan --round "council-$i.2026.council-full" --out "$work/reports/action-plan-$i.pdf" \
            --html "$work/reports/action-plan-$i.html" > /dev/null || fail "action plan for council-$i"
        ys report business-case --round "council-$i.2026.council-full" --team performance-information-analyst=1 \
            --share data-architect:3 --out "$work/reports/business-case-$i.pdf" \
            --html "$work/reports/business-case-$i.html" > /dev/null || fail "business case for council-$i"
    done
    ys report benchmark --group fenmoor-districts --viewer council-01 --anonymise \
        --out "$work/reports/benchmark.pdf" --html "$work/reports/benchmark.html" > /dev/null || fail "benchmark report"
    for f in "$work"/reports/*.pdf; do qpdf --check "$f" > /dev/null || fail "qpdf --check $f"; done
    [ "$(ls "$work"/reports/*.pdf | wc -l)" -eq $((councils * 2 + 1)) ] || fail "missing PDF reports"
    [ "$(ls "$work"/reports/*.html | wc -l)" -eq $((councils * 2 + 1)) ] || fail "missing HTML reports"
else
    fail "yardstick-cli has no report command"
fi

step "export an anonymised bundle and import it into a fresh database"
orgs=(--org region)
for i in $(seq -f %02g 1 "$councils"); do orgs+=(--org "council-$i" --org "council-$i-childrens"); done
ys export --bundle "$work/region-bundle.json" "${orgs[@]}" --anonymise > /dev/null
grep -q "@" "$work/region-bundle.json" && fail "the anonymised bundle holds an email address"
fresh="$work/fresh.db"
"$cli" import "$work/region-bundle.json" --db "$fresh" > /dev/null || fail "importing the bundle"

step "compare scores and the benchmark in both databases"
for i in $(seq -f %02g 1 "$councils"); do
    for org in "council-$i" "council-$i-childrens"; do
        # Each result names its source ("DATABASE#round"): the same once the path is set aside.
        ys score --org "$org" --format json | sed "s#$db\##DB\##" > "$work/a.json"
        "$cli" score --org "$org" --format json --db "$fresh" | sed "s#$fresh\##DB\##" > "$work/b.json"
        cmp -s "$work/a.json" "$work/b.json" || { diff "$work/a.json" "$work/b.json" | head -20; fail "scores of $org differ"; }
    done
done
"$cli" benchmark --group fenmoor-districts --format json --db "$fresh" > "$work/benchmark-fresh.json"
cmp -s "$work/benchmark.json" "$work/benchmark-fresh.json" || fail "the benchmark differs in the fresh database"

step "done"
"$cli" db check --db "$db"
"$cli" db check --db "$fresh"
echo "regional.sh: $councils councils, $rounds rounds: every step passed"
