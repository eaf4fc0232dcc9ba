#!/usr/bin/env python3
"""Reference values for the importers and exporters, computed independently with Python's csv module,
NetworkX 3.6.1 and igraph 1.0.0.

Writes Tests/Fixtures/reference/interchange.json and the foreign graph files in Tests/Fixtures/interchange/
(GraphML as networkx and igraph write it, node-link JSON in both the `edges` and the older `links` form,
GEXF 1.2draft as networkx writes it). `swift test` only reads them.

    pip install networkx==3.6.1 igraph==1.0.0
    python3 scripts/reference/interchange_reference.py

The data files are real public files copied from the project's shared data (see Tests/Fixtures/README.md).
COW codes go to ISO alpha-3 through the countrycode crosswalk's `cown`/`iso3c` columns, read here from
the crosswalk the Swift table was generated from.
"""
import csv
import json
import os
from collections import Counter, defaultdict

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Tests", "Fixtures", "data")
OUT = os.path.join(ROOT, "Tests", "Fixtures")
CROSSWALK = os.path.join(ROOT, "..", "shared", "data", "geo", "country_code_crosswalk_countrycode.csv")


def cow_to_iso():
    table = {}
    with open(CROSSWALK, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["cown"] and r["iso3c"]:
                table[int(r["cown"])] = r["iso3c"]
    return table


def iso3_codes():
    with open(CROSSWALK, newline="", encoding="utf-8") as f:
        return {r["iso3c"] for r in csv.DictReader(f) if r["iso3c"]}


def atop(cow):
    flags = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
    kinds = ["defense-pact", "offense-pact", "neutrality-pact", "nonaggression-pact", "consultation-pact"]
    sums = Counter()
    edges = set()
    with open(os.path.join(DATA, "atop5_1_undirected_2018.csv"), newline="") as f:
        for r in csv.DictReader(f):
            a, b = int(r["ccode1"]), int(r["ccode2"])
            # COW 345 is Serbia from 2006 on; 260 is Germany.
            ida = "SRB" if a == 345 else cow.get(a, f"COW{a}")
            idb = "SRB" if b == 345 else cow.get(b, f"COW{b}")
            for flag, kind in zip(flags, kinds):
                if r[flag] == "1":
                    sums[kind] += 1
                    edges.add("|".join(sorted([ida, idb]) + [kind]))
    return {"flag_sums": dict(sums), "ties": sorted(edges)}


def sipri(cow):
    total = 0.0
    keys = set()
    by_supplier = Counter()
    with open(os.path.join(DATA, "sipri_tiv_exports_processed_360info.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            year = int(r["year"])
            if not 2017 <= year <= 2021:
                continue
            if r["supplier"].startswith("Unknown") or r["recipient"].startswith("Unknown"):
                continue
            total += float(r["value"])
            keys.add((r["supplier"], r["recipient"], year))
            if r["supplier_cown"] != "NA":
                by_supplier[cow[int(r["supplier_cown"])]] += float(r["value"])
    top = dict(sorted(by_supplier.items(), key=lambda kv: -kv[1])[:5])
    raw_total = 0.0
    raw_cells = 0
    with open(os.path.join(DATA, "TIV-Export-RUS-1950-2021.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "" and len(r) > 2 and r[1] == "1950")
    years = rows[header]
    for r in rows[header + 1 :]:
        if not r or not r[0] or r[0] == "Total" or r[0].startswith("Unknown"):
            continue
        for i, cell in enumerate(r[1:], start=1):
            if years[i].isdigit() and cell.strip() != "":
                raw_total += float(cell)
                raw_cells += 1
    return {
        "years_2017_2021": {"tiv_total": total, "supplier_recipient_years": len(keys), "top_suppliers_tiv": top},
        "raw_rus": {"tiv_total": raw_total, "cells": raw_cells},
    }


STANDARD = {
    "01": "statement", "02": "appeal", "03": "intent", "04": "diplomatic", "05": "diplomatic", "06": "economic",
    "061": "economic", "062": "military", "063": "security", "064": "security", "07": "support", "072": "security",
    "074": "security", "08": "yield", "09": "investigate", "10": "demand", "11": "accusation", "12": "reject",
    "13": "threaten", "14": "protest", "15": "force-posture", "16": "sanction", "17": "coerce", "18": "assault",
    "19": "armed-incident", "20": "armed-incident",
}
UNDIRECTED = {"diplomatic", "economic", "military"}


def kind_of(code):
    for n in range(len(code), 0, -1):
        if code[:n] in STANDARD:
            return STANDARD[code[:n]]
    return None


def gdelt(name, window, iso):
    kept = 0
    goldstein = 0.0
    roots = Counter()
    bundles = set()
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "GLOBALEVENTID":
                continue
            a, b = fields[7], fields[17]
            if a not in iso or b not in iso or a == b:
                continue
            code = fields[26]
            kind = kind_of(code)
            if kind is None:
                continue
            kept += 1
            goldstein += abs(float(fields[30]))
            roots[fields[28]] += 1
            date = fields[1]
            span = date if window == "day" else date[:6]
            pair = tuple(sorted([a, b])) if kind in UNDIRECTED else (a, b)
            bundles.add((pair, kind, span))
    return {"events": kept, "abs_goldstein": goldstein, "root_counts": dict(sorted(roots.items())), "observations": len(bundles)}


def roll_calls():
    with open(os.path.join(DATA, "unvotes_sessions70plus_roll_calls.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    descr = rows[0].index("descr")
    return {"records": len(rows), "fields": len(rows[0]), "descr_characters": sum(len(r[descr]) for r in rows[1:])}


def foreign_files():
    os.makedirs(os.path.join(OUT, "interchange"), exist_ok=True)
    expected = {}
    karate = nx.karate_club_graph()
    for u, v, d in karate.edges(data=True):
        d["strong"] = d["weight"] >= 4
    for n, d in karate.nodes(data=True):
        d["label"] = f"member {n}"
    path = os.path.join(OUT, "interchange", "karate-networkx.graphml")
    nx.write_graphml(karate, path)
    expected["karate-networkx.graphml"] = {
        "nodes": karate.number_of_nodes(), "edges": karate.number_of_edges(),
        "weight_sum": sum(d["weight"] for _, _, d in karate.edges(data=True)),
        "strong": sum(1 for _, _, d in karate.edges(data=True) if d["strong"]),
    }
    flo = ig.Graph.from_networkx(nx.florentine_families_graph())
    flo.vs["name"] = flo.vs["_nx_name"]
    del flo.vs["_nx_name"]
    flo.es["weight"] = [1.0 + (i % 3) for i in range(flo.ecount())]
    path = os.path.join(OUT, "interchange", "florentine-igraph.graphml")
    flo.write_graphml(path)
    expected["florentine-igraph.graphml"] = {
        "nodes": flo.vcount(), "edges": flo.ecount(), "weight_sum": sum(flo.es["weight"]),
        "names": sorted(flo.vs["name"]),
    }
    di = nx.MultiDiGraph()
    di.add_edge("RUS", "PRK", kind="technology", year=2023, weight=2.0)
    di.add_edge("PRK", "RUS", kind="arms-transfer", year=2023, weight=5.0)
    di.add_edge("PRK", "RUS", kind="arms-transfer", year=2024, weight=3.0)
    di.add_edge("IRN", "RUS", kind="arms-transfer", year=2022, weight=1.0)
    data = nx.node_link_data(di, edges="edges")
    with open(os.path.join(OUT, "interchange", "transfers-networkx.node-link.json"), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    legacy = nx.node_link_data(nx.florentine_families_graph(), edges="links")
    with open(os.path.join(OUT, "interchange", "florentine-networkx-links.json"), "w") as f:
        json.dump(legacy, f, indent=1, sort_keys=True)
    expected["transfers-networkx.node-link.json"] = {"nodes": di.number_of_nodes(), "edges": di.number_of_edges(), "weight_sum": 11.0}
    expected["florentine-networkx-links.json"] = {"nodes": 15, "edges": nx.florentine_families_graph().number_of_edges()}
    gexf_graph = nx.florentine_families_graph()
    nx.set_edge_attributes(gexf_graph, 2.5, "weight")
    path = os.path.join(OUT, "interchange", "florentine-networkx.gexf")
    nx.write_gexf(gexf_graph, path, version="1.2draft")
    # networkx stamps today's date into the file; keep the fixture stable.
    with open(path) as f:
        text = f.read()
    import re
    text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="2026-11-25"', text)
    with open(path, "w") as f:
        f.write(text)
    expected["florentine-networkx.gexf"] = {"nodes": 15, "edges": gexf_graph.number_of_edges(), "weight_sum": 2.5 * gexf_graph.number_of_edges()}
    return expected


def main():
    cow = cow_to_iso()
    iso = iso3_codes()
    ref = {
        "atop_2018": atop(cow),
        "sipri": sipri(cow),
        "gdelt2": gdelt("gdelt2_20191024143000.export.CSV", "day", iso),
        "gdelt1": gdelt("gdelt1_sample_events_reed9999.tsv", "month", iso),
        "roll_calls": roll_calls(),
        "foreign": foreign_files(),
        "versions": {"networkx": nx.__version__, "igraph": ig.__version__},
    }
    with open(os.path.join(OUT, "reference", "interchange.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
