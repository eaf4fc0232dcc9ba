import Foundation
import CoalitionGraph
import Testing

@testable import CoalitionMaps

@Test func capitalsFollowTheirDatesAndCentresFillIn() throws {
  #expect(Geography.place(of: "BRA", on: PartialDate("1955"))?.capital == "Rio de Janeiro")
  #expect(Geography.place(of: "BRA", on: PartialDate("2000"))?.capital == "Brasilia" || Geography.place(of: "BRA", on: PartialDate("2000"))?.capital == "Brasília")
  #expect(Geography.place(of: "RUS")?.capital == "Moscow")
  #expect(Geography.place(of: "DDR")?.capital == "East Berlin" || Geography.place(of: "DDR")?.capital?.contains("Berlin") == true)
  // A country without a COW capital gets its centre.
  let greenland = try #require(Geography.place(of: "GRL"))
  #expect(greenland.capital == nil && greenland.latitude > 60)
  #expect(Geography.place(of: "WEST") == nil)
}

/// Every pair of states keeps its east/west and north/south order on the (equirectangular) map,
/// and each marker stands on its capital: the map scales the projection, it moves nothing.
@Test func geographicPositionsKeepTheOrderOfTheCapitals() throws {
  let states = ["USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN", "PRK", "IRN", "IND", "BRA", "ZAF", "AUS", "EGY", "UKR"]
  var d = Dataset(title: "states")
  d.actors = states.map { CoalitionActor(id: $0) } + [CoalitionActor(id: "WAG", name: "Wagner", type: .group, affiliation: "RUS")]
  d.observations = zip(states, states.dropFirst()).map { TieObservation(source: $0, target: $1, kind: .diplomatic, time: .on(PartialDate("2020")!)) }
    + [TieObservation(source: "WAG", target: "UKR", kind: .war, time: .on(PartialDate("2022")!))]
  let view = try CoalitionNetwork(d).view()
  let placement = GeographicLayout().placement(of: view)
  let positions = placement.positions
  #expect(positions.count == view.nodeCount)
  for a in states {
    let (p, v) = (Geography.place(of: a)!, view.node(ofActor: a)!)
    let expected = placement.point(latitude: p.latitude, longitude: p.longitude)
    #expect(abs(positions[v].x - expected.x) < 1e-9 && abs(positions[v].y - expected.y) < 1e-9, "\(a) is not on its capital")
    for b in states where a < b {
      let (pa, pb) = (Geography.place(of: a)!, Geography.place(of: b)!)
      let (va, vb) = (view.node(ofActor: a)!, view.node(ofActor: b)!)
      #expect((pa.longitude < pb.longitude) == (positions[va].x < positions[vb].x), "\(a) \(b) east/west")
      #expect((pa.latitude < pb.latitude) == (positions[va].y < positions[vb].y), "\(a) \(b) north/south")
    }
  }
  // The non-state actor stands beside its affiliation.
  let (wag, rus) = (positions[view.node(ofActor: "WAG")!], positions[view.node(ofActor: "RUS")!])
  #expect(abs(wag.x - rus.x) < 40 && abs(wag.y - rus.y) < 40 && (wag.x, wag.y) != (rus.x, rus.y))
  // The view's extent, widened to 16:10, is the map's frame at the layout's width.
  #expect(placement.frame.max.x == 1000)
  #expect(abs(placement.frame.max.x / placement.frame.max.y - 1.6) < 0.01 || placement.frame.max.y < 1000 / 1.6)
  let world = GeographicLayout(extent: .world).placement(of: view)
  #expect(abs(world.frame.max.y - 1000 * 142 / 360) < 1e-6, "the world from 58° S to 84° N")
}

/// Equal Earth agrees with PROJ (pyproj, +proj=eqearth +R=1) to 1e-9 on a grid and five capitals.
@Test func equalEarthAgreesWithPROJ() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/equal-earth.json")
  let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
  let points = try #require(object?["points"] as? [[String: Double]])
  #expect(points.count == 13 * 13 + 5)
  for p in points {
    let q = MapProjection.equalEarth.project(latitude: p["latitude"]!, longitude: p["longitude"]!)
    // Our units are degrees at the equator's scale: PROJ's unit-sphere values times 180/π.
    #expect(abs(q.x * .pi / 180 - p["x"]!) < 1e-9 && abs(q.y * .pi / 180 - p["y"]!) < 1e-9, "\(p)")
  }
  let e = MapProjection.equirectangular.project(latitude: 38.9, longitude: -77)
  #expect(e.x == -77 && e.y == 38.9)
}

