#!/usr/bin/env python3
"""Reference centrality values from NetworkX 3.6 and igraph 1.0, for the Swift tests.

Writes Tests/Fixtures/reference/centrality.json: the graphs (node order, edges with weights) and,
per graph, the values of each measure in node order. `swift test` only reads the file.

    pip install networkx==3.6.1 igraph==1.0.0
    python3 scripts/reference/centrality_reference.py

Weighted path measures use distance = 1 / weight (a strong tie is a short path), passed to both
libraries as an explicit edge attribute. Directed path measures are reported in both directions.
"""
import json
import os
import random

import igraph as ig
import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILT_IN_DIRECTED = {"arms-transfer", "technology", "security", "support", "accusation", "sanction", "war"}


def with_distance(g):
    for _, _, d in g.edges(data=True):
        d.setdefault("weight", 1.0)
        d["weight"] = float(d["weight"])
        d["dist"] = 1.0 / d["weight"]
    return g


def graphs():
    out = {}
    out["karate"] = (nx.karate_club_graph(), True)
    out["florentine"] = (nx.florentine_families_graph(), False)
    out["lesmis"] = (nx.les_miserables_graph(), True)
    out["kite"] = (nx.krackhardt_kite_graph(), False)
    rng = random.Random(7)
    d = nx.gnp_random_graph(30, 0.12, seed=7, directed=True)
    for u, v in d.edges:
        d[u][v]["weight"] = rng.randint(1, 9)
    out["directed_weighted"] = (d, True)
    g = nx.Graph()
    g.add_nodes_from(range(10))
    g.add_edges_from([(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 4), (6, 7)])  # path, triangle with tail, isolates 8, 9
    out["disconnected"] = (g, False)
    und, dirg = seed_graphs()
    out["seed_undirected"] = (und, True)
    out["seed_directed"] = (dirg, True)
    return {name: (with_distance(g), weighted) for name, (g, weighted) in out.items()}


def seed_graphs():
    """The seed dataset's ties collapsed to simple graphs (weights summed over kinds and observations)."""
    data = json.load(open(os.path.join(ROOT, "seeds", "isw-2024-03-20.json"), encoding="utf-8"))
    actors = [a["id"] for a in data["actors"]]
    und, dirg = nx.Graph(), nx.DiGraph()
    und.add_nodes_from(actors)
    dirg.add_nodes_from(actors)
    for o in data["observations"]:
        s, t, k, w = o["source"], o["target"], o["kind"], float(o.get("weight", 1))
        arcs = [(s, t)] if k in BUILT_IN_DIRECTED else [(s, t), (t, s)]
        for a, b in arcs:
            dirg.add_edge(a, b, weight=dirg[a][b]["weight"] + w if dirg.has_edge(a, b) else w)
        und.add_edge(s, t, weight=und[s][t]["weight"] + w if und.has_edge(s, t) else w)
    return und, dirg


def to_igraph(g, nodes):
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges], directed=g.is_directed())
    h.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    h.es["dist"] = [d["dist"] for _, _, d in g.edges(data=True)]
    return h


def clean(x):
    """JSON has no NaN: undefined values (igraph's closeness of an isolate) become null."""
    return None if x != x else float(x)


def ordered(values, nodes):
    return [clean(values[v]) for v in nodes]


