#!/usr/bin/env python3
"""Writes the inputs of the bloc permutation references (Tests/Fixtures/reference/permutation/):
for the seed dataset and the UN vote-alignment dataset, read straight from their JSON files,
- NAME-paths.csv: the pairs tied by a cooperative observation (a,b), once per pair;
- NAME-all.csv: the pairs tied by any observation;
- NAME-labels.csv: every actor and its bloc (the first bloc that lists it; empty for none).
scripts/reference/permutation_reference.R reads them.

Usage: python3 scripts/reference/permutation_inputs.py
"""
import csv
import json
import os

HOSTILE = {"accusation", "sanction", "rivalry", "war"}
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
out = os.path.join(root, "Tests/Fixtures/reference/permutation")
os.makedirs(out, exist_ok=True)
for name, path in [("seed", "seeds/isw-2024-03-20.json"), ("alignment", "docs/alignment-2015-2019.json")]:
    d = json.load(open(os.path.join(root, path), encoding="utf-8"))
    hostile = set(HOSTILE) | {k["id"] for k in d.get("kinds", []) if k.get("polarity") == "hostile"}
    actors = [a["id"] for a in d["actors"]]
    bloc = {}
    for b in d.get("blocs", []):
        for m in b["members"]:
            bloc.setdefault(m, b["id"])
    pairs = {"paths": set(), "all": set()}
    for o in d["observations"]:
        a, b = o["source"], o["target"]
        if a == b:
            continue
        pair = tuple(sorted((a, b)))
        pairs["all"].add(pair)
        if o["kind"] not in hostile:
            pairs["paths"].add(pair)
    for which, found in pairs.items():
        with open(os.path.join(out, f"{name}-{which}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["a", "b"])
            w.writerows(sorted(found))
    with open(os.path.join(out, f"{name}-labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["actor", "bloc"])
        w.writerows([(a, bloc.get(a, "")) for a in actors])
    print(name, len(actors), "actors,", len(pairs["paths"]), "cooperative pairs,", len(pairs["all"]), "pairs")
