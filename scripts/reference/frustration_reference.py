#!/usr/bin/env python3
"""Reference values of the frustration index (line index of balance), from SciPy's HiGHS.

Writes Tests/Fixtures/reference/frustration.json: seeded random signed graphs of 30 to 150 nodes
and the minimum number of edges whose removal makes each balanced, solved here as a binary
program by HiGHS (scipy.optimize.milp) in the plain XOR model of Aref, Mason and Wilson (2018):
a 0/1 camp per node and a 0/1 frustration per edge, minimising the frustrated edges. No cuts, no
reduction: a different code path and a different solver from CoalitionExact's GLPK program.

    pip install numpy scipy
    python3 scripts/reference/frustration_reference.py [--check]

Graphs: most have planted camps (two or three groups, positive inside and negative across) with
a share of edges whose sign is flipped, as signed international networks are nearly balanced;
two are uniformly random signings, the hard case. --check recomputes and compares with the file.
"""
import json
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "frustration.json")

# (name, nodes, mean degree, camps (0: random signs), flip share or negative share, seed)
SPECS = [
    ("planted-30", 30, 4.0, 2, 0.15, 1),
    ("planted-45-three", 45, 5.0, 3, 0.15, 2),
    ("planted-60", 60, 5.0, 2, 0.12, 3),
    ("planted-90", 90, 4.0, 2, 0.15, 4),
    ("planted-120-three", 120, 4.0, 3, 0.10, 5),
    ("planted-150", 150, 4.0, 2, 0.12, 6),
    ("planted-150-dense", 150, 6.0, 2, 0.08, 7),
    ("random-30", 30, 4.0, 0, 0.3, 8),
    ("random-40", 40, 5.0, 0, 0.3, 9),
]


def graph(n, degree, camps, share, seed):
    rng = np.random.default_rng(seed)
    m = int(round(n * degree / 2))
    pairs = set()
    while len(pairs) < m:
        u, v = (int(x) for x in rng.integers(0, n, 2))
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    group = rng.integers(0, max(camps, 1), n)
    edges = []
    for u, v in sorted(pairs):
        if camps == 0:
            sign = -1 if rng.random() < share else 1
        else:
            sign = 1 if group[u] == group[v] else -1
            if rng.random() < share:
                sign = -sign
        edges.append([u, v, sign])
    return edges


def frustration(n, edges):
    m = len(edges)
    rows, cols, vals, lower = [], [], [], []
    r = 0
    for k, (u, v, s) in enumerate(edges):
        f = n + k
        if s > 0:  # f >= |x_u - x_v|
            for a, b in ((-1, 1), (1, -1)):
                rows += [r, r, r]; cols += [f, u, v]; vals += [1, a, b]; lower.append(0); r += 1
        else:  # f >= x_u + x_v - 1 and f >= 1 - x_u - x_v
            rows += [r, r, r]; cols += [f, u, v]; vals += [1, -1, -1]; lower.append(-1); r += 1
            rows += [r, r, r]; cols += [f, u, v]; vals += [1, 1, 1]; lower.append(1); r += 1
    a = sp.csr_matrix((vals, (rows, cols)), shape=(r, n + m))
    upper = np.ones(n + m)
    upper[0] = 0  # node 0 in camp 0
    res = milp(np.r_[np.zeros(n), np.ones(m)], constraints=LinearConstraint(a, lower, np.inf),
               integrality=np.ones(n + m), bounds=Bounds(0, upper), options={"mip_rel_gap": 0})
    assert res.status == 0, res.message
    split = [int(round(x)) for x in res.x[:n]]
    value = sum(1 for u, v, s in edges if (split[u] == split[v]) != (s > 0))
    assert value == int(round(res.fun))
    return value, split


def main():
    out = {"generator": "scripts/reference/frustration_reference.py", "solver": "scipy.optimize.milp (HiGHS)", "graphs": []}
    for name, n, degree, camps, share, seed in SPECS:
        edges = graph(n, degree, camps, share, seed)
        t = time.time()
        value, split = frustration(n, edges)
        print(f"{name}: {n} nodes, {len(edges)} edges, L = {value} ({time.time() - t:.1f} s)", file=sys.stderr)
        out["graphs"].append({"name": name, "nodes": n, "edges": edges, "frustration": value, "split": split})
    if "--check" in sys.argv:
        old = json.load(open(OUT, encoding="utf-8"))
        for a, b in zip(old["graphs"], out["graphs"], strict=True):
            assert (a["name"], a["edges"], a["frustration"]) == (b["name"], b["edges"], b["frustration"]), a["name"]
        print(f"{OUT}: all {len(old['graphs'])} graphs agree", file=sys.stderr)
        return
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
