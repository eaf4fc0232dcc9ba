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
    guard let root = try? JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any] else {
      throw RenderError.render(format: "json", message: "Graphviz's JSON output could not be read")
    }
    var positions: [String: MapPoint] = [:]
    for object in root["objects"] as? [[String: Any]] ?? [] {
      // Clusters have no "pos"; nodes have "x,y" in points.
      guard let name = object["name"] as? String, let pos = object["pos"] as? String else { continue }
      let parts = pos.split(separator: ",").compactMap { Double($0) }
      if parts.count == 2 { positions[name] = MapPoint(x: parts[0], y: parts[1]) }
    }
    // The whole drawing's box, "x0,y0,x1,y1", legend included.
    let box = (root["bb"] as? String)?.split(separator: ",").compactMap { Double($0) } ?? []
    return MapLayout(positions: positions, width: box.count == 4 && box[0] <= box[2] ? box[0]...box[2] : nil)
  }
}
