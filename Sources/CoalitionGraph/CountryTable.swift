/// One ISO 3166-1 country with the codes other data sets use for it.
public struct Country: Hashable, Sendable {
  /// ISO 3166-1 alpha-3 code, e.g. `RUS`.
  public let alpha3: String
  /// ISO 3166-1 alpha-2 code, e.g. `RU` (Namibia's is `NA`).
  public let alpha2: String
  /// ISO 3166-1 numeric code, e.g. 643.
  public let numeric: Int
  /// Short English name, e.g. `Russia`.
  public let name: String
  /// World Bank region, empty where the source gives none.
  public let region: String
  /// Correlates of War state code, 0 where COW has none.
  public let cowCode: Int
  /// Correlates of War abbreviation, empty where COW has none.
  public let cowAbbreviation: String
}

/// The built-in table of every ISO 3166-1 country (249 entries).
///
/// Source: the `countrycode` crosswalk by Vincent Arel-Bundock (codes and names only);
/// regenerate with `scripts/gen_country_table.py`.
public enum CountryTable {
  /// Every country, sorted by alpha-3 code.
  public static var all: [Country] { rows }

  private static let byAlpha3: [String: Int] = Dictionary(
    uniqueKeysWithValues: rows.enumerated().map { ($1.alpha3, $0) })
  private static let byAlpha2: [String: Int] = Dictionary(
    uniqueKeysWithValues: rows.enumerated().map { ($1.alpha2, $0) })

  /// The country with this ISO alpha-3 code (case-sensitive, upper case), or `nil`.
  public static func country(alpha3 code: String) -> Country? {
    byAlpha3[code].map { rows[$0] }
  }

  /// The country with this ISO alpha-2 code (case-sensitive, upper case), or `nil`.
  public static func country(alpha2 code: String) -> Country? {
    byAlpha2[code].map { rows[$0] }
  }

  private static let byNumeric: [Int: Int] = Dictionary(
    rows.enumerated().map { ($1.numeric, $0) }, uniquingKeysWith: { a, _ in a })
  private static let byCOW: [Int: Int] = Dictionary(
    rows.enumerated().filter { $1.cowCode != 0 }.map { ($1.cowCode, $0) }, uniquingKeysWith: { a, _ in a })
  private static let byCOWAbbreviation: [String: Int] = Dictionary(
    rows.enumerated().filter { !$1.cowAbbreviation.isEmpty }.map { ($1.cowAbbreviation, $0) }, uniquingKeysWith: { a, _ in a })

  /// The country with this ISO numeric code, or `nil`.
  public static func country(numeric code: Int) -> Country? {
    byNumeric[code].map { rows[$0] }
  }

  /// The present-day country with this Correlates of War state code (e.g. 365 → RUS), or `nil`.
  /// States that no longer exist are in ``HistoricalState``.
  public static func country(cow code: Int) -> Country? {
    byCOW[code].map { rows[$0] }
  }

  /// The present-day country with this Correlates of War abbreviation (e.g. `GMY` → DEU), or `nil`.
  public static func country(cowAbbreviation code: String) -> Country? {
    byCOWAbbreviation[code].map { rows[$0] }
  }

  /// Every alpha-3 code, sorted.
  public static var alpha3Codes: [String] { rows.map(\.alpha3) }
}
