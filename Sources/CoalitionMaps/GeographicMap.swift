import CoalitionGraph
import Foundation

/// A geographic layout: states at their capitals on a date (see ``Geography``), projected
/// (``MapProjection``) onto a page ``width`` points wide, over a map of the world's countries
/// (``Basemap``). Positions are never moved to make room: each state's marker stands on its
/// capital, and labels are placed around the markers where they fit.
///
/// Actors without a place of their own: a non-state actor stands next to its affiliation; any
/// other beside the first placed member of its first bloc, else at the centre of its placed
/// partners; an actor with none of these in a row below the map.
public struct GeographicLayout: Hashable, Sendable {
  /// The date whose capitals are used; `nil` for the view's date (the end of its window, else
  /// the latest date of its observations).
  public var date: PartialDate?
  /// How the globe is flattened.
  public var projection: MapProjection
  /// The whole world, or the view's states with a margin.
  public var extent: MapExtent
  /// Draw the countries under the map (Natural Earth 1:110m); `false` leaves a white page.
  public var basemap: Bool
  /// Draw parallels and meridians every 30°.
  public var graticule: Bool
  /// Width of the map in points (the legend comes below it); the height follows the extent.
  public var width: Double

  /// A layout on `date` (the view's date when `nil`).
  public init(
    date: PartialDate? = nil, projection: MapProjection = .equirectangular, extent: MapExtent = .view, basemap: Bool = true,
    graticule: Bool = false, width: Double = 1000
  ) {
    self.date = date
    self.projection = projection
    self.extent = extent
    self.basemap = basemap
    self.graticule = graticule
    self.width = width
  }

  /// The page shape a map of the view's extent is widened to: 16:10.
  static let pageAspect = 1.6
  /// The latitudes a world map shows: Antarctica is left out.
  static let worldLatitudes = -58.0...84.0

