#!/usr/bin/env python3
"""Writes Tests/Fixtures/reference/equal-earth.json: the Equal Earth projection (Savric, Patterson and
Jenny 2018) of a grid of places on the unit sphere, as PROJ computes it (pyproj, `+proj=eqearth +R=1`).
The Swift projection is checked against it.

Usage: pip install pyproj && python3 scripts/reference/equal_earth.py > Tests/Fixtures/reference/equal-earth.json
"""
import json

from pyproj import Proj

project = Proj("+proj=eqearth +R=1")
rows = []
for lat in range(-90, 91, 15):
    for lon in range(-180, 181, 30):
        x, y = project(lon, lat)
        rows.append({"longitude": lon, "latitude": lat, "x": round(x, 12), "y": round(y, 12)})
for lon, lat in [(-77.0365, 38.895), (37.6173, 55.7558), (125.7625, 39.0392), (51.389, 35.6892), (151.2093, -33.8688)]:
    x, y = project(lon, lat)
    rows.append({"longitude": lon, "latitude": lat, "x": round(x, 12), "y": round(y, 12)})
print(json.dumps({"source": "PROJ via pyproj, +proj=eqearth +R=1", "points": rows}, indent=1))
