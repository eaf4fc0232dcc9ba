#!/usr/bin/env python3
"""Proves the SQL of scripts/scale equal to the native importer: the GDELT samples of
../shared/data/gdelt (copied under Tests/Fixtures/data) are aggregated by DuckDB and by Spark in
local mode, both tables are read with `coalition import --format dyads`, and the datasets are
compared with what `coalition import --format gdelt` makes of the same files — plain, zipped and
gzipped, on one and two threads, in two file orders — observation for observation (ties, kinds,
weights, dates, confidence, evidence), and sources and actors too.

    python3 scripts/scale/check_equal.py --coalition .build/debug/coalition [--engines duckdb,spark]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import aggregate  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "data")
G2 = os.path.join(DATA, "gdelt2_20191024143000.export.CSV")
G1 = os.path.join(DATA, "gdelt1_sample_events_reed9999.tsv")


def cases(work):
    """(name, files, options shared by every engine)."""
    # Three copies of the 2.0 file in one: every event id of the second and third is a duplicate.
    tripled = os.path.join(work, "tripled.export.CSV")
    with open(tripled, "wb") as out:
        for _ in range(3):
            out.write(open(G2, "rb").read())
    return [
        ("2.0, by day", [G2], []),
        ("1.0 and 2.0 mixed, by month", [G1, G2], ["--window", "month"]),
        ("duplicates, root events, regions, two sources, by year, weight mentions", [G1, tripled],
         ["--window", "year", "--root-only", "--keep-regions", "--min-sources", "2", "@weight", "mentions", "@reported-at-sources", "3"]),
    ]


def split(options):
    """Options for the SQL (aggregation) and for the importers (aggregation and reading)."""
    sql, native, dyads = [], [], []
    i = 0
    while i < len(options):
        o = options[i]
        takes = i + 1 < len(options) and not options[i + 1].startswith(("--", "@"))
        value = [options[i + 1]] if takes else []
        if o.startswith("@"):
            native += ["--" + o[1:]] + value
            dyads += ["--" + o[1:]] + value
        else:
            sql += [o] + value
            native += [o] + value
        i += 2 if takes else 1
    return sql, native, dyads


def load(path):
    d = json.load(open(path))
    return {"observations": d["observations"], "sources": d["sources"], "actors": d.get("actors", [])}


def compare(name, engine, expected, got):
    if expected == got:
        print(f"  {engine}: {len(got['observations'])} observations, equal")
        return True
    a, b = expected["observations"], got["observations"]
    print(f"  {engine}: DIFFERS ({len(a)} against {len(b)} observations)")
    for x, y in zip(a, b):
        if x != y:
            print("    native:", json.dumps(x)[:400])
            print("    " + engine + ":", json.dumps(y)[:400])
            break
    if expected["sources"] != got["sources"] or expected["actors"] != got["actors"]:
        print("    sources or actors differ")
    return False


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--coalition", required=True)
    p.add_argument("--engines", default="duckdb,spark")
    args = p.parse_args()
    engines = args.engines.split(",")
    work = tempfile.mkdtemp(prefix="coalition-scale-")
    spark = aggregate.spark_session(2) if "spark" in engines else None
    ok = True
    try:
        for n, (name, files, options) in enumerate(cases(work)):
            print(name)
            sql, native, dyads = split(options)
            coalition = lambda *a: subprocess.run([args.coalition, *a, "-q"], check=True)
            reference = os.path.join(work, f"native{n}.json")
            coalition("import", "--format", "gdelt", *files, *native, "--threads", "2", "-o", reference)
            expected = load(reference)
            print(f"  native: {len(expected['observations'])} observations")
            # The native importer agrees with itself: one thread, files named in reverse, zipped, gzipped.
            packed = []
            for i, f in enumerate(files):
                z = os.path.join(work, f"{n}-{i}-{os.path.basename(f)}.zip")
                with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as out:
                    out.write(f, os.path.basename(f))
                packed.append(z)
            gz = []
            for i, f in enumerate(files):
                g = os.path.join(work, f"{n}-{i}-{os.path.basename(f)}.gz")
                with open(f, "rb") as src, gzip.open(g, "wb") as out:
                    shutil.copyfileobj(src, out)
                gz.append(g)
            for label, inputs, threads in [("one thread, reversed", files[::-1], "1"), ("zipped", packed, "2"), ("gzipped", gz[::-1], "2")]:
                out = os.path.join(work, f"native{n}-{label.split(',')[0]}.json")
                coalition("import", "--format", "gdelt", *inputs, *native, "--threads", threads, "-o", out)
                ok &= compare(name, "native " + label, expected, load(out))
            for engine in engines:
                table = os.path.join(work, f"{engine}{n}.csv")
                a = aggregate.parser().parse_args([*files, "--engine", engine, "-o", table, "--threads", "2", *sql])
                rows, columns = (aggregate.run_duckdb(aggregate.expand(a.files), a) if engine == "duckdb"
                                 else aggregate.run_spark(aggregate.expand(a.files), a, spark))
                aggregate.write_csv(table, rows, columns)
                out = os.path.join(work, f"{engine}{n}.json")
                coalition("import", "--format", "dyads", table, *dyads, "-o", out)
                ok &= compare(name, engine, expected, load(out))
    finally:
        if spark is not None:
            spark.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("all equal" if ok else "NOT EQUAL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