  /// Where the view's actors go on the map, and the map's frame and scale.
  public func placement(of view: NetworkView) -> GeographicPlacement {
    let on = date ?? view.filter.window?.to ?? view.filter.knownBy ?? view.latestDate
    var projected = [MapPoint?](repeating: nil, count: view.nodeCount)
    for v in 0..<view.nodeCount {
      let actor = view.actor(v)
      if actor.type == .state, let p = Geography.place(of: actor.id, on: on) {
        projected[v] = projection.project(latitude: p.latitude, longitude: p.longitude)
      }
    }
    let frame = frame(around: projected.compactMap { $0 })
    let scale = width / (frame.max.x - frame.min.x)
    func toPoints(_ p: MapPoint) -> MapPoint { MapPoint(x: (p.x - frame.min.x) * scale, y: (p.y - frame.min.y) * scale) }
    var placed = projected.map { $0.map(toPoints) }
    let step = 24.0  // beside the anchor, a marker's width away
    var around: [Int: Int] = [:]  // how many actors already stand beside an anchor
    func beside(_ anchor: Int) -> MapPoint {
      let k = around[anchor, default: 0]
      around[anchor] = k + 1
      let angle = -Double.pi / 4 + Double(k) * 2 * Double.pi / 7
      let p = placed[anchor]!
      return MapPoint(x: p.x + step * cos(angle), y: p.y + step * sin(angle))
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
        let x = partners.map(\.x).reduce(0, +) / Double(partners.count), y = partners.map(\.y).reduce(0, +) / Double(partners.count)
        placed[v] = MapPoint(x: x + step / 2, y: y - step / 2)
      }
    }
    // The rest in a row below the map.
    var column = 0
    for v in 0..<view.nodeCount where placed[v] == nil {
      placed[v] = MapPoint(x: step + Double(column) * 2 * step, y: -2 * step)
      column += 1
    }
    let height = (frame.max.y - frame.min.y) * scale
    return GeographicPlacement(
      positions: placed.map { $0! }, frame: MapFrame(min: MapPoint(x: 0, y: 0), max: MapPoint(x: width, y: height)), scale: scale,
      origin: frame.min, projection: projection)
  }

  /// The projected box the map shows: the world, or the points with a margin, widened to the
  /// page's shape and kept within the world.
  func frame(around points: [MapPoint]) -> MapFrame {
    let west = projection.project(latitude: 0, longitude: -180).x, east = projection.project(latitude: 0, longitude: 180).x
    let south = projection.project(latitude: Self.worldLatitudes.lowerBound, longitude: 0).y
    let north = projection.project(latitude: Self.worldLatitudes.upperBound, longitude: 0).y
    let world = MapFrame(min: MapPoint(x: west, y: south), max: MapPoint(x: east, y: north))
    guard extent == .view, !points.isEmpty else { return world }
    var (x0, x1) = (points.map(\.x).min()!, points.map(\.x).max()!)
    var (y0, y1) = (points.map(\.y).min()!, points.map(\.y).max()!)
    let margin = max(8, 0.12 * max(x1 - x0, y1 - y0))
    (x0, x1, y0, y1) = (x0 - margin, x1 + margin, y0 - margin, y1 + margin)
    // Widen the short side to the page's shape, centred, then slide back inside the world.
    if (x1 - x0) < Self.pageAspect * (y1 - y0) {
      let grow = Self.pageAspect * (y1 - y0) - (x1 - x0)
      (x0, x1) = (x0 - grow / 2, x1 + grow / 2)
    } else {
      let grow = (x1 - x0) / Self.pageAspect - (y1 - y0)
      (y0, y1) = (y0 - grow / 2, y1 + grow / 2)
    }
    func fit(_ lo: Double, _ hi: Double, within a: Double, _ b: Double) -> (Double, Double) {
      if hi - lo >= b - a { return (a, b) }
      if lo < a { return (a, a + hi - lo) }
      if hi > b { return (b - (hi - lo), b) }
      return (lo, hi)
    }
    (x0, x1) = fit(x0, x1, within: west, east)
    (y0, y1) = fit(y0, y1, within: south, north)
    return MapFrame(min: MapPoint(x: x0, y: y0), max: MapPoint(x: x1, y: y1))
  }
}

/// Where a geographic map puts things, in points (y up): made by
/// ``GeographicLayout/placement(of:)``.
public struct GeographicPlacement: Sendable {
  /// Each node's position (its marker's centre), by local node index of the view.
  public var positions: [MapPoint]
  /// The map's frame, from the origin to the map's width and height (actors without a place
  /// stand in a row below it).
  public var frame: MapFrame
  /// Points per projected degree.
  public var scale: Double
  /// The projected point at the map's lower-left corner.
  public var origin: MapPoint
  /// The projection.
  public var projection: MapProjection

  /// A place's position on the map, in points.
  public func point(latitude: Double, longitude: Double) -> MapPoint {
    let p = projection.project(latitude: latitude, longitude: longitude)
    return MapPoint(x: (p.x - origin.x) * scale, y: (p.y - origin.y) * scale)
  }
}

/// A text box placed on a map, in points.
struct LabelBox: Hashable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  init(center: MapPoint, width: Double, height: Double) {
    (minX, maxX, minY, maxY) = (center.x - width / 2, center.x + width / 2, center.y - height / 2, center.y + height / 2)
  }

  init(circle c: MapPoint, radius r: Double) {
    (minX, maxX, minY, maxY) = (c.x - r, c.x + r, c.y - r, c.y + r)
  }

  func overlaps(_ o: LabelBox, gap: Double = 0) -> Bool {
    minX < o.maxX + gap && o.minX < maxX + gap && minY < o.maxY + gap && o.minY < maxY + gap
  }
}

