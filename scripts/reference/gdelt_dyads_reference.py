#!/usr/bin/env python3
"""Writes the dyad tables DuckDB makes of the GDELT samples (scripts/scale, DuckDB dialect) as test
fixtures, so that `swift test` checks the native importer against an independent engine without
calling Python: Tests/Fixtures/reference/gdelt2_dyads_day.csv (the 2.0 export, by day) and
gdelt_mixed_dyads_month.csv (the 1.0 sample and the 2.0 export, by month). pip install duckdb."""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts", "scale"))
import aggregate  # noqa: E402

DATA = os.path.join(ROOT, "Tests", "Fixtures", "data")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference")
for name, files, window in [
    ("gdelt2_dyads_day.csv", ["gdelt2_20191024143000.export.CSV"], "day"),
    ("gdelt_mixed_dyads_month.csv", ["gdelt1_sample_events_reed9999.tsv", "gdelt2_20191024143000.export.CSV"], "month"),
]:
    args = aggregate.parser().parse_args([*(os.path.join(DATA, f) for f in files), "-o", os.path.join(OUT, name), "--window", window, "--threads", "2"])
    rows, columns = aggregate.run_duckdb(aggregate.expand(args.files), args)
    aggregate.write_csv(args.output, rows, columns)
    print(f"{name}: {len(rows)} rows")
