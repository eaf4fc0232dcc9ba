import CoalitionGraph
import CoalitionInterchange
import CoalitionMaps
import CoalitionMetrics
@testable import CoalitionReports
import Foundation
import Testing

@testable import CoalitionRender

/// The page `coalition report --format html` writes, made the same way.
private func page(_ view: NetworkView, engine: LayoutEngine = .dot) throws -> String {
  let document = try CoalitionReport(view: view).document()
  let scores = try view.scores([.betweenness, .degree, .pagerank])
  let drawn = try GraphvizRenderer.shared.pageMap(CoalitionMap(view: view), engine: engine)
  var report = HTMLReport(document: document, view: view, mapSVG: String(decoding: drawn.drawing.bytes, as: UTF8.self), measures: scores)
  report.legendSVG = drawn.legend.map { String(decoding: $0.bytes, as: UTF8.self) }
  return try report.html()
}

/// The JSON data block of a page, parsed.
private func dataBlock(_ html: String) throws -> [String: Any] {
  let open = try #require(html.range(of: "<script type=\"application/json\" id=\"coalition-data\">"))
  let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
  let json = String(html[open.upperBound..<close.lowerBound])
  return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

private func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

@Test func seedPageHoldsMapFiltersPanelDataTablesAndFooter() throws {
  let view = try CoalitionNetwork(.seed).view()
  let html = try page(view)
  #expect(html.hasPrefix("<!DOCTYPE html>"))
  #expect(html.utf8.count < 300_000, "\(html.utf8.count) bytes")
  // Nothing remote: a policy that forbids loads, and no element that would make one.
  #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none';"))
  for loader in ["<script src", "<link", "<img", "<iframe", "@import", "url(http", "src=\"http"] {
    #expect(!html.contains(loader), "\(loader)")
  }
  #expect(count("<script", in: html) == 2 && count("</script>", in: html) == 2)
  // The Graphviz map inline, without its XML declaration, with an element per actor and tie.
  #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg"))
  #expect(count("class=\"node", in: html) == view.nodeCount && count("class=\"edge", in: html) == view.ties.count)
  // The legend drawn apart, under the map: the kinds and the caption there, not in the map.
  let legendStart = try #require(html.range(of: "<figure class=\"map-legend\" id=\"map-legend\">"))
  let mapPart = html[..<legendStart.lowerBound], legendPart = html[legendStart.upperBound...]
  #expect(legendPart.contains("Diplomatic (cooperative, verbal)") && !mapPart.contains("Diplomatic (cooperative, verbal)"))
  #expect(legendPart.contains("Dataset fingerprint"))
  // A search field and one checkbox per kind, polarity and confidence present, named as in the legend.
  #expect(html.contains("<input type=\"search\" id=\"search\""))
  for k in view.kindsPresent {
    #expect(html.contains("data-filter=\"kind\" value=\"\(view.graph[k].id)\" checked> \(HTMLText.escaped(view.graph[k].label)) ("))
  }
  #expect(html.contains("value=\"alleged\" checked> alleged (1)") && html.contains("value=\"hostile\" checked> hostile (7)"))
  #expect(!html.contains("data-filter=\"confidence\" value=\"nonsense\""))
  // The data behind the panel: every actor and tie, with the element ids the SVG uses.
  let data = try dataBlock(html)
  let ties = try #require(data["ties"] as? [[String: Any]])
  #expect(ties.count == view.ties.count)
  for t in ties { #expect(html.contains("id=\"\((t["element"] as! String).replacingOccurrences(of: "-", with: "&#45;"))\"")) }
  let technology = try #require(ties.first { ($0["kind"] as? String) == "technology" })
  let note = ((technology["observations"] as? [[String: Any]])?.first?["evidence"] as? [[String: Any]])?.first?["note"] as? String
  #expect(note?.contains("calls alleged") == true)
  #expect((data["actors"] as? [[String: Any]])?.count == view.nodeCount)
  // Findings, the chart and every table, sortable; the footer dates the data, not the run.
  #expect(html.contains("<h2>Findings</h2>") && html.contains("<h2>Ranked by betweenness</h2>"))
  #expect(count("<table class=\"sortable\"", in: html) == (try CoalitionReport(view: view).document()).tables.count)
  #expect(html.contains("Data as of 2024-03-20") && html.contains("Made with CoalitionGraph \(CoalitionGraphVersion.current)"))
  #expect(try page(view) == html, "the same inputs give the same bytes")
}

/// Hostile text in every field stays text: it cannot end the script block, open a tag or an
/// attribute, and only the links `SafeLink` allows (http, https, mailto) are kept.
@Test(arguments: hostileTexts.indices)
func hostileTextStaysTextInTheHTMLReport(_ k: Int) throws {
  let text = hostileTexts[k]
  let view = try CoalitionNetwork(hostileDataset(text)).view()
  let html = try page(view)
  #expect(count("<script", in: html) == 2 && count("</script>", in: html) == 2, "text \(k)")
  #expect(!html.contains("<img"), "text \(k): no element from the text")
  #expect(!html.contains("<!-- comment"), "text \(k): no comment from the text")
  // Outside the map (whose SVG the SVG tests parse) and the JSON block (where quotes are JSON's
  // business), no quote from the text is raw: none can end an attribute.
  let start = try #require(html.range(of: "<div class=\"map\""))
  let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
  let block = try #require(html.range(of: "<script type=\"application/json\""))
  let rest = String(html[..<start.lowerBound]) + String(html[end.upperBound..<block.lowerBound])
  #expect(!rest.contains("' onmouseover='") && !rest.contains("\"><img"), "text \(k): no attribute from the text")
  let data = try dataBlock(html)
  let actors = try #require(data["actors"] as? [[String: Any]])
  #expect(actors.first { ($0["id"] as? String) == "AAA" }?["name"] as? String == (text.isEmpty ? "A" : text), "text \(k): the name comes back exactly")
  let urls = ((data["ties"] as? [[String: Any]]) ?? []).flatMap { ($0["observations"] as? [[String: Any]]) ?? [] }
    .flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap { $0["url"] as? String }
  #expect(urls.allSatisfy { SafeLink.isAllowed($0) && SafeLink.href($0) == $0 }, "text \(k): \(urls)")
}

/// The page keeps exactly the links the SVG map keeps: one rule (`SafeLink`) for every writer.
@Test func thePageAndTheMapKeepTheSameLinks() throws {
  var d = Dataset(sources: [Source(id: "s", title: "S")], actors: [CoalitionActor(id: "AAA", type: .group), CoalitionActor(id: "BBB", type: .group)])
  let urls = ["https://example.org/a", "mailto:desk@example.org", "javascript:alert(1)", "data:text/html,x", " https://example.org/b"]
  for (i, url) in urls.enumerated() {
    d.observations.append(
      TieObservation(
        source: "AAA", target: "BBB", kind: "diplomatic", time: .on(PartialDate("202\(i)")!), evidence: [Evidence(source: "s", url: url)]))
  }
  let data = try dataBlock(try page(try CoalitionNetwork(d).view()))
  let kept = ((data["ties"] as? [[String: Any]]) ?? []).flatMap { ($0["observations"] as? [[String: Any]]) ?? [] }
    .flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap { $0["url"] as? String }
  #expect(kept == urls.compactMap(SafeLink.href))
  #expect(kept == ["https://example.org/a", "mailto:desk@example.org"])
}

@Test func escapingForHTMLContexts() {
  #expect(HTMLText.escaped(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
  #expect(HTMLText.scriptJSON(#"{"a": "</script><!--&"}"#) == #"{"a": "\u003c/script\u003e\u003c!--\u0026"}"#)
  #expect(HTMLText.scriptJSON("\u{2028}\u{2029}") == "\\u2028\\u2029")
}

@Test func tablesAloneMakeAPageToo() throws {
  let table = ReportTable(title: "T <1>", columns: ["actor", "x"], rows: [[.text("A&B"), .number(.nan)], [.text("C"), .number(0.1 + 0.2)]])
  let html = table.formatted(.html, digits: 3)
  // Undefined: "—" for people, sorted last by the script.
  #expect(html.contains("<td>A&amp;B</td>") && html.contains("data-value=\"\">—</td>"))
  #expect(html.contains("data-value=\"0.30000000000000004\">0.3</td>"), "exact for sorting, rounded for show")
  #expect(html.contains("<title>T &lt;1&gt;</title>") && !html.contains("id=\"map\""))
}

/// A 146-actor map (ATOP 2018 defence pacts) gives a page under 3 MB.
@Test func largeReportStaysSmall() throws {
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/data/atop5_1_undirected_2018.csv").path
  let atop = try ATOP.read(path: file).dataset
  let view = try CoalitionNetwork(atop).view(ViewFilter(kinds: ["defense-pact"], dropIsolates: true))
  #expect(view.nodeCount > 100)
  let html = try page(view, engine: .sfdp)
  #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
  #expect(count("class=\"node", in: html) == view.nodeCount)
}

/// With windows, the page charts density and ranks per window and shows a map per window, whose
/// element ids are removed so that the main map's stay unique.
@Test func windowsAddLineChartsAndSmallMultiples() throws {
  let graph = try CoalitionNetwork(.seed)
  let view = try graph.view()
  let windows = TimeWindows(start: PartialDate("2022")!, end: PartialDate("2024")!, length: TimeSpan(count: 1, unit: .year)!).windows
  #expect(windows.count == 3)
  let timeline = try Timeline(graph: graph, windows: windows, measure: .betweenness)
  var report = HTMLReport(document: try CoalitionReport(view: view).document(), view: view, mapSVG: try renderSVG(CoalitionMap(view: view)))
  report.series = timeline.series()
  report.seriesMeasure = "betweenness"
  for w in windows where timeline.view(w).nodeCount > 0 {
    report.windowMaps.append(HTMLReport.WindowMap(label: w.description, svg: try renderSVG(CoalitionMap(view: timeline.view(w)))))
  }
  let html = try report.html()
  #expect(html.contains("<h2>Across time</h2>") && html.contains("Density per window") && html.contains("Rank by betweenness"))
  #expect(count("<polyline", in: html) >= 2)
  #expect(html.contains("<h2>Map per window</h2>") && count("<figure data-window=", in: html) == report.windowMaps.count)
  // A slider over the windows, labelled with the first.
  #expect(html.contains("<input type=\"range\" id=\"window-slider\" min=\"0\" max=\"\(report.windowMaps.count - 1)\""))
  #expect(html.contains("<output id=\"window-label\" for=\"window-slider\">\(HTMLText.escaped(report.windowMaps[0].label))</output>"))
  #expect(count("id=\"actor&#45;RUS\"", in: html) == 1, "ids stay unique")
}

private func renderSVG(_ map: CoalitionMap) throws -> String {
  String(decoding: (try GraphvizRenderer.shared.render(try map.dot(), engine: .dot, format: .svg) as RenderOutput).bytes, as: UTF8.self)
}

/// SHA-256 against the test vectors of FIPS 180-2 (appendix B), and the page's policy names its
/// script by that hash, with no 'unsafe-inline' for scripts.
@Test func thePolicyNamesTheScriptByItsHash() throws {
  func hex(_ s: String) -> String { SHA256.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
  #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  #expect(hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  #expect(SHA256.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
  let html = try page(try CoalitionNetwork(Dataset.seed).view())
  let policy = try #require(html.components(separatedBy: "Content-Security-Policy\" content=\"").dropFirst().first?.components(separatedBy: "\"").first)
  let scriptSources = try #require(policy.split(separator: ";").first { $0.contains("script-src") })
  #expect(!scriptSources.contains("unsafe-inline"), "\(policy)")
  let body = try #require(html.components(separatedBy: "<script>").dropFirst().first?.components(separatedBy: "</script>").first)
  #expect(scriptSources.contains("'sha256-\(SHA256.base64(Array(body.utf8)))'"))
}

/// The page reads each actor's measures by actor; measures of another view are refused by name,
/// never shown against the wrong actors (or a crash on a shorter list).
@Test func thePageRefusesMeasuresOfAnotherView() throws {
  let seed = try CoalitionNetwork(Dataset.seed)
  let narrow = try seed.view(ViewFilter(actors: ["RUS", "PRK", "IRN"]))
  let document = try CoalitionReport(view: narrow).document()
  let page = HTMLReport(document: document, view: narrow, mapSVG: "<svg></svg>", measures: [try seed.view().degree(.total)])
  #expect(throws: ScoresMismatch.self) { try page.html() }
  let right = HTMLReport(document: document, view: narrow, mapSVG: "<svg></svg>", measures: [narrow.degree(.total)])
  let data = try dataBlock(try right.html())
  let actors = try #require(data["actors"] as? [[String: Any]])
  #expect(actors.count == 3)
  #expect(actors.allSatisfy { (($0["measures"] as? [String: Any])?["degree (total)"] as? Double) != nil })
}