/// Places labels beside markers so that no two labels and no label and marker overlap.
enum LabelPlacer {
  /// Width of bold Helvetica (and the metric-compatible Liberation Sans, which Graphviz and
  /// browsers on Linux use for it) per character, in thousandths of the font size (Adobe's
  /// published font metrics); other characters count as 0.611.
  static func boldWidth(_ c: Character) -> Double {
    switch c {
    case "I", "i", "j", "l", ".", " ": return 0.278
    case "f", "t", "-": return 0.333
    case "r": return 0.389
    case "z": return 0.5
    case "0"..."9", "J", "a", "c", "e", "k", "s", "v", "x", "y": return 0.556
    case "F", "L", "T", "Z": return 0.611
    case "E", "P", "S", "V", "X", "Y": return 0.667
    case "A", "B", "C", "D", "H", "K", "N", "R", "U": return 0.722
    case "G", "O", "Q", "w": return 0.778
    case "M": return 0.833
    case "m": return 0.889
    case "W": return 0.944
    default: return 0.611
    }
  }

  /// The box of a bold one-line label in points: its width with 4% to spare, its height a line.
  static func size(of text: String, fontSize: Double) -> (width: Double, height: Double) {
    (text.reduce(0) { $0 + boldWidth($1) } * fontSize * 1.04 + 2, fontSize * 1.2)
  }

  /// The centre of each wanted label (`sizes[v]` not `nil`), in `order`, at the first of eight
  /// spots around its marker (right, left, above, below, then the corners) that overlaps no
  /// label placed before, no marker and stays inside `frame`; `nil` where none does, or once
  /// `limit` labels are placed.
  static func place(
    markers: [MapPoint], radii: [Double], sizes: [(width: Double, height: Double)?], order: [Int], frame: MapFrame, limit: Int? = nil
  ) -> [MapPoint?] {
    precondition(markers.count == radii.count && markers.count == sizes.count, "one size and radius per marker")
    var out = [MapPoint?](repeating: nil, count: markers.count)
    let markerBoxes = zip(markers, radii).map { LabelBox(circle: $0, radius: $1) }
    var placed: [LabelBox] = []
    var count = 0
    for v in order {
      guard let size = sizes[v] else { continue }
      if let limit, count >= limit { break }
      let (c, r, gap) = (markers[v], radii[v], 1.5)
      let (dx, dy) = (r + gap + size.width / 2, r + gap + size.height / 2)
      let (cx, cy) = (0.72 * r + gap + size.width / 2, 0.72 * r + gap + size.height / 2)
      let spots = [
        MapPoint(x: c.x + dx, y: c.y), MapPoint(x: c.x - dx, y: c.y), MapPoint(x: c.x, y: c.y + dy), MapPoint(x: c.x, y: c.y - dy),
        MapPoint(x: c.x + cx, y: c.y + cy), MapPoint(x: c.x - cx, y: c.y + cy), MapPoint(x: c.x + cx, y: c.y - cy), MapPoint(x: c.x - cx, y: c.y - cy),
      ]
      for spot in spots {
        let box = LabelBox(center: spot, width: size.width, height: size.height)
        guard box.minX >= frame.min.x, box.maxX <= frame.max.x, box.minY >= frame.min.y, box.maxY <= frame.max.y else { continue }
        if placed.contains(where: { $0.overlaps(box, gap: 1) }) { continue }
        // A point and a half to spare: Graphviz sizes the label by its own measure of the text.
        if markerBoxes.enumerated().contains(where: { $0.offset != v && $0.element.overlaps(box, gap: 1.5) }) { continue }
        placed.append(box)
        out[v] = spot
        count += 1
        break
      }
    }
    return out
  }
}

/// Ties drawn as arcs between fixed positions.
enum Arcs {
  /// The Bézier control points of an arc from `a` to `b` that bows out sideways by `bend` times
  /// its length (a quadratic curve written as a cubic one).
  static func curve(_ a: MapPoint, _ b: MapPoint, bend: Double) -> [MapPoint] {
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    let q = MapPoint(x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend)
    return [a, MapPoint(x: a.x + 2 * (q.x - a.x) / 3, y: a.y + 2 * (q.y - a.y) / 3), MapPoint(x: b.x + 2 * (q.x - b.x) / 3, y: b.y + 2 * (q.y - b.y) / 3), b]
  }

