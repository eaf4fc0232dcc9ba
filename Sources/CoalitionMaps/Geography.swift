import CoalitionGraph
import Foundation

/// Where states are, for geographic maps: the capital a state had on a date, else the centre of
/// its country.
///
/// Capitals come from the Correlates of War capitals with their dates (so Brazil is at Rio de
/// Janeiro before 1960 and at Brasília after); states without a COW capital fall back on the
/// approximate centre of their ISO country. Regenerate the tables with `scripts/gen_geo_table.py`.
public enum Geography {
  /// A point on the globe.
  public struct Place: Hashable, Sendable {
    /// Degrees north (negative south).
    public var latitude: Double
    /// Degrees east (negative west).
    public var longitude: Double
    /// The capital's name, or `nil` for a country's centre.
    public var capital: String?

    /// A place.
    public init(latitude: Double, longitude: Double, capital: String? = nil) {
      self.latitude = latitude
      self.longitude = longitude
      self.capital = capital
    }
  }

  /// The place of the state with actor id `id` (ISO alpha-3, or a historical state's id such as
  /// `DDR`) on `date`: its COW capital on that date (the nearest in time when none covers it, the
  /// latest when `date` is `nil`), else its country's centre; `nil` for anything else.
  public static func place(of id: String, on date: PartialDate? = nil) -> Place? {
    let cow = CountryTable.country(alpha3: id).map(\.cowCode).flatMap { $0 == 0 ? nil : $0 }
      ?? HistoricalState.all.first { $0.actorID == id }?.cowCode
    if let cow, let spans = capitals[cow], !spans.isEmpty {
      let pick: CapitalSpan
      if let date {
        let (lo, hi) = (date.firstDay, date.lastDay)
        pick = spans.first { $0.from <= hi && $0.to >= lo }
          ?? spans.min { distance($0, lo, hi) < distance($1, lo, hi) }!
      } else {
        pick = spans.last!
      }
      return Place(latitude: pick.latitude, longitude: pick.longitude, capital: pick.capital)
    }
    if let alpha2 = CountryTable.country(alpha3: id)?.alpha2, let c = centroids[alpha2] {
      return Place(latitude: c.latitude, longitude: c.longitude)
    }
    return nil
  }

  /// The map position of a place in points: the equirectangular projection (plate carrée),
  /// x = `scale` × longitude, y = `scale` × latitude, north up. East stays right of west and north
  /// above south.
  public static func project(_ place: Place, scale: Double = 12) -> MapPoint {
    MapPoint(x: scale * place.longitude, y: scale * place.latitude)
  }

  struct CapitalSpan {
    let capital: String
    let from: Int32
    let to: Int32
    let latitude: Double
    let longitude: Double
  }

  private static func distance(_ s: CapitalSpan, _ lo: Int32, _ hi: Int32) -> Int32 { s.to < lo ? lo - s.to : s.from - hi }

  static let capitals: [Int: [CapitalSpan]] = {
    var out: [Int: [CapitalSpan]] = [:]
    for r in capitalRows {
      guard let from = PartialDate(r.from), let to = PartialDate(r.to) else { continue }
      out[r.cow, default: []].append(
        CapitalSpan(capital: r.capital, from: from.firstDay, to: to.lastDay, latitude: r.latitude, longitude: r.longitude))
    }
    return out
  }()

  static let centroids: [String: (latitude: Double, longitude: Double)] = Dictionary(
    centroidRows.map { ($0.alpha2, ($0.latitude, $0.longitude)) }, uniquingKeysWith: { first, _ in first })
}
