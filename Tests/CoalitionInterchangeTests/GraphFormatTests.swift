import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

let seedView = try! CoalitionNetwork(.seed).view()

@Test func seedRoundTripsThroughGraphMLNodeLinkAndGEXF() throws {
  let graphml = try GraphML.read(bytes: Array(GraphML.write(seedView).utf8), name: "seed.graphml")
  let nodeLink = try NodeLink.read(bytes: Array(NodeLink.write(seedView).utf8), name: "seed.json")
  let gexf = try GEXF.read(bytes: Array(GEXF.write(seedView).utf8), name: "seed.gexf")
  for r in [graphml, nodeLink, gexf] {
    #expect(r.recordsSkipped == 0)
    #expect(canonical(r.dataset) == canonical(.seed))
    #expect(r.dataset.validate().isEmpty)
  }
  // GraphML and node-link carry the whole dataset: sources, blocs, declared actors.
  for r in [graphml, nodeLink] {
    #expect(r.dataset.sources == Dataset.seed.sources)
    #expect(r.dataset.blocs == Dataset.seed.blocs)
    #expect(r.dataset.title == Dataset.seed.title)
    #expect(r.dataset.actors.map(\.id) == ["WEST"])
  }
}

@Test func exportsAreDeterministicAndWellFormed() throws {
  #expect(GraphML.write(seedView) == GraphML.write(seedView))
  #expect(GEXF.write(seedView) == GEXF.write(seedView))
  #expect(NodeLink.write(seedView) == NodeLink.write(seedView))
  let gexf = try XMLParser.parse(Array(GEXF.write(seedView).utf8), file: "seed.gexf")
  #expect(gexf["version"] == "1.3")
  let edges = gexf.child("graph")!.child("edges")!.children("edge")
  #expect(edges.count == seedView.ties.count)
  // Every edge has its kind, a colour of the map and a line style per confidence.
  for e in edges {
    #expect(e["kind"] != nil)
    #expect(e.children.contains { $0.name == "viz:color" })
    #expect(["solid", "dotted", "dashed"].contains(e.children.first { $0.name == "viz:shape" }?["value"] ?? ""))
  }
  let military = edges.first { $0["kind"] == "military" }!
  let color = military.children.first { $0.name == "viz:color" }!
  #expect([color["r"], color["g"], color["b"]] == ["17", "119", "51"])  // #117733, the map's military colour
}

@Test func tiesGranularityWritesOneEdgePerTie() throws {
  let g = try XMLParser.parse(Array(GraphML.write(seedView, granularity: .ties).utf8), file: "t.graphml")
  let edges = g.child("graph")!.children("edge")
  #expect(edges.count == seedView.ties.count)
  #expect(g.children("key").contains { $0["attr.name"] == "count" && $0["attr.type"] == "int" })
}

@Test func readsGraphMLAsNetworkXWritesIt() throws {
  let expected = ref("foreign", "karate-networkx.graphml") as! [String: Any]
  let r = try GraphML.read(path: fixture("interchange/karate-networkx.graphml"), options: GraphImportOptions(date: PartialDate(year: 1977)))
  #expect(r.recordsSkipped == 0)
  #expect(r.dataset.actors.count == expected["nodes"] as! Int)
  #expect(r.dataset.observations.count == expected["edges"] as! Int)
  #expect(r.dataset.observations.reduce(0) { $0 + $1.weight } == (expected["weight_sum"] as! NSNumber).doubleValue)
  #expect(r.dataset.actors.first { $0.id == "5" }?.name == "member 5")
  // The club attribute has no place in a dataset: said, with its count.
  #expect(r.warnings == ["not kept (no place for them in a dataset): edge attribute \"strong\" on 78 edges, node attribute \"club\" on 34 nodes"], "\(r.warnings)")
  // Without a date for undated edges the import fails and names --date.
  #expect(throws: ImportError.self) { try GraphML.read(path: fixture("interchange/karate-networkx.graphml")) }
}

@Test func readsGraphMLAsIgraphWritesIt() throws {
  let expected = ref("foreign", "florentine-igraph.graphml") as! [String: Any]
  let r = try GraphML.read(path: fixture("interchange/florentine-igraph.graphml"), options: GraphImportOptions(date: PartialDate(year: 1430)))
  #expect(Set(r.dataset.actors.map(\.id)) == Set(expected["names"] as! [String]))
  #expect(r.dataset.observations.count == expected["edges"] as! Int)
  #expect(r.dataset.observations.reduce(0) { $0 + $1.weight } == (expected["weight_sum"] as! NSNumber).doubleValue)
  #expect(r.dataset.kinds.map(\.id) == ["tie"])
  #expect(r.dataset.kinds.first?.directed == false)
}

@Test func readsYEdStyleGraphMLSkippingGraphics() throws {
  let r = try GraphML.read(path: fixture("interchange/yed-style.graphml"))
  #expect(r.recordsSkipped == 0)
  let o = r.dataset.observations
  #expect(o.count == 2)
  // Node n0 is labelled RUS; the default date applies where the edge has none.
  #expect(o.contains { $0.source == "n1" && $0.target == "n0" && $0.kind == "arms-transfer" && $0.time == .on(PartialDate("2024-03-20")!) })
  #expect(o.contains { $0.kind == "technology" && $0.time == .on(PartialDate("2023-09")!) })
}