  /// The point at `t` of a cubic Bézier curve.
  static func point(_ c: [MapPoint], _ t: Double) -> MapPoint {
    let u = 1 - t
    let (w0, w1, w2, w3) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
    return MapPoint(x: w0 * c[0].x + w1 * c[1].x + w2 * c[2].x + w3 * c[3].x, y: w0 * c[0].y + w1 * c[1].y + w2 * c[2].y + w3 * c[3].y)
  }

  /// How far sideways each candidate arc bows, in the order tried.
  static let bends = [0.18, -0.18, 0.3, -0.3, 0.42, -0.42, 0.1, -0.1, 0.55, -0.55]

  /// For each pair of node indices, the bend of an arc between them that passes no other marker
  /// (within its radius and 2 points), and that no other arc between the same two nodes takes. The
  /// bend is relative to the direction from the lower to the higher index, so arcs in both
  /// directions between a pair share one list. Where every candidate passes a marker, the one that
  /// passes fewest.
  static func bends(for pairs: [(Int, Int)], markers: [MapPoint], radii: [Double]) -> [Double] {
    var taken: [NodePairKey: Set<Double>] = [:]
    // Markers in a grid of cells, so that each sample of a curve looks at its neighbourhood only.
    let cell = max(24, 2 * (radii.max() ?? 0) + 8)
    var grid: [GridKey: [Int]] = [:]
    for (v, p) in markers.enumerated() { grid[GridKey(p, cell), default: []].append(v) }
    func hits(_ c: [MapPoint], _ a: Int, _ b: Int) -> Int {
      var count = 0
      for k in 1..<24 {
        let p = point(c, Double(k) / 24)
        let key = GridKey(p, cell)
        for gx in key.x - 1...key.x + 1 {
          for gy in key.y - 1...key.y + 1 {
            for v in grid[GridKey(x: gx, y: gy)] ?? [] where v != a && v != b {
              let (dx, dy) = (p.x - markers[v].x, p.y - markers[v].y)
              if dx * dx + dy * dy < (radii[v] + 2) * (radii[v] + 2) { count += 1 }
            }
          }
        }
      }
      return count
    }
    return pairs.map { pair in
      let (lo, hi) = pair.0 <= pair.1 ? pair : (pair.1, pair.0)
      let key = NodePairKey(lo: lo, hi: hi)
      let used = taken[key, default: []]
      var best: (bend: Double, hits: Int)?
      for bend in bends where !used.contains(bend) {
        let n = hits(curve(markers[lo], markers[hi], bend: bend), lo, hi)
        if best == nil || n < best!.hits { best = (bend, n) }
        if n == 0 { break }
      }
      let bend = best?.bend ?? bends[used.count % bends.count]
      taken[key, default: []].insert(bend)
      return bend
    }
  }

  struct NodePairKey: Hashable {
    let lo: Int
    let hi: Int
  }

  struct GridKey: Hashable {
    let x: Int
    let y: Int
    init(x: Int, y: Int) {
      self.x = x
      self.y = y
    }
    init(_ p: MapPoint, _ cell: Double) {
      x = Int((p.x / cell).rounded(.down))
      y = Int((p.y / cell).rounded(.down))
    }
  }

