#!/usr/bin/env bash
# Runs every test: installs Graphviz's C library when it is missing, then `swift test`.
# The tests never call Python; reference values are committed under Tests/Fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
swift test "$@"
