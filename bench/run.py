#!/usr/bin/env python3
"""CoalitionGraph benchmark suite: the same tasks on the same files, CoalitionGraph and its peers
(igraph, NetworKit, rustworkx, NetworkX from pip) side by side in one run.

    python3 bench/run.py                 # small and medium graphs (minutes)
    python3 bench/run.py --large         # adds Barabási–Albert 100k and 1M (tens of minutes)
    python3 bench/run.py --threads 2     # parallel rows as well

It builds `coalition` in release mode, installs missing peers with pip, writes deterministic graphs
to bench/graphs (not committed), runs every (library, task, graph) in its own process with a time
limit, appends JSON lines to bench/results.jsonl and prints a Markdown table of medians with the
ratio of CoalitionGraph to the best peer (below 1 means CoalitionGraph is faster).
"""
import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TASKS = ["load", "degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz",
         "components", "kcore", "louvain", "bfs", "sssp_dijkstra"]
PEERS = {"igraph": "igraph", "networkit": "networkit", "rustworkx": "rustworkx", "networkx": "networkx"}
ALL_PAIRS = {"betweenness", "closeness", "harmonic"}


# ---------------------------------------------------------------------------------------------
# Graphs: G(n, m) and Barabási–Albert, from random.Random(seed) only, so files are identical
# on every machine.

def gnm_edges(n, m, seed):
    rng = random.Random(seed)
    seen, edges = set(), []
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v and (min(u, v), max(u, v)) not in seen:
            seen.add((min(u, v), max(u, v)))
            edges.append((min(u, v), max(u, v)))
    return edges


def ba_edges(n, k, seed):
    rng = random.Random(seed)
    edges = [(0, i) for i in range(1, k + 1)]
    pool = [0] * k + list(range(1, k + 1))
    for new in range(k + 1, n):
        chosen = set()
        while len(chosen) < k:
            chosen.add(pool[rng.randrange(len(pool))])
        for t in sorted(chosen):
            edges.append((t, new))
            pool += [t, new]
    return edges


def write_graph(path, edges, weights_seed=None):
    rng = random.Random(weights_seed) if weights_seed is not None else None
    with open(path, "w") as f:
        # The first line starts at node 0 so that every loader numbers it 0 (BFS and Dijkstra start there).
        for u, v in sorted(edges, key=lambda e: (e[0] != 0, e)):
            f.write(f"{u} {v} {rng.randint(1, 10)}\n" if rng else f"{u} {v}\n")


def graphs(large):
    os.makedirs(os.path.join(HERE, "graphs"), exist_ok=True)
    specs = [("gnm_1k", lambda: gnm_edges(1000, 5000, 1), None), ("gnm_10k", lambda: gnm_edges(10000, 50000, 2), None),
             ("gnm_10k_w", lambda: gnm_edges(10000, 50000, 2), 3)]
    if large:
        specs += [("ba_100k", lambda: ba_edges(100000, 5, 4), None), ("ba_1m", lambda: ba_edges(1000000, 5, 5), None)]
    out = []
    for name, make, wseed in specs:
        path = os.path.join(HERE, "graphs", name + ".txt")
        if not os.path.exists(path):
            write_graph(path, make(), wseed)
        out.append((name, path, wseed is not None))
    return out


# ---------------------------------------------------------------------------------------------
# Peers, each run in a fresh process (`run.py --peer LIB --task T --graph FILE`).

