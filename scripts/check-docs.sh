#!/usr/bin/env bash
# Documentation checks, as CI runs them:
#   1. every public symbol of the library products has a doc comment (scripts/doc-coverage.py
#      counts the missing ones from the symbol graphs and fails above zero);
#   2. the coalition man page and shell completions generate (scripts/cli-extras.sh);
#   3. `swift package generate-documentation` (swift-docc-plugin) builds every library product's
#      documentation, articles included, with warnings treated as errors.
# Output: .build/plugins/Swift-DocC/outputs/<Target>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
swift package dump-symbol-graph --minimum-access-level public > /dev/null
python3 scripts/doc-coverage.py --list "$(swift build --show-bin-path)/../symbolgraph"
scripts/cli-extras.sh "$(mktemp -d)"
for target in CoalitionGraph CoalitionMetrics CoalitionReports CoalitionMaps CoalitionInterchange CoalitionRender CoalitionExact CoalitionGraphLegacyNames; do
  log=$(mktemp)
  if ! swift package generate-documentation --target "$target" --warnings-as-errors > "$log" 2>&1; then
    grep -E -A4 "error|warning" "$log" | head -60 >&2
    echo "check-docs: the documentation of $target does not build cleanly" >&2
    exit 1
  fi
  rm -f "$log"
  echo "check-docs: $target documentation built with no warnings"
done
