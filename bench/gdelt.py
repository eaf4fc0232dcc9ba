#!/usr/bin/env python3
"""Times the native GDELT importer against DuckDB running the same aggregation (scripts/scale),
on the same files with the same threads, in one run.

    swift build -c release --product coalition
    python3 bench/gdelt.py [--copies 1,10,100] [--year 1000] [--binary PATH] [--reps 3]

Inputs are made from the 2.0 sample (../shared/data/gdelt, copied under Tests/Fixtures/data;
2,111 rows, 0.86 MB): N copies in one file with the event ids of each copy shifted, so that every
row is a distinct event (a realistic file, not N duplicates), plain and compressed; and a "year"
of 1,000 such 15-minute files. The native importer reads the zipped files GDELT publishes;
DuckDB reads no .zip, so it gets the same bytes gzipped (.gz), its own compressed input.
Native times are the whole command (start, read, scan, bundle, write the dataset); DuckDB times
are the query alone inside a Python process already started (its start-up, about 0.2 s, is left
out in DuckDB's favour); "DuckDB bare" is the floor the issue quoted, a read, a filter to
interstate rows and a group-by with none of the rules. Peak RSS is the whole process's, from wait4. The median of --reps runs is
shown; the files live in bench/gdelt/ (not committed).
"""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SAMPLE = os.path.join(ROOT, "Tests", "Fixtures", "data", "gdelt2_20191024143000.export.CSV")
WORK = os.path.join(ROOT, "bench", "gdelt")

DUCKDB_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
import aggregate
args = aggregate.parser().parse_args(sys.argv[3:])
files = aggregate.expand(args.files)
start = time.perf_counter()
rows, columns = aggregate.run_duckdb(files, args)
full = time.perf_counter() - start
# The bare floor: read, keep interstate rows, group by dyad, root code and day (no rules, no ids).
import duckdb
con = duckdb.connect()
con.execute(f"SET threads = {args.threads}")
con.execute("SET enable_progress_bar = false")
columns = "{" + ", ".join(f"'c{i:02d}': 'VARCHAR'" for i in range(61)) + "}"
start = time.perf_counter()
files_sql = aggregate.sql_list(files)
bare = ("SELECT c07, c17, substr(c26, 1, 2), c01, count(*), sum(abs(CAST(c30 AS DOUBLE))) FROM read_csv(" + files_sql
        + ", delim = '\t', header = false, quote = '', escape = '', columns = " + columns
        + ", null_padding = true, auto_detect = false, ignore_errors = true)"
        + " WHERE c07 IS NOT NULL AND c17 IS NOT NULL AND c07 <> c17 GROUP BY ALL")
con.execute(bare).fetchall()
print(full, time.perf_counter() - start, len(rows))
"""


def shifted(lines, k):
    out = []
    for ln in lines:
        f = ln.split(b"\t")
        f[0] = str(int(f[0]) + k * 10_000_000).encode()
        out.append(b"\t".join(f))
    return b"\n".join(out) + b"\n"


def make_inputs(copies, year):
    os.makedirs(WORK, exist_ok=True)
    lines = [ln for ln in open(SAMPLE, "rb").read().split(b"\n") if ln]
    made = {}
    for n in copies:
        plain = os.path.join(WORK, f"copies{n}.export.CSV")
        if not os.path.exists(plain):
            with open(plain, "wb") as out:
                for k in range(n):
                    out.write(shifted(lines, k))
        z, g = plain + ".zip", plain + ".gz"
        if not os.path.exists(z):
            with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as out:
                out.write(plain, os.path.basename(plain))
        if not os.path.exists(g):
            with open(plain, "rb") as src, gzip.open(g, "wb", compresslevel=6) as out:
                out.write(src.read())
        made[n] = (plain, z, g, len(lines) * n, os.path.getsize(plain))
    if year:
        zdir, gdir = os.path.join(WORK, f"year{year}-zip"), os.path.join(WORK, f"year{year}-gz")
        os.makedirs(zdir, exist_ok=True)
        os.makedirs(gdir, exist_ok=True)
        for k in range(year):
            name = f"2019{k // 96:04d}{(k % 96) // 4:02d}{(k % 4) * 15:02d}00.export.CSV"
            z, g = os.path.join(zdir, name + ".zip"), os.path.join(gdir, name + ".gz")
            if os.path.exists(z) and os.path.exists(g):
                continue
            data = shifted(lines, 1000 + k)
            with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as out:
                out.writestr(name, data)
            with gzip.open(g, "wb", compresslevel=6) as out:
                out.write(data)
        made["year"] = (None, zdir, gdir, len(lines) * year, os.path.getsize(SAMPLE) * year)
    return made


TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(command):
    """Runs a command; returns (seconds, peak RSS bytes, stdout). The RSS comes from GNU time when
    it is installed: a child forked from this (large) Python process would otherwise report the
    parent's size at the fork as its own peak."""
    report = os.path.join(WORK, "rss.txt")
    wrapped = [TIME, "-f", "%M", "-o", report, *command] if TIME else command
    start = time.perf_counter()
    p = subprocess.Popen(wrapped, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{err.decode()}")
    rss = int(open(report).read().split()[-1]) * 1024 if TIME else usage.ru_maxrss * 1024
    return seconds, rss, out


def native(binary, path, threads):
    return run([binary, "import", "-q", "--format", "gdelt", path, "--threads", str(threads), "-o", os.devnull])


def duckdb(path, threads):
    seconds, rss, out = run([sys.executable, "-c", DUCKDB_CHILD, os.path.join(ROOT, "scripts", "scale"), "--",
                             path, "--engine", "duckdb", "--threads", str(threads), "-o", os.devnull])
    full, bare, _ = out.split()
    return float(full), rss, float(bare)


def median(f, reps):
    runs = [f() for _ in range(reps)]
    extra = [r[2] for r in runs if isinstance(r[2], float)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(extra) if extra else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--copies", default="1,10,100")
    p.add_argument("--year", type=int, default=1000)
    p.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "coalition"))
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", default="1,2")
    args = p.parse_args()
    made = make_inputs([int(c) for c in args.copies.split(",")], args.year)
    print("| input | rows | MB | threads | native s | DuckDB s | native / DuckDB | DuckDB bare s | native rows/s | native MB/s | native RSS MB | DuckDB RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, (plain, z, g, rows, size) in made.items():
        label = f"{args.year:,} 15-minute files" if key == "year" else f"{key}× sample"
        variants = [("zip / gz", z, g)] if key == "year" else [("plain", plain, plain), ("zip / gz", z, g)]
        for packing, mine, theirs in variants:
            for t in [int(x) for x in args.threads.split(",")]:
                reps = 1 if key == "year" else args.reps
                ns, nrss, _ = median(lambda: native(args.binary, mine, t), reps)
                ds, drss, bare = median(lambda: duckdb(theirs, t), reps)
                mb = size / 1e6
                print(f"| {label}, {packing} | {rows:,} | {mb:.1f} | {t} | {ns:.3f} | {ds:.3f} | {ns / ds:.2f} | {bare:.3f} | {rows / ns:,.0f} | {mb / ns:.0f} | {nrss / 1e6:.0f} | {drss / 1e6:.0f} |", flush=True)


if __name__ == "__main__":
    main()
