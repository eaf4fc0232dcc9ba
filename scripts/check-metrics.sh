#!/usr/bin/env bash
# `coalition metrics --format json` against NetworkX on random graphs it has never seen (a new seed
# each run, printed): every measure, directed and undirected, weighted and not, to 1e-9 relative.
# Then recomputes the frustration fixtures with SciPy's HiGHS and compares (about a minute).
# Installs networkx, numpy and scipy with pip when missing.
#   scripts/check-metrics.sh [--graphs N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import networkx, numpy, scipy' 2>/dev/null; then
  python3 -m pip install --quiet networkx==3.6.1 numpy scipy \
    || python3 -m pip install --quiet --break-system-packages networkx==3.6.1 numpy scipy
fi
swift build --product coalition >/dev/null
python3 scripts/reference/check_metrics.py "$(swift build --show-bin-path)/coalition" "$@"
python3 scripts/reference/frustration_reference.py --check
