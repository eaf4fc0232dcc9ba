#!/usr/bin/env python3
"""Reference values for degree and strength, computed with NetworkX.

Writes Tests/Fixtures/reference/degree.json. `swift test` never runs Python: the file is committed and
the Swift tests compare against it. Re-run after changing the seed dataset:

    pip install networkx==3.6.1
    python3 scripts/reference/degree_reference.py

Conventions reproduced (see View.degree / View.strength doc comments):
  degree        distinct partners, direction ignored         = nx.Graph(multigraph).degree
  degree_norm   degree / (n - 1)                              = nx.degree_centrality
  out/in        distinct successors/predecessors; undirected kinds count both ways
  ties          one per (partner, kind)                       = nx.MultiGraph degree
  strength      sum of tie weights (sum of observation weights) = MultiGraph degree(weight=...)
"""
import json
import os

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILT_IN_DIRECTED = {"arms-transfer", "technology", "security", "support", "accusation", "sanction", "war"}


def seed_graphs():
    data = json.load(open(os.path.join(ROOT, "seeds", "isw-2024-03-20.json"), encoding="utf-8"))
    directed = BUILT_IN_DIRECTED | {k["id"] for k in data["kinds"] if k["directed"]}
    actors = [a["id"] if isinstance(a, dict) else a for a in data["actors"]]
    ties = {}
    for o in data["observations"]:
        s, t, k = o["source"], o["target"], o["kind"]
        if k not in directed and t < s:
            s, t = t, s  # undirected ties merge regardless of the order written
        key = (s, t, k)
        ties[key] = ties.get(key, 0.0) + float(o.get("weight", 1))
    multi = nx.MultiGraph()
    arcs = nx.DiGraph()
    multi.add_nodes_from(actors)
    arcs.add_nodes_from(actors)
    for (s, t, k), w in ties.items():
        multi.add_edge(s, t, key=k, weight=w)
        arcs.add_edge(s, t)
        if k not in directed:
            arcs.add_edge(t, s)
    return actors, multi, arcs


def karate():
    g = nx.karate_club_graph()
    edges = sorted((min(u, v), max(u, v), d.get("weight", 1)) for u, v, d in g.edges(data=True))
    return g, edges


def main():
    actors, multi, arcs = seed_graphs()
    simple = nx.Graph(multi)
    centrality = nx.degree_centrality(simple)
    seed = {
        a: {
            "degree": simple.degree(a),
            "degree_normalized": centrality[a],
            "out_degree": arcs.out_degree(a),
            "in_degree": arcs.in_degree(a),
            "ties": multi.degree(a),
            "strength": multi.degree(a, weight="weight"),
        }
        for a in actors
    }
    kg, edges = karate()
    kc = nx.degree_centrality(kg)
    karate_values = {
        str(v): {"degree": kg.degree(v), "degree_normalized": kc[v], "strength": kg.degree(v, weight="weight")}
        for v in kg.nodes
    }
    out = {
        "generator": "scripts/reference/degree_reference.py",
        "networkx": nx.__version__,
        "seed": seed,
        "karate": {"edges": [[u, v, w] for u, v, w in edges], "values": karate_values},
    }
    path = os.path.join(ROOT, "Tests", "Fixtures", "reference", "degree.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
