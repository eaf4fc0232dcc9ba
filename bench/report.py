#!/usr/bin/env python3
"""Times `coalition report` on synthetic datasets of analyst scale.

    swift build -c release --product coalition
    python3 bench/report.py [--sizes 200x2000,2000x20000,10000x100000] [--binary PATH]

Each dataset has N actors (non-state, three blocs of N/10 members), M dated observations over
2015-2024 of nine kinds (cooperative and hostile) and three confidence levels, 30 % of them from
a few hub actors (like a month of GDELT state-to-state events). The datasets are generated from a
fixed seed, so every run times the same input. Prints one line per size: wall-clock seconds and
peak resident memory of the whole command (reading, validating, every table and finding).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

KINDS = ["diplomatic", "military", "arms-transfer", "technology", "economic", "security", "accusation", "sanction", "war"]


def dataset(n, m, seed):
    rng = random.Random(seed)
    actors = [{"id": f"A{i:05d}", "name": f"Actor {i}", "type": "group"} for i in range(n)]
    blocs = [{"id": f"b{j}", "name": f"Bloc {j}", "members": [f"A{i:05d}" for i in range(j, n, 10)][: n // 10]} for j in range(3)]
    observations = []
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if rng.random() < 0.3:
            a = rng.randrange(max(1, n // 50))
        if a == b:
            b = (b + 1) % n
        observations.append({
            "source": f"A{a:05d}", "target": f"A{b:05d}", "kind": rng.choice(KINDS),
            "date": f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}",
            "confidence": rng.choice(["reported", "assessed", "alleged"]),
        })
    return {"format": "coalitiongraph-dataset", "version": 1, "title": f"synthetic {n} actors, {m} observations",
            "actors": actors, "blocs": blocs, "observations": observations}


def main():
    sizes = "200x2000,2000x20000,10000x100000"
    binary = ".build/release/coalition"
    if "--sizes" in sys.argv:
        sizes = sys.argv[sys.argv.index("--sizes") + 1]
    if "--binary" in sys.argv:
        binary = sys.argv[sys.argv.index("--binary") + 1]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes.split(","):
            n, m = (int(x) for x in size.split("x"))
            path = os.path.join(tmp, f"s{n}.json")
            with open(path, "w") as f:
                json.dump(dataset(n, m, n), f)
            start = time.monotonic()
            run = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "report", path], capture_output=True, text=True)
            seconds = time.monotonic() - start
            if run.returncode != 0:
                print(f"{n} actors, {m} observations: failed: {run.stderr.strip()[-300:]}")
                continue
            peak_kb = int(run.stderr.strip().splitlines()[-1])
            print(f"{n} actors, {m} observations: {seconds:.2f} s, peak memory {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
