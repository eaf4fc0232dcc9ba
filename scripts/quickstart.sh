#!/usr/bin/env bash
# One command from a fresh clone to the seed coalition map and report: installs Graphviz's C library and GLPK
# when they are missing, builds the `coalition` tool, renders the seed dataset to coalition-map.svg and
# writes the interactive report coalition-report.html (one file, no network access).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
swift build -c release --product coalition
.build/release/coalition render -o coalition-map.svg
.build/release/coalition report --format html -o coalition-report.html
echo "Open coalition-map.svg in a browser (hover over ties for their evidence),"
echo "and coalition-report.html for the map with search, filters, evidence per tie and the tables."
