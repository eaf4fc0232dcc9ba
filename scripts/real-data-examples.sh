#!/usr/bin/env bash
# Rebuilds docs/real-data/: coalition maps, reports and timelines of the real data sets in
# Tests/Fixtures/data (ATOP 2018 defence pacts, the GDELT 2.0 sample, SIPRI transfers 2017–2021).
# PNG previews are rendered by `coalition` itself (Graphviz's cairo plugin).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product coalition >/dev/null
bin="$(swift build -c release --show-bin-path)/coalition"
data=Tests/Fixtures/data
out=docs/real-data
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

"$bin" import --format atop "$data/atop5_1_undirected_2018.csv" --title "ATOP 5.1 alliances, 2018" -o "$work/atop2018.json"
"$bin" import --format gdelt "$data/gdelt2_20191024143000.export.CSV" --title "GDELT 2.0 events, export of 2019-10-24 14:30 UTC" -o "$work/gdelt2.json"
"$bin" import --format sipri "$data/sipri_tiv_exports_processed_360info.csv" --title "SIPRI arms transfers 2017–2021" \
  --from-year 2017 --to-year 2021 -o "$work/sipri.json"
"$bin" import --format sipri "$data/sipri_tiv_exports_processed_360info.csv" --title "SIPRI arms transfers 2012–2021" \
  --from-year 2012 --to-year 2021 -o "$work/sipri-decade.json"

"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --label-top 30 -o "$out/atop-2018-defense.svg"
"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --layout geo --fill community -o "$out/atop-2018-defense-geo.svg"
"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --collapse communities -o "$out/atop-2018-defense-communities.svg"
"$bin" report "$work/atop2018.json" --kind defense-pact --in-force 2018 --drop-isolates --format markdown -o "$out/atop-2018-defense-report.md"
"$bin" render "$work/gdelt2.json" --drop-isolates -o "$out/gdelt2-2019-10-24.svg"
"$bin" report "$work/gdelt2.json" --drop-isolates --format markdown -o "$out/gdelt2-2019-10-24-report.md"
"$bin" render "$work/sipri.json" --min-weight 300 --drop-isolates --size-by strength -o "$out/sipri-2017-2021-300.svg"
# The decade's data, so that the report compares 2017–2021 with 2012–2016 as SIPRI does.
"$bin" report "$work/sipri-decade.json" --from 2017 --to 2021 --drop-isolates --format markdown -o "$out/sipri-2017-2021-report.md"
"$bin" timeline "$work/sipri-decade.json" --window 2y --measure strength --format markdown -o "$out/sipri-2012-2021-timeline.md"
"$bin" timeline "$work/sipri-decade.json" --diff 2016 2021 --window 5y --measure strength --format markdown -o "$out/sipri-2016-vs-2021-diff.md"
"$bin" timeline --window 6m --from 2022-01 --to 2024-03 --format markdown -o "$out/seed-timeline.md"
"$bin" timeline --diff 2024-03-18 2024-03-20 --format markdown -o "$out/seed-diff.md"
"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --label-top 30 -o "$out/atop-2018-defense.png"
"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --layout geo --fill community -o "$out/atop-2018-defense-geo.png"
"$bin" render "$work/atop2018.json" --kind defense-pact --drop-isolates --collapse communities -o "$out/atop-2018-defense-communities.png"
"$bin" render "$work/gdelt2.json" --drop-isolates -o "$out/gdelt2-2019-10-24.png"
"$bin" render "$work/sipri.json" --min-weight 300 --drop-isolates --size-by strength -o "$out/sipri-2017-2021-300.png"
"$bin" render --layout geo --extent world -o "$out/seed-geo-world.svg"
"$bin" render --layout geo --extent world -o "$out/seed-geo-world.png"
# Previews at most 1,600 pixels wide, 128 colours, when Pillow is there (pip install pillow).
python3 - "$out" <<'PY' || true
import glob, sys
from PIL import Image
Image.MAX_IMAGE_PIXELS = None
for p in glob.glob(sys.argv[1] + "/*.png"):
    im = Image.open(p).convert("RGB")
    if im.width > 1600:
        im = im.resize((1600, im.height * 1600 // im.width), Image.LANCZOS)
    im.quantize(colors=128).save(p, optimize=True)
PY
ls -la "$out"
