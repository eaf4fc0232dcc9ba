#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus (Fuzz/corpus/TARGET/): small excerpts of the real files the tests
use, cut at line ends, at most about 2 KB each, so that every execution stays cheap. The seed
dataset is cut down to a few actors and observations of the ISW case. Each set is already minimal:
libFuzzer's -merge=1 keeps every one of these files (see Fuzz/corpus/README.md).

    python3 scripts/fuzz-seeds.py
"""
import json
import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Fuzz", "corpus")
LIMIT = 2048


def lines(path, count, limit=LIMIT):
    """The first `count` lines of a file, stopping before `limit` bytes (whole lines only)."""
    out = b""
    with open(os.path.join(ROOT, path), "rb") as f:
        for i, line in enumerate(f):
            if i >= count or len(out) + len(line) > limit:
                break
            out += line
    return out


def whole(path, limit=4096):
    data = open(os.path.join(ROOT, path), "rb").read()
    return data if len(data) <= limit else None


def small_dataset():
    """The ISW seed with three actors, one bloc and the observations among them."""
    d = json.load(open(os.path.join(ROOT, "seeds", "isw-2024-03-20.json")))
    keep = {"RUS", "CHN", "PRK"}
    d["actors"] = [a for a in d["actors"] if a["id"] in keep]
    d["blocs"] = [dict(b, members=[m for m in b["members"] if m in keep]) for b in d.get("blocs", [])[:1]]
    obs = [o for o in d["observations"] if o["source"] in keep and o["target"] in keep][:4]
    for o in obs:
        for e in o.get("evidence", []):
            e.pop("note", None)
            e.pop("via", None)
    d["observations"] = obs
    d.pop("description", None)
    return json.dumps(d, separators=(",", ":"), ensure_ascii=False).encode()


def main():
    dataset = small_dataset()
    seeds = {
        "FuzzDatasetJSON": {"isw-small.json": dataset},
        "FuzzRender": {"isw-small.json": dataset},
        "FuzzHTML": {"isw-small.json": dataset},
        "FuzzEdgeList": {
            "padgett.paj": lines("Tests/Fixtures/networks/Padgett.paj", 40),
            "edges.txt": b"# weighted ties\nRUS CHN 3\nRUS,PRK,2.5\nIRN\tRUS\t1e-3\n0 1\n1 2 7\n",
        },
        "FuzzCSV": {
            "sipri.csv": lines("Tests/Fixtures/data/sipri_tiv_exports_processed_360info.csv", 12),
            "unvotes.csv": lines("Tests/Fixtures/data/unvotes_sessions70plus_roll_calls.csv", 8),
        },
        "FuzzGDELT": {
            "gdelt2.csv": lines("Tests/Fixtures/data/gdelt2_20191024143000.export.CSV", 3),
            "gdelt1.tsv": lines("Tests/Fixtures/data/gdelt1_sample_events_reed9999.tsv", 3),
            "gdelt2-header.tsv": lines("Tests/Fixtures/data/gdelt2_20191024143000_interstate_with_header.tsv", 3),
        },
        "FuzzDyads": {
            "day.csv": lines("Tests/Fixtures/reference/gdelt2_dyads_day.csv", 12),
            "month.csv": lines("Tests/Fixtures/reference/gdelt_mixed_dyads_month.csv", 12),
        },
        "FuzzArchive": {
            "gzip-small-valid": whole("Tests/Fixtures/fuzz/FuzzArchive/gzip-small-valid"),
            "zip-small-valid": whole("Tests/Fixtures/fuzz/FuzzArchive/zip-small-valid"),
        },
        "FuzzATOP": {
            # The undirected file's first lines equal the directed one's; -merge keeps one of them.
            "ddyr.csv": lines("Tests/Fixtures/data/atop5_1_ddyr_2018.csv", 12),
        },
        "FuzzSIPRI": {
            "processed.csv": lines("Tests/Fixtures/data/sipri_tiv_exports_processed_360info.csv", 12),
            "register.csv": lines("Tests/Fixtures/data/TIV-Export-RUS-1950-2021.csv", 16),
        },
        "FuzzGraphML": {
            "florentine-igraph.graphml": whole("Tests/Fixtures/interchange/florentine-igraph.graphml"),
            "yed-style.graphml": whole("Tests/Fixtures/interchange/yed-style.graphml"),
        },
        "FuzzGEXF": {"florentine-networkx.gexf": whole("Tests/Fixtures/interchange/florentine-networkx.gexf")},
        "FuzzTables": {
            "relation.csv": lines("Tests/Fixtures/reference/qap/votes-coincidence.csv", 12),
            "contdir.csv": lines("Tests/Fixtures/data/cow_contdir_v3.2.csv", 12),
            "cameo-map.csv": b"code,kind\n04,-\n0621,economic\n190,war\n",
            # The unvotes layout: votes, roll calls and issues, cut at lines "%%" (see the target).
            "unvotes.csv": lines("Tests/Fixtures/data/unvotes_sessions70plus_votes.csv", 8) + b"%%\n"
            + lines("Tests/Fixtures/data/unvotes_sessions70plus_roll_calls.csv", 3) + b"%%\n"
            + lines("Tests/Fixtures/data/unvotes_sessions70plus_issues.csv", 4),
            # The UN Digital Library layout (its columns; rows written for the tests).
            "undl.csv": b"undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title\n"
            b"4031001,USA,UNITED STATES,N,2023-10-27,78,A/RES/78/1,One\n"
            b"4031001,NAM,NAMIBIA,,2023-10-27,78,A/RES/78/1,One\n"
            b'4031002,RUS,RUSSIAN FEDERATION,A,2023-12-05,78,A/RES/78/2,"Two, with a comma"\n',
        },
        "FuzzNodeLink": {
            "florentine-links.json": whole("Tests/Fixtures/interchange/florentine-networkx-links.json"),
            "transfers.node-link.json": whole("Tests/Fixtures/interchange/transfers-networkx.node-link.json"),
        },
    }
    for target, files in seeds.items():
        d = os.path.join(OUT, target)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for name, data in files.items():
            assert data, f"{target}/{name}: nothing to write"
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        print(f"{target}: {len(files)} seeds, {sum(len(v) for v in files.values())} bytes")


if __name__ == "__main__":
    main()
