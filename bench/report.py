#!/usr/bin/env python3
"""Times `coalition report` on synthetic datasets of analyst scale.

    swift build -c release --product coalition
    python3 bench/report.py [--sizes seed,200x2000,2000x20000,10000x100000] [--binary PATH] [--runs 3]

Each dataset has N actors (non-state, three blocs of N/10 members), M dated observations over
2015-2024 of nine kinds (cooperative and hostile) and three confidence levels, 30 % of them from
a few hub actors (like a month of GDELT state-to-state events). The datasets are generated from a
fixed seed, so every run times the same input; "seed" is the ISW seed case itself. Prints one
line per size: the median wall-clock time of the runs and the peak resident memory of the whole
command (reading, validating, every table and finding), with the targets of issue 29 (seed under
50 ms, 2,000 × 20,000 at most 3 s, 10,000 × 100,000 at most 5 s).
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


TARGETS = {"seed": 0.05, "2000x20000": 3.0, "10000x100000": 5.0}


def main():
    sizes = "seed,200x2000,2000x20000,10000x100000"
    binary = ".build/release/coalition"
    runs = 3
    if "--sizes" in sys.argv:
        sizes = sys.argv[sys.argv.index("--sizes") + 1]
    if "--binary" in sys.argv:
        binary = sys.argv[sys.argv.index("--binary") + 1]
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes.split(","):
            if size == "seed":
                path, label = os.path.join(here, "..", "seeds", "isw-2024-03-20.json"), "seed (ISW 2024-03-20)"
            else:
                n, m = (int(x) for x in size.split("x"))
                path, label = os.path.join(tmp, f"s{n}.json"), f"{n} actors, {m} observations"
                with open(path, "w") as f:
                    json.dump(dataset(n, m, n), f)
            times, peak_kb, failed = [], 0, None
            peak_file = os.path.join(tmp, "peak.txt")
            env = dict(os.environ, COALITION_PEAK_MEMORY=peak_file)
            for _ in range(runs):
                start = time.monotonic()
                run = subprocess.run([binary, "report", path], capture_output=True, text=True, env=env)
                times.append(time.monotonic() - start)
                if run.returncode != 0:
                    failed = run.stderr.strip()[-300:]
                    break
                # The tool writes its own peak resident memory (VmHWM) in bytes.
                peak_kb = max(peak_kb, int(open(peak_file).read()) // 1024)
            if failed:
                print(f"{label}: failed: {failed}")
                continue
            seconds = sorted(times)[len(times) // 2]
            target = TARGETS.get(size)
            verdict = "" if target is None else f" (target {target:g} s: {'met' if seconds <= target else 'MISSED'})"
            shown = f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
            print(f"{label}: {shown}, peak memory {peak_kb / 1024:.0f} MB{verdict}")


if __name__ == "__main__":
    main()
