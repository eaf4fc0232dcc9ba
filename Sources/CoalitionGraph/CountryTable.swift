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

  /// The country with this ISO numeric code, or `nil`.
  public static func country(numeric code: Int) -> Country? {
    rows.first { $0.numeric == code }
  }

  /// Every alpha-3 code, sorted.
  public static var alpha3Codes: [String] { rows.map(\.alpha3) }
}
