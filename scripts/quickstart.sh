#!/usr/bin/env bash
# One command from a fresh clone to the seed coalition map: installs Graphviz's C library when it is
# missing, builds the `coalition` tool and renders the seed dataset to coalition-map.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-graphviz.sh
swift build -c release --product coalition
.build/release/coalition render -o coalition-map.svg
echo "Open coalition-map.svg in a browser (hover over ties for their evidence)."
