#!/usr/bin/env python3
"""Reference values for UN General Assembly vote alignment, computed with pandas and numpy.

Reads Voeten's roll-call data as the unvotes package lays it out (Tests/Fixtures/data, copied
from the shared data) and writes Tests/Fixtures/reference/alignment.json: for several selections
of roll calls, every state against the United States and every pair among Russia, China, North
Korea, Iran and the United States, with the vote counts and four measures:

- coincidence, as the US State Department's "Voting Practices in the United Nations" defines it:
  (same + partial / 2) / (same + opposite + partial), votes where both abstain left out;
- agreement (Voeten): 1 same vote, 0.5 one abstention, 0 yes against no, averaged;
- Cohen's kappa and Scott's pi over the nominal categories yes, abstain, no (Haege 2011).

    pip install pandas numpy
    python3 scripts/reference/alignment_reference.py

Alliance portfolios (ATOP 5.1, 2018, Tests/Fixtures/data/atop5_1_ddyr_2018.csv), keyed by COW number:
every state against the United States and the pairs among Russia, China, North Korea, Iran, the
United States and Belarus, with Signorino and Ritter's S (absolute and squared distances) and
Cohen's kappa and Scott's pi over the four levels.

Written from the definitions with crosstabs, not from the Swift code: Namibia's "NA" is kept as a
code (keep_default_na=False) and Yugoslavia's "YU" is Serbia, as unvotes codes it.
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Tests", "Fixtures", "data")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "alignment.json")
CATEGORIES = ["yes", "abstain", "no"]


def load():
    read = lambda name: pd.read_csv(os.path.join(DATA, name), keep_default_na=False, dtype=str)
    votes, calls, issues = read("unvotes_sessions70plus_votes.csv"), read("unvotes_sessions70plus_roll_calls.csv"), read("unvotes_sessions70plus_issues.csv")
    crosswalk = read("country_code_crosswalk_countrycode.csv")  # the countrycode R package's table
    iso3 = {a: b for a, b in zip(crosswalk.iso2c, crosswalk.iso3c) if a and b}
    votes["state"] = votes.country_code.replace({"YU": "RS"}).map(iso3)
    assert votes.state.notna().all(), votes[votes.state.isna()].country_code.unique()
    calls["date"] = pd.to_datetime(calls.date)
    return votes, calls, issues


def measures(a, b):
    """a, b: aligned Series of votes (joint votes only)."""
    table = pd.crosstab(a, b).reindex(index=CATEGORIES, columns=CATEGORIES, fill_value=0).to_numpy()
    n = table.sum()
    same = table[0, 0] + table[2, 2]
    both = table[1, 1]
    opposite = table[0, 2] + table[2, 0]
    partial = table[1, 0] + table[1, 2] + table[0, 1] + table[2, 1]
    d = same + opposite + partial
    coincidence = (same + partial / 2) / d if d else float("nan")
    agreement = (same + both + partial / 2) / n if n else float("nan")
    po = np.trace(table) / n if n else float("nan")
    pa, pb = table.sum(axis=1) / n, table.sum(axis=0) / n
    pe_k = float(np.dot(pa, pb))
    pe_p = float(np.sum(((pa + pb) / 2) ** 2))
    kappa = (po - pe_k) / (1 - pe_k) if n and pe_k < 1 else float("nan")
    pi = (po - pe_p) / (1 - pe_p) if n and pe_p < 1 else float("nan")
    clean = lambda x: None if x != x else float(x)  # NaN is written as null (JSON has no NaN)
    coincidence, agreement, kappa, pi = map(clean, (coincidence, agreement, kappa, pi))
    return {"joint_votes": int(n), "same": int(same), "opposite": int(opposite), "partial": int(partial),
            "both_abstained": int(both), "coincidence": coincidence, "agreement": agreement, "kappa": kappa, "pi": pi}


def selection(votes, calls, issues, spec):
    keep = calls
    if "from" in spec:
        keep = keep[keep.date >= spec["from"]]
    if "to" in spec:
        keep = keep[keep.date <= spec["to"]]
    if spec.get("important"):
        keep = keep[keep.importantvote == "1"]
    if "issue" in spec:
        keep = keep[keep.rcid.isin(issues[issues.short_name == spec["issue"]].rcid)]
    wide = votes[votes.rcid.isin(keep.rcid)].pivot(index="rcid", columns="state", values="vote")
    def pair(x, y):
        both = wide[[x, y]].dropna()
        return measures(both[x], both[y])
    against = {s: pair(s, "USA") for s in sorted(wide.columns) if s != "USA"}
    group = ["RUS", "CHN", "PRK", "IRN", "USA"]
    pairs = {f"{x}|{y}": pair(x, y) for i, x in enumerate(group) for y in group[i + 1:]}
    return {"spec": spec, "roll_calls": int(len(keep)), "against_usa": against, "pairs": pairs}


def portfolios(year):
    """Alliance portfolios from an ATOP dyad-year file, keyed by COW number; S, S squared, kappa, pi."""
    atop = pd.read_csv(os.path.join(DATA, "atop5_1_ddyr_2018.csv"))
    atop = atop[atop.year == year]
    atop["level"] = np.select(
        [(atop.atop_defense == 1) | (atop.atop_offense == 1), (atop.atop_neutral == 1) | (atop.atop_nonagg == 1), atop.atop_consul == 1],
        [3, 2, 1], default=0)
    states = sorted(set(atop.ccode1) | set(atop.ccode2))
    level = pd.DataFrame(0, index=states, columns=states)
    for a, b, l in zip(atop.ccode1, atop.ccode2, atop.level):
        level.loc[a, b] = max(level.loc[a, b], l)
        level.loc[b, a] = max(level.loc[b, a], l)
    for c in states:
        level.loc[c, c] = 3
    n = len(states)
    def similarity(i, j):
        x, y = level.loc[i].to_numpy(), level.loc[j].to_numpy()
        table = pd.crosstab(pd.Categorical(x, categories=range(4)), pd.Categorical(y, categories=range(4)), dropna=False).to_numpy()
        po = np.trace(table) / n
        pa, pb = table.sum(axis=1) / n, table.sum(axis=0) / n
        pe_k, pe_p = float(np.dot(pa, pb)), float(np.sum(((pa + pb) / 2) ** 2))
        return {"states": n, "absolute_distance": int(np.abs(x - y).sum()), "squared_distance": int(((x - y) ** 2).sum()),
                "s": 1 - 2 * np.abs(x - y).sum() / (3 * n), "s_squared": 1 - 2 * ((x - y) ** 2).sum() / (9 * n),
                "kappa": (po - pe_k) / (1 - pe_k), "pi": (po - pe_p) / (1 - pe_p)}
    group = [365, 710, 731, 630, 2, 370]  # RUS, CHN, PRK, IRN, USA, BLR
    against = {str(c): similarity(c, 2) for c in states if c != 2}
    pairs = {f"{a}|{b}": similarity(a, b) for i, a in enumerate(group) for b in group[i + 1:]}
    return {"year": year, "states": n, "against_usa": against, "pairs": pairs}


def main():
    votes, calls, issues = load()
    specs = [
        {"name": "2018", "from": "2018-01-01", "to": "2018-12-31"},
        {"name": "2015-2019", "from": "2015-01-01", "to": "2019-12-31"},
        {"name": "human-rights-important", "issue": "hr", "important": True},
    ]
    out = {"generator": "scripts/reference/alignment_reference.py", "pandas": pd.__version__,
           "selections": [selection(votes, calls, issues, s) for s in specs], "portfolios": portfolios(2018)}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
