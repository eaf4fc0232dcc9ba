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
  /// Scores that fill the nodes (and on a geographic map their countries) on a sequential scale
  /// of five classes split at the quintiles, light to dark; `nil` fills by ``MapStyle/fillBy``.
  public var fillScores: ActorScores?
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

  /// The map and its legend as two DOT documents, for pages that show the legend apart from the
  /// map (the HTML report, where the drawing then fills the map's box at Fit): the drawing without
  /// legend and caption, and a graph that draws only them.
  /// - Throws: as ``dotGraph()``.
  public func separated() throws -> SeparatedMap {
    var drawing = try dotGraph()
    let label = drawing.attributes.filter { $0.name == "label" }
    drawing.attributes.removeAll { $0.name == "label" }
    let legend = DOTGraph(
      name: drawing.name, directed: true,
      attributes: [
        DOTAttribute("fontname", .text(style.fontName)), DOTAttribute("bgcolor", .id("white")), DOTAttribute("pad", .number(0.1)),
        DOTAttribute("labelloc", .id("t")), DOTAttribute("labeljust", .id("l")),
      ] + label)
    return SeparatedMap(drawing: drawing, legend: label.isEmpty ? nil : legend)
  }

  /// The map as a DOT document.
  /// - Throws: `ScoresMismatch` when ``sizeBy`` or ``fillScores`` was computed on another view
  ///   (scores are looked up by actor, never by position).
  public func dotGraph() throws -> DOTGraph {
    let g = view.graph
    let sizes = sizeBy ?? view.degree(.total)
    let scores = NodeScores(name: sizes.name, values: try sizes.values(for: view))
    let fills = try nodeFills()
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
    let diameters = Self.diameters(scores, geographic == nil ? style.nodeDiameter : style.markerDiameter)
    // On a geographic map a node is a small marker; its label is a node of its own beside it.
    let markerRadius = geographic == nil ? [] : diameters.map { 36 * $0 }

    func node(_ v: Int) -> DOTNode {
      let actor = view.actor(v)
      let nameLine = actor.name == actor.id ? [] : [HTMLLabel.lineBreak, HTMLLabel.font([HTMLAttribute("POINT-SIZE", "9")], .text(actor.name))]
      // An empty HTML label is a syntax error for Graphviz 2.43; an unlabelled node gets "".
      let label: DOTValue = geographic == nil && (labelled.map { $0.contains(v) } ?? true)
        ? .html(HTMLLabel.concat([HTMLLabel.element(.b, [], [.text(actor.id)])] + nameLine)) : .text("")
      var attrs: [DOTAttribute] = [
        DOTAttribute("label", label),
        DOTAttribute("width", .number(diameters[v])),
        DOTAttribute("fillcolor", .id(fills.colors[v])),
        DOTAttribute("id", .text(CoalitionMap.elementID(ofActor: actor.id))),
        DOTAttribute("class", .text("actor \(actor.type.rawValue)")),
      ]
      if style.tooltips {
        var lines = ["\(actor.name) (\(actor.id)), \(actor.type.rawValue)"]
        let blocNames = g.blocs(of: view.nodes[v]).map { g.blocs[$0].bloc.name }
        lines.append(blocNames.isEmpty ? "in no declared bloc" : "bloc: " + blocNames.joined(separator: "; "))
        lines.append("\(scores.name): \(DOTWriter.number(scores[v]))")
        if let fillName = fills.measureName, let value = fills.values[v] { lines.append("\(fillName): \(DOTWriter.number(value))") }
        if let note = actor.note { lines.append(note) }
        attrs.append(DOTAttribute("tooltip", .text(lines.joined(separator: "\n"))))
      }
      return DOTNode(actor.id, attrs)
    }

    // Bloc clusters, on maps whose layout the engine makes.
    var clusters: [DOTSubgraph] = []
    for (b, entry) in g.blocs.enumerated() {
      let members = (0..<view.nodeCount).filter { fills.blocOfNode[$0] == b }
      guard !members.isEmpty else { continue }
      clusters.append(
        DOTSubgraph(
          "cluster_\(b)",
          attributes: [
            DOTAttribute("label", .text(entry.bloc.name)), DOTAttribute("style", .id("rounded,filled")),
            DOTAttribute("fillcolor", .id(style.blocFill(b, in: g))), DOTAttribute("color", .id("#8C8C8C")),
            DOTAttribute("id", .text("bloc-" + entry.bloc.id)),
          ],
          nodes: members.map(node)))
    }
    var loose = (0..<view.nodeCount).filter { fills.blocOfNode[$0] == nil }.map(node)
    // Fixed positions — states at their capitals, or a layout shared by a series of maps — are
    // drawn without clusters; bloc membership shows in the fill.
    var pinned: [MapPoint]?
    var corners: [(String, MapPoint)] = []
    var geo: GeographicDrawing?
    if let geographic {
      let drawing = GeographicDrawing(map: self, layout: geographic, fills: fills, radii: markerRadius, order: scores.ranking)
      pinned = drawing.placement.positions
      let frame = drawing.outerFrame
      corners = [(" frame min", frame.min), (" frame max", frame.max)]
      geo = drawing
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
      loose = (0..<view.nodeCount).map { v in
        var n = node(v)
        n.attributes.append(Self.pos(pinned[v]))
        return n
      }
      for (name, p) in corners {
        loose.append(
          DOTNode(
            name,
            [
              DOTAttribute("style", .id("invis")), DOTAttribute("shape", .id("point")), DOTAttribute("width", .number(0.01)),
              DOTAttribute("label", .text("")), Self.pos(p),
            ]))
      }
      loose += geo?.labelNodes ?? []
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
      let width = lineWidth(tie.weight)
      var attrs: [DOTAttribute] = [
        DOTAttribute("color", .id(color(tie.kind) + (weightRank.isEmpty ? (fade ? Self.alpha(0.5) : "") : Self.alpha(0.35 + 0.65 * weightRank[i])))),
        DOTAttribute("style", .id(style.confidenceStyles[tie.confidence] ?? "solid")),
        DOTAttribute("penwidth", .number(width)),
        DOTAttribute("id", .text(CoalitionMap.elementID(ofTie: i, in: view))),
        DOTAttribute("class", .text("tie \(kind.id) \(kind.polarity.rawValue) \(tie.confidence.rawValue)")),
      ]
      if tie.directed {
        attrs.append(DOTAttribute("arrowhead", .id(hostile ? style.hostileArrowhead : "normal")))
      } else {
        attrs.append(DOTAttribute("dir", .id("none")))
      }
      if let geo {
        // Arrowheads grow with the line, within bounds that keep them legible and in proportion.
        let arrowSize = min(1.6, max(0.7, 0.3 * width))
        if tie.directed { attrs.append(DOTAttribute("arrowsize", .number(arrowSize))) }
        if let arc = geo.arc(of: i, arrow: tie.directed ? 10 * arrowSize : nil) { attrs.append(DOTAttribute("pos", .text(arc))) }
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
      // Geographic positions and a shared layout's positions must not move.
      DOTAttribute("overlap", .id(geographic == nil && layout == nil ? "false" : "true")), DOTAttribute("bgcolor", .id("white")),
      // Edges first, so nodes and their labels are drawn over the edges, never under them.
      DOTAttribute("outputorder", .id("edgesfirst")),
      DOTAttribute("pad", .number(0.3)), DOTAttribute("labelloc", .id("b")), DOTAttribute("labeljust", .id("l")),
    ]
    if let background = geo?.background { graphAttrs.append(DOTAttribute("_background", .text(background))) }
    if style.showLegend || style.showCaption {
      graphAttrs.append(DOTAttribute("label", .html(legend(color: color, fills: fills, notes: geo?.notes ?? []))))
    }

    return DOTGraph(
      name: g.dataset.title ?? "coalition", directed: true, attributes: graphAttrs,
      nodeDefaults: [
        DOTAttribute("shape", .id("circle")), DOTAttribute("fixedsize", .id("shape")), DOTAttribute("style", .id("filled")),
        DOTAttribute("fontname", .text(style.fontName)), DOTAttribute("fontsize", .number(12)), DOTAttribute("color", .id("#404040")),
      ],
      edgeDefaults: [DOTAttribute("fontname", .text(style.fontName)), DOTAttribute("arrowsize", .number(0.8))],
      subgraphs: clusters, nodes: loose, edges: edges)
  }

  /// The diameter of each node in inches: its score's place between the lowest and the highest,
  /// mapped onto `range` (the middle of it when all scores are equal).
  static func diameters(_ scores: NodeScores, _ range: ClosedRange<Double>) -> [Double] {
    let (low, high) = (scores.values.min() ?? 0, scores.values.max() ?? 0)
    return scores.values.map { x in
      let t = high > low ? (x - low) / (high - low) : 0.5
      return range.lowerBound + t * (range.upperBound - range.lowerBound)
    }
  }

  /// `layout` pulled together to fill a page of `aspect` (width over height): its positions
  /// scaled, across and down apart, until the nodes — their circles, or the text of their labels
  /// where wider, with 6 points to spare — cover about 30% of a box of that shape, then pushed
  /// apart pair by pair where they overlap (each pair along the direction it overlaps least),
  /// which keeps the picture's arrangement. A spring layout spreads its nodes well beyond their
  /// size (SIPRI's 46 largest traders by `sfdp`: about 1,000 × 1,000 points), so at a page's
  /// width every label comes out small; pulled together, the same picture is drawn larger. The
  /// layout comes back unchanged when the result would not be smaller on the page, when the
  /// overlaps do not clear in 400 rounds, or for maps of more than 1,000 actors.
  /// - Throws: `ScoresMismatch` when ``sizeBy`` was computed on another view.
  public func compacted(_ layout: MapLayout, aspect: Double = 1.6) throws -> MapLayout {
    let n = view.nodeCount
    guard n > 1, n <= 1000 else { return layout }
    let sizes = sizeBy ?? view.degree(.total)
    let diameters = Self.diameters(NodeScores(name: sizes.name, values: try sizes.values(for: view)), style.nodeDiameter)
    var ids: [String] = [], p: [MapPoint] = [], w: [Double] = [], h: [Double] = []
    for v in 0..<n {
      let actor = view.actor(v)
      guard let at = layout.positions[actor.id] else { continue }
      let d = 72 * diameters[v]
      let id = LabelPlacer.size(of: actor.id, fontSize: 12).width
      let name = actor.name == actor.id ? 0 : LabelPlacer.size(of: actor.name, fontSize: 9).width
      ids.append(actor.id)
      p.append(at)
      w.append(max(d, id, name) + 6)
      h.append(d + 6)
    }
    let m = p.count
    guard m > 1 else { return layout }
    func extent(_ q: [MapPoint]) -> (width: Double, height: Double) {
      let xs = q.map(\.x), ys = q.map(\.y)
      return (xs.max()! - xs.min()! + 72, ys.max()! - ys.min()! + 72)
    }
    // The size of page a drawing needs: the larger of its width over the aspect and its height.
    func need(_ q: [MapPoint]) -> Double { let e = extent(q); return max(e.width / aspect, e.height) }
    let before = extent(p)
    let area = zip(w, h).map(*).reduce(0, +) / 0.3
    let (targetWidth, targetHeight) = ((area * aspect).squareRoot(), (area / aspect).squareRoot())
    let (sx, sy) = (targetWidth / before.width, targetHeight / before.height)
    guard sx < 1 || sy < 1 else { return layout }
    let cx = p.map(\.x).reduce(0, +) / Double(m), cy = p.map(\.y).reduce(0, +) / Double(m)
    var q = p.map { MapPoint(x: cx + sx * ($0.x - cx), y: cy + sy * ($0.y - cy)) }
    let widest = w.max()!
    var cleared = false
    for _ in 0..<400 {
      var moved = false
      let order = (0..<m).sorted { (q[$0].x, $0) < (q[$1].x, $1) }
      for (k, i) in order.enumerated() {
        for j in order[(k + 1)...] {
          let dx = q[j].x - q[i].x
          if dx >= (widest + w[i]) / 2 { break }
          let dy = q[j].y - q[i].y
          let (ox, oy) = ((w[i] + w[j]) / 2 - abs(dx), (h[i] + h[j]) / 2 - abs(dy))
          guard ox > 0, oy > 0 else { continue }
          moved = true
          // Apart along the direction of least overlap, half each, a little more than needed.
          if ox / (w[i] + w[j]) <= oy / (h[i] + h[j]) {
            let push = (ox / 2 + 0.01) * (dx >= 0 ? 1 : -1)
            q[i].x -= push
            q[j].x += push
          } else {
            let push = (oy / 2 + 0.01) * (dy > 0 || (dy == 0 && i < j) ? 1 : -1)
            q[i].y -= push
            q[j].y += push
          }
        }
      }
      if !moved {
        cleared = true
        break
      }
    }
    guard cleared, need(q) < need(p) else { return layout }
    var positions = layout.positions
    for (k, id) in ids.enumerated() { positions[id] = q[k] }
    return MapLayout(positions: positions)
  }

  /// A node's `pos` in points.
  static func pos(_ p: MapPoint) -> DOTAttribute { DOTAttribute("pos", .id("\(DOTWriter.number(p.x)),\(DOTWriter.number(p.y))")) }

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

  /// The legend and caption as one HTML table: the heading, the entries — each a row of three
  /// cells, line sample (or fill swatch), arrowhead and text, in up to three columns side by side
  /// so that a long legend stays low — then the notes and caption lines. (Entries sit in tables
  /// of their own: a cell spanning several columns would widen each of them, pushing the samples
  /// away from their text.)
  func legend(color: (KindIndex) -> String, fills: NodeFills, notes: [String]) -> HTMLLabel {
    let g = view.graph
    let fillEntries = geographic != nil || fillScores != nil || nodeFill == .community
      ? fills.legend + (geographic?.basemap == true ? [FillEntry(color: MapStyle.outsideFill, text: "outside the view")] : []) : []
    let confidences = Confidence.allCases.reversed().filter { c in view.ties.contains { $0.confidence == c } }
    let entryCount = fillEntries.count + view.kindsPresent.count + confidences.count
    let heading = title ?? g.dataset.title ?? "Coalition map"
    let empty = HTMLLabel.cell(.text(""))
    let left = [HTMLAttribute("ALIGN", "LEFT")]
    // A short legend is one table of three columns, the heading and caption in the third; a long
    // one a table of one column whose entries sit in tables of their own, side by side.
    let columns = style.showLegend ? (entryCount > 16 ? 3 : entryCount > 8 ? 2 : 1) : 1
    func textRow(_ content: HTMLLabel) -> HTMLLabel { .row((columns == 1 ? [empty, empty] : []) + [.cell(content, left)]) }
    var rows: [HTMLLabel] = [textRow(.font([HTMLAttribute("POINT-SIZE", "15")], .element(.b, [], [.text(heading)])))]
    var entries: [HTMLLabel] = []
    if style.showLegend {
      // What the fills mean, where no cluster says it: a swatch per colour.
      for entry in fillEntries {
        let swatch = HTMLLabel.cell(.text(""), [
          HTMLAttribute("WIDTH", "24"), HTMLAttribute("HEIGHT", "12"), HTMLAttribute("FIXEDSIZE", "TRUE"), HTMLAttribute("BGCOLOR", entry.color),
          HTMLAttribute("BORDER", "1"), HTMLAttribute("COLOR", "#808080"),
        ])
        entries.append(.row([swatch, empty, .cell(.text(entry.text), left)]))
      }
      // Each sample is an empty fixed-size cell whose bottom border is drawn in the tie's colour
      // and line style, so it looks the same in every output format and font.
      func entry(color: String, lineStyle: String, head: String, _ what: String) -> HTMLLabel {
        let line = HTMLLabel.cell(.text(""), [
          HTMLAttribute("WIDTH", "36"), HTMLAttribute("HEIGHT", "12"), HTMLAttribute("FIXEDSIZE", "TRUE"), HTMLAttribute("BORDER", "2"), HTMLAttribute("SIDES", "B"), HTMLAttribute("COLOR", color),
          HTMLAttribute("STYLE", lineStyle),
        ])
        let arrow = HTMLLabel.cell(.font([HTMLAttribute("COLOR", color)], .text(head)), left)
        return .row([line, arrow, .cell(.text(what), left)])
      }
      for k in view.kindsPresent {
        let kind = g[k]
        let head = kind.directed ? (kind.polarity == .hostile ? "┤" : "▶") : ""
        let count = view.ties.filter { $0.kind == k }.count
        let what = "\(kind.label) (\(kind.polarity.rawValue), \(kind.materiality.rawValue)\(kind.directed ? ", directed" : "")) · \(count) tie\(count == 1 ? "" : "s")"
        entries.append(entry(color: color(k), lineStyle: "solid", head: head, what))
      }
      for c in confidences {
        let what: String
        switch c {
        case .reported: what = "reported: the source states it"
        case .assessed: what = "assessed: the source's own judgement"
        case .alleged: what = "alleged: the source calls it alleged or unconfirmed"
        }
        entries.append(entry(color: "#404040", lineStyle: style.confidenceStyles[c] ?? "solid", head: "", what))
      }
    }
    let table = [HTMLAttribute("BORDER", "0"), HTMLAttribute("CELLBORDER", "0"), HTMLAttribute("CELLSPACING", "2"), HTMLAttribute("CELLPADDING", "1")]
    precondition(!style.showLegend || entries.count == entryCount, "the legend counts its entries as it makes them")
    if columns == 1 {
      rows += entries
    } else if !entries.isEmpty {
      let perColumn = (entries.count + columns - 1) / columns
      let blocks = stride(from: 0, to: entries.count, by: perColumn).map { start in
        HTMLLabel.cell(.table(table, rows: Array(entries[start..<min(entries.count, start + perColumn)])), left + [HTMLAttribute("VALIGN", "TOP")])
      }
      rows.append(.row([.cell(.table(table, rows: [.row(blocks)]), left)]))
    }
    if style.showCaption {
      for line in notes + Self.wrap(captionText, width: 150) { rows.append(textRow(.font([HTMLAttribute("POINT-SIZE", "10")], .text(line)))) }
    }
    return .table(table, rows: rows)
  }

  /// The parts of a caption (separated by ` · `) gathered into lines of at most `width`
  /// characters where they allow it.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for part in text.components(separatedBy: " · ") {
      if let last = lines.last, last.count + 3 + part.count <= width { lines[lines.count - 1] = last + " · " + part } else { lines.append(part) }
    }
    return lines
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
    if let fillScores { parts.append("Fill: \(fillScores.name), classes split at the quintiles") } else if nodeFill == .community { parts.append("Fill: community (Louvain)") }
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

/// A map's drawing and its legend, as separate DOT documents (``CoalitionMap/separated()``).
public struct SeparatedMap: Sendable {
  /// The drawing, without legend and caption.
  public var drawing: DOTGraph
  /// A graph that draws only the legend and caption; `nil` when the map has neither.
  public var legend: DOTGraph?
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

