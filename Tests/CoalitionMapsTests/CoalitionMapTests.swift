import CoalitionGraph
import CoalitionMetrics
import Foundation
import Testing

@testable import CoalitionMaps

private let seed = try! CoalitionNetwork(Dataset.seed)
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

private func attribute(_ attrs: [DOTAttribute], _ name: String) -> DOTValue? { attrs.first { $0.name == name }?.value }

@Test func seedMapHasClusterPerBlocAndEdgePerTie() throws {
  let view = try seed.view()
  let dot = try CoalitionMap(view: view).dotGraph()
  #expect(dot.subgraphs.map(\.name) == ["cluster_0", "cluster_1"])
  #expect(dot.subgraphs[0].nodes.map(\.name) == ["RUS", "CHN", "PRK", "IRN"])
  #expect(dot.subgraphs[1].nodes.map(\.name) == ["USA", "WEST"])
  #expect(dot.nodes.map(\.name) == ["UKR"])  // in no bloc
  #expect(dot.edges.count == view.ties.count)
  // Four kinds between RUS and PRK, each its own edge.
  let rusPrk = dot.edges.filter { Set([$0.tail, $0.head]) == ["RUS", "PRK"] }
  #expect(rusPrk.count == 4)
  #expect(Set(rusPrk.compactMap { attribute($0.attributes, "color") }).count == 4)
}

