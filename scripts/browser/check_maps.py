#!/usr/bin/env python3
"""Measures the maps of HTML reports as a reader sees them: each page opens in headless Chromium in a
1400 x 900 window, at the map's Fit zoom (as the page opens), and the script reads from the page:

- aspect: the drawing's width over its height (its SVG viewBox);
- top-20 label: the smallest height, in CSS pixels, of the labels of the 20 actors ranked highest by
  the page's charted measure (a label left out on a crowded map does not count; "labelled" says how
  many of the 20 have one);
- overlaps: pairs of labels (texts of different actors) whose boxes overlap by more than 0.5 px;
- legend: drawing elements (actors, labels, basemap shapes) whose box overlaps the legend's, when the
  legend is part of the drawing, or 1 when the legend drawn under the map overlaps the map's box;
- basemap: the number of country shapes drawn under the map.

It prints them as a table and exits 1 when a map breaks a threshold: a top-20 label under 9 px, any
label overlap, any legend overlap, or a geographic map without country shapes.

Usage: check_maps.py [--screenshots DIR] NAME=REPORT.html[:geo] ...
(--screenshots saves each page, scrolled to its map, as DIR/<report file name>.png)
"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = r"""
var svg = document.querySelector('#map svg');
var data = JSON.parse(document.getElementById('coalition-data').textContent);
var v = svg.getAttribute('viewBox').trim().split(/[\s,]+/).map(parseFloat);
function box(e) { var r = e.getBoundingClientRect(); return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, w: r.width, h: r.height}; }
function overlap(a, b, tol) { return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tol && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tol; }
// The texts that name each actor: its label node on a geographic map, else its node's texts.
var labels = {};
data.actors.forEach(function (a) {
  var label = document.getElementById('label-' + a.id);
  var node = label || document.getElementById(a.element);
  if (!node) return;
  var texts = Array.prototype.slice.call(node.querySelectorAll('text')).filter(function (t) { return t.textContent.trim(); });
  if (texts.length) labels[a.id] = texts.map(box);
});
var measure = data.measures[0];
var ranked = data.actors.slice().sort(function (a, b) {
  var x = a.measures[measure], y = b.measures[measure];
  x = typeof x === 'number' ? x : -Infinity; y = typeof y === 'number' ? y : -Infinity;
  return y - x || (a.id < b.id ? -1 : 1);
}).slice(0, 20);
var heights = [];
ranked.forEach(function (a) { if (labels[a.id]) heights.push(labels[a.id][0].h); });
var ids = Object.keys(labels), overlaps = 0;
for (var i = 0; i < ids.length; i++) for (var j = i + 1; j < ids.length; j++)
  labels[ids[i]].forEach(function (p) { labels[ids[j]].forEach(function (q) { if (overlap(p, q, 0.5)) overlaps += 1; }); });
// The legend: the graph's own texts and cells (the label table), outside any node, edge or cluster.
var graph = svg.querySelector('g.graph');
var legendParts = Array.prototype.slice.call(graph.children).filter(function (e) { return e.tagName === 'text'; });
var legend = null;
legendParts.forEach(function (e) { var b = box(e); legend = legend ? {x0: Math.min(legend.x0, b.x0), y0: Math.min(legend.y0, b.y0), x1: Math.max(legend.x1, b.x1), y1: Math.max(legend.y1, b.y1)} : b; });
// Country shapes: the basemap's polygons, drawn straight into the graph with the outline colours.
var shapes = Array.prototype.slice.call(graph.children).filter(function (e) {
  return e.tagName === 'polygon' && /^#(ffffff|6e6e6e)$/i.test(e.getAttribute('stroke') || '') && e.getAttribute('fill') !== 'white';
});
var legendHits = 0;
var apart = document.getElementById('map-legend');
if (apart && overlap(box(apart), box(document.getElementById('map')), 0.5)) legendHits += 1;
if (legend) {
  var drawn = Array.prototype.slice.call(svg.querySelectorAll('g.node ellipse, g.node text, g.node polygon')).map(box).concat(shapes.map(box));
  drawn.forEach(function (b) { if (b.w > 0 && overlap(b, legend, 0.5)) legendHits += 1; });
}
return {aspect: v[2] / v[3], minLabel: heights.length ? Math.min.apply(null, heights) : 0, labelled: heights.length,
        overlaps: overlaps, legend: legendHits, basemap: shapes.length, actors: data.actors.length};
"""


def main():
    maps = []
    arguments = sys.argv[1:]
    shots = None
    if arguments[:1] == ["--screenshots"]:
        shots, arguments = pathlib.Path(arguments[1]), arguments[2:]
        shots.mkdir(parents=True, exist_ok=True)
    for arg in arguments:
        name, _, rest = arg.partition("=")
        path, _, kind = rest.partition(":")
        maps.append((name, path, kind == "geo"))
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []
    rows = []
    try:
        for name, path, geo in maps:
            driver.get(pathlib.Path(path).resolve().as_uri())
            m = driver.execute_script(MEASURE)
            rows.append((name, m))
            if shots:
                driver.execute_script("document.querySelector('.map-section').scrollIntoView()")
                driver.save_screenshot(str(shots / (pathlib.Path(path).stem + ".png")))
            why = []
            if m["labelled"] and m["minLabel"] < 9:
                why.append("a top-20 label is %.1f px high" % m["minLabel"])
            if m["labelled"] == 0:
                why.append("no top-20 actor is labelled")
            if m["overlaps"]:
                why.append("%d label overlaps" % m["overlaps"])
            if m["legend"]:
                why.append("%d elements under the legend" % m["legend"])
            if geo and m["basemap"] == 0:
                why.append("no country shapes")
            if why:
                failures.append(name + ": " + "; ".join(why))
    finally:
        driver.quit()
    print("| map | actors | aspect | smallest top-20 label (px) | top-20 labelled | label overlaps | legend overlaps | basemap shapes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, m in rows:
        print("| %s | %d | %.2f | %.2f | %d | %d | %d | %d |" % (
            name, m["actors"], m["aspect"], m["minLabel"], m["labelled"], m["overlaps"], m["legend"], m["basemap"]))
    for f in failures:
        print("FAIL " + f)
    print("%d passed, %d failed" % (len(rows) - len(failures), len(failures)))
    sys.exit(1 if failures else 0)


main()