/// The outlines parse, name countries by the actor ids the package uses, and hold their capitals.
@Test func basemapOutlinesHoldTheirCapitals() throws {
  #expect(Basemap.countries.count == 175)
  #expect(Basemap.countries == Basemap.countries.sorted())
  for code in Basemap.countries { #expect(CountryTable.country(alpha3: code) != nil || code == "XKX", "\(code) is no ISO code") }
  // Points in tenths of a degree, within the globe.
  for code in Basemap.countries {
    for ring in Basemap.outline(of: code)! {
      #expect(ring.count >= 3)
      #expect(ring.allSatisfy { abs($0.latitude) <= 90 && abs($0.longitude) <= 180 })
    }
  }
  // Inside, by the even–odd rule on the outer rings.
  func inside(_ lat: Double, _ lon: Double, _ code: String) -> Bool {
    Basemap.outline(of: code)!.contains { ring in
      var inside = false
      for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.latitude > lat) != (b.latitude > lat) {
        let x = a.longitude + (lat - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
        if lon < x { inside.toggle() }
      }
      return inside
    }
  }
  for (code, capital) in [("RUS", "Moscow"), ("CHN", "Beijing"), ("IRN", "Tehran"), ("DEU", "Berlin"), ("BRA", nil), ("USA", nil), ("PRK", nil)] {
    let place = try #require(Geography.place(of: code))
    if let capital { #expect(place.capital?.contains(capital) == true) }
    #expect(inside(place.latitude, place.longitude, code), "\(code)'s capital is outside its outline")
  }
  #expect(!inside(55.75, 37.62, "CHN"))
  // States of the past are drawn on their successors' outlines; small islands have none.
  #expect(Basemap.outlineCodes(of: "DDR") == ["DEU"])
  #expect(Basemap.outlineCodes(of: "CSK") == ["CZE", "SVK"])
  #expect(Basemap.outlineCodes(of: "MLT").isEmpty && Basemap.outline(of: "MLT") == nil)
}

/// Clipping keeps what lies inside the frame and cuts what crosses it at its edge.
@Test func outlinesAreClippedToTheFrame() {
  let frame = MapFrame(min: MapPoint(x: 0, y: 0), max: MapPoint(x: 10, y: 10))
  let inside = [MapPoint(x: 1, y: 1), MapPoint(x: 9, y: 1), MapPoint(x: 5, y: 8)]
  #expect(BasemapDrawing.clip(inside, to: frame) == inside)
  let crossing = [MapPoint(x: -5, y: 5), MapPoint(x: 5, y: -5), MapPoint(x: 15, y: 5), MapPoint(x: 5, y: 15)]
  let clipped = BasemapDrawing.clip(crossing, to: frame)
  #expect(clipped.count == 8)
  #expect(clipped.allSatisfy { $0.x >= 0 && $0.x <= 10 && $0.y >= 0 && $0.y <= 10 })
  #expect(BasemapDrawing.clip([MapPoint(x: 20, y: 20), MapPoint(x: 30, y: 20), MapPoint(x: 25, y: 30)], to: frame).isEmpty)
}

/// Placed labels overlap no other label and no marker, stay inside the frame, and sit beside their
/// own marker; the highest ranked get theirs first, and `limit` caps them.
@Test(arguments: 0..<20)
func labelsNeverOverlap(_ seed: Int) {
  var rng = SplitMix64(seed: UInt64(seed))
  let n = 5 + Int(rng.next() % 80)
  let markers = (0..<n).map { _ in MapPoint(x: Double(rng.next() % 400), y: Double(rng.next() % 250)) }
  let radii = (0..<n).map { _ in 3 + Double(rng.next() % 8) }
  let sizes: [(width: Double, height: Double)?] = (0..<n).map { _ in LabelPlacer.size(of: "ABC", fontSize: 12) }
  let frame = MapFrame(min: MapPoint(x: -20, y: -20), max: MapPoint(x: 420, y: 270))
  let order = Array(0..<n)
  let spots = LabelPlacer.place(markers: markers, radii: radii, sizes: sizes, order: order, frame: frame)
  #expect(spots.count == n)
  #expect(spots.contains { $0 != nil }, "some label always finds a spot")
  let boxes = spots.enumerated().compactMap { v, p in p.map { (v, LabelBox(center: $0, width: sizes[v]!.width, height: sizes[v]!.height)) } }
  for (i, a) in boxes.enumerated() {
    #expect(a.1.minX >= frame.min.x && a.1.maxX <= frame.max.x && a.1.minY >= frame.min.y && a.1.maxY <= frame.max.y)
    for b in boxes[(i + 1)...] { #expect(!a.1.overlaps(b.1), "seed \(seed): labels \(a.0) and \(b.0) overlap") }
    for (v, m) in markers.enumerated() where v != a.0 {
      #expect(!LabelBox(circle: m, radius: radii[v]).overlaps(a.1), "seed \(seed): label \(a.0) covers marker \(v)")
    }
    let m = markers[a.0]
    #expect(abs(spots[a.0]!.x - m.x) <= radii[a.0] + 2 + sizes[a.0]!.width && abs(spots[a.0]!.y - m.y) <= radii[a.0] + 2 + sizes[a.0]!.height)
  }
  let capped = LabelPlacer.place(markers: markers, radii: radii, sizes: sizes, order: order, frame: frame, limit: 2)
  #expect(capped.compactMap { $0 }.count == min(2, boxes.count))
}

/// An arc between two markers bows around a third marker standing on the straight line between
/// them, and two arcs between one pair take different bends.
@Test func arcsMissUnrelatedMarkers() {
  let markers = [MapPoint(x: 0, y: 0), MapPoint(x: 200, y: 0), MapPoint(x: 100, y: 0), MapPoint(x: 100, y: 18)]
  let radii = [5.0, 5, 5, 5]
  let bends = Arcs.bends(for: [(0, 1), (1, 0), (0, 1)], markers: markers, radii: radii)
  #expect(bends.count == 3)
  #expect(Set(bends).count == 3, "arcs between one pair share no bend")
  for (pair, bend) in zip([(0, 1), (0, 1), (0, 1)], bends) {
    let curve = Arcs.curve(markers[pair.0], markers[pair.1], bend: bend)
    for k in 1..<24 {
      let p = Arcs.point(curve, Double(k) / 24)
      for v in [2, 3] {
        let d = ((p.x - markers[v].x) * (p.x - markers[v].x) + (p.y - markers[v].y) * (p.y - markers[v].y)).squareRoot()
        #expect(d >= radii[v] + 2, "bend \(bend) passes marker \(v)")
      }
    }
  }
  // The edge's pos ends short of the marker for the arrowhead, whose tip is on the marker's edge.
  let pos = Arcs.pos(from: markers[0], radius: 5, to: markers[1], radius: 5, bend: 0, arrow: 10)
  #expect(pos.hasPrefix("e,195,0 5,0 "))
  #expect(pos.hasSuffix(" 185,0"))
}
