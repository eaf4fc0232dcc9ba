#!/usr/bin/env python3
"""Aggregates GDELT event files into the dyad table `coalition import --format dyads` reads, with
DuckDB (one machine) or Spark (local mode here, a cluster elsewhere), running the SQL in this
directory: exactly the rules of `coalition import --format gdelt` (docs/scale.md).

    python3 scripts/scale/aggregate.py --engine duckdb -o dyads.csv FILE_OR_DIR...
    python3 scripts/scale/aggregate.py --engine spark --window month -o dyads.csv 'gdelt/*.CSV'

Files are plain or gzip (.gz) tab-separated GDELT 1.0 (57 or 58 columns) or 2.0 (61 columns)
exports, in any mix; neither engine reads .zip, so unzip GDELT's files first (or use the native
importer, which does). Directories are searched like the native importer does; files are read in
the order of their names. The output is CSV with a header, sorted by period, source, target, kind.
"""
import argparse
import csv
import glob
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Where the columns the rules use stand in each layout (0-based): GDELT 2.0 then 1.0.
COLUMNS_2 = dict(GLOBALEVENTID=0, SQLDATE=1, Actor1CountryCode=7, Actor2CountryCode=17, IsRootEvent=25, EventCode=26,
                 QuadClass=29, GoldsteinScale=30, NumMentions=31, NumSources=32, NumArticles=33, DATEADDED=59, SOURCEURL=60)
COLUMNS_1 = dict(COLUMNS_2, DATEADDED=56, SOURCEURL=57)
PERIOD_LENGTH = {"day": 10, "month": 7, "year": 4}


def expand(arguments):
    """Files, directories and patterns -> the files, sorted by name as the native importer sorts them."""
    found = {}
    def add(path):
        found[os.path.normpath(path)] = path
    for a in arguments:
        if os.path.isdir(a):
            for root, dirs, names in os.walk(a):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in names:
                    low = n.lower()
                    if n.startswith(".") or ".mentions." in low or ".gkg." in low:
                        continue
                    if low.endswith((".csv", ".tsv", ".txt", ".gz")):
                        add(os.path.join(root, n))
                    elif low.endswith(".zip"):
                        sys.exit(f"{os.path.join(root, n)}: neither DuckDB nor Spark reads .zip; unzip first")
        elif os.path.exists(a):
            add(a)
        else:
            matches = glob.glob(a)
            if not matches:
                sys.exit(f"{a}: no such file, and no file matches it as a pattern")
            for m in matches:
                add(m)
    return sorted(found.values(), key=lambda p: (os.path.basename(p), p))


def query(engine, args):
    text = open(os.path.join(HERE, f"gdelt_dyads.{engine}.sql")).read()
    values = dict(
        period_length=PERIOD_LENGTH[args.window], root_only="true" if args.root_only else "false",
        keep_regions="true" if args.keep_regions else "false", min_sources=int(args.min_sources))
    return re.sub(r"\$(" + "|".join(values) + r")\b", lambda m: str(values[m.group(1)]), text)


def select_columns(ref):
    """The named columns of one row, whichever its layout: 2.0 rows have DATEADDED in column 60."""
    parts = []
    for name in COLUMNS_2:
        two, one = ref(COLUMNS_2[name]), ref(COLUMNS_1[name])
        parts.append(two if two == one else f"CASE WHEN {ref(59)} IS NOT NULL THEN {two} ELSE {one} END AS {name}")
        if two == one:
            parts[-1] += f" AS {name}"
    parts.append(f"CASE WHEN {ref(59)} IS NOT NULL THEN 2 ELSE 1 END AS version")
    return ", ".join(parts)


