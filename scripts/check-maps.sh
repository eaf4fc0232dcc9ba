#!/usr/bin/env bash
# Map quality at real-data scale, as a reader sees it: the HTML reports of the seed (graph and
# geographic), SIPRI 2017–2021 (ties of at least 300 TIV), ATOP 2018 defence pacts on the world map
# filled by community, the GDELT 2.0 sample and the UN vote-alignment map open in headless Chromium
# (1400 × 900, Fit zoom), which measures the aspect, the smallest top-20 label, label overlaps,
# legend overlaps and the basemap's shapes (scripts/browser/check_maps.py); past a threshold it fails.
# Also regenerates the basemap from Natural Earth (pip: geopandas 0.14.4 wheel, pyshp) and compares
# it with Sources/CoalitionMaps/Basemap+Data.swift.
#   scripts/check-maps.sh [--keep DIR]   (DIR: keep the reports and a screenshot of each)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
scripts/ensure-browser.sh
python3 -c "import shapefile" 2> /dev/null || python3 -m pip install -q pyshp || python3 -m pip install -q --break-system-packages pyshp

work=$(mktemp -d)
keep=""
if [ "${1:-}" = "--keep" ]; then keep="$2"; mkdir -p "$keep"; fi
trap 'rm -rf "$work"' EXIT

echo "== basemap: regenerated from Natural Earth and compared"
python3 scripts/gen_basemap.py > "$work/Basemap+Data.swift"
if ! cmp -s "$work/Basemap+Data.swift" Sources/CoalitionMaps/Basemap+Data.swift; then
  echo "FAIL Sources/CoalitionMaps/Basemap+Data.swift differs from what scripts/gen_basemap.py makes"
  diff "$work/Basemap+Data.swift" Sources/CoalitionMaps/Basemap+Data.swift | head -5
  exit 1
fi
echo "ok   the committed basemap is what the script makes"

swift build -c release --product coalition > /dev/null
bin="$(swift build -c release --show-bin-path)/coalition"
data=Tests/Fixtures/data
"$bin" import --format atop "$data/atop5_1_undirected_2018.csv" --title "ATOP 5.1 alliances, 2018" -o "$work/atop2018.json" -q
"$bin" import --format gdelt "$data/gdelt2_20191024143000.export.CSV" --title "GDELT 2.0 events, 2019-10-24 14:30 UTC" -o "$work/gdelt2.json" -q
"$bin" import --format sipri "$data/sipri_tiv_exports_processed_360info.csv" --title "SIPRI arms transfers 2017–2021" \
  --from-year 2017 --to-year 2021 -o "$work/sipri.json" -q
"$bin" report --format html -o "$work/seed.html" -q
"$bin" report --format html --layout geo -o "$work/seed-geo.html" -q
"$bin" report "$work/sipri.json" --min-weight 300 --drop-isolates --format html -o "$work/sipri.html" -q
"$bin" report "$work/atop2018.json" --kind defense-pact --drop-isolates --layout geo --fill community --format html -o "$work/atop-geo.html" -q
"$bin" report "$work/gdelt2.json" --drop-isolates --format html -o "$work/gdelt.html" -q
"$bin" report docs/alignment-2015-2019.json --format html -o "$work/alignment.html" -q
[ -z "$keep" ] || cp "$work"/*.html "$keep"/

echo "== maps at the HTML report's Fit zoom, 1400 × 900"
python3 scripts/browser/check_maps.py ${keep:+--screenshots "$keep"} "seed=$work/seed.html" "seed, geographic=$work/seed-geo.html:geo" \
  "SIPRI 2017–2021 ≥ 300=$work/sipri.html" "ATOP 2018, geographic, communities=$work/atop-geo.html:geo" \
  "GDELT 2019-10-24=$work/gdelt.html" "UN alignment 2015–2019=$work/alignment.html"
