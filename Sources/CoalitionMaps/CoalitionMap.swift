import Foundation
import CoalitionGraph
import CoalitionMetrics

/// A coalition map of a `NetworkView`: what to draw and how, turned into DOT by ``dotGraph()``.
///
/// The map shows a cluster per declared bloc (an actor sits in the first bloc that lists it), one
/// edge per tie so that several kinds between a pair all stay visible, a colour per kind, a line
/// style per confidence, arrows only for directed kinds, hostile ties that do not drive the layout,
/// nodes sized by a chosen measure, a legend of the kinds present and a caption with source, date
/// and filters. Tooltips carry the evidence. Output is deterministic.
public struct CoalitionMap: Sendable {
  /// The ties and actors drawn.
  public var view: NetworkView
  /// Colours, fonts, legend and caption.
  public var style: MapStyle
  /// Scores that set node size (by local node index); `nil` sizes by total degree.
  public var sizeBy: ActorScores?
  /// Heading of the legend; defaults to the dataset title.
  public var title: String?
  /// Caption text; defaults to sources, dates and the view's filters.
  public var caption: String?
  /// Place states at their capitals instead of letting the layout engine choose; render the map
  /// with `LayoutEngine.pinned` (CoalitionRender). `nil` for the usual layout.
  public var geographic: GeographicLayout?
  /// Place every actor where this layout puts it (render with `LayoutEngine.pinned`), so that a
  /// series of maps — one per time window — keeps each actor in one place and one frame. Blocs
  /// then show in the fill only. Actors the layout lacks go in a row below it. Ignored with
  /// ``geographic``.
  public var layout: MapLayout?

  /// A map of `view`; nodes are sized by `sizeBy` (degree by default).
  public init(view: NetworkView, style: MapStyle = MapStyle(), sizeBy: ActorScores? = nil, title: String? = nil, caption: String? = nil) {
    self.view = view
    self.style = style
    self.sizeBy = sizeBy
    self.title = title
    self.caption = caption
  }

  /// The map as DOT text, ready for ``DOTWriter`` consumers such as the renderer.
  /// - Throws: ``DOTError`` if an actor identifier cannot be written as a DOT identifier;
  ///   `ScoresMismatch` when ``sizeBy`` was computed on another view.
  public func dot() throws -> String { try DOTWriter.write(dotGraph()) }

