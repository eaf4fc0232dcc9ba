#!/usr/bin/env python3
"""Reference values for the clustering conventions, on the graphs of centrality.json:
- NetworkX 3.6.1 `clustering`: unweighted, weighted (Onnela et al.'s geometric mean) and, on
  directed graphs, Fagiolo's directed clustering, unweighted and weighted; `average_clustering`
  and `transitivity` (of the undirected graph);
- igraph 1.0.0 `transitivity_local_undirected(weights=...)`: Barrat et al.'s weighted clustering
  (undirected, NaN below two neighbours, igraph's default).

    pip install networkx==3.6.1 igraph==1.0.0
    python3 scripts/reference/clustering_reference.py > Tests/Fixtures/reference/clustering.json
"""
import json
import math
import os

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = json.load(open(os.path.join(ROOT, "Tests", "Fixtures", "reference", "centrality.json"), encoding="utf-8"))
out = {}
for name, g in sorted(data["graphs"].items()):
    n = len(g["nodes"])
    G = nx.DiGraph() if g["directed"] else nx.Graph()
    G.add_nodes_from(range(n))
    for u, v, w in g["edges"]:
        G.add_edge(u, v, weight=w)
    r = {"clustering": [nx.clustering(G)[v] for v in range(n)],
         "clustering_weighted": [float(nx.clustering(G, weight="weight")[v]) for v in range(n)]}
    U = G.to_undirected() if G.is_directed() else G
    r["average_clustering_undirected"] = nx.average_clustering(U)
    r["transitivity_undirected"] = nx.transitivity(U)
    if not G.is_directed():
        h = ig.Graph(n=n, edges=[(u, v) for u, v in G.edges])
        h.es["weight"] = [G[u][v]["weight"] for u, v in G.edges]
        barrat = h.transitivity_local_undirected(weights="weight")
        r["clustering_barrat"] = [None if (x is None or (isinstance(x, float) and math.isnan(x))) else x for x in barrat]
    out[name] = r
print(json.dumps({"source": "networkx %s, igraph %s" % (nx.__version__, ig.__version__), "graphs": out}, indent=1))
