#!/usr/bin/env bash
# The GDELT aggregation of scripts/scale run by DuckDB and by Spark (local mode, two cores) on the
# GDELT samples, read back with `coalition import --format dyads`, equals the native importer's
# dataset observation for observation; and DuckDB still writes the dyad tables committed as test
# fixtures. Installs duckdb and pyspark with pip, and Java 17 (Debian's openjdk-17-jre-headless)
# when no Java 17 or later is found. About a minute, most of it Spark starting.
set -euo pipefail
cd "$(dirname "$0")/.."
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
if ! python3 -c 'import duckdb, pyspark' 2>/dev/null; then
  python3 -m pip install --quiet duckdb pyspark || python3 -m pip install --quiet --break-system-packages duckdb pyspark
fi
export SPARK_LOCAL_IP=127.0.0.1
swift build --product coalition >/dev/null
python3 scripts/scale/check_equal.py --coalition "$(swift build --show-bin-path)/coalition" --engines duckdb,spark 2>&1 | grep -v '^warning: '
python3 scripts/reference/gdelt_dyads_reference.py --check
