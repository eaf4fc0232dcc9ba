#!/usr/bin/env python3
"""Reference values for structure and cohesion measures, from NetworkX 3.6.

Reads the graphs that centrality_reference.py wrote (Tests/Fixtures/reference/centrality.json) so
both fixtures describe the same graphs, and writes Tests/Fixtures/reference/structure.json.

    pip install networkx==3.6.1
    python3 scripts/reference/structure_reference.py

Partitions: karate uses its `club` attribute (Mr. Hi vs Officer); the other graphs use node index
mod 3, a fixed partition that is not tuned to the graph.
"""
import json
import os

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load():
    data = json.load(open(os.path.join(ROOT, "Tests", "Fixtures", "reference", "centrality.json"), encoding="utf-8"))
    for name, g in data["graphs"].items():
        G = nx.DiGraph() if g["directed"] else nx.Graph()
        G.add_nodes_from(range(len(g["nodes"])))
        for u, v, w in g["edges"]:
            G.add_edge(u, v, weight=w)
        yield name, G, g["weighted"]


def component_labels(components, n):
    """Label each node by its component, components numbered by their smallest node."""
    ordered = sorted((sorted(c) for c in components), key=lambda c: c[0])
    label = [0] * n
    for k, c in enumerate(ordered):
        for v in c:
            label[v] = k
    return label


def partition(name, G):
    if name == "karate":
        club = nx.get_node_attributes(nx.karate_club_graph(), "club")
        return [0 if club[v] == "Mr. Hi" else 1 for v in range(G.number_of_nodes())]
    return [v % 3 for v in range(G.number_of_nodes())]


def main():
    out = {"generator": "scripts/reference/structure_reference.py", "networkx": nx.__version__, "graphs": {}}
    for name, G, weighted in load():
        n = G.number_of_nodes()
        r = {"density": nx.density(G)}
        part = partition(name, G)
        r["partition"] = part
        groups = [{v for v in range(n) if part[v] == k} for k in sorted(set(part))]
        for res in (1.0, 0.5):
            r[f"modularity_r{res}"] = nx.community.modularity(G, groups, resolution=res, weight=None)
            if weighted:
                r[f"modularity_weighted_r{res}"] = nx.community.modularity(G, groups, resolution=res, weight="weight")
        nx.set_node_attributes(G, {v: part[v] for v in range(n)}, "block")
        r["assortativity_block"] = nx.attribute_assortativity_coefficient(G, "block")
        r["constraint"] = [None if x != x else x for x in (nx.constraint(G)[v] for v in range(n))]
        # Effective size through the per-node path (nodes=...): NetworkX 3.6.1's whole-graph fast path
        # divides each mutual weight by the maximum of the wrong node when weights differ (weighted or
        # directed graphs), while the per-node path follows Burt's definition.
        r["effective_size"] = [None if x != x else x for x in (nx.effective_size(G, nodes=list(G))[v] for v in range(n))]
        if weighted:
            r["constraint_weighted"] = [None if x != x else x for x in (nx.constraint(G, weight="weight")[v] for v in range(n))]
            r["effective_size_weighted"] = [None if x != x else x for x in (nx.effective_size(G, nodes=list(G), weight="weight")[v] for v in range(n))]
        H = G.copy()
        H.remove_edges_from(nx.selfloop_edges(H))
        r["core_number"] = [nx.core_number(H)[v] for v in range(n)]
        if G.is_directed():
            r["weak_components"] = component_labels(nx.weakly_connected_components(G), n)
            r["strong_components"] = component_labels(nx.strongly_connected_components(G), n)
            r["reciprocity"] = nx.reciprocity(G)
        else:
            r["components"] = component_labels(nx.connected_components(G), n)
            r["articulation_points"] = sorted(nx.articulation_points(G))
            r["bridges"] = sorted(sorted(e) for e in nx.bridges(G))
            r["clustering"] = [nx.clustering(G)[v] for v in range(n)]
            r["transitivity"] = nx.transitivity(G)
            if weighted:
                r["clustering_weighted"] = [nx.clustering(G, weight="weight")[v] for v in range(n)]
            r["max_cliques"] = sorted(sorted(c) for c in nx.find_cliques(G))
        # Louvain modularity reached by the peers, as a bar for ours (their partitions depend on their
        # own random orders, so only the quality is comparable).
        und = G.to_undirected() if G.is_directed() else G
        r["louvain_networkx_modularity"] = max(
            nx.community.modularity(und, nx.community.louvain_communities(und, weight=None, seed=s), weight=None) for s in range(5))
        h = ig.Graph(n=n, edges=[(u, v) for u, v in und.edges])
        r["louvain_igraph_modularity"] = h.community_multilevel().q if h.ecount() else 0.0
        # Betweenness across the blocks (hops, direction ignored): NetworkX's subset betweenness from
        # each block to the others, summed over blocks; each unordered pair across counts once.
        across = [0.0] * n
        for k in sorted(set(part)):
            inside = [v for v in range(n) if part[v] == k]
            outside = [v for v in range(n) if part[v] != k]
            b = nx.betweenness_centrality_subset(und, inside, outside, normalized=False)
            for v in range(n):
                across[v] += b[v]
        r["betweenness_across_blocks"] = across
        # Participation over the blocks (Guimera and Amaral 2005): 1 - sum_s (k_s / k)^2 over the
        # node's neighbours (self-loops left out); None for a node without neighbours.
        participation = []
        for v in range(n):
            neighbours = [w for w in und.neighbors(v) if w != v]
            if not neighbours:
                participation.append(None)
                continue
            counts = {}
            for w in neighbours:
                counts[part[w]] = counts.get(part[w], 0) + 1
            participation.append(1 - sum((c / len(neighbours)) ** 2 for c in counts.values()))
        r["participation_blocks"] = participation
        # Partition comparison: the block partition against a second fixed partition.
        other = [(v * 7) % 4 for v in range(n)]
        r["other_partition"] = other
        r["nmi_igraph"] = ig.compare_communities(part, other, method="nmi")
        r["ari_igraph"] = ig.compare_communities(part, other, method="ari")
        out["graphs"][name] = r
    path = os.path.join(ROOT, "Tests", "Fixtures", "reference", "structure.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, sort_keys=True, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
