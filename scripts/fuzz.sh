#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader: libFuzzer with the address sanitizer, one target per
# reader (Fuzz/), seeded from the real files the tests use (Tests/Fixtures, the seed dataset) and,
# when present, ../shared/data.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default: 30 s for each of the eleven targets
#   scripts/fuzz.sh 600 FuzzGDELT FuzzCSV     # ten minutes for two of them
#
# Before fuzzing, each target replays the inputs that once crashed it (Tests/Fixtures/fuzz/TARGET/,
# also read by the Swift regression test). A crash, leak or time-out stops the script with the input
# saved under .build-fuzz/artifacts/TARGET/; copy it to Tests/Fixtures/fuzz/TARGET/ once fixed.
# Prints one line per target: executions, executions per second, coverage, corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
all=(FuzzDatasetJSON FuzzEdgeList FuzzCSV FuzzGDELT FuzzDyads FuzzArchive FuzzATOP FuzzSIPRI FuzzGraphML FuzzGEXF FuzzNodeLink)
targets=("${@:-${all[@]}}")
[ "$#" -gt 0 ] || targets=("${all[@]}")

export COALITION_FUZZ=1
flags=(--scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for t in "${targets[@]}"; do
  swift build "${flags[@]}" --product "$t" 2>&1 | grep -v "Cannot export local symbol" | grep -E "error|warning: |Compiling|complete" | tail -n 2
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

shared=../shared/data
# Seeds: the start of each real file (the fuzzer mutates and splices them; whole megabyte files
# would only slow every execution down).
seed() {  # seed TARGET FILE...
  local dir=".build-fuzz/corpus/$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && head -c 16384 "$f" > "$dir/seed-$(basename "$f")"
  done
  return 0
}
seed FuzzDatasetJSON seeds/isw-2024-03-20.json Tests/Fixtures/interchange/transfers-networkx.node-link.json
seed FuzzEdgeList Tests/Fixtures/networks/Padgett.paj
printf '# weighted ties\nRUS CHN 3\nRUS,PRK,2.5\nIRN\tRUS\t1e-3\n0 1\n1 2 7\n' > .build-fuzz/corpus/FuzzEdgeList/seed-edges.txt
seed FuzzCSV Tests/Fixtures/data/sipri_tiv_exports_processed_360info.csv Tests/Fixtures/data/unvotes_sessions70plus_roll_calls.csv \
  $shared/cooperation/cow_diplomatic_exchange_2006v1_USA2005_sample.csv
seed FuzzGDELT Tests/Fixtures/data/gdelt2_20191024143000.export.CSV Tests/Fixtures/data/gdelt1_sample_events_reed9999.tsv \
  Tests/Fixtures/data/gdelt2_20191024143000_interstate_with_header.tsv
seed FuzzDyads Tests/Fixtures/reference/gdelt2_dyads_day.csv Tests/Fixtures/reference/gdelt_mixed_dyads_month.csv
seed FuzzArchive Tests/Fixtures/fuzz/FuzzArchive/*-valid
seed FuzzATOP Tests/Fixtures/data/atop5_1_ddyr_2018.csv Tests/Fixtures/data/atop5_1_undirected_2018.csv
seed FuzzSIPRI Tests/Fixtures/data/sipri_tiv_exports_processed_360info.csv Tests/Fixtures/data/TIV-Export-RUS-1950-2021.csv
seed FuzzGraphML Tests/Fixtures/interchange/*.graphml
seed FuzzGEXF Tests/Fixtures/interchange/*.gexf
seed FuzzNodeLink Tests/Fixtures/interchange/*.json

status=0
for t in "${targets[@]}"; do
  artifacts=".build-fuzz/artifacts/$t/"
  mkdir -p "$artifacts"
  regressions="Tests/Fixtures/fuzz/$t"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$bin/$t" -runs=0 -artifact_prefix="$artifacts" "$regressions"/* > ".build-fuzz/$t.replay.log" 2>&1 || {
      echo "$t: a regression input crashes again (see .build-fuzz/$t.replay.log)"
      status=1
      continue
    }
  fi
  log=".build-fuzz/$t.log"
  if "$bin/$t" ".build-fuzz/corpus/$t" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
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
