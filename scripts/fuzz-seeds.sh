#!/usr/bin/env bash
# Makes the seed corpus of every fuzz target from the files already in the tree, so that
# none are kept twice in git: scripts/fuzz-seeds.sh OUT_DIR writes OUT_DIR/<target>/.
# Each target also gets its saved crash inputs, tests/data/fuzz-regressions/<target>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: scripts/fuzz-seeds.sh OUT_DIR}"

seed() {  # seed TARGET FILE_OR_GLOB...
    local target="$1"
    shift
    mkdir -p "$out/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        # Named by path, so that seeds from different folders never overwrite each other.
        local rel="${f#"$root"/}"
        cp "$f" "$out/$target/${rel//\//_}"
    done
}

cd "$root"
rm -rf "$out"
mkdir -p "$out"

d="$root/tests/data"
# The JSON reader needs variety of syntax more than size: every small JSON file in the tree.
seed json $(find "$root"/frameworks "$root"/questionnaires "$root"/examples "$d" -name '*.json' -size -20k | sort)
seed framework "$root"/frameworks/*.json "$d"/frameworks/*.json "$d"/bad/fw-*.json "$d"/bad/format-*.json
seed questionnaire "$root"/questionnaires/*.json "$d"/questionnaires/*.json "$d"/bad/q-*.json
seed answer_files "$root"/examples/answers/*.json "$root"/examples/targets/*.json "$d"/answers/*.json \
    "$d"/bad/ans-*.json "$d"/bad/tg-*.json
seed bundle "$d"/bundles/*.json
seed survey_csv "$d"/csv/*.csv "$d"/survey/*.csv "$d"/survey/*.txt
seed survey_mapping "$d"/csv/*.json
seed roles "$root"/frameworks/roles/council-data-roles.json "$d"/roles/*roles*.json
seed assumptions "$root"/frameworks/roles/assumptions-*.json "$d"/roles/*assumptions*.json
seed scenario "$d"/scenarios/*.json "$d"/scenarios/bad/*.json
if [ -d "$root/reports" ]; then
    seed template "$root"/reports/*.json
fi

# Saved crash inputs: each one once more, so a fix that regresses is found at once.
for dir in "$d"/fuzz-regressions/*/; do
    [ -d "$dir" ] || continue
    target="$(basename "$dir")"
    seed "$target" "$dir"*
done

for dir in "$out"/*/; do
    echo "$(basename "$dir"): $(find "$dir" -type f | wc -l) seeds"
done
