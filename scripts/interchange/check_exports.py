#!/usr/bin/env python3
"""Loads the files `coalition export` wrote with the real readers (networkx 3.6.1, igraph 1.0) and compares
node and edge counts and attributes with the dataset they came from.

    python3 scripts/interchange/check_exports.py DIR

DIR holds NAME.json (a dataset) and its exports NAME.graphml, NAME.ties.graphml, NAME.gexf,
NAME.node-link.json. The expected values are computed here from the dataset JSON, not taken from the
Swift code. Prints one line per check and 'N passed, N failed'; exits 1 on any failure.
"""
import json
import math
import os
import sys

import igraph as ig
import networkx as nx

BUILT_IN_DIRECTED = {"arms-transfer", "technology", "security", "support", "accusation", "sanction", "war"}
BUILT_IN = BUILT_IN_DIRECTED | {"diplomatic", "military", "media", "economic", "rivalry"}

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def expected(dataset):
    directed = set(BUILT_IN_DIRECTED) | {k["id"] for k in dataset.get("kinds", []) if k.get("directed")}
    obs = dataset["observations"]
    nodes = {a["id"] for a in dataset.get("actors", [])} | {o["source"] for o in obs} | {o["target"] for o in obs}
    ties = {}
    for o in obs:
        s, t = o["source"], o["target"]
        if o["kind"] not in directed and t < s:
            s, t = t, s
        ties[(s, t, o["kind"])] = ties.get((s, t, o["kind"]), 0) + o.get("weight", 1)
    return {
        "nodes": len(nodes),
        "edges": len(obs),
        "ties": len(ties),
        "weight": sum(o.get("weight", 1) for o in obs),
        "kinds": {o["kind"] for o in obs},
        "directed": any(o["kind"] in directed for o in obs),
    }


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def main(folder):
    names = sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".json") and not f.endswith(".node-link.json"))
    for name in names:
        with open(os.path.join(folder, name + ".json"), encoding="utf-8") as f:
            want = expected(json.load(f))
        base = os.path.join(folder, name)

        g = nx.read_graphml(base + ".graphml")
        check(f"{name}.graphml networkx nodes", g.number_of_nodes() == want["nodes"], (g.number_of_nodes(), want["nodes"]))
        check(f"{name}.graphml networkx edges", g.number_of_edges() == want["edges"], (g.number_of_edges(), want["edges"]))
        check(f"{name}.graphml networkx directed", g.is_directed() == want["directed"])
        w = sum(d["weight"] for _, _, d in g.edges(data=True))
        check(f"{name}.graphml networkx weight sum", close(w, want["weight"]), (w, want["weight"]))
        check(f"{name}.graphml networkx kinds", {d["kind"] for _, _, d in g.edges(data=True)} == want["kinds"])
        dated = all(any(k in d for k in ("date", "from", "to", "as_of")) for _, _, d in g.edges(data=True))
        check(f"{name}.graphml networkx every edge dated", dated)

        h = ig.Graph.Read_GraphML(base + ".graphml")
        check(f"{name}.graphml igraph nodes", h.vcount() == want["nodes"], (h.vcount(), want["nodes"]))
        check(f"{name}.graphml igraph edges", h.ecount() == want["edges"], (h.ecount(), want["edges"]))
        check(f"{name}.graphml igraph weight sum", close(sum(h.es["weight"]), want["weight"]))
        check(f"{name}.graphml igraph kinds", set(h.es["kind"]) == want["kinds"])

        t = nx.read_graphml(base + ".ties.graphml")
        check(f"{name}.ties.graphml networkx edges = ties", t.number_of_edges() == want["ties"], (t.number_of_edges(), want["ties"]))
        check(f"{name}.ties.graphml networkx weight sum", close(sum(d["weight"] for _, _, d in t.edges(data=True)), want["weight"]))
        th = ig.Graph.Read_GraphML(base + ".ties.graphml")
        check(f"{name}.ties.graphml igraph edges = ties", th.ecount() == want["ties"])

        x = nx.read_gexf(base + ".gexf")
        check(f"{name}.gexf networkx nodes", x.number_of_nodes() == want["nodes"], (x.number_of_nodes(), want["nodes"]))
        check(f"{name}.gexf networkx edges = ties", x.number_of_edges() == want["ties"], (x.number_of_edges(), want["ties"]))
        check(f"{name}.gexf networkx weight sum", close(sum(d["weight"] for _, _, d in x.edges(data=True)), want["weight"]))
        check(f"{name}.gexf networkx kinds", {d["tie_kind"] for _, _, d in x.edges(data=True)} == want["kinds"])
        spells = all(d.get("spells") for _, _, d in x.edges(data=True))
        check(f"{name}.gexf networkx every edge has spells", spells)

        with open(base + ".node-link.json", encoding="utf-8") as f:
            data = json.load(f)
        y = nx.node_link_graph(data, edges="edges")
        check(f"{name}.node-link networkx nodes", y.number_of_nodes() == want["nodes"])
        check(f"{name}.node-link networkx edges", y.number_of_edges() == want["edges"])
        check(f"{name}.node-link networkx multigraph", y.is_multigraph())
        check(f"{name}.node-link networkx weight sum", close(sum(d["weight"] for _, _, d in y.edges(data=True)), want["weight"]))
        yi = ig.Graph.from_networkx(y)
        check(f"{name}.node-link igraph (from networkx) edges", yi.ecount() == want["edges"])
        # networkx writes it back the same way: a round trip through networkx keeps every edge.
        again = nx.node_link_graph(nx.node_link_data(y, edges="edges"), edges="edges")
        check(f"{name}.node-link networkx round trip", again.number_of_edges() == want["edges"])

    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not names else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