@Test func edgeStylesFollowKindConfidenceAndPolarity() throws {
  let view = try seed.view()
  let dot = try CoalitionMap(view: view).dotGraph()
  for (tie, edge) in zip(view.ties, dot.edges) {
    let kind = seed[tie.kind]
    #expect(attribute(edge.attributes, "dir") == (tie.directed ? nil : .id("none")), "arrows only for directed kinds")
    #expect(attribute(edge.attributes, "constraint") == (kind.polarity == .hostile ? .bool(false) : nil))
    let expectedStyle = ["reported": "solid", "assessed": "dotted", "alleged": "dashed"][tie.confidence.rawValue]!
    #expect(attribute(edge.attributes, "style") == .id(expectedStyle))
    #expect(attribute(edge.attributes, "color") == .id(MapStyle.builtInKindColors[kind.id]!))
    if kind.polarity == .hostile && tie.directed { #expect(attribute(edge.attributes, "arrowhead") == .id("tee")) }
    guard case .text(let tip)? = attribute(edge.attributes, "tooltip") else {
      Issue.record("edge without tooltip")
      continue
    }
    for i in tie.observations { #expect(tip.contains(seed.observation(i).evidence[0].note!)) }
  }
}

@Test func legendListsKindsPresentAndCaptionNamesSourceAndFilters() throws {
  let view = try seed.view(ViewFilter(minimumConfidence: .reported))
  let map = CoalitionMap(view: view)
  guard case .html(let legend)? = attribute(try map.dotGraph().attributes, "label") else {
    Issue.record("no legend")
    return
  }
  for k in view.kindsPresent { #expect(legend.markup.contains(seed[k].label)) }
  #expect(!legend.markup.contains("Technology"))  // alleged only, filtered out
  #expect(!legend.markup.contains("alleged:"))
  #expect(map.captionText.contains("Institute for the Study of War"))
  #expect(map.captionText.contains("2024-03-20"))
  #expect(map.captionText.contains("reported only"))
}

@Test func styleOverridesApply() throws {
  var style = MapStyle()
  style.kindColors["accusation"] = "#123456"
  style.blocFills["us-and-allies"] = "#ABCDEF"
  style.confidenceStyles[.alleged] = "bold"
  style.hostileTiesDriveLayout = true
  style.showLegend = false
  style.showCaption = false
  let dot = try CoalitionMap(view: seed.view(), style: style).dotGraph()
  let accusations = dot.edges.filter { $0.attributes.contains(DOTAttribute("class", .text("tie accusation hostile reported"))) }
  #expect(accusations.count == 4)
  #expect(accusations.allSatisfy { attribute($0.attributes, "color") == .id("#123456") && attribute($0.attributes, "constraint") == nil })
  #expect(attribute(dot.subgraphs[1].attributes, "fillcolor") == .id("#ABCDEF"))
  #expect(dot.edges.contains { attribute($0.attributes, "style") == .id("bold") })
  #expect(attribute(dot.attributes, "label") == nil)
}

@Test func nodeSizeFollowsTheChosenMeasure() throws {
  let view = try seed.view()
  let dot = try CoalitionMap(view: view).dotGraph()
  let all = dot.subgraphs.flatMap(\.nodes) + dot.nodes
  func width(_ id: String) -> Double? {
    if case .number(let w)? = attribute(all.first { $0.name == id }!.attributes, "width") { return w }
    return nil
  }
  #expect(width("RUS") == MapStyle().nodeDiameter.upperBound)  // highest degree
  #expect(width("UKR") == MapStyle().nodeDiameter.lowerBound)
  #expect(width("CHN")! > width("PRK")!)
}

/// The seed map's DOT is deterministic and matches the committed golden file.
@Test func seedMapMatchesGoldenDOT() throws {
  let dot = try CoalitionMap(view: seed.view()).dot()
  #expect(try CoalitionMap(view: seed.view()).dot() == dot)
  let golden = fixtures.appendingPathComponent("seed-map.dot")
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try dot.write(to: golden, atomically: true, encoding: .utf8) }
  #expect(try String(contentsOf: golden, encoding: .utf8) == dot, "run with UPDATE_GOLDEN=1 after an intended change")
}

/// Large-map options: labels for the top actors only, fills by community, fainter light ties, and
/// the view narrowed to the most central actors.
@Test func largeMapOptionsDoWhatTheySay() throws {
  let view = try seed.view()
  var style = MapStyle()
  style.labelTop = 2
  style.fillBy = .community
  style.opacityByWeight = true
  let map = CoalitionMap(view: view, style: style)
  let dot = try map.dotGraph()
  let nodes = dot.nodes + dot.subgraphs.flatMap(\.nodes)
  func label(_ n: DOTNode) -> String? {
    n.attributes.first { $0.name == "label" }.flatMap { if case .html(let h) = $0.value { return h.markup } else { return nil } }
  }
  let labelled = nodes.filter { !(label($0) ?? "").isEmpty }.map(\.name).sorted()
  let top2 = view.degree(.total).ranked().prefix(2).map(\.actor).sorted()
  #expect(labelled == top2, "\(labelled)")
  #expect(map.captionText.contains("Fill: community (Louvain)") && map.captionText.contains("Labels: the 2 largest"))
  // Two triangles joined by one tie: two communities, two fills.
  var d = Dataset(title: "two groups")
  d.observations = [("FRA", "DEU"), ("DEU", "ITA"), ("ITA", "FRA"), ("CHN", "PRK"), ("PRK", "RUS"), ("RUS", "CHN"), ("RUS", "DEU")].map {
    TieObservation(source: $0.0, target: $0.1, kind: .diplomatic, time: .on(PartialDate("2024")!))
  }
  let groups = try CoalitionNetwork(d).view()
  let filled = try CoalitionMap(view: groups, style: style).dotGraph()
  let fill = Dictionary(uniqueKeysWithValues: (filled.nodes + filled.subgraphs.flatMap(\.nodes)).map { n in
    (n.name, n.attributes.first { $0.name == "fillcolor" }.map { "\($0.value)" } ?? "")
  })
  #expect(fill["FRA"] == fill["DEU"] && fill["DEU"] == fill["ITA"] && fill["CHN"] == fill["PRK"] && fill["PRK"] == fill["RUS"])
  #expect(fill["FRA"] != fill["RUS"], "communities get different fills")
  // Equal weights share one opacity; the seed's ties weigh 1 or 2.
  let colours = dot.edges.compactMap { e in e.attributes.first { $0.name == "color" }.flatMap { if case .id(let c) = $0.value { return c } else { return nil } } }
  #expect(colours.count == view.ties.count && colours.allSatisfy { $0.count == 9 }, "#RRGGBBAA")
  for (tie, colour) in zip(view.ties, colours) { #expect(colour.hasSuffix(tie.weight == view.ties.map(\.weight).max()! ? "FF" : "59"), "\(tie.weight) \(colour)") }
  // The view narrowed to the three actors of highest degree.
  let top = view.top(3, by: view.degree(.total))
  #expect((0..<top.nodeCount).map { top.actor($0).id }.sorted() == view.degree(.total).ranked().prefix(3).map(\.actor).sorted())
}

/// Line width is proportional to √weight (the median tie at the base width), within the bounds.
@Test func lineWidthGrowsWithTheSquareRootOfWeight() throws {
  var d = Dataset(title: "flows")
  let weights: [Double] = [1, 4, 4, 16, 100, 10_000, 0]
  d.observations = weights.enumerated().map { k, w in
    TieObservation(source: "USA", target: ["GBR", "FRA", "DEU", "ITA", "JPN", "IND", "BRA"][k], kind: .armsTransfer, time: .on(PartialDate("2020")!), weight: w)
  }
  let view = try CoalitionNetwork(d).view()
  let dot = try CoalitionMap(view: view).dotGraph()
  var width: [String: Double] = [:]
  for e in dot.edges { if case .number(let x)? = e.attributes.first(where: { $0.name == "penwidth" })?.value { width[e.head] = x } }
  let style = MapStyle()
  // Positive weights 1, 4, 4, 16, 100, 10000: the median (upper middle) is 16, drawn at the base width.
  #expect(width["ITA"] == style.penWidth)
  #expect(abs(width["FRA"]! / width["ITA"]! - 0.5) < 1e-12, "4 is a quarter of 16: half the width")
  #expect(abs(width["JPN"]! / width["ITA"]! - 2.5) < 1e-12, "100 is 6.25 × 16: 2.5 × the width")
  #expect(width["IND"] == style.penWidthBounds.upperBound && width["BRA"] == style.penWidthBounds.lowerBound)
  #expect(width["GBR"] == style.penWidthBounds.lowerBound, "√(1/16) × 1.6 = 0.4, below the floor")
}

/// Scores are looked up by actor: scores of the whole seed size the same actors on a narrower view
/// of it would misplace them by position, so a map refuses them by name instead.
@Test func scoresOfAnotherViewAreRefusedNotDrawnByPosition() throws {
  let seed = try CoalitionNetwork(Dataset.seed)
  let whole = try seed.view()
  let narrow = try seed.view(ViewFilter(actors: ["RUS", "PRK", "IRN"]))
  let degree = whole.degree(.total)
  #expect(throws: ScoresMismatch.self) { try CoalitionMap(view: narrow, sizeBy: degree).dotGraph() }
  do {
    _ = try CoalitionMap(view: narrow, sizeBy: degree).dot()
  } catch let error as ScoresMismatch {
    #expect(error.extra.count == whole.nodeCount - 3 && error.missing.isEmpty)
    #expect(error.description.hasPrefix("the scores \"degree (total)\" were computed on another view: scores for 4 actors the view leaves out"))
  }
  // The same scores reordered by actor still size the right actors.
  let reversed = ActorScores(name: "degree", actors: degree.actors.reversed(), values: degree.values.reversed())
  #expect(try reversed.values(for: whole) == degree.values)
  #expect(try CoalitionMap(view: whole, sizeBy: reversed).dot() == (try CoalitionMap(view: whole, sizeBy: ActorScores(name: "degree", actors: degree.actors, values: degree.values)).dot()))
}

/// Quintile classes: five where the values allow, fewer where they repeat, each value in the class
/// its upper bound allows, and the ramp light to dark.
@Test func quintileClassesSplitTheValues() throws {
  let scale = try #require(QuintileScale((1...10).map(Double.init)))
  #expect(scale.uppers == [2, 4, 6, 8, 10])
  #expect((1...10).map { scale.classOf(Double($0)) } == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
  #expect(scale.label(ofClass: 0) == "1 – 2" && scale.label(ofClass: 4) == "above 8 – 10")
  #expect((0..<5).map(scale.color(ofClass:)) == QuintileScale.ramp)
  let repeated = try #require(QuintileScale([0, 0, 0, 0, 0, 0, 0, 1, 5, 9]))
  #expect(repeated.uppers == [0, 1, 9])
  #expect([0.0, 1, 5, 9].map(repeated.classOf) == [0, 1, 2, 2])
  #expect(repeated.color(ofClass: 0) == QuintileScale.ramp[0] && repeated.color(ofClass: 2) == QuintileScale.ramp[4])
  #expect(QuintileScale([.nan]) == nil)
  #expect(QuintileScale.figure(0.012345) == "0.0123" && QuintileScale.figure(12345) == "12345")
}

/// Filled by a measure, nodes take their class's colour and the legend lists the classes.
@Test func fillByAMeasure() throws {
  let view = try seed.view()
  var map = CoalitionMap(view: view)
  let degree = view.degree(.total)
  map.fillScores = degree
  let dot = try map.dotGraph()
  let values = try degree.values(for: view)
  let scale = try #require(QuintileScale(values))
  for node in dot.subgraphs.flatMap(\.nodes) + dot.nodes {
    let v = try #require(view.node(ofActor: node.name))
    #expect(attribute(node.attributes, "fillcolor") == .id(scale.color(ofClass: scale.classOf(values[v]))), "\(node.name)")
  }
  guard case .html(let legend)? = attribute(dot.attributes, "label") else { Issue.record("no legend"); return }
  #expect(legend.markup.contains("BGCOLOR=\"\(QuintileScale.ramp[4])\"") && legend.markup.contains(">degree (total) "))
}

/// The drawing and its legend apart: the drawing has no label, the legend graph nothing else.
@Test func legendCanBeDrawnApart() throws {
  let map = CoalitionMap(view: try seed.view())
  let parts = try map.separated()
  #expect(attribute(parts.drawing.attributes, "label") == nil)
  #expect(parts.drawing.nodes.count + parts.drawing.subgraphs.flatMap(\.nodes).count == seed.actorCount)
  let legend = try #require(parts.legend)
  #expect(legend.nodes.isEmpty && legend.edges.isEmpty && legend.subgraphs.isEmpty)
  #expect(attribute(legend.attributes, "label") == attribute(try map.dotGraph().attributes, "label"))
  var bare = map
  bare.style.showLegend = false
  bare.style.showCaption = false
  #expect(try bare.separated().legend == nil)
}

/// A spread-out layout pulled together: no two nodes' boxes overlap, the arrangement's order is
/// kept in most pairs, and the page it needs is smaller; a tight layout comes back unchanged.
@Test(arguments: 0..<8)
func compactedLayoutsKeepNodesApart(_ seed: Int) throws {
  var rng = SplitMix64(seed: UInt64(seed))
  var d = Dataset(title: "spread")
  let n = 10 + Int(rng.next() % 40)
  let ids = (0..<n).map { "A\($0)" }
  d.actors = ids.map { CoalitionActor(id: $0, name: $0, type: .group) }
  d.observations = (1..<n).map { TieObservation(source: ids[Int(rng.next() % UInt64($0))], target: ids[$0], kind: .diplomatic, time: .on(PartialDate("2020")!)) }
  let view = try CoalitionNetwork(d).view()
  let spread = MapLayout(positions: Dictionary(uniqueKeysWithValues: ids.map { ($0, MapPoint(x: Double(rng.next() % 3000), y: Double(rng.next() % 3000))) }))
  let map = CoalitionMap(view: view)
  let pulled = try map.compacted(spread)
  #expect(pulled.positions.count == n)
  let diameters = CoalitionMap.diameters(NodeScores(name: "d", values: try view.degree(.total).values(for: view)), map.style.nodeDiameter)
  for i in 0..<n {
    for j in (i + 1)..<n {
      let (a, b) = (pulled.positions[ids[i]]!, pulled.positions[ids[j]]!)
      let (vi, vj) = (view.node(ofActor: ids[i])!, view.node(ofActor: ids[j])!)
      let wi = max(72 * diameters[vi], LabelPlacer.size(of: ids[i], fontSize: 12).width), wj = max(72 * diameters[vj], LabelPlacer.size(of: ids[j], fontSize: 12).width)
      let apartAcross = abs(a.x - b.x) >= (wi + wj) / 2 - 1e-6
      let apartDown = abs(a.y - b.y) >= 72 * (diameters[vi] + diameters[vj]) / 2 - 1e-6
      #expect(apartAcross || apartDown, "seed \(seed): \(ids[i]) and \(ids[j]) overlap")
    }
  }
  func need(_ l: MapLayout) -> Double {
    let xs = l.positions.values.map(\.x), ys = l.positions.values.map(\.y)
    return max((xs.max()! - xs.min()! + 72) / 1.6, ys.max()! - ys.min()! + 72)
  }
  #expect(need(pulled) < need(spread))
  #expect(try map.compacted(pulled) == pulled || need(try map.compacted(pulled)) < need(pulled))
}