  /// The `pos` of an edge in DOT (points, y up): the arc from `a` to `b` with `bend`, starting at
  /// the edge of the first marker and, for a directed tie, ending `arrow` points short of the
  /// second marker's edge, where the arrowhead (`e,x,y`) ends.
  static func pos(from a: MapPoint, radius ra: Double, to b: MapPoint, radius rb: Double, bend: Double, arrow: Double?) -> String {
    let c = curve(a, b, bend: bend)
    func toward(_ from: MapPoint, _ to: MapPoint, _ d: Double) -> MapPoint {
      let (dx, dy) = (to.x - from.x, to.y - from.y)
      let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
      return MapPoint(x: from.x + dx / length * d, y: from.y + dy / length * d)
    }
    let start = toward(a, c[1], ra)
    let tip = toward(b, c[2], rb)
    let end = arrow.map { toward(b, c[2], rb + $0) } ?? tip
    let points = [start, c[1], c[2], end].map { "\(DOTWriter.number($0.x)),\(DOTWriter.number($0.y))" }.joined(separator: " ")
    return arrow == nil ? points : "e,\(DOTWriter.number(tip.x)),\(DOTWriter.number(tip.y)) " + points
  }
}

/// The country outlines under a map, as xdot drawing operations (Graphviz's `_background`).
enum BasemapDrawing {
  /// One filled outline: the rings of a country and its colours.
  struct Country {
    let code: String
    let fill: String
    let stroke: String
  }

  /// The xdot operations that draw `countries` (first the grey land outside the view, then the
  /// listed countries with their fills), clipped to `frame`, and a graticule when asked.
  static func xdot(placement: GeographicPlacement, frame: MapFrame, countries: [Country], outside: String, graticule: Bool) -> String {
    var ops: [String] = []
    func text(_ op: String, _ s: String) { ops.append("\(op) \(s.utf8.count) -\(s)") }
    let listed = Set(countries.map(\.code))
    func draw(_ code: String, fill: String, stroke: String) {
      guard let rings = Basemap.outlines[code] else { return }
      text("C", fill)
      text("c", stroke)
      for ring in rings {
        let points = ring.map { placement.point(latitude: Double($0.y) / 10, longitude: Double($0.x) / 10) }
        let clipped = clip(points, to: frame)
        guard clipped.count >= 3 else { continue }
        ops.append("P \(clipped.count) " + coordinates(clipped))
      }
    }
    text("S", "setlinewidth(0.6)")
    for code in Basemap.outlines.keys.sorted() where !listed.contains(code) { draw(code, fill: outside, stroke: "#FFFFFF") }
    for country in countries { draw(country.code, fill: country.fill, stroke: country.stroke) }
    if graticule {
      text("c", "#C8C8C8")
      text("S", "setlinewidth(0.4)")
      for longitude in stride(from: -180.0, through: 180, by: 30) {
        let line = stride(from: -90.0, through: 90, by: 5).map { placement.point(latitude: $0, longitude: longitude) }
        polyline(line, frame: frame, into: &ops)
      }
      for latitude in stride(from: -60.0, through: 60, by: 30) {
        let line = stride(from: -180.0, through: 180, by: 5).map { placement.point(latitude: latitude, longitude: $0) }
        polyline(line, frame: frame, into: &ops)
      }
    }
    return ops.joined(separator: " ")
  }

  /// A line's pieces inside the frame (points outside it end a piece).
  static func polyline(_ line: [MapPoint], frame: MapFrame, into ops: inout [String]) {
    var piece: [MapPoint] = []
    func flush() {
      if piece.count >= 2 { ops.append("L \(piece.count) " + coordinates(piece)) }
      piece = []
    }
    for p in line {
      if p.x >= frame.min.x, p.x <= frame.max.x, p.y >= frame.min.y, p.y <= frame.max.y { piece.append(p) } else { flush() }
    }
    flush()
  }

  /// Points as xdot writes them: "x y x y …", to a tenth of a point.
  static func coordinates(_ points: [MapPoint]) -> String {
    points.map { "\(DOTWriter.number(($0.x * 10).rounded() / 10)) \(DOTWriter.number(($0.y * 10).rounded() / 10))" }.joined(separator: " ")
  }

