/// A state of the Correlates of War system that has no present-day ISO 3166-1 country.
///
/// Facts from COW's state system list (v2016) and ISO 3166-3 (codes of former countries). Actor
/// identifiers use the ISO 3166-3 code where one exists (`DDR`, `CSK`, `YUG`, `YMD`), `XKX` for
/// Kosovo (the user-assigned code in common use) and `COW` + the state number otherwise.
public struct HistoricalState: Hashable, Sendable {
  /// The Correlates of War state number, e.g. 365 for Russia.
  public let cowCode: Int
  /// The Correlates of War abbreviation, e.g. `RUS`.
  public let cowAbbreviation: String
  /// The state's name in the COW list.
  public let name: String
  /// Identifier used for the actor in datasets.
  public let actorID: String

  /// States in the COW list (v2016) without an ISO 3166-1 entry of their own.
  public static let all: [HistoricalState] = [
    .init(cowCode: 240, cowAbbreviation: "HAN", name: "Hanover", actorID: "COW240"),
    .init(cowCode: 245, cowAbbreviation: "BAV", name: "Bavaria", actorID: "COW245"),
    .init(cowCode: 265, cowAbbreviation: "GDR", name: "German Democratic Republic", actorID: "DDR"),
    .init(cowCode: 267, cowAbbreviation: "BAD", name: "Baden", actorID: "COW267"),
    .init(cowCode: 269, cowAbbreviation: "SAX", name: "Saxony", actorID: "COW269"),
    .init(cowCode: 271, cowAbbreviation: "WRT", name: "Württemberg", actorID: "COW271"),
    .init(cowCode: 273, cowAbbreviation: "HSE", name: "Hesse Electoral", actorID: "COW273"),
    .init(cowCode: 275, cowAbbreviation: "HSG", name: "Hesse Grand Ducal", actorID: "COW275"),
    .init(cowCode: 280, cowAbbreviation: "MEC", name: "Mecklenburg-Schwerin", actorID: "COW280"),
    .init(cowCode: 300, cowAbbreviation: "AUH", name: "Austria-Hungary", actorID: "COW300"),
    .init(cowCode: 315, cowAbbreviation: "CZE", name: "Czechoslovakia", actorID: "CSK"),
    .init(cowCode: 329, cowAbbreviation: "SIC", name: "Two Sicilies", actorID: "COW329"),
    .init(cowCode: 332, cowAbbreviation: "MOD", name: "Modena", actorID: "COW332"),
    .init(cowCode: 335, cowAbbreviation: "PMA", name: "Parma", actorID: "COW335"),
    .init(cowCode: 337, cowAbbreviation: "TUS", name: "Tuscany", actorID: "COW337"),
    .init(cowCode: 345, cowAbbreviation: "YUG", name: "Yugoslavia", actorID: "YUG"),
    .init(cowCode: 347, cowAbbreviation: "KOS", name: "Kosovo", actorID: "XKX"),
    .init(cowCode: 511, cowAbbreviation: "ZAN", name: "Zanzibar", actorID: "COW511"),
    .init(cowCode: 678, cowAbbreviation: "YAR", name: "Yemen Arab Republic", actorID: "COW678"),
    .init(cowCode: 680, cowAbbreviation: "YPR", name: "Yemen People's Republic", actorID: "YMD"),
    .init(cowCode: 730, cowAbbreviation: "KOR", name: "Korea", actorID: "COW730"),
    .init(cowCode: 817, cowAbbreviation: "RVN", name: "Republic of Vietnam", actorID: "COW817"),
  ]

  static let byCOW: [Int: HistoricalState] = Dictionary(uniqueKeysWithValues: all.map { ($0.cowCode, $0) })

  /// The actor this state becomes in a dataset: a state with its COW name.
  public var actor: CoalitionActor { CoalitionActor(id: actorID, name: name, type: .state) }
}

/// Which coding a column of country codes uses.
public enum CountryCodeScheme: String, CaseIterable, Sendable, Hashable {
  /// ISO alpha-3 for three letters, ISO alpha-2 for two, ISO numeric for digits.
  case auto
  /// ISO 3166-1 alpha-3 (`RUS`).
  case alpha3
  /// ISO 3166-1 alpha-2 (`RU`; Namibia is `NA`, never a missing value).
  case alpha2
  /// ISO 3166-1 numeric (`643`, leading zeros allowed: `004`).
  case numeric
  /// Correlates of War state number (`365`).
  case cow
  /// Correlates of War abbreviation (`RUS`, `GMY`, `UKG`).
  case cowAbbreviation = "cow-abbreviation"
}

/// One resolved country code.
public struct ResolvedState: Hashable, Sendable {
  /// CoalitionActor identifier: the ISO alpha-3 code, or a ``HistoricalState/actorID``.
  public let actorID: String
  /// The actor to declare, or `nil` for an ISO state (datasets know those without a declaration).
  public let declaration: CoalitionActor?
}

/// Turns the country codes of other data sets into actor identifiers through one crosswalk.
///
/// COW numbers that belong to no present-day country resolve to a ``HistoricalState``, with two
/// rules where COW and ISO part ways: COW 345 is Yugoslavia before 2006 and Serbia (`SRB`) from 2006
/// on, as COW itself continues the number; COW 260 (German Federal Republic, 1955–1990) is
/// Germany (`DEU`).
public enum CountryCodes {
  /// The actor for `code` under `scheme`, or `nil` when the code is unknown.
  /// - Parameters:
  ///   - code: The code as written in the source, surrounding spaces ignored.
  ///   - scheme: How the code is written; `.auto` tries ISO alpha-3, ISO alpha-2, COW numbers and COW abbreviations.
  ///   - year: Needed only for COW codes whose meaning changed (345).
  public static func resolve(_ code: String, scheme: CountryCodeScheme, year: Int? = nil) -> ResolvedState? {
    let code = code.trimmingSpaces()
    guard !code.isEmpty else { return nil }
    func iso(_ c: Country?) -> ResolvedState? { c.map { ResolvedState(actorID: $0.alpha3, declaration: nil) } }
    switch scheme {
    case .alpha3: return iso(CountryTable.country(alpha3: code.uppercased()))
    case .alpha2: return iso(CountryTable.country(alpha2: code.uppercased()))
    case .numeric:
      guard code.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(code) else { return nil }
      return iso(CountryTable.country(numeric: n))
    case .cow:
      guard code.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(code) else { return nil }
      return resolveCOW(n, year: year)
    case .cowAbbreviation:
      let up = code.uppercased()
      if let h = HistoricalState.all.first(where: { $0.cowAbbreviation == up }) { return resolveCOW(h.cowCode, year: year) }
      return iso(CountryTable.country(cowAbbreviation: up))
    case .auto:
      if code.allSatisfy({ $0.isASCII && $0.isNumber }) { return resolve(code, scheme: .numeric) }
      switch code.count {
      case 2: return resolve(code, scheme: .alpha2)
      case 3: return resolve(code, scheme: .alpha3)
      default: return nil
      }
    }
  }

  /// The actor for a COW state number; see the type's rules for 345 and 260.
  public static func resolveCOW(_ code: Int, year: Int? = nil) -> ResolvedState? {
    if code == 345, let year, year >= 2006 { return ResolvedState(actorID: "SRB", declaration: nil) }
    if code == 260 { return ResolvedState(actorID: "DEU", declaration: nil) }
    if let c = CountryTable.country(cow: code) { return ResolvedState(actorID: c.alpha3, declaration: nil) }
    if let h = HistoricalState.byCOW[code] { return ResolvedState(actorID: h.actorID, declaration: h.actor) }
    return nil
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  package func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
