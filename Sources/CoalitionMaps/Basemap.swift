import CoalitionGraph
import Foundation

/// How a geographic map flattens the globe.
public enum MapProjection: String, CaseIterable, Sendable, Hashable {
  /// Plate carrée: x is the longitude, y the latitude. Simple and familiar; areas far from the
  /// equator look too large.
  case equirectangular
  /// Equal Earth (Šavrič, Patterson and Jenny, 2018): equal-area, with a world map's familiar
  /// rounded outline, so that no region looks larger than it is.
  case equalEarth = "equal-earth"

  /// The place's position in the projection's plane, in degrees at the equator's scale: for both
  /// projections a step of one degree of longitude on the equator is about one unit (exactly one
  /// for plate carrée; Equal Earth's unit-sphere coordinates are multiplied by 180 / π). North is
  /// up (y grows northwards).
  public func project(latitude: Double, longitude: Double) -> MapPoint {
    switch self {
    case .equirectangular:
      return MapPoint(x: longitude, y: latitude)
    case .equalEarth:
      // The projection's published polynomial, on the unit sphere.
      let (a1, a2, a3, a4) = (1.340264, -0.081106, 0.000893, 0.003796)
      let lambda = longitude * .pi / 180, phi = max(-90, min(90, latitude)) * .pi / 180
      let theta = asin(3.0.squareRoot() / 2 * sin(phi))
      let t2 = theta * theta, t6 = t2 * t2 * t2
      let x = 2 * 3.0.squareRoot() * lambda * cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
      let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
      return MapPoint(x: x * 180 / .pi, y: y * 180 / .pi)
    }
  }
}

/// How much of the world a geographic map shows.
public enum MapExtent: String, CaseIterable, Sendable, Hashable {
  /// The whole world from 58° S to 84° N (Antarctica left out).
  case world
  /// The states of the view with a margin, widened to the page's shape.
  case view
}

/// Country outlines for the map under geographic layouts: Natural Earth's 1:110m admin-0
/// countries (public domain), simplified to a tenth of a degree, by ISO alpha-3 code. Borders are
/// today's. Regenerate with `scripts/gen_basemap.py`.
public enum Basemap {
  /// The codes of the countries with an outline (175 at this scale; small island states such as
  /// Malta, Singapore or Bahrain have none), sorted.
  public static var countries: [String] { outlines.keys.sorted() }

  /// The outline of a country as rings of places (outer rings only, largest first); `nil` when
  /// the country has none at this scale.
  public static func outline(of code: String) -> [[Geography.Place]]? {
    outlines[code].map { rings in
      rings.map { ring in ring.map { Geography.Place(latitude: Double($0.y) / 10, longitude: Double($0.x) / 10) } }
    }
  }

  /// The outlines a state is drawn on: its own, or for a state of the past without one (the GDR,
  /// Czechoslovakia, Yugoslavia, the German and Italian states before unification …) those of the
  /// countries on its former territory, each with an outline. Empty when there is none.
  public static func outlineCodes(of actorID: String) -> [String] {
    if outlines[actorID] != nil { return [actorID] }
    return (successors[actorID] ?? []).filter { outlines[$0] != nil }
  }

  /// Countries of today on the territory of states of the past (by actor id), for drawing them on
  /// today's borders.
  static let successors: [String: [String]] = [
    "DDR": ["DEU"], "CSK": ["CZE", "SVK"], "YUG": ["SRB", "MNE", "XKX", "BIH", "HRV", "SVN", "MKD"],
    "YMD": ["YEM"], "COW678": ["YEM"], "COW730": ["PRK", "KOR"], "COW817": ["VNM"], "COW511": ["TZA"],
    "COW300": ["AUT", "HUN"], "COW240": ["DEU"], "COW245": ["DEU"], "COW267": ["DEU"], "COW269": ["DEU"],
    "COW271": ["DEU"], "COW273": ["DEU"], "COW275": ["DEU"], "COW280": ["DEU"], "COW329": ["ITA"],
    "COW332": ["ITA"], "COW335": ["ITA"], "COW337": ["ITA"],
  ]

  /// A point in tenths of a degree.
  struct TenthPoint: Hashable {
    let x: Int32
    let y: Int32
  }

  /// The outlines, parsed from ``outlineText`` on first use.
  static let outlines: [String: [[TenthPoint]]] = {
    var out: [String: [[TenthPoint]]] = [:]
    for line in outlineText.split(separator: "\n") {
      let utf8 = Array(line.utf8)
      guard utf8.count > 4 else { continue }
      let code = String(decoding: utf8[0..<3], as: UTF8.self)
      var rings: [[TenthPoint]] = [[]]
      var numbers: [Int32] = []
      var value: Int32 = 0, negative = false, inNumber = false
      func endNumber() {
        if inNumber { numbers.append(negative ? -value : value) }
        value = 0
        negative = false
        inNumber = false
      }
      func endPoint() {
        endNumber()
        if numbers.count == 2 { rings[rings.count - 1].append(TenthPoint(x: numbers[0], y: numbers[1])) }
        numbers.removeAll(keepingCapacity: true)
      }
      for byte in utf8[4...] {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          value = value * 10 + Int32(byte - UInt8(ascii: "0"))
          inNumber = true
        case UInt8(ascii: "-"): negative = true
        case UInt8(ascii: ","): endNumber()
        case UInt8(ascii: " "): endPoint()
        case UInt8(ascii: "|"):
          endPoint()
          rings.append([])
        default: continue
        }
      }
      endPoint()
      out[code] = rings.filter { $0.count >= 3 }
    }
    return out
  }()
}
