#!/usr/bin/env python3
"""Writes the dyad tables DuckDB makes of the GDELT samples (scripts/scale, DuckDB dialect) as test
fixtures, so that `swift test` checks the native importer against an independent engine without
calling Python: Tests/Fixtures/reference/gdelt2_dyads_day.csv (the 2.0 export, by day) and
gdelt_mixed_dyads_month.csv (the 1.0 sample and the 2.0 export, by month). pip install duckdb.
With --check, writes nothing and fails when the committed tables differ from DuckDB's."""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "scripts", "scale"))
import aggregate  # noqa: E402

DATA = os.path.join(ROOT, "Tests", "Fixtures", "data")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference")
check = "--check" in sys.argv[1:]
differ = []
for name, files, window in [
    ("gdelt2_dyads_day.csv", ["gdelt2_20191024143000.export.CSV"], "day"),
    ("gdelt_mixed_dyads_month.csv", ["gdelt1_sample_events_reed9999.tsv", "gdelt2_20191024143000.export.CSV"], "month"),
]:
    target = os.path.join(OUT, name)
    out = target + ".new" if check else target
    args = aggregate.parser().parse_args([*(os.path.join(DATA, f) for f in files), "-o", out, "--window", window, "--threads", "2"])
    rows, columns = aggregate.run_duckdb(aggregate.expand(args.files), args)
    aggregate.write_csv(out, rows, columns)
    if check:
        same = open(out, "rb").read() == open(target, "rb").read()
        os.remove(out)
        if not same:
            differ.append(name)
    print(f"{name}: {len(rows)} rows" + ("" if not check else ", as committed" if name not in differ else ", DIFFERS from the committed table"))
sys.exit(1 if differ else 0)
