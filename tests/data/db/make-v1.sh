#!/bin/sh
# Makes yardstick-v1.db: a database of schema version 1 (the first that shipped), written by
# the CLI as a user would. tests/store/test_store.cpp opens a copy of it and checks that every
# later Yardstick still reads, scores and checks it. Keep the file once made: regenerating it
# with a newer CLI would no longer be a version 1 file. The test expects exactly this content.
#
#   tests/data/db/make-v1.sh [path/to/yardstick-cli]   (run from anywhere)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cli=${1:-"$repo/build/src/cli/yardstick-cli"}
out="$here/yardstick-v1.db"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/yardstick-v1.db"

# The shipped library only; no user library.
export YARDSTICK_DATA_DIR="$repo"
export XDG_DATA_HOME="$tmp/xdg"
ys() { "$cli" "$@" --db "$db"; }

ys org add east-midlands --name "East Midlands" --type region
ys org add northwold --name "Northwold County Council (fictional)" --type county --region "East Midlands" \
    --ons E10000099 --parent east-midlands
ys org add northwold-childrens --name "Northwold Children's Services" --type department --parent northwold
ys org add bro-ffug --name "Cyngor Bro Ffug — ŵŷ (fictional)" --type unitary --region Wales

round=$(ys round new --org northwold --questionnaire council-quick-check@1.0 --period 2026)
[ "$round" = "northwold.2026.council-quick-check" ]

ys respondent add "$round" --role senior-leader --key r1 --name "Alex Example" --email alex@example.org >/dev/null
ys respondent add "$round" --role analyst --key r2 >/dev/null
ys respondent add "$round" --role frontline --key r3 >/dev/null

ys answer set "$round" r1 qc-strategy --value l3 --evidence "Strategy agreed by cabinet, 2025" --confidence 0.8 >/dev/null
ys answer set "$round" r1 qc-culture --value l2 >/dev/null
ys answer set "$round" r1 qc-challenge --value agree >/dev/null
ys answer set "$round" r1 qc-skills --value l2 >/dev/null
ys answer set "$round" r2 qc-strategy --value l2 >/dev/null
ys answer set "$round" r2 qc-data-quality --value l1 --evidence "No data quality reports" >/dev/null
ys answer set "$round" r2 qc-tools --value l3 >/dev/null
ys answer set "$round" r2 qc-challenge --value strongly-disagree >/dev/null
ys answer set "$round" r3 qc-strategy --value l1 >/dev/null
ys answer set "$round" r3 qc-use --dont-know >/dev/null
ys answer set "$round" r3 qc-decisions --value disagree >/dev/null

ys db check
# One self-contained file: the last connection has checkpointed and removed the WAL.
[ ! -e "$db-wal" ] || { echo "make-v1.sh: $db-wal was left behind" >&2; exit 1; }
cp "$db" "$out"
chmod 0644 "$out"
echo "wrote $out"