  /// A polygon clipped to a rectangle, one side at a time (Sutherland and Hodgman's method).
  static func clip(_ polygon: [MapPoint], to frame: MapFrame) -> [MapPoint] {
    var out = polygon
    let sides: [(inside: (MapPoint) -> Bool, cross: (MapPoint, MapPoint) -> MapPoint)] = [
      ({ $0.x >= frame.min.x }, { a, b in at(x: frame.min.x, a, b) }), ({ $0.x <= frame.max.x }, { a, b in at(x: frame.max.x, a, b) }),
      ({ $0.y >= frame.min.y }, { a, b in at(y: frame.min.y, a, b) }), ({ $0.y <= frame.max.y }, { a, b in at(y: frame.max.y, a, b) }),
    ]
    for side in sides {
      guard let last = out.last else { return [] }
      var next: [MapPoint] = []
      var previous = last
      for p in out {
        switch (side.inside(previous), side.inside(p)) {
        case (true, true): next.append(p)
        case (true, false): next.append(side.cross(previous, p))
        case (false, true): next += [side.cross(previous, p), p]
        case (false, false): break
        }
        previous = p
      }
      out = next
    }
    return out
  }

  static func at(x: Double, _ a: MapPoint, _ b: MapPoint) -> MapPoint {
    let t = (x - a.x) / (b.x - a.x)
    return MapPoint(x: x, y: a.y + t * (b.y - a.y))
  }

  static func at(y: Double, _ a: MapPoint, _ b: MapPoint) -> MapPoint {
    let t = (y - a.y) / (b.y - a.y)
    return MapPoint(x: a.x + t * (b.x - a.x), y: y)
  }
}

/// Everything a geographic map adds to the drawing: positions, labels beside the markers, arcs,
/// the basemap and the notes on what it could not show.
struct GeographicDrawing {
  let placement: GeographicPlacement
  /// The frame with room for actors placed below the map.
  let outerFrame: MapFrame
  /// A node per placed label.
  let labelNodes: [DOTNode]
  /// The basemap as xdot operations, when drawn.
  let background: String?
  /// Lines for the caption: labels left out, states drawn on other outlines or on none.
  let notes: [String]
  /// Per tie, its bend.
  private let bends: [Double]
  private let radii: [Double]
  private let view: NetworkView

