#!/usr/bin/env bash
# Opens the seed's HTML report in a real browser (Debian's chromium and chromium-driver, installed
# when missing; Selenium from pip) from a file:// URL and checks search, filters, the evidence
# panel, zoom, sorting and the window slider, and that the console stays free of errors (scripts/browser/check_report.py).
#   scripts/check-browser.sh [--screenshot docs/html-report-seed.png]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
scripts/ensure-browser.sh
swift build --product coalition > /dev/null
work=$(mktemp -d)
"$(swift build --show-bin-path)/coalition" report --format html -o "$work/seed-report.html" -q
"$(swift build --show-bin-path)/coalition" report --format html --window 6m --from 2022-01 --to 2024-03 -o "$work/seed-windows.html" -q
python3 scripts/browser/check_report.py "$work/seed-report.html" --windows "$work/seed-windows.html" "$@"
rm -rf "$work"