  /// The map as a DOT document.
  /// - Throws: `ScoresMismatch` when ``sizeBy`` was computed on another view (its scores are
  ///   looked up by actor, never by position).
  public func dotGraph() throws -> DOTGraph {
    let g = view.graph
    let sizes = sizeBy ?? view.degree(.total)
    let scores = NodeScores(name: sizes.name, values: try sizes.values(for: view))
    let maxScore = max(scores.values.max() ?? 0, 1e-12)
    let minScore = scores.values.min() ?? 0

    // Bloc of each node: the first bloc that lists the actor.
    var blocOfNode = [Int?](repeating: nil, count: view.nodeCount)
    for (b, entry) in g.blocs.enumerated() {
      for a in entry.members {
        if let v = view.node(of: a), blocOfNode[v] == nil { blocOfNode[v] = b }
      }
    }
    let community: [Int]? = nodeFill == .community ? view.simpleGraph(directed: false).louvain().partition : nil
    // Labels for the top actors only, when asked.
    let labelled: Set<Int>? = style.labelTop.map { k in Set(scores.ranking.prefix(max(0, k))) }
    // Line opacity by rank of weight among the distinct weights (equal weights, equal opacity).
    let fade = style.opacityByWeight ?? (view.ties.count > style.straightEdgesAbove)
    let weightRank: [Double] = {
      let distinct = Array(Set(view.ties.map(\.weight))).sorted()
      guard fade, distinct.count > 1 else { return [] }
      let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Double($0) / Double(distinct.count - 1)) })
      return view.ties.map { position[$0.weight]! }
    }()
    func fill(ofBloc b: Int) -> String { style.blocFill(b, in: g) }

    func node(_ v: Int) -> DOTNode {
      let actor = view.actor(v)
      let span = maxScore - minScore
      let t = span > 0 ? (scores[v] - minScore) / span : 0.5
      let range = geographic == nil ? style.nodeDiameter : style.geographicNodeDiameter
      let diameter = range.lowerBound + t * (range.upperBound - range.lowerBound)
      let nameLine = actor.name == actor.id ? [] : [HTMLLabel.lineBreak, HTMLLabel.font([HTMLAttribute("POINT-SIZE", "9")], .text(actor.name))]
      let label = labelled.map { $0.contains(v) } ?? true
        ? HTMLLabel.concat([HTMLLabel.element(.b, [], [.text(actor.id)])] + nameLine) : HTMLLabel.text("")
      var attrs: [DOTAttribute] = [
        DOTAttribute("label", .html(label)),
        DOTAttribute("width", .number(diameter)),
        DOTAttribute(
          "fillcolor",
          .id(community.map { MapStyle.blocPalette[$0[v] % MapStyle.blocPalette.count] } ?? blocOfNode[v].map(fill(ofBloc:)) ?? style.unaffiliatedFill)),
        DOTAttribute("id", .text(CoalitionMap.elementID(ofActor: actor.id))),
        DOTAttribute("class", .text("actor \(actor.type.rawValue)")),
      ]
      if style.tooltips {
        var lines = ["\(actor.name) (\(actor.id)), \(actor.type.rawValue)"]
        let blocNames = g.blocs(of: view.nodes[v]).map { g.blocs[$0].bloc.name }
        lines.append(blocNames.isEmpty ? "in no declared bloc" : "bloc: " + blocNames.joined(separator: "; "))
        lines.append("\(scores.name): \(DOTWriter.number(scores[v]))")
        if let note = actor.note { lines.append(note) }
        attrs.append(DOTAttribute("tooltip", .text(lines.joined(separator: "\n"))))
      }
      return DOTNode(actor.id, attrs)
    }

    var clusters: [DOTSubgraph] = []
    for (b, entry) in g.blocs.enumerated() {
      let members = (0..<view.nodeCount).filter { blocOfNode[$0] == b }
      guard !members.isEmpty else { continue }
      clusters.append(
        DOTSubgraph(
          "cluster_\(b)",
          attributes: [
            DOTAttribute("label", .text(entry.bloc.name)), DOTAttribute("style", .id("rounded,filled")),
            DOTAttribute("fillcolor", .id(fill(ofBloc: b))), DOTAttribute("color", .id("#8C8C8C")),
            DOTAttribute("id", .text("bloc-" + entry.bloc.id)),
          ],
          nodes: members.map(node)))
    }
    var loose = (0..<view.nodeCount).filter { blocOfNode[$0] == nil }.map(node)
    // Fixed positions — states at their capitals, or a layout shared by a series of maps — are
    // drawn without clusters; bloc membership shows in the node's fill.
    var pinned: [MapPoint]?
    var corners: [(String, MapPoint)] = []
    if let geographic {
      pinned = geographic.positions(of: view, spacing: 72 * style.geographicNodeDiameter.upperBound + 4).map { MapPoint(x: $0.x, y: $0.y) }
    } else if let layout, let frame = layout.frame {
      var extra = 0
      pinned = (0..<view.nodeCount).map { v in
        layout.positions[view.actor(v).id] ?? {
          extra += 1
          return MapPoint(x: frame.min.x + Double(extra - 1) * 72, y: frame.min.y - 72)
        }()
      }
      // Two invisible corners fix the frame, whoever is present. Their names start with a space,
      // which no actor identifier may.
      corners = [(" frame min", frame.min), (" frame max", frame.max)]
    }
    if let pinned {
      func pos(_ p: MapPoint) -> DOTAttribute { DOTAttribute("pos", .id("\(DOTWriter.number(p.x)),\(DOTWriter.number(p.y))")) }
      loose = (0..<view.nodeCount).map { v in
        var n = node(v)
        n.attributes.append(pos(pinned[v]))
        return n
      }
      for (name, p) in corners {
        loose.append(
          DOTNode(
            name,
            [
              DOTAttribute("style", .id("invis")), DOTAttribute("shape", .id("point")), DOTAttribute("width", .number(0.01)),
              DOTAttribute("label", .text("")), pos(p),
            ]))
      }
      clusters = []
    }

    let kindColors = style.kindColors(in: g)
    func color(_ k: KindIndex) -> String { kindColors[g[k].id]! }

    let positive = view.ties.map(\.weight).filter { $0 > 0 && $0.isFinite }.sorted()
    let median = positive.isEmpty ? 1 : positive[positive.count / 2]
    func lineWidth(_ w: Double) -> Double {
      let bounds = style.penWidthBounds
      guard w > 0, w.isFinite else { return bounds.lowerBound }
      return min(bounds.upperBound, max(bounds.lowerBound, style.penWidth * (w / median).squareRoot()))
    }
    var edges: [DOTEdge] = []
    for (i, tie) in view.ties.enumerated() {
      let kind = g[tie.kind]
      let hostile = kind.polarity == .hostile
      var attrs: [DOTAttribute] = [
        DOTAttribute("color", .id(weightRank.isEmpty ? color(tie.kind) : color(tie.kind) + Self.alpha(0.35 + 0.65 * weightRank[i]))),
        DOTAttribute("style", .id(style.confidenceStyles[tie.confidence] ?? "solid")),
        DOTAttribute("penwidth", .number(lineWidth(tie.weight))),
        DOTAttribute("id", .text(CoalitionMap.elementID(ofTie: i, in: view))),
        DOTAttribute("class", .text("tie \(kind.id) \(kind.polarity.rawValue) \(tie.confidence.rawValue)")),
      ]
      if tie.directed {
        attrs.append(DOTAttribute("arrowhead", .id(hostile ? style.hostileArrowhead : "normal")))
      } else {
        attrs.append(DOTAttribute("dir", .id("none")))
      }
      if hostile && !style.hostileTiesDriveLayout {
        attrs.append(DOTAttribute("constraint", .bool(false)))
      }
      if style.tooltips {
        attrs.append(DOTAttribute("tooltip", .text(tooltip(for: tie))))
        // Only http, https and mailto become links; any other URL stays text in the tooltip.
        if let url = tie.observations.lazy.flatMap({ g.observation($0).evidence }).compactMap(\.safeURL).first {
          attrs.append(DOTAttribute("URL", .text(url)))
        }
      }
      edges.append(DOTEdge(g[tie.source].id, g[tie.target].id, attrs))
    }

    var graphAttrs: [DOTAttribute] = [
      DOTAttribute("rankdir", .id(style.rankDirection)), DOTAttribute("fontname", .text(style.fontName)),
      DOTAttribute("newrank", .bool(true)), DOTAttribute("nodesep", .number(0.5)), DOTAttribute("ranksep", .number(1.1)),
      DOTAttribute("splines", .id(view.ties.count > style.straightEdgesAbove ? "line" : "true")),
      // Geographic maps come with overlaps already removed (GeographicLayout), in a way that keeps
      // order; a shared layout's positions must not move either.
      DOTAttribute("overlap", .id(geographic == nil && layout == nil ? "false" : "true")), DOTAttribute("bgcolor", .id("white")),
      // Edges first, so nodes and their labels are drawn over the edges, never under them.
      DOTAttribute("outputorder", .id("edgesfirst")),
      DOTAttribute("pad", .number(0.3)), DOTAttribute("labelloc", .id("b")), DOTAttribute("labeljust", .id("l")),
    ]
    if style.showLegend || style.showCaption { graphAttrs.append(DOTAttribute("label", .html(legend(color: color)))) }

    return DOTGraph(
      name: g.dataset.title ?? "coalition", directed: true, attributes: graphAttrs,
      nodeDefaults: [
        DOTAttribute("shape", .id("circle")), DOTAttribute("fixedsize", .id("shape")), DOTAttribute("style", .id("filled")),
        DOTAttribute("fontname", .text(style.fontName)), DOTAttribute("fontsize", .number(12)), DOTAttribute("color", .id("#404040")),
      ],
      edgeDefaults: [DOTAttribute("fontname", .text(style.fontName)), DOTAttribute("arrowsize", .number(0.8))],
      subgraphs: clusters, nodes: loose, edges: edges)
  }

  /// Tooltip of a tie: the pair, kind and confidence, then one line per observation.
  func tooltip(for tie: Tie) -> String {
    let g = view.graph
    let arrow = tie.directed ? "→" : "–"
    var lines = ["\(g[tie.source].name) \(arrow) \(g[tie.target].name): \(g[tie.kind].label), \(tie.confidence.rawValue)"]
    for i in tie.observations {
      let o = g.observation(i)
      var line = "• \(o.time.text)"
      if let d = o.detail { line += ": \(d)" }
      line += " [\(o.confidence.rawValue)\(o.basis.map { ", \($0.rawValue)" } ?? "")]"
      lines.append(line)
      for e in o.evidence {
        let source = g.dataset.sources.first { $0.id == e.source }?.title ?? e.source
        lines.append("  \(e.note ?? "") (\(source))")
        if let url = e.url, e.safeURL == nil { lines.append("  link not opened (not http, https or mailto): \(url)") }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The legend and caption as one HTML table of three columns — line sample, arrowhead, text —
  /// with the heading and caption in the text column. (A cell spanning several columns would
  /// widen each of them, pushing the samples away from their text.)
  func legend(color: (KindIndex) -> String) -> HTMLLabel {
    let g = view.graph
    let heading = title ?? g.dataset.title ?? "Coalition map"
    let empty = HTMLLabel.cell(.text(""))
    func textRow(_ content: HTMLLabel) -> HTMLLabel { .row([empty, empty, .cell(content, [HTMLAttribute("ALIGN", "LEFT")])]) }
    var rows: [HTMLLabel] = [textRow(.font([HTMLAttribute("POINT-SIZE", "15")], .element(.b, [], [.text(heading)])))]
    if style.showLegend {
      // Each sample is an empty fixed-size cell whose bottom border is drawn in the tie's colour
      // and line style, so it looks the same in every output format and font.
      func entry(color: String, lineStyle: String, head: String, _ what: String) -> HTMLLabel {
        let line = HTMLLabel.cell(.text(""), [
          HTMLAttribute("WIDTH", "36"), HTMLAttribute("HEIGHT", "12"), HTMLAttribute("FIXEDSIZE", "TRUE"), HTMLAttribute("BORDER", "2"), HTMLAttribute("SIDES", "B"), HTMLAttribute("COLOR", color),
          HTMLAttribute("STYLE", lineStyle),
        ])
        let arrow = HTMLLabel.cell(.font([HTMLAttribute("COLOR", color)], .text(head)), [HTMLAttribute("ALIGN", "LEFT")])
        return .row([line, arrow, .cell(.text(what), [HTMLAttribute("ALIGN", "LEFT")])])
      }
      for k in view.kindsPresent {
        let kind = g[k]
        let head = kind.directed ? (kind.polarity == .hostile ? "┤" : "▶") : ""
        let count = view.ties.filter { $0.kind == k }.count
        let what = "\(kind.label) (\(kind.polarity.rawValue), \(kind.materiality.rawValue)\(kind.directed ? ", directed" : "")) · \(count) tie\(count == 1 ? "" : "s")"
        rows.append(entry(color: color(k), lineStyle: "solid", head: head, what))
      }
      for c in Confidence.allCases.reversed() where view.ties.contains(where: { $0.confidence == c }) {
        let what: String
        switch c {
        case .reported: what = "reported: the source states it"
        case .assessed: what = "assessed: the source's own judgement"
        case .alleged: what = "alleged: the source calls it alleged or unconfirmed"
        }
        rows.append(entry(color: "#404040", lineStyle: style.confidenceStyles[c] ?? "solid", head: "", what))
      }
    }
    if style.showCaption { rows.append(textRow(.font([HTMLAttribute("POINT-SIZE", "10")], .text(captionText)))) }
    return .table([HTMLAttribute("BORDER", "0"), HTMLAttribute("CELLBORDER", "0"), HTMLAttribute("CELLSPACING", "2"), HTMLAttribute("CELLPADDING", "1")], rows: rows)
  }

  /// Source, date and filters in one line, unless ``caption`` is set.
  public var captionText: String {
    if let caption { return caption }
    let d = view.graph.dataset
    let sources = d.sources.map(\.citation)
    var parts: [String] = []
    if !sources.isEmpty { parts.append("Source: " + sources.joined(separator: "; ")) }
    parts.append("View: " + view.filter.summary)
    parts.append("Node size: " + (sizeBy?.name ?? "degree (total)"))
    if nodeFill == .community { parts.append("Node colour: community (Louvain)") }
    if let k = style.labelTop, k < view.nodeCount { parts.append("Labels: the \(k) largest") }
    parts.append("Dataset fingerprint \(view.graph.fingerprint) · CoalitionGraph \(CoalitionGraphVersion.current)")
    let hostilePresent = view.kindsPresent.contains { view.graph[$0].polarity == .hostile }
    if hostilePresent && !style.hostileTiesDriveLayout { parts.append("Hostile ties do not shape the layout") }
    return parts.joined(separator: " · ")
  }

  /// What fills the nodes: ``MapStyle/fillBy``, or the automatic choice it describes.
  public var nodeFill: NodeFill {
    style.fillBy ?? (view.graph.blocs.isEmpty && view.nodeCount > LargeMap.actors ? .community : .bloc)
  }

  /// `opacity` (0…1) as the two hex digits of an `#RRGGBBAA` colour.
  static func alpha(_ opacity: Double) -> String {
    let v = Int((min(1, max(0, opacity)) * 255).rounded())
    let hex = String(v, radix: 16, uppercase: true)
    return hex.count == 1 ? "0" + hex : hex
  }

  /// The `id` of an actor's node in the drawing (SVG `<g id=…>`): `actor-` and the actor's id.
  public static func elementID(ofActor id: String) -> String { "actor-" + id }

  /// The `id` of the tie at `index` in `view.ties` in the drawing: `tie-`, the index, the two
  /// actors and the kind, e.g. `tie-3-PRK-RUS-arms-transfer`. The SVG's `class` of the same
  /// element lists `tie`, the kind, the polarity and the confidence.
  public static func elementID(ofTie index: Int, in view: NetworkView) -> String {
    let (g, tie) = (view.graph, view.ties[index])
    return "tie-\(index)-\(g[tie.source].id)-\(g[tie.target].id)-\(g[tie.kind].id)"
  }
}

/// A point on a map, in points (1/72 inch), y upwards as Graphviz has it.
public struct MapPoint: Sendable, Hashable {
  /// Horizontal position.
  public var x: Double
  /// Vertical position.
  public var y: Double
  /// A point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// Actor positions shared by several maps (``CoalitionMap/layout``): made once, usually by laying
/// out the union of the maps' views (`GraphvizRenderer.layout(of:engine:)` in CoalitionRender).
public struct MapLayout: Sendable, Hashable {
  /// Position of each actor, by identifier.
  public var positions: [String: MapPoint]
  /// How wide the laid-out map was, legend included: the shared frame is at least this wide, so
  /// that a map's legend never widens it (Graphviz would then centre the drawing and move it).
  public var width: ClosedRange<Double>?
  /// How tall the laid-out map was, legend included.
  public var height: ClosedRange<Double>?

  /// A layout from positions, and the horizontal (and vertical) extent of the map they came from.
  public init(positions: [String: MapPoint], width: ClosedRange<Double>? = nil, height: ClosedRange<Double>? = nil) {
    self.positions = positions
    self.width = width
    self.height = height
  }

  /// Width over height of the laid-out map, when both extents are known and the height is not 0.
  public var aspect: Double? {
    guard let width, let height, height.upperBound > height.lowerBound else { return nil }
    return (width.upperBound - width.lowerBound) / (height.upperBound - height.lowerBound)
  }

  /// The frame every map of the layout shares: the positions with room for the largest node,
  /// widened to ``width``.
  public var frame: MapFrame? {
    guard !positions.isEmpty else { return nil }
    let xs = positions.values.map(\.x), ys = positions.values.map(\.y)
    let margin = 36.0
    let left = min(xs.min()! - margin, width?.lowerBound ?? .infinity), right = max(xs.max()! + margin, width?.upperBound ?? -.infinity)
    return MapFrame(min: MapPoint(x: left, y: ys.min()! - margin), max: MapPoint(x: right, y: ys.max()! + margin))
  }
}

/// A geographic layout: states at their capitals on a date (see ``Geography``), in the
/// equirectangular projection (x = scale × longitude, y = scale × latitude, in points). Where two
/// nodes would overlap, the map is stretched: everything east of (or north of) the later one
/// moves by the overlap, whichever direction needs less. Such moves never reverse an east/west or
/// north/south order, so every pair of states keeps the order of its capitals; dense regions
/// (Europe, the Caribbean) spread out, the rest of the map keeps its shape.
///
/// Actors without a place of their own: a non-state actor stands next to its affiliation; any
/// other beside the first placed member of its first bloc, else at the centre of its placed
/// partners; an actor with none of these in a row below the map.
public struct GeographicLayout: Hashable, Sendable {
  /// The date whose capitals are used; `nil` for the view's date (the end of its window, else
  /// the latest date of its observations).
  public var date: PartialDate?
  /// Points per degree.
  public var scale: Double

  /// A layout on `date` at `scale` points per degree.
  public init(date: PartialDate? = nil, scale: Double = 12) {
    self.date = date
    self.scale = scale
  }

  /// The position of each node of `view`, in points, with nodes at least `spacing` points apart in
  /// one direction or the other (0 leaves overlaps).
  public func positions(of view: NetworkView, spacing: Double = 0) -> [MapPoint] {
    let on = date ?? view.filter.window?.to ?? view.filter.knownBy ?? view.latestDate
    var placed = [(x: Double, y: Double)?](repeating: nil, count: view.nodeCount)
    for v in 0..<view.nodeCount {
      let actor = view.actor(v)
      if actor.type == .state, let p = Geography.place(of: actor.id, on: on) {
        let point = Geography.project(p, scale: scale)
        placed[v] = (point.x, point.y)
      }
    }
    let step = max(2.5 * scale, 80)  // beside the anchor (2.5°, at least a node's width), not on it
    var around: [Int: Int] = [:]  // how many actors already stand beside an anchor
    func beside(_ anchor: Int) -> (x: Double, y: Double) {
      let k = around[anchor, default: 0]
      around[anchor] = k + 1
      let angle = -Double.pi / 4 + Double(k) * 2 * Double.pi / 7
      let (x, y) = placed[anchor]!
      return (x + step * cos(angle), y + step * sin(angle))
    }
    // Non-state actors beside their affiliation.
    for v in 0..<view.nodeCount where placed[v] == nil {
      if let a = view.actor(v).affiliation, let u = view.node(ofActor: a), placed[u] != nil { placed[v] = beside(u) }
    }
    // Others beside the first placed member of their first bloc ("US allies" beside the USA).
    for v in 0..<view.nodeCount where placed[v] == nil {
      let mates = view.graph.blocs(of: view.nodes[v]).first.map { view.graph.blocs[$0].members } ?? []
      if let u = mates.lazy.compactMap({ view.node(of: $0) }).first(where: { placed[$0] != nil }) { placed[v] = beside(u) }
    }
    // Then at the centre of their placed partners.
    for v in 0..<view.nodeCount where placed[v] == nil {
      let partners = Set(view.undirected.arcs(of: v).map { Int(view.undirected.target[$0]) }).sorted().compactMap { placed[$0] }
      if !partners.isEmpty {
        let (x, y) = partners.reduce((0.0, 0.0)) { ($0.0 + $1.x, $0.1 + $1.y) }
        placed[v] = (x / Double(partners.count) + step / 2, y / Double(partners.count) - step / 2)
      }
    }
    // The rest in a row below the southernmost actor.
    let bottom = (placed.compactMap { $0?.y }.min() ?? 0) - 3 * step
    let left = placed.compactMap { $0?.x }.min() ?? 0
    var column = 0
    for v in 0..<view.nodeCount where placed[v] == nil {
      placed[v] = (left + Double(column) * step, bottom)
      column += 1
    }
    return Self.separate(placed.map { $0! }, by: spacing).map { MapPoint(x: $0.x, y: $0.y) }
  }

  /// Stretches the map until no two points are closer than `d` in both directions, by moving every
  /// point east of (north of) a point of an overlapping pair by the overlap: a monotone map of each
  /// axis, so no order is reversed. Points at the very same place are separated eastwards in index
  /// order.
  static func separate(_ start: [(x: Double, y: Double)], by d: Double) -> [(x: Double, y: Double)] {
    guard d > 0, start.count > 1 else { return start }
    var p = start
    let n = p.count
    // West to east (then south to north, then index). Moving a suffix of this order east, or
    // points north of a line north, never changes it, so one order serves a whole pass.
    for _ in 0..<n {
      let order = (0..<n).sorted { (p[$0].x, p[$0].y, $0) < (p[$1].x, p[$1].y, $1) }
      var moved = false
      for (k, b) in order.enumerated() {
        var j = k - 1
        while j >= 0, p[b].x - p[order[j]].x < d {
          let a = order[j]
          j -= 1
          guard abs(p[b].y - p[a].y) < d else { continue }
          moved = true
          let dx = d - (p[b].x - p[a].x)
          let dy = d - abs(p[b].y - p[a].y)
          if dx <= dy {
            for i in order[k...] { p[i].x += dx }  // b and everything east of it
          } else {
            let upper = p[a].y > p[b].y || (p[a].y == p[b].y && a > b) ? a : b
            let threshold = p[upper].y
            for i in 0..<n where p[i].y > threshold || i == upper || (p[i].y == threshold && i > upper) { p[i].y += dy }
          }
        }
      }
      if !moved { break }
    }
    return p
  }

}

/// Where a map counts as large: more actors than this, as for `LayoutEngine.automatic`'s choice of
/// `sfdp` over `dot` (CoalitionRender).
enum LargeMap {
  static let actors = 60
}

/// The corners of the frame a set of maps shares, in points.
public struct MapFrame: Hashable, Sendable {
  /// The lower-left corner.
  public var min: MapPoint
  /// The upper-right corner.
  public var max: MapPoint
}

