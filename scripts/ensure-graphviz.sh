#!/usr/bin/env bash
# Installs Graphviz's C library (libgvc/libcgraph and headers) when it is missing.
# Debian/Ubuntu: apt-get install libgraphviz-dev pkg-config (as root, or through sudo).
# macOS: brew install graphviz pkg-config.
set -euo pipefail

have_graphviz() {
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists libgvc
  else
    [ -f /usr/include/graphviz/gvc.h ] || [ -f /usr/local/include/graphviz/gvc.h ] || [ -f /opt/homebrew/include/graphviz/gvc.h ]
  fi
}

if have_graphviz && command -v pkg-config >/dev/null 2>&1; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: libgraphviz-dev is missing; run as root: apt-get install -y libgraphviz-dev pkg-config" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "Installing Graphviz's C library (libgraphviz-dev) and pkg-config…" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
  brew install graphviz pkg-config
else
  echo "error: Graphviz's C library is missing; install libgraphviz-dev (Debian/Ubuntu) or graphviz (Homebrew)" >&2
  exit 1
fi
have_graphviz || { echo "error: Graphviz's C library is still not found after installing" >&2; exit 1; }