def sql_list(values):
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def run_duckdb(files, args):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    con.execute("SET enable_progress_bar = false")
    # Typed outright: a sniffer would read the CAMEO prefix 040 as the number 40.
    types = {"cameo_rules": "{'prefix': 'VARCHAR', 'kind': 'VARCHAR'}",
             "gdelt_kinds": "{'kind': 'VARCHAR', 'quad_class': 'INTEGER', 'directed': 'BOOLEAN'}",
             "gdelt_actors": "{'code': 'VARCHAR', 'type': 'VARCHAR'}"}
    for table, columns in types.items():
        path = os.path.join(HERE, table + ".csv").replace("'", "''")
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true, auto_detect = false, columns = {columns})")
    con.execute("CREATE TABLE file_names (file_order INTEGER, filename VARCHAR)")
    con.executemany("INSERT INTO file_names VALUES (?, ?)", [(i, f) for i, f in enumerate(files)])
    columns = "{" + ", ".join(f"'c{i:02d}': 'VARCHAR'" for i in range(61)) + "}"
    con.execute(f"""
        CREATE VIEW gdelt_events AS
        SELECT {select_columns(lambda i: f'c{i:02d}')}, f.file_order, r.row_order
        FROM (SELECT *, row_number() OVER () AS row_order
              FROM read_csv({sql_list(files)}, delim = '\t', header = false, quote = '', escape = '', columns = {columns},
                            null_padding = true, auto_detect = false, filename = true, ignore_errors = true)) r
        JOIN file_names f ON f.filename = r.filename""")
    return con.execute(query("duckdb", args)).fetchall(), [d[0] for d in con.description]


def spark_session(threads):
    """A local Spark with `threads` cores (on a cluster, make the session there instead)."""
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master(f"local[{threads}]").appName("coalition-gdelt-dyads")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(max(2, threads))).config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(files, args, spark=None):
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType, StructField, StringType, IntegerType, BooleanType
    own = spark is None
    spark = spark or spark_session(args.threads)
    schemas = {
        "cameo_rules": StructType([StructField("prefix", StringType()), StructField("kind", StringType())]),
        "gdelt_kinds": StructType([StructField("kind", StringType()), StructField("quad_class", IntegerType()), StructField("directed", BooleanType())]),
        "gdelt_actors": StructType([StructField("code", StringType()), StructField("type", StringType())]),
    }
    for table, schema in schemas.items():
        spark.read.csv(os.path.join(HERE, table + ".csv"), header=True, schema=schema).createOrReplaceTempView(table)
    raw_schema = StructType([StructField(f"c{i:02d}", StringType()) for i in range(61)])
    order = {os.path.abspath(f): i for i, f in enumerate(files)}
    raw = (spark.read.csv(files, sep="\t", header=False, schema=raw_schema, quote="", mode="PERMISSIVE")
           .withColumn("filename", F.input_file_name()).withColumn("row_order", F.monotonically_increasing_id()))
    names = spark.createDataFrame([("file://" + p, i) for p, i in order.items()] + [(p, i) for p, i in order.items()], ["filename", "file_order"])
    raw.join(F.broadcast(names), "filename").createOrReplaceTempView("gdelt_raw")
    spark.sql(f"SELECT {select_columns(lambda i: f'c{i:02d}')}, file_order, row_order FROM gdelt_raw").createOrReplaceTempView("gdelt_events")
    df = spark.sql(query("spark", args))
    rows = [tuple(r) for r in df.collect()]
    columns = df.columns
    if own:
        spark.stop()
    return rows, columns


def write_csv(path, rows, columns):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


def parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+")
    p.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--window", choices=sorted(PERIOD_LENGTH), default="day")
    p.add_argument("--root-only", action="store_true")
    p.add_argument("--keep-regions", action="store_true")
    p.add_argument("--min-sources", type=int, default=1)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    files = expand(args.files)
    start = time.perf_counter()
    rows, columns = (run_duckdb if args.engine == "duckdb" else run_spark)(files, args)
    write_csv(args.output, rows, columns)
    print(f"{args.engine}: {len(files)} files -> {len(rows)} dyad rows in {time.perf_counter() - start:.2f} s -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
