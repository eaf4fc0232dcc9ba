import CoalitionGraph
import CoalitionInterchange
import CoalitionMaps
import CoalitionReports
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import CoalitionRender

private let seed = try! CoalitionNetwork(Dataset.seed)
private let seedDOT = try! CoalitionMap(view: seed.view()).dot()

/// Reads an SVG with a real XML parser and collects what the tests look at.
final class SVGSummary: NSObject, XMLParserDelegate {
  var groups: [(class: String, title: String)] = []
  /// `id` of every group and `xlink:title` of every link, in document order.
  var ids: [String] = []
  var linkTitles: [String] = []
  var texts: [String] = []
  var rootIsSVG = false
  private var stack: [String] = []
  private var groupClass: [String?] = []
  private var buffer = ""

  static func parse(_ bytes: [UInt8]) -> SVGSummary? {
    let s = SVGSummary()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = s
    return parser.parse() ? s : nil
  }

  func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if stack.isEmpty { rootIsSVG = name == "svg" }
    stack.append(name)
    if name == "g" { groupClass.append(attributes["class"]) }
    if let id = attributes["id"] { ids.append(id) }
    if name == "a", let t = attributes["xlink:title"] { linkTitles.append(t) }
    buffer = ""
  }
  func parser(_ p: XMLParser, foundCharacters string: String) { buffer += string }
  func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "title", let cls = groupClass.last ?? nil { groups.append((cls, buffer)) }
    if name == "text" { texts.append(buffer) }
    if name == "g" { groupClass.removeLast() }
    stack.removeLast()
    buffer = ""
  }
}

