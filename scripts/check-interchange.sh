#!/usr/bin/env bash
# Exports the seed and three real data sets (ATOP 2018, GDELT 2.0 sample, SIPRI 2017–2021) with the
# `coalition` tool and loads every file in networkx and igraph (pip), comparing counts and attributes.
# Installs the pip packages when missing. Run after `swift build` (CI runs it after the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import networkx, igraph' 2>/dev/null; then
  python3 -m pip install --quiet networkx==3.6.1 igraph==1.0.0 \
    || python3 -m pip install --quiet --break-system-packages networkx==3.6.1 igraph==1.0.0
fi
swift build --product coalition >/dev/null
bin="$(swift build --show-bin-path)/coalition"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
data=Tests/Fixtures/data
"$bin" format > "$out/seed.json" 2>/dev/null || cp seeds/isw-2024-03-20.json "$out/seed.json"
"$bin" import --format atop "$data/atop5_1_undirected_2018.csv" -o "$out/atop2018.json" 2>/dev/null
"$bin" import --format gdelt "$data/gdelt2_20191024143000.export.CSV" -o "$out/gdelt2.json" 2>/dev/null
"$bin" import --format sipri "$data/sipri_tiv_exports_processed_360info.csv" --from-year 2017 --to-year 2021 -o "$out/sipri.json" 2>/dev/null
for name in seed atop2018 gdelt2 sipri; do
  "$bin" export --format graphml "$out/$name.json" -o "$out/$name.graphml" 2>/dev/null
  "$bin" export --format graphml --ties "$out/$name.json" -o "$out/$name.ties.graphml" 2>/dev/null
  "$bin" export --format gexf "$out/$name.json" -o "$out/$name.gexf" 2>/dev/null
  "$bin" export --format node-link "$out/$name.json" -o "$out/$name.node-link.json" 2>/dev/null
done
python3 scripts/interchange/check_exports.py "$out"
