#!/usr/bin/env bash
# Coverage-guided fuzzing: libFuzzer with the address sanitizer on optimised builds, one target
# per reader (Fuzz/), plus two along the output path: FuzzRender (dataset bytes → validated
# dataset → coalition map → DOT → Graphviz's neato and dot → SVG, read back as XML) and FuzzHTML
# (dataset bytes → the HTML report, with property checks on the page).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default: 30 s for each of the fourteen targets
#   scripts/fuzz.sh 600 FuzzGDELT FuzzCSV     # ten minutes for two of them
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600 FuzzATOP # one hour on two cores (libFuzzer -fork)
#
# Each target starts from its committed seed corpus (Fuzz/corpus/TARGET/: small real excerpts,
# minimised; scripts/fuzz-seeds.py makes them) and its dictionary (Fuzz/dictionaries/), and keeps
# what it finds under .build-fuzz/corpus/TARGET/ for the next run. Inputs are at most FUZZ_MAX_LEN
# bytes (8192 by default): the structure of a format fits in that, and larger inputs are the
# business of the memory-bound tests. Before fuzzing, each target replays the inputs that once
# crashed it (Tests/Fixtures/fuzz/TARGET/, also read by the Swift regression tests). A crash, leak
# or time-out stops the script with the input saved under .build-fuzz/artifacts/TARGET/; copy it to
# Tests/Fixtures/fuzz/TARGET/ once fixed. Prints one line per target: executions, executions per
# second, coverage, corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
all=(FuzzDatasetJSON FuzzEdgeList FuzzCSV FuzzGDELT FuzzDyads FuzzArchive FuzzATOP FuzzSIPRI FuzzGraphML FuzzGEXF FuzzNodeLink FuzzTables FuzzRender FuzzHTML)
max_len="${FUZZ_MAX_LEN:-8192}"
jobs="${FUZZ_JOBS:-1}"
targets=("${@:-${all[@]}}")
[ "$#" -gt 0 ] || targets=("${all[@]}")

export COALITION_FUZZ=1
# A trap must reach libFuzzer's handler, which saves the input; Swift's own backtracer would take
# the signal first, print a backtrace and leave nothing to reproduce (or hang under the sanitizer).
export SWIFT_BACKTRACE=enable=no
flags=(-c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for t in "${targets[@]}"; do
  swift build "${flags[@]}" --product "$t" 2>&1 | grep -v "Cannot export local symbol" | grep -E "error|warning: |Compiling|complete" | tail -n 2
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

# The dictionary of each target.
dictionary() {
  case "$1" in
    FuzzDatasetJSON | FuzzRender | FuzzHTML) echo json-dataset ;;
    FuzzEdgeList) echo edgelist ;;
    FuzzCSV) echo csv ;;
    FuzzGDELT) echo gdelt ;;
    FuzzDyads) echo dyads ;;
    FuzzArchive) echo archive ;;
    FuzzATOP) echo atop ;;
    FuzzSIPRI) echo sipri ;;
    FuzzGraphML) echo graphml ;;
    FuzzGEXF) echo gexf ;;
    FuzzNodeLink) echo nodelink ;;
    FuzzTables) echo tables ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  artifacts=".build-fuzz/artifacts/$t/"
  mkdir -p "$artifacts"
  case "$t" in
    FuzzRender | FuzzHTML) export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0" ;;
    *) unset LSAN_OPTIONS ;;
  esac
  regressions="Tests/Fixtures/fuzz/$t"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$bin/$t" -runs=0 -artifact_prefix="$artifacts" "$regressions"/* > ".build-fuzz/$t.replay.log" 2>&1 || {
      echo "$t: a regression input crashes again (see .build-fuzz/$t.replay.log)"
      status=1
      continue
    }
  fi
  corpus=".build-fuzz/corpus/$t"
  mkdir -p "$corpus"
  cp -n Fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  log=".build-fuzz/$t.log"
  parallel=()
  [ "$jobs" -gt 1 ] && parallel=(-fork="$jobs" -ignore_crashes=0)
  if "$bin/$t" "$corpus" -dict="Fuzz/dictionaries/$(dictionary "$t").dict" -max_total_time="$seconds" -max_len="$max_len" \
    -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 "${parallel[@]}" > "$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    if [ -z "$runs" ]; then
      # -fork prints no final stats: the last progress line has the total and the elapsed time.
      last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
      runs=$(echo "$last" | grep -o '^#[0-9]*' | tr -d '#')
      elapsed=$(echo "$last" | grep -o 'time: [0-9]*s' | grep -o '[0-9]*')
      speed=$([ -n "$runs" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ] && echo $((runs / elapsed)) || echo "?")
      runs=${runs:-?}
    fi
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo "?")
    units=$(ls ".build-fuzz/corpus/$t" | wc -l)
    echo "$t: ${seconds} s, $runs executions ($speed/s), coverage $cov edges, corpus $units inputs, no crash"
  else
    echo "$t: FAILED — see $log and $artifacts"
    grep -E "ERROR|SUMMARY|Fatal error|panic" "$log" | head -n 5 || true
    status=1
  fi
done
exit $status
