#!/usr/bin/env python3
"""Writes the packed GDELT fixtures the Swift tests read (Tests/Fixtures/data/packed/), with
Python's zipfile and gzip modules — writers independent of the reader under test. The 2.0 sample
is cut into four quarters of whole lines (as the tests cut it):
  20191024143000.b.export.CSV.zip   the second quarter, deflated, one member
  20191024143000.c.export.CSV.gz    the third quarter
  members-zip64.zip                 the first quarter stored and the fourth deflated, ZIP64 extra fields
                                    in their local headers (longer than the central directory says)
  members.gz                        the first and fourth quarters as two gzip members (cat a.gz b.gz)
"""
import gzip
import io
import os
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "Tests", "Fixtures", "data")
OUT = os.path.join(DATA, "packed")
lines = [ln for ln in open(os.path.join(DATA, "gdelt2_20191024143000.export.CSV"), "rb").read().split(b"\n") if ln]
q = (len(lines) + 3) // 4
parts = [b"\n".join(lines[k:k + q]) + b"\n" for k in range(0, len(lines), q)]
os.makedirs(OUT, exist_ok=True)


def fixed_zip(path):
    return zipfile.ZipFile(path, "w")


def info(name, method):
    i = zipfile.ZipInfo(name, date_time=(2019, 10, 24, 14, 30, 0))
    i.compress_type = method
    return i


with fixed_zip(os.path.join(OUT, "20191024143000.b.export.CSV.zip")) as z:
    z.writestr(info("20191024143000.b.export.CSV", zipfile.ZIP_DEFLATED), parts[1])
with open(os.path.join(OUT, "20191024143000.c.export.CSV.gz"), "wb") as f:
    f.write(gzip.compress(parts[2], mtime=0))
with fixed_zip(os.path.join(OUT, "members-zip64.zip")) as z:
    with z.open(info("a.export.CSV", zipfile.ZIP_STORED), "w", force_zip64=True) as m:
        m.write(parts[0])
    with z.open(info("d.export.CSV", zipfile.ZIP_DEFLATED), "w", force_zip64=True) as m:
        m.write(parts[3])
with open(os.path.join(OUT, "members.gz"), "wb") as f:
    f.write(gzip.compress(parts[0], mtime=0) + gzip.compress(parts[3], mtime=0))
for name in sorted(os.listdir(OUT)):
    print(name, os.path.getsize(os.path.join(OUT, name)))
