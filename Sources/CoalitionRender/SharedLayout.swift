import CoalitionGraph
import CoalitionMaps
import Foundation

extension GraphvizRenderer {
  /// Lays out `map` with `engine` and returns where each actor was placed, for maps that must
  /// share it (`CoalitionMap.layout`): lay out the union of a series' views once,
  /// then render each window with `LayoutEngine.pinned`.
  /// - Throws: ``RenderError`` from the layout, or ``RenderError/render(format:message:)`` when
  ///   Graphviz's JSON cannot be read.
  public func layout(of map: CoalitionMap, engine: LayoutEngine) throws -> MapLayout {
    let out = try render(try map.dot(), engine: engine, format: .json)
    // Graphviz's JSON through the package's own parser (the one every reader of JSON uses).
    guard let root = try? JSONParser.parse(out.bytes), let top = Self.members(root) else {
      throw RenderError.render(format: "json", message: "Graphviz's JSON output could not be read")
    }
    var positions: [String: MapPoint] = [:]
    if case .array(let objects)? = top["objects"]?.value {
      for object in objects {
        // Clusters have no "pos"; nodes have "x,y" in points.
        guard let o = Self.members(object), case .string(let name)? = o["name"]?.value, case .string(let pos)? = o["pos"]?.value else { continue }
        let parts = pos.split(separator: ",").compactMap { Double($0) }
        if parts.count == 2 { positions[DOTWriter.objectName(reported: name)] = MapPoint(x: parts[0], y: parts[1]) }
      }
    }
    // The whole drawing's box, "x0,y0,x1,y1", legend included.
    var box: [Double] = []
    if case .string(let bb)? = top["bb"]?.value { box = bb.split(separator: ",").compactMap { Double($0) } }
    let known = box.count == 4 && box[0] <= box[2] && box[1] <= box[3]
    return MapLayout(positions: positions, width: known ? box[0]...box[2] : nil, height: known ? box[1]...box[3] : nil)
  }

  /// An object's members by key (the first of a repeated key), or `nil` for another value.
  private static func members(_ node: JSONNode) -> [String: JSONNode]? {
    guard case .object(let pairs) = node.value else { return nil }
    var out: [String: JSONNode] = [:]
    for pair in pairs where out[pair.key] == nil { out[pair.key] = pair.value }
    return out
  }
}

extension GraphvizRenderer {
  /// One layout for the maps of several views (the windows of a series), made from `union`, the
  /// view of all of them together (`Timeline.union`): laid out once with its legend and caption,
  /// so that the frame is wide enough for any window's map. `nil` when `union` has no actor.
  /// - Throws: ``RenderError`` from the layout.
  public func sharedLayout(of union: NetworkView) throws -> MapLayout? {
    guard union.nodeCount > 0 else { return nil }
    return try layout(of: CoalitionMap(view: union), engine: LayoutEngine.automatic(nodes: union.nodeCount, edges: union.ties.count))
  }

  /// The maps of `views` as SVG, each with its caption, on `layout` when one is given (pinned
  /// positions, the same place for an actor in every map) and otherwise laid out one by one;
  /// `legend: false` leaves out each map's legend (for small multiples).
  /// - Throws: ``RenderError`` from a layout or render.
  public func windowMaps(_ views: [NetworkView], captions: [String], layout: MapLayout?, legend: Bool = true) throws -> [RenderOutput] {
    precondition(views.count == captions.count, "one caption per view")
    return try zip(views, captions).map { view, caption -> RenderOutput in
      var map = CoalitionMap(view: view, caption: caption)
      map.style.showLegend = legend
      map.layout = layout
      let engine = layout == nil ? LayoutEngine.automatic(nodes: view.nodeCount, edges: view.ties.count) : .pinned
      return try render(try map.dot(), engine: engine, format: .svg)
    }
  }
}

/// The engine a map was drawn with when the engine was chosen for the page, and why.
public struct PageFit: Hashable, Sendable {
  /// The engine chosen.
  public var engine: LayoutEngine
  /// Width over height of its drawing, legend included; NaN when it was not measured.
  public var aspect: Double
  /// Every engine tried, with the aspect it gave, in the order tried.
  public var tried: [EngineAspect]
}

/// One engine's drawing, measured.
public struct EngineAspect: Hashable, Sendable {
  /// The engine.
  public var engine: LayoutEngine
  /// Width over height of its drawing.
  public var aspect: Double
}

extension GraphvizRenderer {
  /// The page a map is fitted to: 16:10, a screen or a slide.
  public static let pageAspect = 1.6
  /// How far (as a factor either way) a drawing's aspect may stray from the page before another
  /// engine is tried: within it the drawing fills at least about 57% of the page at Fit.
  public static let pageTolerance = 1.75

