#!/usr/bin/env bash
# Builds examples/Consumer — a package that depends on this one by path and uses only its public
# products — with zero warnings allowed, then runs each of its programs and checks what they print.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
root=$PWD
cd examples/Consumer
log=$(mktemp)
swift build 2>&1 | tee "$log" | grep -E "error|warning:|Build complete" || true
if grep -q "error:" "$log"; then echo "check-consumer: the consumer package does not build" >&2; exit 1; fi
if grep -q "warning:" "$log"; then echo "check-consumer: the consumer package builds with warnings" >&2; exit 1; fi
bin=$(swift build --show-bin-path)
work=$(mktemp -d)
fail() { echo "check-consumer: $*" >&2; exit 1; }

# (a) build in code and render
"$bin/BuildAndRender" "$work/a.svg" | grep -q "wrote $work/a.svg: 3 ties" || fail "BuildAndRender"
grep -q "</svg>" "$work/a.svg" || fail "BuildAndRender wrote no SVG"

# (b) load and rank by betweenness; a broken file gives every problem and status 1
"$bin/LoadAndRank" "$root/seeds/isw-2024-03-20.json" > "$work/b.txt" || fail "LoadAndRank on the seed"
grep -q "ranked by betweenness" "$work/b.txt" || fail "LoadAndRank did not rank by betweenness"
sed -n 5p "$work/b.txt" | grep -q "^   1  RUS" || fail "LoadAndRank: RUS is not first"
printf '{"format": "coalitiongraph-dataset", "version": 1, "observations": [{"source": "RUS", "target": "PRKK", "kind": "war", "date": "2024-02-30"}]}' > "$work/broken.json"
set +e; "$bin/LoadAndRank" "$work/broken.json" > "$work/b-broken.txt"; status=$?; set -e
[ "$status" = 1 ] || fail "LoadAndRank on a broken file exited with $status"
grep -q '2 problem(s)' "$work/b-broken.txt" || fail "LoadAndRank did not list both problems"

# (c) GDELT import and PageRank, and a deadline that cancels it
"$bin/GDELTPageRank" "$root/Tests/Fixtures/data/gdelt2_20191024143000.export.CSV" > "$work/c.txt" || fail "GDELTPageRank"
grep -q "1. USA" "$work/c.txt" || fail "GDELTPageRank: USA is not first"
set +e; "$bin/GDELTPageRank" "$root/Tests/Fixtures/data/gdelt2_20191024143000.export.CSV" 0.000001 > "$work/c-cancel.txt"; status=$?; set -e
[ "$status" = 3 ] && grep -q "^stopped:" "$work/c-cancel.txt" || fail "GDELTPageRank did not stop at its deadline (status $status)"

# Side by side with Foundation, Observation and Concurrency
"$bin/SideBySide" > "$work/s.txt" || fail "SideBySide"
grep -q "caught DatasetError with 3 problem(s)" "$work/s.txt" || fail "SideBySide did not catch the DatasetError"
grep -q "caught ImportError\|records read" "$work/s.txt" || fail "SideBySide"

rm -rf "$work" "$log"
echo "check-consumer: 4 programs built without warnings and ran as expected"