def measures(g, weighted):
    nodes = list(g.nodes)
    h = to_igraph(g, nodes)
    directed = g.is_directed()
    r = {}
    variants = [("", None, None)] + ([("_weighted", "dist", "weight")] if weighted else [])
    for suffix, dist, wt in variants:
        for norm in (True, False):
            for endpoints in (False, True):
                key = f"betweenness{suffix}_{'norm' if norm else 'raw'}{'_endpoints' if endpoints else ''}"
                r[key] = ordered(nx.betweenness_centrality(g, normalized=norm, weight=dist, endpoints=endpoints), nodes)
        r[f"betweenness{suffix}_igraph"] = [float(x) for x in h.betweenness(weights=dist)]
        # NetworkX closeness (Wasserman–Faust); on directed graphs NetworkX uses distances *to* the node.
        r[f"closeness{suffix}_networkx"] = ordered(nx.closeness_centrality(g, distance=dist), nodes)
        r[f"closeness{suffix}_networkx_nowf"] = ordered(nx.closeness_centrality(g, distance=dist, wf_improved=False), nodes)
        r[f"harmonic{suffix}_networkx"] = ordered(nx.harmonic_centrality(g, distance=dist), nodes)
        modes = ["all"] if not directed else ["out", "in"]
        for mode in modes:
            r[f"closeness{suffix}_igraph_{mode}"] = [clean(x) for x in h.closeness(mode=mode, weights=dist, normalized=True)]
            r[f"closeness{suffix}_igraph_{mode}_raw"] = [clean(x) for x in h.closeness(mode=mode, weights=dist, normalized=False)]
            r[f"harmonic{suffix}_igraph_{mode}"] = [float(x) for x in h.harmonic_centrality(mode=mode, weights=dist, normalized=True)]
        # PageRank: NetworkX power iteration run to convergence, igraph's PRPACK solves exactly.
        r[f"pagerank{suffix}"] = ordered(nx.pagerank(g, alpha=0.85, weight=wt, tol=1e-15, max_iter=100000), nodes)
        r[f"pagerank{suffix}_igraph"] = [float(x) for x in h.pagerank(damping=0.85, weights=wt, directed=directed)]
        # Katz: alpha is half the largest admissible value, 1 / spectral radius, so the series converges.
        radius = max(abs(np.linalg.eigvals(nx.to_numpy_array(g, nodelist=nodes, weight=wt)))) if g.number_of_edges() else 1.0
        alpha = 0.5 / radius
        r[f"katz{suffix}_alpha"] = alpha
        r[f"katz{suffix}"] = ordered(nx.katz_centrality_numpy(g, alpha=alpha, beta=1.0, normalized=True, weight=wt), nodes)
        r[f"katz{suffix}_raw"] = ordered(nx.katz_centrality_numpy(g, alpha=alpha, beta=1.0, normalized=False, weight=wt), nodes)
        if not directed and nx.is_connected(g):
            r[f"eigenvector{suffix}"] = ordered(nx.eigenvector_centrality_numpy(g, weight=wt), nodes)
            r[f"eigenvector{suffix}_igraph_scaled"] = [float(x) for x in h.eigenvector_centrality(scale=True, weights=wt)]
        eb = nx.edge_betweenness_centrality(g, normalized=True, weight=dist)
        r[f"edge_betweenness{suffix}"] = [[nodes.index(u), nodes.index(v), float(x)] for (u, v), x in sorted(eb.items(), key=lambda kv: (nodes.index(kv[0][0]), nodes.index(kv[0][1])))]
    if directed:
        personal = None
    else:
        personal = {nodes[0]: 1.0, nodes[-1]: 3.0}
        r["pagerank_personalized"] = ordered(nx.pagerank(g, alpha=0.85, personalization=personal, tol=1e-15, max_iter=100000), nodes)
    r["pagerank_reversed"] = ordered(nx.pagerank(g.reverse() if directed else g, alpha=0.85, tol=1e-15, max_iter=100000), nodes)
    return nodes, r


def main():
    out = {"generator": "scripts/reference/centrality_reference.py", "networkx": nx.__version__, "igraph": ig.__version__, "graphs": {}}
    for name, (g, weighted) in graphs().items():
        nodes, values = measures(g, weighted)
        index = {v: i for i, v in enumerate(nodes)}
        out["graphs"][name] = {
            "directed": g.is_directed(),
            "weighted": weighted,
            "nodes": [str(v) for v in nodes],
            "edges": [[index[u], index[v], float(d["weight"])] for u, v, d in g.edges(data=True)],
            "values": values,
        }
    path = os.path.join(ROOT, "Tests", "Fixtures", "reference", "centrality.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=None, sort_keys=True, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