@Test func readsNodeLinkInBothNetworkXForms() throws {
  let transfers = try NodeLink.read(path: fixture("interchange/transfers-networkx.node-link.json"))
  #expect(transfers.recordsSkipped == 0)
  #expect(transfers.dataset.observations.count == Int(refDouble("foreign", "transfers-networkx.node-link.json", "edges")))
  #expect(transfers.dataset.observations.reduce(0) { $0 + $1.weight } == refDouble("foreign", "transfers-networkx.node-link.json", "weight_sum"))
  #expect(transfers.dataset.observations.filter { $0.kind == "arms-transfer" && $0.source == "PRK" }.map(\.time) == [.on(PartialDate(year: 2023)!), .on(PartialDate(year: 2024)!)])
  let links = try NodeLink.read(path: fixture("interchange/florentine-networkx-links.json"), options: GraphImportOptions(date: PartialDate(year: 1430)))
  #expect(links.dataset.observations.count == Int(refDouble("foreign", "florentine-networkx-links.json", "edges")))
  #expect(links.dataset.actors.count == 15)
}

@Test func readsGEXFAsNetworkXWritesIt() throws {
  let r = try GEXF.read(path: fixture("interchange/florentine-networkx.gexf"), options: GraphImportOptions(date: PartialDate(year: 1430)))
  #expect(r.dataset.observations.count == Int(refDouble("foreign", "florentine-networkx.gexf", "edges")))
  #expect(r.dataset.observations.reduce(0) { $0 + $1.weight } == refDouble("foreign", "florentine-networkx.gexf", "weight_sum"))
  #expect(r.dataset.actors.count == 15)
}

@Test(arguments: [
  ("", "x.graphml:1:1: the file is empty"),
  ("<graphml><graph edgedefault=\"directed\"><node id=\"a\"></graph></graphml>", "x.graphml:1:60: </graph> closes <node> (opened at line 1)"),
  ("<graphml><key id=\"k\" for=\"edge\" attr.name=\"w\" attr.type=\"double\"/><graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"k\">heavy</data></edge></graph></graphml>", "x.graphml:1:153: w: \"heavy\" is not a number"),
  ("<graphml><graph edgedefault=\"sideways\"/></graphml>", "x.graphml:1:10: edgedefault must be directed or undirected, not \"sideways\""),
  ("<svg/>", "x.graphml:1:1: not GraphML: the root element is <svg>"),
  ("<graphml a=\"1\" a=\"2\"/>", "x.graphml:1:16: attribute a appears twice"),
  ("<graphml>&bogus;</graphml>", "x.graphml:1:10: unknown entity &bogus;"),
])
func malformedGraphMLIsRejectedWithPosition(text: String, message: String) {
  do {
    _ = try GraphML.read(bytes: Array(text.utf8), name: "x.graphml")
    Issue.record("accepted: \(text)")
  } catch {
    #expect("\(error)" == message)
  }
}

@Test func deepNestingAndTruncationNeverCrash() {
  let deep = String(repeating: "<a>", count: 100_000)
  #expect(throws: ImportError.self) { try GraphML.read(bytes: Array(deep.utf8), name: "deep") }
  let full = Array(GraphML.write(seedView).utf8)
  for cut in stride(from: 0, to: full.count, by: 97) {
    #expect(throws: ImportError.self) { try GraphML.read(bytes: Array(full[0..<cut]), name: "cut") }
  }
  let json = Array(NodeLink.write(seedView).utf8)
  for cut in stride(from: 0, to: json.count, by: 89) {
    #expect(throws: ImportError.self) { try NodeLink.read(bytes: Array(json[0..<cut]), name: "cut") }
  }
}

@Test func csvTablesCarryMeasuresAndTies() throws {
  let nodes = CSVTables.nodes(seedView)
  let rows = try CSVObservationsTable.parse(nodes)
  #expect(rows[0] == ["id", "name", "type", "blocs", "degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector", "core"])
  #expect(rows.count == seedView.nodeCount + 1)
  let rus = rows.first { $0[0] == "RUS" }!
  #expect(rus[3] == "russia-coalition")
  #expect(rus[4] == "1")  // tied to all six others: normalised degree 1
  let edges = try CSVObservationsTable.parse(CSVTables.edges(seedView))
  #expect(edges.count == seedView.ties.count + 1)
  #expect(edges.contains { $0[0] == "RUS" && $0[1] == "PRK" && $0[2] == "technology" && $0[4] == "true" && $0[7] == "alleged" })
  #expect(edges.contains { $0[0] == "PRK" && $0[1] == "RUS" && $0[2] == "arms-transfer" && $0[6] == "2" && $0[7] == "reported" })
}

