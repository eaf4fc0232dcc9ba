#!/usr/bin/env python3
"""Counts public symbols of the library modules that have no doc comment, from the symbol graphs
`swift package dump-symbol-graph --minimum-access-level public` writes.

A member that implements a protocol requirement (`description`, `==`, `encode(to:)`, …) takes the
protocol's documentation, as DocC shows it, and is not counted; neither are symbols the compiler
synthesises. Usage: scripts/doc-coverage.py [--list] [SYMBOLGRAPH_DIR]. Exits 1 when any is missing.
"""
import glob
import json
import os
import sys

MODULES = ["CoalitionGraph", "CoalitionGraphLegacyNames", "CoalitionMetrics", "CoalitionReports", "CoalitionMaps",
           "CoalitionInterchange", "CoalitionRender"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    directory = args[0] if args else glob.glob(".build/*/symbolgraph")[0]
    missing, total = [], 0
    for path in sorted(glob.glob(os.path.join(directory, "*.symbols.json"))):
        name = os.path.basename(path).split(".symbols.json")[0]
        if name.split("@")[0] not in MODULES:
            continue
        graph = json.load(open(path))
        # Members that fulfil a protocol requirement inherit its documentation.
        fulfils = {r["source"] for r in graph["relationships"] if r["kind"] in ("requirementOf", "optionalRequirementOf")}
        fulfils |= {r["source"] for r in graph["relationships"] if r["kind"] == "memberOf" and r.get("sourceOrigin")}
        for s in graph["symbols"]:
            if s.get("accessLevel") not in ("public", "open"):
                continue
            if s["identifier"]["precise"] in fulfils or s.get("location") is None:
                continue  # inherited documentation, or synthesised by the compiler
            total += 1
            if not s.get("docComment"):
                where = s["location"]["uri"].split("/Sources/")[-1] + ":" + str(s["location"]["position"]["line"] + 1)
                missing.append(f"{where}: {s['kind']['displayName'].lower()} {'.'.join(s['pathComponents'])}")
    for m in sorted(set(missing)) if listing else []:
        print(m)
    print(f"doc-coverage: {total - len(missing)} of {total} public symbols documented; {len(missing)} without a doc comment")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
