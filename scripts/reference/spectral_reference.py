#!/usr/bin/env python3
"""Reference values of the spectral and iterative measures on a sweep of small graphs.

Writes Tests/Fixtures/reference/spectral_sweep.json: several hundred seeded small graphs of every
kind (connected, disconnected, bipartite, periodic, with pendants, stars, edgeless, directed,
weighted) with NetworkX 3.6's eigenvector centrality, PageRank and Katz centrality in node order.
`swift test` only reads the file.

    pip install networkx==3.6.1 numpy scipy
    python3 scripts/reference/spectral_reference.py

Eigenvector centrality is the limit NetworkX's power iteration (x <- (A + I) x from the all-ones
vector) tends to: the all-ones vector projected on the eigenspace of the largest eigenvalue, at
unit norm. It is computed here exactly from numpy's dense eigen-decomposition, and checked against
nx.eigenvector_centrality run to 1e-13 wherever that converges within 200,000 iterations. Directed
graphs are kept only when strongly connected (elsewhere the limit is not an eigenvector of A).
PageRank is nx.pagerank at tol=1e-15; it is checked against a dense linear solve of the Google
matrix. Katz uses alpha = 0.5 / largest singular value of A, as `coalition metrics` does.
"""
import json
import os
import random

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def families(rng):
    out = []
    # Named graphs that broke earlier versions.
    out.append(("davis_southern_women", nx.convert_node_labels_to_integers(nx.davis_southern_women_graph())))
    out.append(("triangle_pendant", nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])))
    out.append(("triangle_and_edge", nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4)])))
    out.append(("two_triangles", nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])))
    out.append(("edgeless_4", nx.empty_graph(4)))
    out.append(("single_node", nx.empty_graph(1)))
    out.append(("single_edge", nx.path_graph(2)))
    for n in range(3, 11):
        out.append((f"path_{n}", nx.path_graph(n)))
        out.append((f"cycle_{n}", nx.cycle_graph(n)))
        out.append((f"star_{n}", nx.star_graph(n - 1)))
        out.append((f"directed_cycle_{n}", nx.cycle_graph(n, create_using=nx.DiGraph)))
    out.append(("complete_bipartite_3_4", nx.complete_bipartite_graph(3, 4)))
    out.append(("grid_3x4", nx.convert_node_labels_to_integers(nx.grid_2d_graph(3, 4))))
    out.append(("hypercube_3", nx.convert_node_labels_to_integers(nx.hypercube_graph(3))))
    out.append(("petersen", nx.petersen_graph()))
    out.append(("karate", nx.karate_club_graph()))
    # Random undirected G(n, m): sparse ones are often disconnected or have pendants.
    for k in range(220):
        n = rng.randint(2, 12)
        m = rng.randint(1, n * (n - 1) // 2)
        out.append((f"gnm_{k}", nx.gnm_random_graph(n, m, seed=rng.randrange(1 << 30))))
    # Random bipartite graphs (−λ is an eigenvalue too).
    for k in range(80):
        a, b = rng.randint(1, 6), rng.randint(1, 6)
        g = nx.bipartite.random_graph(a, b, rng.uniform(0.2, 0.9), seed=rng.randrange(1 << 30))
        out.append((f"bipartite_{k}", nx.Graph(g)))
    # Random trees with extra pendants.
    for k in range(40):
        n = rng.randint(2, 12)
        t = nx.random_labeled_tree(n, seed=rng.randrange(1 << 30))
        out.append((f"tree_{k}", nx.Graph(t)))
    # Random directed graphs: strongly connected ones for eigenvector, all for PageRank and Katz.
    for k in range(160):
        n = rng.randint(2, 10)
        m = rng.randint(1, n * (n - 1))
        out.append((f"digraph_{k}", nx.gnm_random_graph(n, m, seed=rng.randrange(1 << 30), directed=True)))
    # Weighted copies of some of each.
    weighted = []
    for name, g in out:
        if rng.random() < 0.35 and g.number_of_edges() > 0:
            h = g.copy()
            for u, v in h.edges:
                h[u][v]["weight"] = float(rng.choice([0.5, 1, 2, 3, 7.25, 10]))
            weighted.append((name + "_w", h))
    return out + weighted


def eigenvector_limit(g, nodes):
    """The unit-norm projection of the all-ones vector on the top eigenspace of A (Aᵀ when directed)."""
    a = nx.to_numpy_array(g, nodelist=nodes, weight="weight")
    if g.is_directed():
        if not nx.is_strongly_connected(g) or g.number_of_edges() == 0:
            return None
        values, vectors = np.linalg.eig(a.T)
        top = np.argmax(values.real)
        v = np.abs(vectors[:, top].real)
        return v / np.linalg.norm(v)
    values, vectors = np.linalg.eigh(a)
    top = values[-1]
    span = vectors[:, values >= top - 1e-9 * max(1.0, abs(top))]
    ones = np.ones(len(nodes))
    v = span @ (span.T @ ones)
    return v / np.linalg.norm(v)


def pagerank_exact(g, nodes):
    m = nx.google_matrix(g, alpha=0.85, nodelist=nodes, weight="weight")
    n = len(nodes)
    system = np.eye(n) - m.T
    system[-1, :] = 1.0
    rhs = np.zeros(n)
    rhs[-1] = 1.0
    return np.linalg.solve(system, rhs)


def main():
    rng = random.Random(20261129)
    graphs = []
    for name, g in families(rng):
        nodes = list(g.nodes)
        index = {v: i for i, v in enumerate(nodes)}
        weighted = any("weight" in d for _, _, d in g.edges(data=True))
        entry = {
            "name": name,
            "directed": g.is_directed(),
            "n": len(nodes),
            "edges": [[index[u], index[v], float(d.get("weight", 1.0))] for u, v, d in g.edges(data=True)],
            "values": {},
        }
        ev = eigenvector_limit(g, nodes)
        if ev is not None:
            try:
                check = nx.eigenvector_centrality(g, max_iter=200000, tol=1e-13, weight="weight")
                diff = max(abs(check[v] - ev[i]) for i, v in enumerate(nodes))
                assert diff < 1e-6, (name, diff)
            except nx.PowerIterationFailedConvergence:
                pass  # NetworkX converges too slowly here (a tiny spectral gap); the exact limit stands.
            entry["values"]["eigenvector"] = [float(x) for x in ev]
        if len(nodes) > 0:
            pr = nx.pagerank(g, alpha=0.85, tol=1e-15, max_iter=100000, weight="weight")
            exact = pagerank_exact(g, nodes)
            assert max(abs(pr[v] - exact[i]) for i, v in enumerate(nodes)) < 1e-12, name
            entry["values"]["pagerank"] = [float(pr[v]) for v in nodes]
            a = nx.to_numpy_array(g, nodelist=nodes, weight="weight")
            sigma = np.linalg.norm(a, 2) if g.number_of_edges() else 1.0
            alpha = 0.5 / sigma
            entry["katz_alpha"] = float(alpha)
            if len(nodes) == 1:
                entry["values"]["katz"] = [1.0]  # NetworkX's numpy version cannot take one node; β / |β| at unit norm
            else:
                katz = nx.katz_centrality_numpy(g, alpha=alpha, beta=1.0, normalized=True, weight="weight")
                entry["values"]["katz"] = [float(katz[v]) for v in nodes]
        entry["weighted"] = weighted
        graphs.append(entry)
    out = {"generator": "scripts/reference/spectral_reference.py", "networkx": nx.__version__, "numpy": np.__version__, "graphs": graphs}
    path = os.path.join(ROOT, "Tests", "Fixtures", "reference", "spectral_sweep.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", path, len(graphs), "graphs", os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