/// Splits CSV text with the package's own reader (already checked against Python's csv module).
enum CSVObservationsTable {
  static func parse(_ text: String) throws -> [[String]] {
    let reader = RecordReader(bytes: Array(text.utf8), name: "t", delimiter: UInt8(ascii: ","), quoting: true)
    var r = Record()
    var out: [[String]] = []
    while try reader.next(into: &r) { out.append((0..<r.count).map { r.string($0)! }) }
    return out
  }
}

/// Graph files lose nothing without a word: undated files are an error naming --date, isolated
/// states stay, GEXF defaults apply, attributes without a place are counted, mixed directions
/// are reported.
@Test func graphImportsKeepEverythingOrSaySo() throws {
  // No dates at all: an error that names --date, not an empty dataset.
  let undated = """
    <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    <graph edgedefault="undirected"><node id="RUS"/><node id="CHN"/><node id="IRN"/><edge source="RUS" target="CHN"/></graph></graphml>
    """
  do {
    _ = try GraphML.read(bytes: Array(undated.utf8), name: "u.graphml")
    Issue.record("an undated file imported")
  } catch {
    #expect(String(describing: error).contains("--date"), "\(error)")
  }
  for text in [
    #"{"directed": false, "nodes": [{"id": "RUS"}, {"id": "CHN"}], "links": [{"source": "RUS", "target": "CHN"}]}"#
  ] {
    #expect(throws: ImportError.self) { try NodeLink.read(bytes: Array(text.utf8), name: "u.json") }
  }
  // With --date: the isolated ISO state IRN is kept.
  let dated = try GraphML.read(bytes: Array(undated.utf8), name: "u.graphml", options: GraphImportOptions(date: PartialDate("2024")))
  #expect(dated.dataset.actors.map(\.id).contains("IRN"))
  let graph = try CoalitionNetwork(dated.dataset)
  #expect(graph.actorCount == 3)

  // GEXF: a declared <default> applies where an edge gives no value; unknown attributes are counted.
  let gexf = """
    <?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
    <attributes class="edge"><attribute id="0" title="kind" type="string"><default>sanction</default></attribute>
    <attribute id="1" title="date" type="string"><default>2022-03</default></attribute>
    <attribute id="2" title="colour" type="string"/></attributes>
    <attributes class="node"><attribute id="p" title="population" type="long"/></attributes>
    <nodes><node id="USA"><attvalues><attvalue for="p" value="331"/></attvalues></node><node id="RUS"/><node id="CHN"/></nodes>
    <edges><edge source="USA" target="RUS"><attvalues><attvalue for="2" value="red"/></attvalues></edge>
    <edge source="USA" target="CHN"><attvalues><attvalue for="0" value="accusation"/><attvalue for="1" value="2023"/></attvalues></edge>
    <edge source="RUS" target="CHN" type="undirected"><attvalues><attvalue for="0" value="talks"/></attvalues></edge>
    <edge source="CHN" target="USA"><attvalues><attvalue for="0" value="talks"/></attvalues></edge></edges></graph></gexf>
    """
  let g = try GEXF.read(bytes: Array(gexf.utf8), name: "d.gexf")
  #expect(g.recordsSkipped == 0)
  let observations = g.dataset.observations.map { "\($0.source) \($0.target) \($0.kind) \($0.time.text)" }.sorted()
  #expect(observations == ["CHN USA talks 2022-03", "RUS CHN talks 2022-03", "USA CHN accusation 2023", "USA RUS sanction 2022-03"])
  #expect(g.warnings.contains { $0.contains("edge attribute \"colour\" on 1 edge") && $0.contains("node attribute \"population\" on 1 node") }, "\(g.warnings)")
  #expect(g.warnings.contains { $0.hasPrefix("kind \"talks\": 1 directed and 1 undirected edges") }, "\(g.warnings)")
}

/// Issue 19, finding 6: exported graph files record the dataset (title and fingerprint), the view
/// and the release, and reading them back is unaffected.
@Test func exportsCarryProvenance() throws {
  let g = try CoalitionNetwork(.seed)
  let view = try g.view(ViewFilter(kinds: ["war", "military"]))
  let line = "Dataset: \(Dataset.seed.title!) (fingerprint \(Dataset.seed.fingerprint)) · View: kinds: military, war · CoalitionGraph \(CoalitionGraphVersion.current)"
  #expect(view.provenance == line)
  let graphml = GraphML.write(view)
  #expect(graphml.contains("<data key=\"g_dataset_fingerprint\">\(Dataset.seed.fingerprint)</data>"))
  #expect(graphml.contains("<data key=\"g_generator\">CoalitionGraph \(CoalitionGraphVersion.current)</data>"))
  let nodeLink = try JSONSerialization.jsonObject(with: Data(NodeLink.write(view).utf8)) as! [String: Any]
  #expect((nodeLink["graph"] as! [String: Any])["provenance"] as? String == line)
  #expect(GEXF.write(view).contains("<keywords>\(line)</keywords>"))
  // Reading back gives the same observations as before.
  let back = try GraphML.read(bytes: Array(graphml.utf8), name: "seed.graphml").dataset
  #expect(back.observations.count == view.ties.reduce(0) { $0 + $1.count })
}
