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
        if parts.count == 2 { positions[name] = MapPoint(x: parts[0], y: parts[1]) }
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
