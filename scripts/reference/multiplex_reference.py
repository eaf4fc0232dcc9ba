#!/usr/bin/env python3
"""Reference values for the multiplex case: Padgett's Florentine families, business and marriage.

Reads Tests/Fixtures/networks/Padgett.paj, computes per-layer degree with NetworkX, the overlapping
degree and multiplex participation coefficient (Battiston et al. 2014) from those degrees, the
Jaccard overlap of the two layers, and centrality on the aggregate graph (weight = number of
relations per pair), and writes Tests/Fixtures/reference/multiplex.json.

    pip install networkx==3.6.1
    python3 scripts/reference/multiplex_reference.py
"""
import json
import os

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_pajek(path):
    names, layers, current = [], {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("*Vector"):
            current = "vector"  # a vector section repeats *Vertices with one value per line
        elif line.startswith("*Vertices"):
            current = "vertices" if current != "vector" else "vector"
        elif line.startswith("*Arcs"):
            current = line.split('"')[1]
            layers[current] = set()
        elif line.startswith("*"):
            current = None
        elif current == "vertices":
            names.append(line.split('"')[1])
        elif current in layers:
            u, v = (int(x) - 1 for x in line.split()[:2])
            layers[current].add((min(u, v), max(u, v)))
    return names, layers


def main():
    names, layers = read_pajek(os.path.join(ROOT, "Tests", "Fixtures", "networks", "Padgett.paj"))
    n = len(names)
    graphs = {}
    for layer, pairs in layers.items():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(pairs)
        graphs[layer] = g
    degree = {layer: [g.degree(v) for v in range(n)] for layer, g in graphs.items()}
    overlapping = [sum(degree[layer][v] for layer in graphs) for v in range(n)]
    k = len(graphs)
    participation = [
        0.0 if overlapping[v] == 0 else k / (k - 1) * (1 - sum((degree[layer][v] / overlapping[v]) ** 2 for layer in graphs))
        for v in range(n)
    ]
    a, b = (set(layers[layer]) for layer in sorted(layers))
    aggregate = nx.Graph()
    aggregate.add_nodes_from(range(n))
    for layer, pairs in layers.items():
        for u, v in pairs:
            w = aggregate[u][v]["weight"] + 1 if aggregate.has_edge(u, v) else 1
            aggregate.add_edge(u, v, weight=w)
    out = {
        "generator": "scripts/reference/multiplex_reference.py",
        "networkx": nx.__version__,
        "names": names,
        "layers": sorted(layers),
        "degree": degree,
        "overlapping_degree": overlapping,
        "participation": participation,
        "jaccard": len(a & b) / len(a | b),
        "aggregate_betweenness": [nx.betweenness_centrality(aggregate)[v] for v in range(n)],
        "aggregate_pagerank_weighted": [nx.pagerank(aggregate, weight="weight", tol=1e-15, max_iter=100000)[v] for v in range(n)],
        "aggregate_edges": aggregate.number_of_edges(),
    }
    path = os.path.join(ROOT, "Tests", "Fixtures", "reference", "multiplex.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