def peer_measure(lib, task, path, weighted, threads):
    os.environ["OMP_NUM_THREADS"] = str(threads)
    os.environ["RAYON_NUM_THREADS"] = str(threads)
    import resource

    def clock(fn, prepare=lambda: None):
        prepare()
        t = time.perf_counter(); fn(); first = time.perf_counter() - t
        reps = 7 if first < 1 else 3 if first < 10 else 1
        times = [first] if first >= 2 else []
        while len(times) < reps:
            prepare()
            t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
        times.sort()
        return times

    if lib == "igraph":
        import igraph as ig
        load = lambda: ig.Graph.Read_Ncol(path, names=False, weights=weighted, directed=False)
        g = load()
        w = "weight" if weighted else None
        if task == "sssp_dijkstra" and not weighted:
            g.es["weight"] = 1.0
            w = "weight"
        reset = lambda: g._Graph__invalidate_cache() if hasattr(g, "_Graph__invalidate_cache") else None
        jobs = {
            "load": load, "degree": lambda: g.degree(), "betweenness": lambda: g.betweenness(weights=w),
            "closeness": lambda: g.closeness(weights=w), "harmonic": lambda: g.harmonic_centrality(weights=w),
            "pagerank": lambda: g.pagerank(weights=w), "eigenvector": lambda: g.eigenvector_centrality(weights=w),
            "components": lambda: g.connected_components(), "kcore": lambda: g.coreness(),
            "louvain": lambda: g.community_multilevel(weights=w), "bfs": lambda: g.bfs(0),
            "sssp_dijkstra": lambda: g.distances(source=0, weights=w),
        }
        version = ig.__version__
    elif lib == "networkx":
        import networkx as nx
        load = lambda: nx.read_edgelist(path, nodetype=int, data=(("weight", float),) if weighted else False)
        g = load()
        w = "weight" if weighted else None
        reset = lambda: None
        jobs = {
            "load": load, "degree": lambda: dict(g.degree()), "betweenness": lambda: nx.betweenness_centrality(g, weight=w, normalized=False),
            "closeness": lambda: nx.closeness_centrality(g, distance=w), "harmonic": lambda: nx.harmonic_centrality(g, distance=w),
            "pagerank": lambda: nx.pagerank(g, weight=w), "eigenvector": lambda: nx.eigenvector_centrality_numpy(g, weight=w),
            "katz": lambda: nx.katz_centrality_numpy(g, alpha=0.005, weight=w), "components": lambda: list(nx.connected_components(g)),
            "kcore": lambda: nx.core_number(g), "louvain": lambda: nx.community.louvain_communities(g, weight=w, seed=1),
            "bfs": lambda: nx.single_source_shortest_path_length(g, 0), "sssp_dijkstra": lambda: nx.single_source_dijkstra_path_length(g, 0, weight=w or "weight"),
        }
        version = nx.__version__
    elif lib == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(threads)
        reader = nk.graphio.EdgeListReader(" ", 0, continuous=False, directed=False)  # reads a third column as weights
        load = lambda: reader.read(path)
        g = load()
        reset = lambda: None
        def run(cls, *a, **k):
            x = cls(g, *a, **k); x.run(); return x
        jobs = {
            "load": load, "degree": lambda: run(nk.centrality.DegreeCentrality), "betweenness": lambda: run(nk.centrality.Betweenness),
            "closeness": lambda: run(nk.centrality.Closeness, True, nk.centrality.ClosenessVariant.GENERALIZED),
            "harmonic": lambda: run(nk.centrality.HarmonicCloseness), "pagerank": lambda: run(nk.centrality.PageRank, 0.85, 1e-6),
            "eigenvector": lambda: run(nk.centrality.EigenvectorCentrality, 1e-9), "katz": lambda: run(nk.centrality.KatzCentrality),
            "components": lambda: run(nk.components.ConnectedComponents), "kcore": lambda: run(nk.centrality.CoreDecomposition),
            "louvain": lambda: nk.community.detectCommunities(g, algo=nk.community.PLM(g, refine=False)),
            "bfs": lambda: run(nk.distance.BFS, 0), "sssp_dijkstra": lambda: run(nk.distance.Dijkstra, 0),
        }
        version = nk.__version__
    elif lib == "rustworkx":
        import rustworkx as rx
        load = lambda: rx.PyGraph.read_edge_list(path, deliminator=" ")
        g = load()
        reset = lambda: None
        cost = (lambda e: float(e)) if weighted else (lambda e: 1.0)
        jobs = {
            "load": load, "degree": lambda: [g.degree(v) for v in g.node_indices()],
            "betweenness": lambda: rx.betweenness_centrality(g, normalized=False),
            "closeness": lambda: rx.closeness_centrality(g), "eigenvector": lambda: rx.eigenvector_centrality(g),
            "katz": lambda: rx.katz_centrality(g, alpha=0.005), "components": lambda: rx.connected_components(g),
            # rustworkx's betweenness has no weights: it is skipped on weighted graphs below.
            "bfs": lambda: rx.bfs_layers(g, [0]), "sssp_dijkstra": lambda: rx.dijkstra_shortest_path_lengths(g, 0, cost),
            "kcore": lambda: rx.core_number(g),
        }
        version = rx.__version__
    if task not in jobs or (lib == "rustworkx" and weighted and task == "betweenness"):
        return {"lib": lib, "task": task, "skipped": True, "reason": "no such function"}
    times = clock(jobs[task], reset)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"lib": lib, "version": version, "task": task, "seconds_median": times[len(times) // 2] if len(times) % 2 else (times[len(times) // 2 - 1] + times[len(times) // 2]) / 2,
            "seconds_min": times[0], "reps": len(times), "threads": threads, "peak_rss_bytes": rss}