  /// The engine that draws `map` closest to the page's shape: the automatic choice
  /// (``LayoutEngine/automatic(nodes:edges:)``) when its drawing is within ``pageTolerance`` of
  /// ``pageAspect``, else whichever of it, `neato` and `sfdp` comes closest (on a log scale).
  /// `dot` lays a sparse network of deliveries out as one tall column (SIPRI's 46 largest
  /// suppliers and recipients: 1,111 × 2,874 pt); the spring engines give it a page's shape.
  /// Only a `dot` drawing (small maps, where a layout is cheap) is measured: a large map already
  /// gets `sfdp`, whose drawing has no such direction, and is not laid out twice.
  /// - Throws: ``RenderError`` from a layout.
  public func pageFittingEngine(for map: CoalitionMap) throws -> PageFit {
    let first = LayoutEngine.automatic(nodes: map.view.nodeCount, edges: map.view.ties.count)
    guard first == .dot else { return PageFit(engine: first, aspect: .nan, tried: []) }
    var tried: [EngineAspect] = []
    func measure(_ engine: LayoutEngine) throws -> EngineAspect? {
      guard let aspect = try layout(of: map, engine: engine).aspect, aspect.isFinite, aspect > 0 else { return nil }
      let measured = EngineAspect(engine: engine, aspect: aspect)
      tried.append(measured)
      return measured
    }
    func distance(_ a: EngineAspect) -> Double { abs(log(a.aspect / Self.pageAspect)) }
    guard let automatic = try measure(first) else { return PageFit(engine: first, aspect: Self.pageAspect, tried: []) }
    if distance(automatic) <= log(Self.pageTolerance) { return PageFit(engine: first, aspect: automatic.aspect, tried: tried) }
    for engine in [LayoutEngine.neato, .sfdp] where engine != first { _ = try measure(engine) }
    let best = tried.min { (distance($0), tried.firstIndex(of: $0)!) < (distance($1), tried.firstIndex(of: $1)!) }!
    return PageFit(engine: best.engine, aspect: best.aspect, tried: tried)
  }
}

/// A map made ready to draw on a page (``GraphvizRenderer/fitted(_:engine:)``).
public struct FittedMap: Sendable {
  /// The map to render: the one given, or pinned to its layout pulled together.
  public var map: CoalitionMap
  /// The engine to render it with.
  public var engine: LayoutEngine
  /// How the layout engine was chosen.
  public var fit: PageFit
  /// The factor the layout was pulled together by (`CoalitionMap.compacted(_:aspect:)`); 1 when it
  /// was drawn as the engine left it.
  public var compaction: Double
}

extension GraphvizRenderer {
  /// `map` made ready for a page: laid out by `engine`, or by the engine whose drawing comes
  /// closest to 16:10 (``pageFittingEngine(for:)``), and — for the spring engines `neato`, `fdp`
  /// and `sfdp`, whose drawings spread far beyond their nodes — pulled together
  /// (`CoalitionMap.compacted(_:aspect:)`) and pinned there, so that at a page's width the labels come
  /// out as large as the nodes allow. `dot` drawings, geographic maps and maps with a layout of
  /// their own are left as they are.
  /// - Throws: ``RenderError`` from a layout; `ScoresMismatch` from the map's scores.
  public func fitted(_ map: CoalitionMap, engine: LayoutEngine? = nil) throws -> FittedMap {
    if map.geographic != nil || map.layout != nil {
      return FittedMap(map: map, engine: .pinned, fit: PageFit(engine: .pinned, aspect: .nan, tried: []), compaction: 1)
    }
    let fit = try engine.map { PageFit(engine: $0, aspect: .nan, tried: []) } ?? pageFittingEngine(for: map)
    guard [.neato, .fdp, .sfdp].contains(fit.engine) else { return FittedMap(map: map, engine: fit.engine, fit: fit, compaction: 1) }
    let spread = try layout(of: map, engine: fit.engine)
    let pulled = try map.compacted(spread)
    guard pulled != spread else { return FittedMap(map: map, engine: fit.engine, fit: fit, compaction: 1) }
    var pinned = map
    pinned.layout = pulled
    return FittedMap(map: pinned, engine: .pinned, fit: fit, compaction: Self.span(of: pulled) / max(Self.span(of: spread), 1e-9))
  }

  /// The larger side of the box around a layout's positions, in points.
  static func span(of layout: MapLayout) -> Double {
    let xs = layout.positions.values.map(\.x), ys = layout.positions.values.map(\.y)
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return 0 }
    return max(x1 - x0, y1 - y0)
  }
}

/// A map drawn for a page that shows its legend apart (the HTML report):
/// ``GraphvizRenderer/pageMap(_:engine:)``.
public struct PageMap: Sendable {
  /// How the map was fitted to the page.
  public var fitted: FittedMap
  /// The drawing, without legend and caption.
  public var drawing: RenderOutput
  /// The legend and caption alone; `nil` when the map has neither.
  public var legend: RenderOutput?
}

extension GraphvizRenderer {
  /// `map` fitted to a page (``fitted(_:engine:)``) and drawn as SVG without its legend, which is
  /// drawn apart (`CoalitionMap.separated()`): at the page's Fit zoom the drawing alone fills the
  /// map's box, so its labels come out as large as they can.
  /// - Throws: ``RenderError`` from a layout or render; `ScoresMismatch` from the map's scores.
  public func pageMap(_ map: CoalitionMap, engine: LayoutEngine? = nil) throws -> PageMap {
    let fitted = try fitted(map, engine: engine)
    let parts = try fitted.map.separated()
    let drawing = try render(try DOTWriter.write(parts.drawing), engine: fitted.engine, format: .svg)
    let legend = try parts.legend.map { try render(try DOTWriter.write($0), engine: .dot, format: .svg) }
    return PageMap(fitted: fitted, drawing: drawing, legend: legend)
  }
}
