#!/bin/sh
# Makes yardstick-v6.db: a database of schema version 6 (round scopes added), written by
# the CLI as a user would. tests/store/test_store.cpp opens a copy of it and checks that every
# later Yardstick still reads, scores and checks it. Keep the file once made: regenerating it
# with a newer CLI would no longer be a version 6 file. The test expects exactly this content.
#
#   tests/data/db/make-v6.sh [path/to/yardstick-cli]   (run from anywhere)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cli=${1:-"$repo/build/src/cli/yardstick-cli"}
out="$here/yardstick-v6.db"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/yardstick-v6.db"

# The 1.0 content the earlier fixtures were made on (the shipped files have moved on to 1.1);
# no user library.
export YARDSTICK_DATA_DIR="$repo/tests/data/content-1.0"
export XDG_DATA_HOME="$tmp/xdg"
ys() { "$cli" "$@" --db "$db"; }

. "$here/fixture-steps.sh"

# A benchmark stores the round's score summary (the table version 2 added).
ys benchmark --org northwold >/dev/null

# An invitation list (the table version 4 added): one who answered (by email), one still to.
printf 'name,email,role,department\nAlex Example,ALEX@example.org,senior-leader,Strategy\nSam Waiting,sam@example.org,manager,\n' \
    > "$tmp/invitations.csv"
ys round invite "$round" --csv "$tmp/invitations.csv" >/dev/null

# An action the council wrote itself (the title column version 5 added).
ys action add "$round" --title "Publish a data quality dashboard" --owner "Alex Example" >/dev/null

# Version 6 added round scopes; the fixture declares none (a scope changes the round's scores,
# which test_store.cpp checks the same for every version; tests/store/test_round_scope.cpp
# tests scopes after an upgrade).
ys db check
# One self-contained file: the last connection has checkpointed and removed the WAL.
[ ! -e "$db-wal" ] || { echo "make-v6.sh: $db-wal was left behind" >&2; exit 1; }
cp "$db" "$out"
chmod 0644 "$out"
echo "wrote $out"