# ---------------------------------------------------------------------------------------------

def ensure_peers():
    missing = []
    for lib, module in PEERS.items():
        try:
            __import__(module)
        except ImportError:
            missing.append(lib)
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + missing, check=False)


def run_one(cmd, timeout):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return {"error": (out.stderr or out.stdout).strip()[-300:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", action="store_true", help="add the 100k and 1M Barabási–Albert graphs")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--tasks", default=",".join(TASKS))
    ap.add_argument("--libs", default="coalitiongraph," + ",".join(PEERS))
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--graphs", help="only these graphs (comma-separated names, e.g. gnm_10k,ba_1m)")
    ap.add_argument("--peer"), ap.add_argument("--task"), ap.add_argument("--graph")
    ap.add_argument("--weighted", action="store_true")
    args = ap.parse_args()
    if args.peer:  # child process: one peer measurement
        print(json.dumps(peer_measure(args.peer, args.task, args.graph, args.weighted, args.threads)))
        return
    subprocess.run(["swift", "build", "-c", "release", "--product", "coalition"], cwd=ROOT, check=True, stdout=sys.stderr)
    binary = os.path.join(ROOT, ".build", "release", "coalition")
    ensure_peers()
    tasks = args.tasks.split(",")
    libs = args.libs.split(",")
    results = {}
    log = open(os.path.join(HERE, "results.jsonl"), "a")
    chosen = [g for g in graphs(args.large) if not args.graphs or g[0] in args.graphs.split(",")]
    for name, path, weighted in chosen:
        for task in tasks:
            if weighted and task not in ("betweenness", "sssp_dijkstra", "load"):
                continue
            n_nodes = int(name.split("_")[1].replace("k", "000").replace("m", "000000"))
            if task in ALL_PAIRS and n_nodes > 10000:
                continue  # exact all-pairs measures above 10k nodes take hours for everyone
            for lib in libs:
                if lib == "networkx" and (task in ALL_PAIRS and n_nodes > 1000 or task == "louvain" and n_nodes > 10000 or n_nodes > 100000):
                    continue  # minutes each (over 300 s for Louvain on 100k nodes); never the fastest peer
                if lib == "coalitiongraph":
                    cmd = [binary, "bench", "--task", task, "--graph", path, "--threads", str(args.threads)] + (["--weighted"] if weighted else [])
                else:
                    cmd = [sys.executable, __file__, "--peer", lib, "--task", task, "--graph", path, "--threads", str(args.threads)] + (["--weighted"] if weighted else [])
                r = run_one(cmd, args.timeout)
                r.update({"lib": lib, "task": task, "graph": name, "machine": platform.processor() or platform.machine(), "cores": os.cpu_count()})
                log.write(json.dumps(r) + "\n")
                log.flush()
                results[(name, task, lib)] = r
                print(f"{name:10} {task:14} {lib:15} {r.get('seconds_median', r.get('reason', 'T/O' if r.get('timeout') else r.get('error', '?')))}", file=sys.stderr)
    # Table
    print(f"\n| graph | task | " + " | ".join(libs) + " | ratio to best peer |")
    print("|---|---|" + "---:|" * (len(libs) + 1))
    for name, _, _ in chosen:
        for task in tasks:
            cells, peers = [], []
            for lib in libs:
                r = results.get((name, task, lib))
                if not r:
                    cells.append("")
                    continue
                s = r.get("seconds_median")
                cells.append(f"{s:.4g}" if s is not None else ("T/O" if r.get("timeout") else "—"))
                if s is not None and lib != "coalitiongraph":
                    peers.append(s)
            ours = results.get((name, task, "coalitiongraph"), {}).get("seconds_median")
            if not any(cells):
                continue
            ratio = f"{ours / min(peers):.2f}" if ours and peers else ""
            print(f"| {name} | {task} | " + " | ".join(cells) + f" | {ratio} |")


if __name__ == "__main__":
    main()
