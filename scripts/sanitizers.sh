#!/usr/bin/env bash
# Memory and thread checks of the renderer and the whole test suite:
#
#   scripts/sanitizers.sh leaks     # valgrind on renders with every engine, and 1,000 renders in one
#                                   # process (resident memory per render); about 3 minutes
#   scripts/sanitizers.sh thread    # every Swift test under the thread sanitizer
#   scripts/sanitizers.sh address   # every Swift test under the address sanitizer
#   scripts/sanitizers.sh all       # the three (the default)
#
# leaks: valgrind must find no invalid read, write or free, and no block definitely lost outside
# Graphviz's own leaks (scripts/valgrind/graphviz-2.42.supp; the script shows that the `dot`
# command leaks those too). Resident memory may grow by at most 16 KB a render over 1,000 renders.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
scripts/ensure-libraries.sh >/dev/null

need() {  # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

leaks() {
  need valgrind valgrind
  need dot graphviz
  swift build --product coalition >/dev/null
  local bin out
  bin="$(swift build --show-bin-path)/coalition"
  out="$(mktemp -d)"
  "$bin" dot > "$out/seed.dot"
  local status=0
  for engine in dot neato fdp sfdp circo twopi; do
    valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
      --suppressions=scripts/valgrind/graphviz-2.42.supp --error-exitcode=3 \
      "$bin" bench --task render --engine "$engine" --graph "$out/seed.dot" --reps 3 > /dev/null 2> "$out/$engine.log" || true
    local lost invalid suppressed
    lost=$(grep -o 'definitely lost: [0-9,]* bytes' "$out/$engine.log" | grep -o '[0-9,]*' | tr -d , || echo 0)
    invalid=$(grep -c -E 'Invalid (read|write|free)|Mismatched free' "$out/$engine.log" || true)
    suppressed=$(grep -o 'suppressed: [0-9,]* bytes' "$out/$engine.log" | grep -o '[0-9,]*' | tr -d , || echo 0)
    echo "valgrind, 4 renders with $engine: ${lost:-0} bytes definitely lost, $invalid invalid accesses or frees ($suppressed bytes in Graphviz's own leaks)"
    if [ "${lost:-0}" != 0 ] || [ "$invalid" != 0 ]; then
      status=1
      grep -A 14 'definitely lost in loss record\|Invalid' "$out/$engine.log" | head -n 40
    fi
  done
  # The leaks suppressed above are Graphviz's: its own command leaks them on the same map.
  valgrind --leak-check=full --show-leak-kinds=definite dot -Tsvg "$out/seed.dot" > /dev/null 2> "$out/dot-command.log" || true
  echo "the dot command on the same map: $(grep -o 'definitely lost: [0-9,]* bytes' "$out/dot-command.log"), in $(grep -A 14 'definitely lost in loss record' "$out/dot-command.log" | grep -o -E 'make_html_label|dot_mincross|pango_parse_markup' | sort -u | tr '\n' ' ')"
  # Resident memory over 1,000 renders in one process.
  local line growth
  line=$("$bin" bench --task render --graph "$out/seed.dot" --reps 1000)
  growth=$(python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(int((d['resident_bytes_end'] - d['resident_bytes_after_10']) / (d['renders'] - 10)))" "$line")
  echo "1,000 renders of the seed map in one process: resident memory grows by $growth bytes a render after the 10th"
  [ "$growth" -le 16384 ] || status=1
  rm -rf "$out"
  return $status
}

suite() {  # suite thread|address
  swift build --build-tests --sanitize="$1" --scratch-path ".build-$1" 2>&1 | grep -E "error|warning: " || true
  # Leaks are valgrind's part (`leaks` above, with Graphviz's own ones named): LeakSanitizer would
  # fail every command-line test on them at exit.
  ASAN_OPTIONS=detect_leaks=0 swift test --skip-build --sanitize="$1" --scratch-path ".build-$1" 2>&1 | tee ".build-$1/test.log" | grep -E "Test run with|Executed|SUMMARY|WARNING: ThreadSanitizer|ERROR: AddressSanitizer" | tail -n 5
  ! grep -q -E "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|Test run with .* failed" ".build-$1/test.log"
}

case "$what" in
  leaks) leaks ;;
  thread) suite thread ;;
  address) suite address ;;
  all) leaks && suite thread && suite address ;;
  *) echo "usage: scripts/sanitizers.sh [leaks|thread|address|all]" >&2; exit 2 ;;
esac
