#!/usr/bin/env python3
"""Times MR-QAP against statnet's sna in one run, on the real case of docs/qap.md: UN vote
coincidence 2015-2019 on alliances in 2018 and land contiguity, the 193 states with votes
(18,528 unordered pairs), Dekker's double semi-partialling (3 coefficients).

    swift build -c release --product coalition
    python3 bench/qap.py [--reps 1000,10000] [--sna-reps 100] [--threads 1,2]

`coalition qap` runs as a whole command (reading the three relations included); sna's netlm runs
in Rscript on the same matrices (reading and building them not timed). Both are reported per
permutation (per coefficient: netlm permutes each of the three), and the ratio is sna's time over
ours. Needs Rscript with sna (Debian: r-base-core, r-cran-sna).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

R = r"""
suppressMessages(library(sna))
walk <- read.csv("Tests/Fixtures/data/country_code_crosswalk_countrycode.csv", stringsAsFactors = FALSE)
walk <- walk[!is.na(walk$cown) & !is.na(walk$iso3c) & walk$iso3c != "", ]
walk <- rbind(walk[, c("cown", "iso3c")], data.frame(cown = 345, iso3c = "SRB"))
iso <- function(cow) walk$iso3c[match(cow, walk$cown)]
votes <- read.csv(file.path(Sys.getenv("WORK"), "votes.csv"), stringsAsFactors = FALSE)
atop <- read.csv("Tests/Fixtures/data/atop5_1_undirected_2018.csv")
atop <- atop[rowSums(atop[, 4:8]) > 0, ]
cont <- read.csv(file.path(Sys.getenv("WORK"), "contiguity.csv"))
states <- sort(unique(c(votes$state_a, votes$state_b)))
m <- function(a, b, v) { x <- matrix(0, length(states), length(states), dimnames = list(states, states))
  k <- a %in% states & b %in% states; x[cbind(a[k], b[k])] <- v[k]; x[cbind(b[k], a[k])] <- v[k]; x }
y <- m(votes$state_a, votes$state_b, votes$coincidence)
x1 <- m(iso(atop$ccode1), iso(atop$ccode2), rep(1, nrow(atop)))
x2 <- m(iso(cont$a), iso(cont$b), cont$land)
reps <- as.integer(Sys.getenv("REPS"))
t0 <- proc.time()[["elapsed"]]
fit <- netlm(y, list(x1, x2), mode = "graph", nullhyp = "qapspp", reps = reps)
cat(proc.time()[["elapsed"]] - t0, "\n")
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", default="1000,10000")
    p.add_argument("--sna-reps", type=int, default=100)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--binary")
    a = p.parse_args()
    binary = a.binary or os.path.join(
        subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "coalition")
    work = tempfile.mkdtemp()
    subprocess.run([os.path.join(ROOT, "scripts/qap/real-case.sh"), work, binary], check=True)
    rows = []
    env = dict(os.environ, WORK=work, REPS=str(a.sna_reps))
    sna = float(subprocess.run(["Rscript", "-e", R], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()[-1])
    sna_per = sna / (3 * a.sna_reps)
    rows.append(("sna 2.7-1 netlm (R)", 1, a.sna_reps, sna, sna_per))
    for threads in [int(t) for t in a.threads.split(",")]:
        for reps in [int(r) for r in a.reps.split(",")]:
            command = [binary, "qap", "--dependent", f"{work}/votes.csv:coincidence", "--covariate", f"{work}/atop2018.json",
                       "--covariate", f"{work}/contiguity.csv:land:cow", "--mode", "graph", "--missing", "zero",
                       "--population", "dependent", "--reps", str(reps), "--threads", str(threads), "--format", "csv", "-o", os.devnull]
            best = None
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run(command, check=True)
                elapsed = time.perf_counter() - start
                best = elapsed if best is None else min(best, elapsed)
            rows.append(("coalition qap", threads, reps, best, best / (3 * reps)))
    print("| tool | threads | permutations per coefficient | seconds | ms per permutation | sna ÷ this |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, threads, reps, seconds, per in rows:
        print(f"| {name} | {threads} | {reps:,} | {seconds:.2f} | {per * 1000:.3f} | {sna_per / per:.0f}× |")


if __name__ == "__main__":
    sys.exit(main())
