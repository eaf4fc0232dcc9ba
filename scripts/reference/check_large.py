#!/usr/bin/env python3
"""PageRank, eigenvector and Katz of `coalition metrics` against exact references on a large graph.

    python3 scripts/reference/check_large.py PATH/TO/coalition [--nodes 100000] [--seed 1]

Builds a Barabási–Albert graph (m = 3, weights 1-9) with NetworkX, runs the three measures through
the command line at their default tolerance, and compares with NumPy/SciPy: PageRank by
iteration to the floating-point fixed point, eigenvector by ARPACK (eigsh) at machine
precision, Katz by iteration to the fixed point of x = alpha A^T x + 1. Prints the largest relative
error of each, per value: max |x - x*| / x*.
"""
import json
import subprocess
import sys
import tempfile

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla


def main():
    binary = sys.argv[1]
    n = int(sys.argv[sys.argv.index("--nodes") + 1]) if "--nodes" in sys.argv else 100_000
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    g = nx.barabasi_albert_graph(n, 3, seed=seed)
    rng = np.random.default_rng(seed)
    edges = np.array(list(g.edges()))
    weights = rng.integers(1, 10, size=len(edges)).astype(float)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for (u, v), w in zip(edges, weights):
            f.write(f"{u} {v} {int(w)}\n")
        path = f.name
    out = subprocess.run(
        [binary, "metrics", "--edges", path, "--weighted", "--measure", "pagerank", "--measure", "eigenvector", "--measure", "katz",
         "--format", "json"], capture_output=True, text=True, check=True).stdout
    rows = json.loads(out)["rows"]
    ours = {m: np.zeros(n) for m in ("pagerank", "eigenvector", "katz")}
    for r in rows:
        for m in ours:
            ours[m][int(r["actor"])] = r[m]
    a = sp.coo_matrix((np.concatenate([weights, weights]), (np.concatenate([edges[:, 0], edges[:, 1]]), np.concatenate([edges[:, 1], edges[:, 0]]))), shape=(n, n)).tocsr()
    # Reference values iterated in NumPy to their floating-point fixed point (an exact sparse solve
    # of these systems fills in badly on hub-heavy graphs): PageRank and Katz contract by 0.85 and
    # 0.5 a step, so 400 steps leave nothing of the start; eigenvector by ARPACK at machine precision.
    def fixed_point(step, x):
        for _ in range(2000):
            y = step(x)
            if np.array_equal(y, x):
                break
            x = y
        return x
    out_weight = np.asarray(a.sum(axis=1)).ravel()  # BA graphs have no dangling node
    pt = (sp.diags(1 / out_weight) @ a).T.tocsr()
    d = 0.85
    pr = fixed_point(lambda x: d * (pt @ x) + (1 - d) / n, np.full(n, 1 / n))
    values, vectors = sla.eigsh(a, k=1, which="LA")
    ev = np.abs(vectors[:, 0])
    ev /= np.linalg.norm(ev)
    sigma = values[0]  # symmetric and non-negative: the largest singular value is the largest eigenvalue
    at = a.T.tocsr()
    katz = fixed_point(lambda x: (0.5 / sigma) * (at @ x) + 1, np.zeros(n))
    katz /= np.linalg.norm(katz)
    for name, exact in (("pagerank", pr), ("eigenvector", ev), ("katz", katz)):
        rel = np.max(np.abs(ours[name] - exact) / np.abs(exact))
        print(f"{name}: largest relative error per value {rel:.2e} over {n} nodes")


if __name__ == "__main__":
    main()