@Test func seedSVGHasOneTitlePerActorAndPerTie() throws {
  let out = try GraphvizRenderer.shared.render(seedDOT, engine: .dot, format: .svg)
  #expect(out.bytes.starts(with: Array("<?xml".utf8)))
  let svg = try #require(SVGSummary.parse(out.bytes))
  #expect(svg.rootIsSVG)
  let nodes = svg.groups.filter { $0.class.hasPrefix("node") }.map(\.title)
  let edges = svg.groups.filter { $0.class.hasPrefix("edge") }.map(\.title)
  #expect(nodes.sorted() == seed.actors.map(\.id).sorted())
  #expect(try edges.count == seed.view().ties.count)
  #expect(svg.groups.filter { $0.class.hasPrefix("cluster") }.count == 2)
  // Every edge is drawn before the first node, so labels sit on top of the lines (outputorder=edgesfirst).
  let lastEdge = svg.groups.lastIndex { $0.class.hasPrefix("edge") }
  let firstNode = svg.groups.firstIndex { $0.class.hasPrefix("node") }
  #expect(lastEdge != nil && firstNode != nil && lastEdge! < firstNode!)
  // The legend names every kind present, and the caption is there.
  for k in try seed.view().kindsPresent { #expect(svg.texts.contains { $0.contains(seed[k].label) }, "\(seed[k].label)") }
  #expect(svg.texts.contains { $0.contains("Institute for the Study of War") })
  #expect(out.warnings.isEmpty, "\(out.warnings)")
}

@Test func allegedTiesIdsAndTooltipsReachTheSVG() throws {
  let svg = try #require(SVGSummary.parse(try GraphvizRenderer.shared.render(seedDOT).bytes))
  #expect(svg.groups.contains { $0.class == "edge tie technology cooperative alleged" })
  #expect(svg.groups.filter { $0.class.hasPrefix("edge tie accusation hostile") }.count == 4)
  #expect(svg.ids.contains("actor-RUS") && svg.ids.contains("bloc-russia-coalition"))
  let tip = try #require(svg.linkTitles.first { $0.hasPrefix("Russia → North Korea: Technology, alleged") })
  #expect(tip.contains("which the report itself calls alleged"))
  let text = String(decoding: try GraphvizRenderer.shared.render(seedDOT).bytes, as: UTF8.self)
  #expect(text.contains("stroke-dasharray=\"5,2\""))  // dashed = alleged
}

@Test(arguments: RenderFormat.allCases)
func everyFormatIsWellFormed(_ format: RenderFormat) throws {
  let bytes = try GraphvizRenderer.shared.render(seedDOT, format: format).bytes
  switch format {
  case .svg: #expect(SVGSummary.parse(bytes)?.rootIsSVG == true)
  case .png: #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  case .pdf: #expect(bytes.starts(with: Array("%PDF-".utf8)))
  case .dot, .xdot:
    let parsed = try GraphvizRenderer.shared.parse(String(decoding: bytes, as: UTF8.self))
    #expect(Set(parsed.nodeNames) == Set(seed.actors.map(\.id)))
    #expect(try parsed.edges.count == seed.view().ties.count)
    #expect(parsed.nodeAttributes["RUS"]?["pos"]?.isEmpty == false)
    if format == .xdot { #expect(parsed.nodeAttributes["RUS"]?["_draw_"]?.isEmpty == false) }
  case .json:
    let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    let names = (object?["objects"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    for a in seed.actors { #expect(names.contains(a.id)) }
    #expect(try (object?["edges"] as? [Any])?.count == seed.view().ties.count)
  case .plain:
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines.first?.hasPrefix("graph ") == true && lines.last == "stop")
    #expect(lines.filter { $0.hasPrefix("node ") }.count == seed.actorCount)
    #expect(try lines.filter { $0.hasPrefix("edge ") }.count == seed.view().ties.count)
  }
}

@Test(arguments: LayoutEngine.allCases)
func seedRendersWithEveryEngine(_ engine: LayoutEngine) throws {
  // The pinned engine draws maps that carry their own positions: the geographic map.
  var geographic = CoalitionMap(view: try seed.view())
  geographic.geographic = GeographicLayout()
  let out = try GraphvizRenderer.shared.render(engine == .pinned ? try geographic.dot() : seedDOT, engine: engine, format: .svg)
  let svg = try #require(SVGSummary.parse(out.bytes))
  #expect(svg.groups.filter { $0.class.hasPrefix("node actor") }.count == seed.actorCount)
  #expect(try svg.groups.filter { $0.class.hasPrefix("edge") }.count == seed.view().ties.count)
  // The geographic map labels each actor with a node of its own beside its marker.
  if engine == .pinned { #expect(svg.groups.filter { $0.class == "node label" }.count == seed.actorCount) }
}

/// The synchronous render, also from async code (where the async overload would be chosen).
func renderNow(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg, timeout: Duration? = nil) throws -> RenderOutput {
  if let timeout { return try GraphvizRenderer.shared.render(dot, engine: engine, format: format, timeout: timeout) }
  return try GraphvizRenderer.shared.render(dot, engine: engine, format: format)
}

@Test func concurrentRendersAllSucceedAndAgree() async throws {
  let reference = try renderNow(seedDOT).bytes
  let results = try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
    for task in 0..<8 {
      group.addTask {
        var outs: [[UInt8]] = []
        for k in 0..<25 {
          // Mix formats and engines so that tasks really interleave different work.
          // Even tasks block on the renderer's lock, odd ones wait on its queue without blocking.
          if (task + k) % 5 == 0 { _ = try renderNow(seedDOT, engine: .neato, format: .png) }
          outs.append(task % 2 == 0 ? try renderNow(seedDOT).bytes : try await GraphvizRenderer.shared.render(seedDOT).bytes)
        }
        return outs
      }
    }
    var all: [[UInt8]] = []
    for try await outs in group { all += outs }
    return all
  }
  #expect(results.count == 200)
  #expect(results.allSatisfy { $0 == reference })
}

@Test func syntaxErrorsAreReturnedNotPrinted() {
  #expect {
    _ = try GraphvizRenderer.shared.render("digraph { a -> ; }")
  } throws: { error in
    guard case .syntax(let message)? = error as? RenderError else { return false }
    return message.contains("syntax error")
  }
  // The renderer keeps working after a failure.
  #expect(throws: Never.self) { _ = try GraphvizRenderer.shared.render("digraph { a -> b }") }
}

@Test func warningsAreCapturedAsValues() throws {
  let out = try GraphvizRenderer.shared.render("digraph { a [shape=nonesuch]; a -> b }")
  #expect(out.warnings.contains { $0.contains("nonesuch") }, "\(out.warnings)")
}

// MARK: - DOT escaping proven against Graphviz's own parser

private let hostile: [String] = [
  "plain", "graph", "NODE", "digraph", "subgraph", "strict", "edge", "1abc", "-2.5", "",
  "with space", "quote \" inside", "\"", "\"\"", "back\\slash", "trailing\\", "double\\\\", "triple\\\\\\",
  "\\\"", "back\\\"quote", "new\nline", "back\\\nnewline", "colon:port", "a:b:c", "<angle", "a>b", "<html>",
  "amp & co", "&amp;", "semicolon;", "brace{}", "[bracket]", "=equals", "-- ->", "/* comment */", "// line",
  "# hash", "Türkiye", "Côte d’Ivoire", "日本", "🛰 satellite", "tab\there", "\\N", "\\G", "\\E", "\\n", "\\l",
]

@Test func hostileNodeNamesRoundTripThroughAgmemread() throws {
  let nodes = hostile.enumerated().map { k, name in
    DOTNode(name, [DOTAttribute("label", .text(name)), DOTAttribute("tooltip", .text("tip " + name)), DOTAttribute("k", .text(String(k)))])
  }
  let edges = zip(hostile, hostile.dropFirst()).map { DOTEdge($0, $1, [DOTAttribute("label", .text($0 + "→" + $1))]) }
  let dot = try DOTWriter.write(DOTGraph(name: "hostile \"graph\\", nodes: nodes, edges: edges))
  let parsed = try GraphvizRenderer.shared.parse(dot)
  #expect(parsed.name == "hostile \"graph\\")
  // Names come back exactly, through objectName(reported:) for the two kinds Graphviz needs
  // written otherwise (an entity-shaped "&", a leading "%"; see DOTWriter).
  let reported = parsed.nodeNames
  #expect(reported.count == hostile.count)
  #expect(reported.map { DOTWriter.objectName(reported: $0) } == hostile)
  for (name, raw) in zip(hostile, reported) {
    #expect(unescape(parsed.nodeAttributes[raw]?["label"]) == name, "label of \(String(reflecting: name))")
    #expect(unescape(parsed.nodeAttributes[raw]?["tooltip"]) == "tip " + name)
  }
  let labels = parsed.edges.map { unescape($0.attributes["label"]) ?? "" }
  #expect(Set(labels) == Set(edges.map { $0.tail + "→" + $0.head }))
}

/// Hostile labels are displayed exactly: the rendered SVG text equals the original string.
@Test func hostileLabelsRenderVerbatim() throws {
  let singleLine = hostile.filter { !$0.contains("\n") && !$0.isEmpty && !$0.contains("\t") && $0.trimmingCharacters(in: .whitespaces) == $0 }
  let nodes = singleLine.enumerated().map { k, s in DOTNode("n\(k)", [DOTAttribute("label", .text(s))]) }
  let html = DOTNode("html", [DOTAttribute("label", .html(.concat([.text("A & <B> \"C\""), .lineBreak, .text("second")])))])
  let dot = try DOTWriter.write(DOTGraph(name: "labels", nodeDefaults: [DOTAttribute("shape", .id("box"))], nodes: nodes + [html]))
  let svg = try #require(SVGSummary.parse(try GraphvizRenderer.shared.render(dot).bytes))
  for s in singleLine { #expect(svg.texts.contains(s), "\(String(reflecting: s))") }
  #expect(svg.texts.contains("A & <B> \"C\""))
  #expect(svg.texts.contains("second"))
  let multi = try DOTWriter.write(DOTGraph(name: "m", nodes: [DOTNode("x", [DOTAttribute("label", .text("first\nsecond \\ line"))])]))
  let lines = try #require(SVGSummary.parse(try GraphvizRenderer.shared.render(multi).bytes)).texts
  #expect(lines.contains("first") && lines.contains("second \\ line"))
}

/// Undoes the escString layer (`\\` → `\`, `\n` → line break) and the `&amp;` entity: what Graphviz shows.
private func unescape(_ raw: String?) -> String? {
  guard let s = raw?.replacingOccurrences(of: "&amp;", with: "&") else { return nil }
  var out = ""
  var escaped = false
  for c in s {
    if escaped {
      out.append(c == "n" ? "\n" : c)
      escaped = false
    } else if c == "\\" {
      escaped = true
    } else {
      out.append(c)
    }
  }
  return out
}




/// A 61-actor GDELT map (real events, Tests/Fixtures/data) made Graphviz 2.43's curved-edge router
/// abort the process under neato, fdp, sfdp and twopi; every engine must now draw it.
@Test(arguments: LayoutEngine.allCases)
func realEventMapRendersWithEveryEngine(_ engine: LayoutEngine) throws {
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/data/gdelt2_20191024143000.export.CSV").path
  let dataset = try GDELT.read(path: file).dataset
  let view = try CoalitionNetwork(dataset).view(ViewFilter(dropIsolates: true))
  #expect(view.nodeCount == 61)
  let out = try GraphvizRenderer.shared.render(try CoalitionMap(view: view).dot(), engine: engine, format: .svg)
  let svg = String(decoding: out.bytes, as: UTF8.self)
  #expect(svg.contains("</svg>"))
  #expect(svg.components(separatedBy: "class=\"node").count - 1 >= 61)
}

@Test func largeMapsGoToSfdpWithStraightEdges() throws {
  #expect(LayoutEngine.automatic(nodes: 7, edges: 16) == .dot)
  #expect(LayoutEngine.automatic(nodes: 61, edges: 182) == .sfdp)
  #expect(LayoutEngine.automatic(nodes: 40, edges: 400) == .sfdp)
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/data/atop5_1_undirected_2018.csv").path
  let view = try CoalitionNetwork(try ATOP.read(path: file).dataset).view(ViewFilter(kinds: ["defense-pact"], dropIsolates: true))
  let dot = try CoalitionMap(view: view).dot()
  #expect(dot.contains("splines=line"))
  let out = try GraphvizRenderer.shared.render(dot, engine: LayoutEngine.automatic(nodes: view.nodeCount, edges: view.ties.count), format: .svg)
  #expect(String(decoding: out.bytes, as: UTF8.self).contains("</svg>"))
}

@Test func rememberedTextMeasurementsDrawWhatPangoDraws() throws {
  let renderer = GraphvizRenderer.shared
  #if os(Linux)
    #expect(renderer.remembersTextMeasurements)  // Debian's libgvc6 ships the pango plugin
  #endif
  guard renderer.remembersTextMeasurements else { return }
  // Lines no other test draws: the same text in two sizes, and an HTML label with bold and plain parts.
  let tag = UUID().uuidString
  let dot = """
    digraph measured { a [label="\(tag) α", fontsize=10]; b [label="\(tag) α", fontsize=30]; c [label=<<b>\(tag)</b> β>]; a -> b -> c }
    """
  renderer.forgetTextMeasurements()
  let fresh = try renderer.render(dot)
  #expect(fresh.textLines.measured >= 4 && fresh.textLines.remembered == 0)
  let again = try renderer.render(dot)
  #expect(again.textLines.measured == 0 && again.textLines.remembered == fresh.textLines.measured)
  #expect(String(decoding: again.bytes, as: UTF8.self) == String(decoding: fresh.bytes, as: UTF8.self))
  // Sizes are part of the key: the 30-point label stays wider than the 10-point one.
  let plain = String(decoding: try renderer.render(dot, format: .plain).bytes, as: UTF8.self)
  func width(_ node: String) -> Double? {
    plain.split(separator: "\n").first { $0.hasPrefix("node \(node) ") }.flatMap { Double($0.split(separator: " ")[4]) }
  }
  let a = try #require(width("a")), b = try #require(width("b"))
  #expect(b > 2 * a)
  // cairo draws with pango's layout objects, so PNG measures every line afresh.
  let png = try renderer.render(dot, format: .png)
  #expect(png.textLines.remembered == 0 && png.textLines.measured == fresh.textLines.measured)
}

/// Evidence URLs are untrusted: only http, https and mailto become links in the SVG; anything
/// else (a `javascript:` link from a crawled news page) stays text in the tooltip.
@Test func svgLinksOnlyHTTPAndMailto() throws {
  let hostile = ["javascript:alert(5)", " javascript:alert(6)", "JaVaScRiPt:alert(7)", "java\tscript:alert(8)", "data:text/html,<script>alert(9)</script>",
    "vbscript:x", "https://exa mple.org", "http:\u{200B}//x", "file:///etc/passwd", "//evil.example/x", "https:"]
  let safe = ["https://www.understandingwar.org/backgrounder", "HTTP://EXAMPLE.ORG/A?B=C&D=\"E\"", "mailto:desk@example.org"]
  for url in hostile { #expect(!SafeLink.isAllowed(url), "\(url) allowed") }
  for url in safe { #expect(SafeLink.isAllowed(url), "\(url) refused") }
  var d = Dataset(title: "links", sources: [Source(id: "s", title: "Source")])
  d.actors = ["AAA", "BBB", "CCC"].map { CoalitionActor(id: $0, type: .group) }
  let when = ObservationTime.on(PartialDate("2024")!)
  d.observations = [
    TieObservation(source: "AAA", target: "BBB", kind: "diplomatic", time: when, confidence: .reported, evidence: [Evidence(source: "s", note: "bad", url: hostile[0])]),
    TieObservation(source: "BBB", target: "CCC", kind: "diplomatic", time: when, confidence: .reported, evidence: [Evidence(source: "s", note: "good", url: safe[1])]),
  ]
  let map = CoalitionMap(view: try CoalitionNetwork(d).view())
  let svg = String(decoding: try GraphvizRenderer.shared.render(try map.dot(), engine: .dot, format: .svg).bytes, as: UTF8.self)
  #expect(!svg.contains("href=\"javascript"))
  #expect(svg.contains("link not opened (not http, https or mailto): javascript:alert(5)"))
  // Quotes in a link are percent-encoded: Graphviz does not escape them in xlink:href.
  #expect(svg.contains("xlink:href=\"HTTP://EXAMPLE.ORG/A?B=C&amp;D=%22E%22\""))
  #expect(SafeLink.href("https://x.org/\" onmouseover=\"alert(1)") == "https://x.org/%22%20onmouseover=%22alert(1)" || SafeLink.href("https://x.org/\" onmouseover=\"alert(1)") == nil)
  #expect(SafeLink.href("https://x.org/a'b<c>`d\\e") == "https://x.org/a%27b%3Cc%3E%60d%5Ce")
  #expect(!svg.contains("<script"))
}

/// The geographic ATOP 2018 map as Graphviz draws it: every pair of states keeps the east/west and
/// north/south order of its capitals; labels overlap neither each other nor any marker; and with
/// `fill` by community the countries are filled in SVG, PNG and PDF alike.
@Test func geographicMapKeepsTheOrderOfCapitals() throws {
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/data/atop5_1_undirected_2018.csv").path
  let view = try CoalitionNetwork(try ATOP.read(path: file).dataset).view(ViewFilter(kinds: ["defense-pact"], dropIsolates: true))
  var map = CoalitionMap(view: view)
  map.style.fillBy = .community
  map.geographic = GeographicLayout()
  let dot = try map.dot()
  let svg = String(decoding: (try renderNow(dot, engine: .pinned)).bytes, as: UTF8.self)
  let pattern = try Regex(#"<g id="actor&#45;([A-Z0-9]+)" class="node[^"]*">\s*<title>[^<]*</title>\s*(?:<g[^>]*>\s*<a[^>]*>\s*)?<ellipse[^>]*cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)""#)
  var centres: [String: (x: Double, y: Double, r: Double)] = [:]
  for m in svg.matches(of: pattern) {
    centres[String(m.output[1].substring!)] = (Double(m.output[2].substring!)!, Double(m.output[3].substring!)!, Double(m.output[4].substring!)!)
  }
  #expect(centres.count == view.nodeCount, "\(centres.count) of \(view.nodeCount) nodes found")
  let ids = centres.keys.sorted()
  var compared = 0
  for a in ids {
    for b in ids where a < b {
      guard let pa = Geography.place(of: a, on: PartialDate("2018")), let pb = Geography.place(of: b, on: PartialDate("2018")) else { continue }
      let (ca, cb) = (centres[a]!, centres[b]!)
      if pa.longitude != pb.longitude { #expect((pa.longitude < pb.longitude) == (ca.x < cb.x), "\(a) \(b) east/west"); compared += 1 }
      // SVG's y grows downwards.
      if pa.latitude != pb.latitude { #expect((pa.latitude < pb.latitude) == (ca.y > cb.y), "\(a) \(b) north/south"); compared += 1 }
    }
  }
  #expect(compared > 15_000)

  // Labels as Graphviz sized them (its JSON: position in points, size in inches).
  let json = try JSONSerialization.jsonObject(with: Data(try renderNow(dot, engine: .pinned, format: .json).bytes)) as? [String: Any]
  let objects = (json?["objects"] as? [[String: Any]]) ?? []
  func box(_ o: [String: Any]) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
    guard let pos = (o["pos"] as? String)?.split(separator: ",").compactMap({ Double($0) }), pos.count == 2,
      let w = (o["width"] as? String).flatMap(Double.init), let h = (o["height"] as? String).flatMap(Double.init)
    else { return nil }
    return (pos[0] - 36 * w, pos[1] - 36 * h, pos[0] + 36 * w, pos[1] + 36 * h)
  }
  let labels = objects.filter { ($0["name"] as? String)?.hasPrefix(" label ") == true }.compactMap(box)
  let markers = objects.filter { ($0["name"] as? String).map { !$0.hasPrefix(" ") } == true }.compactMap(box)
  #expect(labels.count >= 60, "\(labels.count) labels placed")
  #expect(markers.count == view.nodeCount)
  func overlap(_ a: (x0: Double, y0: Double, x1: Double, y1: Double), _ b: (x0: Double, y0: Double, x1: Double, y1: Double)) -> Bool {
    min(a.x1, b.x1) - max(a.x0, b.x0) > 0.01 && min(a.y1, b.y1) - max(a.y0, b.y0) > 0.01
  }
  for (i, a) in labels.enumerated() {
    for b in labels[(i + 1)...] { #expect(!overlap(a, b), "two labels overlap") }
    // Markers are circles: the nearest point of the label's box lies outside each of them.
    for m in markers {
      let (cx, cy, r) = ((m.x0 + m.x1) / 2, (m.y0 + m.y1) / 2, (m.x1 - m.x0) / 2)
      let (nx, ny) = (min(max(cx, a.x0), a.x1), min(max(cy, a.y0), a.y1))
      #expect((nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) >= (r - 0.01) * (r - 0.01), "a label covers a marker")
    }
  }
  #expect(svg.contains("Labels: \(labels.count) of 146 actors"))

  // The basemap, in each output format: land outside the view grey, countries in community colours.
  let communityFills = Set(MapStyle.communityPalette.map { $0.lowercased() })
  let fills = svg.matches(of: try Regex(##"<polygon fill="(#[0-9a-f]{6})" stroke="#(?:ffffff|6e6e6e)""##)).map { String($0.output[1].substring!) }
  #expect(fills.filter { $0 == MapStyle.outsideFill.lowercased() }.count > 20)
  #expect(Set(fills).intersection(communityFills).count >= 5, "\(Set(fills))")
  let png = try renderNow(dot, engine: .pinned, format: .png).bytes
  let pixels = try #require(PNGImage(png), "the PNG decodes")
  let counts = pixels.colourCounts()
  #expect(counts[0xE4E4E4, default: 0] > 10_000, "grey land outside the view")
  #expect(communityFills.filter { counts[Int($0.dropFirst(), radix: 16)!, default: 0] > 500 }.count >= 5)
  let pdf = try renderNow(dot, engine: .pinned, format: .pdf).bytes
  let content = PDFContent.inflatedStreams(pdf)
  // cairo sets a fill colour as "r g b rg", each channel a fraction of 1.
  #expect(content.contains("0.894118 0.894118 0.894118 rg"), "grey land outside the view in the PDF")
  #expect(content.components(separatedBy: " rg").count > 200)
}

/// The small multiples of a series, from the library: windows spanning the data, one layout for
/// every window (an actor keeps its place), and a map per window.
@Test func seriesMapsShareOneLayout() throws {
  let seed = try CoalitionNetwork(Dataset.seed)
  let windows = try TimeWindows.spanning(seed.dataset, filter: ViewFilter(), length: TimeSpan("6m")!).windows
  #expect(windows.count > 2)
  let timeline = try Timeline(graph: seed, windows: windows)
  let layout = try #require(try GraphvizRenderer.shared.sharedLayout(of: timeline.union))
  let busy = windows.map(timeline.view).filter { $0.nodeCount > 1 }.suffix(2)
  let maps = try GraphvizRenderer.shared.windowMaps(Array(busy), captions: ["a", "b"], layout: layout, legend: false)
  #expect(maps.count == 2 && maps.allSatisfy { String(decoding: $0.bytes, as: UTF8.self).contains("</svg>") })
  // RUS stands at the same place in both windows' maps.
  func place(_ svg: RenderOutput) -> String? {
    let text = String(decoding: svg.bytes, as: UTF8.self)
    guard let node = text.range(of: "id=\"actor&#45;RUS\"") else { return nil }
    guard let ellipse = text[node.upperBound...].range(of: "<ellipse") else { return nil }
    let tag = text[ellipse.upperBound...].prefix { $0 != ">" }
    let centre = tag.split(separator: " ").filter { $0.hasPrefix("cx=") || $0.hasPrefix("cy=") }
    return centre.count == 2 ? centre.joined(separator: " ") : nil
  }
  #expect(place(maps[0]) != nil && place(maps[0]) == place(maps[1]))
  #expect(throws: SeriesError.self) {
    try TimeWindows.spanning(seed.dataset, filter: ViewFilter(window: DateWindow(from: PartialDate("1000"), to: PartialDate("9000"))), length: TimeSpan("1d")!)
  }
  #expect(throws: SeriesError.undated) { try TimeWindows.spanning(Dataset(), filter: ViewFilter(), length: TimeSpan("1y")!) }
}

/// Maps fill the page: a drawing far from 16:10 is laid out again by the spring engines, and the
/// closest is taken; a drawing near it keeps the automatic engine.
@Test func theEngineIsChosenToFitThePage() throws {
  // The seed: dot's drawing is near 16:10, so dot stays.
  let seed = try CoalitionNetwork(Dataset.seed)
  let kept = try GraphvizRenderer.shared.pageFittingEngine(for: CoalitionMap(view: try seed.view()))
  #expect(kept.engine == .dot && kept.tried.count == 1)
  #expect(kept.aspect > GraphvizRenderer.pageAspect / GraphvizRenderer.pageTolerance)
  // A chain of 24 deliveries: dot ranks it into one long row (the map's ranks run left to right).
  let ids = (0..<24).map { String(format: "A%02d", $0) }
  let chain = Dataset(
    actors: ids.map { CoalitionActor(id: $0, type: .group) },
    observations: zip(ids, ids.dropFirst()).map { TieObservation(source: $0, target: $1, kind: "arms-transfer", time: .on(PartialDate("2020")!)) })
  let fit = try GraphvizRenderer.shared.pageFittingEngine(for: CoalitionMap(view: try CoalitionNetwork(chain).view()))
  let dot = try #require(fit.tried.first)
  #expect(dot.engine == .dot && abs(log(dot.aspect / GraphvizRenderer.pageAspect)) > log(GraphvizRenderer.pageTolerance), "\(fit)")
  #expect(fit.engine != .dot && fit.tried.count == 3)
  #expect(abs(log(fit.aspect / 1.6)) < abs(log(dot.aspect / 1.6)))
  #expect(fit.tried.allSatisfy { abs(log($0.aspect / 1.6)) >= abs(log(fit.aspect / 1.6)) })
}

/// Found by FuzzRender: a dataset titled "%…" named its DOT graph with cgraph's reserved prefix,
/// and neato crashed in process (an invalid free in agclose). Every engine now draws it, and a
/// shared layout still finds an actor whose id starts with "%".
@Test func aTitleWithGraphvizsReservedPrefixRendersWithEveryEngine() throws {
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz/FuzzRender/title-with-cgraph-reserved-percent.json")
  let view = try CoalitionNetwork(Dataset(contentsOf: file.path)).view()
  let dot = try CoalitionMap(view: view).dot()
  #expect(dot.hasPrefix("digraph \"_%Russia"))
  for engine in [LayoutEngine.neato, .dot, .fdp, .sfdp, .circo, .twopi] {
    let svg = try GraphvizRenderer.shared.render(dot, engine: engine, format: .svg)
    #expect(String(decoding: svg.bytes, as: UTF8.self).contains("</svg>"), "\(engine)")
  }
  var d = Dataset(actors: [CoalitionActor(id: "%1", type: .group), CoalitionActor(id: "B", type: .group)])
  d.title = "%t"
  d.observations = [TieObservation(source: "%1", target: "B", kind: "diplomatic", time: .on(PartialDate("2024")!))]
  let map = CoalitionMap(view: try CoalitionNetwork(d).view())
  let layout = try GraphvizRenderer.shared.layout(of: map, engine: .neato)
  #expect(layout.positions["%1"] != nil && layout.positions["B"] != nil)
}

/// Found by FuzzRender: Graphviz copies an entity-shaped `&` of a name into the SVG's titles as it
/// is, so a title "…&;…" broke the XML and an actor "A&b;" left an undefined entity. Such names
/// now give well-formed SVG whose titles read the names exactly.
@Test func entityShapedNamesGiveWellFormedSVG() throws {
  var d = Dataset(actors: [CoalitionActor(id: "A&b;", type: .group), CoalitionActor(id: "B", type: .group)])
  d.title = "T &; x"
  d.observations = [TieObservation(source: "A&b;", target: "B", kind: "diplomatic", time: .on(PartialDate("2024")!))]
  let dot = try CoalitionMap(view: try CoalitionNetwork(d).view()).dot()
  for engine in [LayoutEngine.dot, .neato] {
    let svg = String(decoding: try GraphvizRenderer.shared.render(dot, engine: engine, format: .svg).bytes, as: UTF8.self)
    #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(engine)")
    #expect(svg.contains("<title>A&amp;b;</title>") && svg.contains("<title>T &amp;; x</title>"), "\(engine)")
  }
}
