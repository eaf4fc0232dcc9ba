#!/usr/bin/env bash
# Installs the two C libraries the package links when either is missing:
#   Graphviz (libgvc/libcgraph, for maps)       Debian/Ubuntu: libgraphviz-dev pkg-config   macOS: brew install graphviz pkg-config
#   GLPK (integer programs, exact frustration)  Debian/Ubuntu: libglpk-dev                  macOS: brew install glpk
#   zlib (GDELT's zip and gzip files)           Debian/Ubuntu: zlib1g-dev                   macOS: part of the system
# As root, or through sudo.
set -euo pipefail

have_graphviz() {
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists libgvc
  else
    [ -f /usr/include/graphviz/gvc.h ] || [ -f /usr/local/include/graphviz/gvc.h ] || [ -f /opt/homebrew/include/graphviz/gvc.h ]
  fi
}

have_glpk() {
  [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ] || [ -f /opt/homebrew/include/glpk.h ]
}

have_zlib() {
  [ "$(uname)" = Darwin ] || [ -f /usr/include/zlib.h ] || [ -f /usr/local/include/zlib.h ]
}

if have_graphviz && command -v pkg-config >/dev/null 2>&1 && have_glpk && have_zlib; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: a C library is missing; run as root: apt-get install -y libgraphviz-dev pkg-config libglpk-dev zlib1g-dev" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "Installing Graphviz's C library (libgraphviz-dev), pkg-config, GLPK (libglpk-dev) and zlib (zlib1g-dev)…" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev pkg-config libglpk-dev zlib1g-dev >/dev/null
elif command -v brew >/dev/null 2>&1; then
  brew install graphviz pkg-config glpk
else
  echo "error: install Graphviz's C library and GLPK: libgraphviz-dev and libglpk-dev (Debian/Ubuntu), or graphviz and glpk (Homebrew)" >&2
  exit 1
fi
have_graphviz || { echo "error: Graphviz's C library is still not found after installing" >&2; exit 1; }
have_glpk || { echo "error: GLPK (glpk.h) is still not found after installing" >&2; exit 1; }
have_zlib || { echo "error: zlib (zlib.h) is still not found after installing" >&2; exit 1; }