  init(map: CoalitionMap, layout: GeographicLayout, fills: NodeFills, radii: [Double], order: [Int]) {
    let view = map.view
    self.view = view
    self.radii = radii
    let placement = layout.placement(of: view)
    self.placement = placement
    let positions = placement.positions
    let margin = 8.0
    let xs = positions.map(\.x), ys = positions.map(\.y)
    outerFrame = MapFrame(
      min: MapPoint(x: min(placement.frame.min.x, (xs.min() ?? 0) - margin), y: min(placement.frame.min.y, (ys.min() ?? 0) - margin)),
      max: MapPoint(x: max(placement.frame.max.x, (xs.max() ?? 0) + margin), y: max(placement.frame.max.y, (ys.max() ?? 0) + margin)))

    // Labels: every actor wanted (or the top `labelTop`), in order of size, where they fit.
    let fontSize = map.style.markerLabelSize
    let sizes = (0..<view.nodeCount).map { Optional(LabelPlacer.size(of: view.actor($0).id, fontSize: fontSize)) }
    let spots = LabelPlacer.place(markers: positions, radii: radii, sizes: sizes, order: order, frame: outerFrame, limit: map.style.labelTop)
    var nodes: [DOTNode] = []
    for v in order {
      guard let spot = spots[v] else { continue }
      let actor = view.actor(v)
      var attributes = [
        // A translucent white box under the text keeps it legible over lines and countries.
        DOTAttribute("shape", .id("box")), DOTAttribute("style", .id("filled")), DOTAttribute("fillcolor", .id("#FFFFFFB8")),
        DOTAttribute("color", .id("transparent")), DOTAttribute("margin", .number(0)),
        DOTAttribute("width", .number(0)), DOTAttribute("height", .number(0)), DOTAttribute("fixedsize", .bool(false)),
        DOTAttribute("fontsize", .number(fontSize)), DOTAttribute("label", .html(.element(.b, [], [.text(actor.id)]))),
        DOTAttribute("id", .text("label-" + actor.id)), DOTAttribute("class", .text("label")), CoalitionMap.pos(spot),
      ]
      if map.style.tooltips { attributes.append(DOTAttribute("tooltip", .text("\(actor.name) (\(actor.id))"))) }
      nodes.append(DOTNode(" label " + actor.id, attributes))
    }
    labelNodes = nodes
    var notes: [String] = []
    let placed = spots.compactMap { $0 }.count
    if placed < view.nodeCount {
      let why = map.style.labelTop.map { $0 < view.nodeCount && placed == $0 ? "the \($0) largest" : nil } ?? nil
      notes.append(
        "Labels: \(placed) of \(view.nodeCount) actors, \(why ?? "the largest that fit without overlap"); every actor has a tooltip and can be searched")
    }

    // Arcs: each tie bows out to miss the markers it does not join.
    bends = Arcs.bends(for: view.ties.map { (view.node(of: $0.source)!, view.node(of: $0.target)!) }, markers: positions, radii: radii)

    // The basemap: each state's country (or its successors') filled as its marker is.
    guard layout.basemap else {
      background = nil
      self.notes = notes
      return
    }
    var countries: [BasemapDrawing.Country] = []
    var claimed = Set<String>()
    var borrowed: [String] = [], without: [String] = []
    let states = (0..<view.nodeCount).filter { view.actor($0).type == .state }
    // States with outlines of their own first, then states of the past on the outlines left.
    for v in states where Basemap.outlines[view.actor(v).id] != nil {
      let id = view.actor(v).id
      claimed.insert(id)
      countries.append(BasemapDrawing.Country(code: id, fill: fills.colors[v], stroke: "#6E6E6E"))
    }
    for v in states where Basemap.outlines[view.actor(v).id] == nil {
      let actor = view.actor(v)
      let codes = Basemap.outlineCodes(of: actor.id).filter { !claimed.contains($0) }
      if codes.isEmpty {
        without.append(actor.id)
        continue
      }
      claimed.formUnion(codes)
      borrowed.append("\(actor.id) on \(codes.joined(separator: ", "))")
      countries += codes.map { BasemapDrawing.Country(code: $0, fill: fills.colors[v], stroke: "#6E6E6E") }
    }
    if !borrowed.isEmpty { notes.append("Drawn on today's borders: " + borrowed.sorted().joined(separator: "; ")) }
    if !without.isEmpty {
      notes.append("No outline at 1:110m (marker only): " + without.sorted().joined(separator: ", "))
    }
    notes.append(
      "Map: Natural Earth 1:110m countries (public domain), today's borders, \(layout.projection == .equalEarth ? "Equal Earth" : "equirectangular") projection")
    background = BasemapDrawing.xdot(
      placement: placement, frame: placement.frame, countries: countries, outside: MapStyle.outsideFill, graticule: layout.graticule)
    self.notes = notes
  }

  /// The `pos` of tie `index`: its arc, with room for an arrowhead `arrow` points long.
  func arc(of index: Int, arrow: Double?) -> String? {
    let tie = view.ties[index]
    let (a, b) = (view.node(of: tie.source)!, view.node(of: tie.target)!)
    guard a != b else { return nil }
    // Bends are kept relative to the lower node index; seen from the other end, they flip.
    let bend = a < b ? bends[index] : -bends[index]
    return Arcs.pos(from: placement.positions[a], radius: radii[a], to: placement.positions[b], radius: radii[b], bend: bend, arrow: arrow)
  }
}
