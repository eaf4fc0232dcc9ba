#!/usr/bin/env python3
"""`coalition metrics --format json` against NetworkX 3.6 on random graphs it has never seen.

    python3 scripts/reference/check_metrics.py PATH/TO/coalition [--graphs N] [--seed S]

Draws N graphs (seed printed, random by default): undirected and directed, unweighted and
weighted (weights 1-9, paths with length 1/weight), sparse and dense, with isolates, pendants and
several components. Runs every measure through the command line and compares each value with
NetworkX (numpy for the eigenvector limit and Katz) to 1e-9 relative. JSON values are read with
Python's exact float parser: they must round-trip. Prints one line per graph and a summary line
'N passed, M failed'; exits non-zero on any difference.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx
import numpy as np

TOLERANCE = 1e-9


def eigenvector_limit(g, nodes, weight):
    """The unit-norm projection of the all-ones vector on A's top eigenspace: the limit of
    NetworkX's power iteration (x <- (A + I) x from ones), which is what we document."""
    a = nx.to_numpy_array(g, nodelist=nodes, weight=weight)
    values, vectors = np.linalg.eigh(a)
    top = values[-1]
    span = vectors[:, values >= top - 1e-9 * max(1.0, abs(top))]
    v = span @ (span.T @ np.ones(len(nodes)))
    return v / np.linalg.norm(v)


def effective_size(g, v):
    """Burt's effective size from NetworkX's own pieces (normalized_mutual_weight), node by node.

    nx.effective_size itself is inconsistent on directed graphs in NetworkX 3.6.1: its all-nodes
    fast path (scipy) divides the mutual weights by column maxima instead of row maxima (1.333
    instead of 1.167 for node 0 of 0->1, 1->0, 0->2, 2->1), and its per-node path calls a node
    with only incoming ties isolated (NaN). Both differ from Burt's formula, which this follows."""
    from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

    contacts = set(nx.all_neighbors(g, v)) - {v}
    if not contacts:
        return float("nan")
    return sum(1 - sum(nmw(g, v, w) * nmw(g, u, w, norm=max) for w in contacts) for u in contacts)


def references(g, weighted):
    nodes = sorted(g.nodes, key=int)
    n = len(nodes)
    directed = g.is_directed()
    w = "weight" if weighted else None
    dist = "dist" if weighted else None
    u = g.to_undirected() if directed else g
    ref = {}
    scale = 1 / (n - 1) if n > 1 else 1
    ref["degree"] = [len(set(u[v])) * scale for v in nodes]
    ref["in-degree"] = [(g.in_degree(v) if directed else g.degree(v)) * scale for v in nodes]
    ref["out-degree"] = [(g.out_degree(v) if directed else g.degree(v)) * scale for v in nodes]
    ref["in-strength"] = [(g.in_degree(v, weight="weight") if directed else g.degree(v, weight="weight")) for v in nodes]
    ref["out-strength"] = [(g.out_degree(v, weight="weight") if directed else g.degree(v, weight="weight")) for v in nodes]
    ref["betweenness"] = [nx.betweenness_centrality(g, weight=dist)[v] for v in nodes]
    ref["closeness"] = [nx.closeness_centrality(g, distance=dist)[v] for v in nodes]
    harmonic = nx.harmonic_centrality(g, distance=dist)
    ref["harmonic"] = [harmonic[v] * scale for v in nodes]
    ref["pagerank"] = [nx.pagerank(g, weight=w, tol=1e-15, max_iter=100000)[v] for v in nodes]
    if not directed and n > 0:
        ref["eigenvector"] = list(eigenvector_limit(g, nodes, w))
    a = nx.to_numpy_array(g, nodelist=nodes, weight=w)
    sigma = np.linalg.norm(a, 2) if g.number_of_edges() else 1.0
    if n > 1:
        katz = nx.katz_centrality_numpy(g, alpha=0.5 / sigma, beta=1.0, weight=w)
        ref["katz"] = [katz[v] for v in nodes]
    ref["core"] = [float(nx.core_number(g)[v]) for v in nodes]
    # Onnela's weighted clustering when weighted, Fagiolo's on directed graphs (NetworkX `clustering`).
    ref["clustering"] = [float(nx.clustering(g, weight=w)[v]) for v in nodes]
    constraint = nx.constraint(g)
    ref["constraint"] = [constraint[v] for v in nodes]
    ref["effective-size"] = [effective_size(g, v) for v in nodes]
    return nodes, ref


def close(a, b):
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return (a is None or (isinstance(a, float) and math.isnan(a))) and (b is None or math.isnan(b))
    return abs(a - b) <= TOLERANCE * max(1.0, abs(b))


def run(binary, path, directed, weighted, measures):
    args = [binary, "metrics", "--edges", path, "--format", "json", "--length", "inverseWeight" if weighted else "hops", "--threads", "2"]
    if directed:
        args.append("--directed")
    if weighted:
        args.append("--weighted")
    for m in measures:
        args += ["--measure", m]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[sys.argv.index("--graphs") + 1]) if "--graphs" in sys.argv else 40
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else random.randrange(1 << 30)
    print(f"seed {seed}")
    rng = random.Random(seed)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(count):
            directed = k % 2 == 1
            weighted = k % 4 >= 2
            n = rng.randint(2, 40)
            m = rng.randint(1, min(n * (n - 1) // (1 if directed else 2), 3 * n))
            g = nx.gnm_random_graph(n, m, seed=rng.randrange(1 << 30), directed=directed)
            for a, b in g.edges:
                g[a][b]["weight"] = float(rng.randint(1, 9)) if weighted else 1.0
                g[a][b]["dist"] = 1.0 / g[a][b]["weight"]
            nodes, ref = references(g, weighted)
            path = os.path.join(tmp, f"g{k}.txt")
            with open(path, "w") as f:
                f.write("# isolates keep their index through a self-loop-free listing of every node\n")
                for a, b in g.edges:
                    f.write(f"{a} {b} {int(g[a][b]['weight'])}\n" if weighted else f"{a} {b}\n")
            # Isolated nodes: the edge list names only nodes with edges; compare on those.
            present = sorted({int(x) for e in g.edges for x in e})
            if len(present) < n:
                h = g.subgraph(present).copy()
                nodes, ref = references(h, weighted)
            result = run(binary, path, directed, weighted, list(ref))
            rows = {row["actor"]: row for row in result["rows"]}
            bad = []
            for measure, values in ref.items():
                for node, want in zip(nodes, values):
                    got = rows[str(node)][measure]
                    if not close(got, float(want)):
                        bad.append(f"{measure}[{node}] {got} != {want}")
            kind = ("directed" if directed else "undirected") + (" weighted" if weighted else "")
            if bad:
                failed += 1
                print(f"graph {k} ({kind}, n={len(nodes)}, m={g.number_of_edges()}): {len(bad)} differences, e.g. {bad[:3]}")
            else:
                passed += 1
                print(f"graph {k} ({kind}, n={len(nodes)}, m={g.number_of_edges()}): {len(ref)} measures agree to {TOLERANCE}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
