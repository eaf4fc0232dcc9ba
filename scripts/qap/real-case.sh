#!/usr/bin/env bash
# Makes the inputs of the QAP worked example (docs/qap.md) in DIR, from the public files in
# Tests/Fixtures/data and COW's direct contiguity (../shared/data/cow/contdir_v3.2.csv):
#   votes.csv       UN General Assembly vote coincidence 2015–2019, every pair of member states
#                   (`coalition alignment --format csv`);
#   atop2018.json   ATOP 5.1 alliances in force in 2018 (`coalition import --format atop`);
#   contiguity.csv  COW direct contiguity in force at the end of 2016, COW codes: land = 1 for a
#                   land border (type 1), 0 for contiguity by water (types 2–5).
#   scripts/qap/real-case.sh DIR [COALITION-BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="$1"
bin="${2:-$(swift build -c release --show-bin-path)/coalition}"
data=Tests/Fixtures/data
contiguity="${CONTIGUITY:-../shared/data/cow/contdir_v3.2.csv}"
mkdir -p "$dir"
"$bin" alignment --votes "$data/unvotes_sessions70plus_votes.csv" --roll-calls "$data/unvotes_sessions70plus_roll_calls.csv" \
  --from 2015 --to 2019 --format csv -o "$dir/votes.csv" -q
"$bin" import --format atop "$data/atop5_1_undirected_2018.csv" --title "ATOP 5.1 alliances, 2018" -o "$dir/atop2018.json" -q
awk -F, 'BEGIN { print "a,b,land" } NR > 1 && $5 >= "2016-12" { print $1 "," $2 "," ($3 == 1 ? 1 : 0) }' "$contiguity" > "$dir/contiguity.csv"
