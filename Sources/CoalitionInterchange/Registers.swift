import CoalitionGraph
import CoalitionMetrics

/// A range of years to keep, either end open.
public struct YearRange: Sendable, Hashable {
  /// The first year kept; `nil` for no lower bound.
  public var first: Int?
  /// The last year kept; `nil` for no upper bound.
  public var last: Int?
  /// A range; either end may be open.
  public init(first: Int? = nil, last: Int? = nil) {
    self.first = first
    self.last = last
  }
  /// Whether `y` lies in the range.
  public func contains(_ y: Int) -> Bool { (first.map { y >= $0 } ?? true) && (last.map { y <= $0 } ?? true) }
}

/// ATOP alliance dyad-years (Leeds et al., Alliance Treaty Obligations and Provisions 5.1).
///
/// Reads `ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul`
/// (COW state numbers; extra columns are ignored). Each flag that is 1 becomes a tie of one of the
/// five ``kinds``; the tie is undirected, so a directed file (every pair in both orders) gives the
/// same ties as an undirected one. Consecutive years of one pair and kind merge into one spell
/// (`from`–`to`, whole years) unless `spells` is off, which keeps one observation per year.
///
/// A spell that reaches the last year of the rows read is right-censored: the data stop, not the
/// alliance. It is kept open — `ObservationTime.ongoing(asOf:since:)`, "since 1992, ongoing as
/// of 2018" — so that a view in force on a later date still holds it.
public enum ATOP {
  /// Defence and offence pacts commit forces (material); neutrality, non-aggression and
  /// consultation pacts are promises (verbal). All are cooperative and undirected.
  public static let kinds: [Kind] = [
    Kind(id: "defense-pact", label: "Defence pact", polarity: .cooperative, materiality: .material, directed: false, color: "#1F4E9A"),
    Kind(id: "offense-pact", label: "Offence pact", polarity: .cooperative, materiality: .material, directed: false, color: "#7A1FA2"),
    Kind(id: "neutrality-pact", label: "Neutrality pact", polarity: .cooperative, materiality: .verbal, directed: false, color: "#2E8B57"),
    Kind(id: "nonaggression-pact", label: "Non-aggression pact", polarity: .cooperative, materiality: .verbal, directed: false, color: "#8FBC8F"),
    Kind(id: "consultation-pact", label: "Consultation pact", polarity: .cooperative, materiality: .verbal, directed: false, color: "#B8860B"),
  ]

  static let columns = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]

  static let source = Source(
    id: "atop-5.1", title: "Alliance Treaty Obligations and Provisions (ATOP) 5.1, dyad-year data",
    publisher: "Leeds, Ritter, Mitchell and Long", url: "http://www.atopdata.org/")

  /// Reads an ATOP dyad-year CSV file.
  /// - Parameters:
  ///   - path: The file.
  ///   - years: Years to keep.
  ///   - kinds: Kind identifiers to keep (all five by default).
  ///   - spells: Merge consecutive years of one alliance into one observation (a spell).
  ///   - policy: Skip bad rows (reporting them) or stop at the first.
  public static func read(
    path: String, years: YearRange = YearRange(), kinds: Set<String>? = nil, spells: Bool = true, policy: ErrorPolicy = .skip
  ) throws -> ImportResult {
    let reader = try RecordReader(path: path, delimiter: UInt8(ascii: ","), quoting: true)
    return try read(reader, years: years, kinds: kinds, spells: spells, policy: policy)
  }

  /// Reads ATOP dyad-year CSV text already in memory; `name` is used in messages.
  public static func read(
    bytes: [UInt8], name: String, years: YearRange = YearRange(), kinds: Set<String>? = nil, spells: Bool = true, policy: ErrorPolicy = .skip
  ) throws -> ImportResult {
    try read(RecordReader(bytes: bytes, name: name, delimiter: UInt8(ascii: ","), quoting: true), years: years, kinds: kinds, spells: spells, policy: policy)
  }

  static func read(_ reader: RecordReader, years: YearRange, kinds keep: Set<String>?, spells: Bool, policy: ErrorPolicy)
    throws(ImportError) -> ImportResult
  {
    var record = Record()
    let header = try reader.header(into: &record)
    let (c1, c2, cy) = try pairYearColumns(reader, header)
    var flagColumns: [(column: Int, kind: Int)] = []
    for (k, name) in columns.enumerated() where keep?.contains(kinds[k].id) ?? true {
      if let i = header.firstIndex(of: name) { flagColumns.append((i, k)) }
    }
    if flagColumns.isEmpty { throw ImportError(file: reader.file, line: 1, "none of the alliance flag columns (\(columns.joined(separator: ", "))) is there") }

    var log = IssueLog(file: reader.file, policy: policy)
    var builder = DatasetBuilder(title: "ATOP alliances", sources: [source], kinds: kinds)
    var yearsByTie: [PairKind: [Int]] = [:]
    var read = 0, skipped = 0, filtered = 0
    var lastYear = Int.min
    while try reader.next(into: &record) {
      read += 1
      guard try log.matchesHeader(record, width: header.count) else {
        skipped += 1
        continue
      }
      guard let year = record.int(cy), (1...9999).contains(year) else {
        skipped += 1
        try log.add(line: record.line, column: record.columns[cy], "year \"\(record.text(cy).clipped())\" is not a year (1–9999)")
        continue
      }
      guard years.contains(year) else { filtered += 1; continue }
      lastYear = max(lastYear, year)
      var ids: [String] = []
      for c in [c1, c2] {
        guard let n = record.int(c), let r = CountryCodes.resolveCOW(n, year: year) else {
          skipped += 1
          try log.add(line: record.line, column: record.columns[c], "\"\(record.text(c).clipped())\" is not a known COW state number")
          break
        }
        if let a = r.declaration { builder.declare(a) }
        ids.append(r.actorID)
      }
      guard ids.count == 2 else { continue }
      guard ids[0] != ids[1] else { filtered += 1; continue }
      var any = false
      for (c, k) in flagColumns {
        switch record.int(c) {
        case 1?:
          yearsByTie[PairKind(a: min(ids[0], ids[1]), b: max(ids[0], ids[1]), kind: k), default: []].append(year)
          any = true
        case 0?: break
        default:
          skipped += 1
          try log.add(line: record.line, column: record.columns[c], "\(header[c]) must be 0 or 1, not \"\(record.text(c).clipped())\"")
        }
      }
      if !any { filtered += 1 }
    }
    for (key, ys) in yearsByTie.sorted(by: { $0.key < $1.key }) {
      let sorted = Array(Set(ys)).sorted()
      var runs: [(Int, Int)] = []
      for y in sorted {
        if spells, let last = runs.last, last.1 == y - 1 { runs[runs.count - 1].1 = y } else { runs.append((y, y)) }
      }
      for (a, b) in runs {
        let time: ObservationTime =
          spells && b == lastYear
          ? .ongoing(asOf: PartialDate(year: b)!, since: PartialDate(year: a)!)
          : a == b ? .on(PartialDate(year: a)!) : .between(from: PartialDate(year: a)!, to: PartialDate(year: b)!)
        builder.add(
          TieObservation(
            source: key.a, target: key.b, kind: kinds[key.kind].id, time: time, confidence: .reported, basis: .event,
            evidence: [Evidence(source: source.id)]))
      }
    }
    var d = builder.finish()
    let used = Set(d.observations.map(\.kind))
    d.kinds.removeAll { !used.contains($0.id) }
    d.description = "Alliance commitments from \(reader.file)\(spells ? ", consecutive years merged into spells; spells reaching \(lastYear), the last year read, stay open (ongoing)" : "")."
    return ImportResult(dataset: d, recordsRead: read, recordsSkipped: skipped, recordsFiltered: filtered, issues: log.issues, ignoredColumns: [])
  }

  /// The ccode1, ccode2 and year columns every ATOP dyad-year file has.
  static func pairYearColumns(_ reader: RecordReader, _ header: [String]) throws(ImportError) -> (Int, Int, Int) {
    let hint = "ATOP dyad-year files have ccode1, ccode2, year and atop_* flags"
    return (
      try reader.column("ccode1", in: header, hint: hint), try reader.column("ccode2", in: header, hint: hint),
      try reader.column("year", in: header, hint: hint)
    )
  }

  struct PairKind: Hashable, Comparable {
    var a: String, b: String, kind: Int
    static func < (x: PairKind, y: PairKind) -> Bool { (x.a, x.b, x.kind) < (y.a, y.b, y.kind) }
  }
}

/// SIPRI Arms Transfers Database: supplier → recipient arms transfers, weighted by trend-indicator
/// value (TIV, millions).
///
/// Two layouts are read:
/// - a processed register with columns `supplier, recipient, year, value` and optional
///   `supplier_cown, recipient_cown` (as the 360info extract of the database has them);
/// - SIPRI's own web export of one supplier's deliveries ("TIV of arms exports from Russia,
///   1950-2021"): preamble lines, a header row of years, one row per recipient, blank for no delivery.
///
/// Each (supplier, recipient, year) with a value becomes one `arms-transfer` observation dated to the
/// year. A value of 0 means SIPRI recorded a delivery worth less than 0.5 million TIV; it is kept
/// with weight 0 and a note. Actors: COW codes when given (with their year), else SIPRI's names:
/// states through the country table and ``nameAliases``; names ending in `*` are non-state groups,
/// `**` organisations; "Unknown supplier(s)/recipient(s)" are left out (counted as filtered).
public enum SIPRI {
  static let source = Source(
    id: "sipri-at", title: "SIPRI Arms Transfers Database (trend-indicator values)",
    publisher: "Stockholm International Peace Research Institute", url: "https://www.sipri.org/databases/armstransfers")

  /// SIPRI spellings that differ from the country table's names.
  public static let nameAliases: [String: String] = [
    "Bosnia-Herzegovina": "BIH", "Cabo Verde": "CPV", "Congo": "COG", "Cote d'Ivoire": "CIV", "DR Congo": "COD",
    "Micronesia": "FSM", "Myanmar": "MMR", "Palestine": "PSE", "Saint Kitts and Nevis": "KNA", "Saint Vincent": "VCT",
    "Soviet Union": "RUS", "Trinidad and Tobago": "TTO", "UAE": "ARE", "Viet Nam": "VNM", "Kosovo": "XKX",
    "Czechoslovakia": "CSK", "East Germany (GDR)": "DDR", "North Yemen": "COW678", "Yemen Arab Republic": "COW678",
    "South Yemen": "YMD", "South Vietnam": "COW817", "Yugoslavia": "YUG", "United States": "USA",
    "United Kingdom": "GBR", "Russia": "RUS", "China": "CHN", "France": "FRA",
  ]

  /// ISO alpha-3 codes by lower-cased country name (one look-up per name instead of a scan).
  static let countryByLowercasedName: [String: String] = Dictionary(
    CountryTable.all.map { ($0.name.lowercased(), $0.alpha3) }, uniquingKeysWith: { first, _ in first })

  /// Reads either layout, chosen by the file's first line.
  public static func read(path: String, years: YearRange = YearRange(), policy: ErrorPolicy = .skip) throws
    -> ImportResult
  {
    try read(try RecordReader(path: path, delimiter: UInt8(ascii: ","), quoting: true), years: years, policy: policy)
  }

  /// Reads either layout from text already in memory; `name` is used in messages.
  public static func read(bytes: [UInt8], name: String, years: YearRange = YearRange(), policy: ErrorPolicy = .skip) throws
    -> ImportResult
  {
    try read(RecordReader(bytes: bytes, name: name, delimiter: UInt8(ascii: ","), quoting: true), years: years, policy: policy)
  }

  static func read(_ reader: RecordReader, years: YearRange, policy: ErrorPolicy) throws(ImportError) -> ImportResult {
    var record = Record()
    guard try reader.next(into: &record) else { throw ImportError(file: reader.file, line: 1, "the file is empty") }
    let first = record.text(0)
    if first.hasPrefix("TIV of arms exports from ") {
      return try readExport(reader, title: first, years: years, policy: policy)
    }
    return try readRegister(reader, header: (0..<record.count).map { record.text($0).lowercased() }, years: years, policy: policy)
  }

  enum Party {
    case actor(String, declare: CoalitionActor?)
    case unknown
  }

  static func party(name raw: String, cow: Int?, year: Int) -> Party? {
    let name = raw.trimmingSpaces()
    if name.hasPrefix("Unknown ") && !name.hasSuffix("*") { return .unknown }
    // SIPRI's marks come first: its register gives a non-state recipient the COW code of the
    // country it is in ("Houthi rebels (Yemen)*" carries Yemen's 679), and looking that up would
    // turn arms for insurgents into arms for the government they fight.
    if name.hasSuffix("**") {
      let n = String(name.dropLast(2))
      return .actor(n, declare: CoalitionActor(id: n, name: n, type: .organization))
    }
    if name.hasSuffix("*") {
      let n = String(name.dropLast())
      return .actor(n, declare: CoalitionActor(id: n, name: n, type: .group))
    }
    if let cow, let r = CountryCodes.resolveCOW(cow, year: year) { return .actor(r.actorID, declare: r.declaration) }
    if let id = nameAliases[name] ?? countryByLowercasedName[name.lowercased()] {
      if CountryTable.country(alpha3: id) != nil { return .actor(id, declare: nil) }
      if let h = HistoricalState.all.first(where: { $0.actorID == id }) { return .actor(id, declare: h.actor) }
    }
    if name.isEmpty { return nil }
    // A place SIPRI lists as a recipient that is no state (Biafra, Katanga, Northern Cyprus).
    return .actor(name, declare: CoalitionActor(id: name, name: name, type: .group))
  }

  static func readRegister(_ reader: RecordReader, header: [String], years: YearRange, policy: ErrorPolicy) throws(ImportError)
    -> ImportResult
  {
    func index(_ n: String) throws(ImportError) -> Int {
      guard let i = header.firstIndex(of: n) else {
        throw ImportError(file: reader.file, line: 1, "no \(n) column; a SIPRI register has supplier, recipient, year and value")
      }
      return i
    }
    let (cs, cr, cy, cv) = (try index("supplier"), try index("recipient"), try index("year"), try index("value"))
    let (ccs, ccr) = (header.firstIndex(of: "supplier_cown"), header.firstIndex(of: "recipient_cown"))
    var log = IssueLog(file: reader.file, policy: policy)
    var builder = DatasetBuilder(title: "SIPRI arms transfers", sources: [source])
    var record = Record()
    var read = 0, skipped = 0, filtered = 0
    var rows: [(String, String, Int, Double)] = []
    while try reader.next(into: &record) {
      read += 1
      guard try log.matchesHeader(record, width: header.count) else {
        skipped += 1
        continue
      }
      guard let year = record.int(cy), (1...9999).contains(year) else {
        skipped += 1
        try log.add(line: record.line, column: record.columns[cy], "year \"\(record.text(cy).clipped())\" is not a year")
        continue
      }
      guard years.contains(year) else { filtered += 1; continue }
      guard let value = record.double(cv), value >= 0 else {
        skipped += 1
        try log.add(line: record.line, column: record.columns[cv], "value \"\(record.text(cv).clipped())\" is not a non-negative TIV")
        continue
      }
      var ids: [String] = []
      for (c, cc) in [(cs, ccs), (cr, ccr)] {
        switch party(name: record.text(c), cow: cc.flatMap { record.int($0) }, year: year) {
        case .actor(let id, let a)?:
          if let a { builder.declare(a) }
          ids.append(id)
        case .unknown?: break
        case nil:
          skipped += 1
          try log.add(line: record.line, column: record.columns[c], "empty \(header[c])")
        }
        if ids.count != (c == cs ? 1 : 2) { break }
      }
      guard ids.count == 2 else {
        if ids.count < 2 { filtered += 1 }
        continue
      }
      guard ids[0] != ids[1] else { filtered += 1; continue }
      rows.append((ids[0], ids[1], year, value))
    }
    return finish(builder, rows: rows, reader: reader, read: read, skipped: skipped, filtered: filtered, log: log)
  }

  static func readExport(_ reader: RecordReader, title: String, years: YearRange, policy: ErrorPolicy) throws(ImportError)
    -> ImportResult
  {
    // "TIV of arms exports from Russia, 1950-2021"
    var supplierName = String(title.dropFirst("TIV of arms exports from ".count))
    if let comma = supplierName.lastIndex(of: ",") { supplierName = String(supplierName[..<comma]) }
    var log = IssueLog(file: reader.file, policy: policy)
    var builder = DatasetBuilder(title: "SIPRI arms transfers from \(supplierName)", sources: [source])
    guard case .actor(let supplier, let declaration)? = party(name: supplierName, cow: nil, year: 2000) else {
      throw ImportError(file: reader.file, line: 1, "supplier \"\(supplierName)\" is unknown")
    }
    if let declaration { builder.declare(declaration) }
    var record = Record()
    var yearColumns: [(Int, Int)] = []
    var read = 0, skipped = 0, filtered = 0
    var rows: [(String, String, Int, Double)] = []
    while try reader.next(into: &record) {
      if yearColumns.isEmpty {
        // Preamble until the header row: empty first cell, then years.
        if record.count > 2, record.text(0).isEmpty, let y = record.int(1), (1900...2100).contains(y) {
          // Only years a date can hold (1–9999): anything else in the header row is not a year.
          for c in 1..<record.count { if let y = record.int(c), (1...9999).contains(y) { yearColumns.append((c, y)) } }
        }
        continue
      }
      let recipient = record.text(0)
      if recipient.isEmpty || recipient == "Total" { continue }
      if (0..<record.count).allSatisfy({ record.isEmpty($0) }) { continue }
      read += 1
      for (c, year) in yearColumns where c < record.count && !record.isEmpty(c) {
        guard years.contains(year) else { filtered += 1; continue }
        guard let value = record.double(c), value >= 0 else {
          skipped += 1
          try log.add(line: record.line, column: record.columns[c], "TIV \"\(record.text(c).clipped())\" for \(year) is not a non-negative number")
          continue
        }
        switch party(name: recipient, cow: nil, year: year) {
        case .actor(let id, let a)?:
          if let a { builder.declare(a) }
          if id != supplier { rows.append((supplier, id, year, value)) } else { filtered += 1 }
        default: filtered += 1
        }
      }
    }
    if yearColumns.isEmpty { throw ImportError(file: reader.file, line: 1, "no header row of years (,1950,1951,…) was found") }
    return finish(builder, rows: rows, reader: reader, read: read, skipped: skipped, filtered: filtered, log: log)
  }

  static func finish(
    _ b: DatasetBuilder, rows: [(String, String, Int, Double)], reader: RecordReader, read: Int, skipped: Int, filtered: Int,
    log: IssueLog
  ) -> ImportResult {
    var builder = b
    var merged: [String: (String, String, Int, Double)] = [:]
    for r in rows {
      let key = "\(r.0)\u{0}\(r.1)\u{0}\(r.2)"
      merged[key, default: (r.0, r.1, r.2, 0)].3 += r.3
    }
    for r in merged.values.sorted(by: { ($0.2, $0.0, $0.1) < ($1.2, $1.0, $1.1) }) {
      builder.add(
        TieObservation(
          source: r.0, target: r.1, kind: Kind.armsTransfer.id, time: .on(PartialDate(year: r.2)!), confidence: .reported,
          basis: .event, weight: r.3, detail: r.3 == 0 ? "deliveries worth less than 0.5 million TIV" : nil,
          evidence: [Evidence(source: source.id)]))
    }
    var d = builder.finish()
    d.description = "Arms transfers from \(reader.file); weight = SIPRI trend-indicator value (millions)."
    d.weightUnit = "TIV (millions)"
    return ImportResult(dataset: d, recordsRead: read, recordsSkipped: skipped, recordsFiltered: filtered, issues: log.issues, ignoredColumns: [])
  }
}

extension ATOP {
  /// The alliance portfolios of one year of an ATOP dyad-year file: every state that appears in a
  /// row of that year, and for each pair the strongest commitment flagged — 3 defence or offence,
  /// 2 neutrality or non-aggression, 1 consultation. COW numbers are read as ``read(path:years:kinds:spells:policy:)``
  /// reads them.
  /// - Throws: ``ImportError`` for an unreadable file, missing columns, no row of that year, or a
  ///   bad row.
  public static func portfolios(path: String, year: Int) throws -> AlliancePortfolios {
    try portfolios(RecordReader(path: path, delimiter: UInt8(ascii: ","), quoting: true), year: year)
  }

  static func portfolios(_ reader: RecordReader, year: Int) throws(ImportError) -> AlliancePortfolios {
    var record = Record()
    let header = try reader.header(into: &record)
    let (c1, c2, cy) = try pairYearColumns(reader, header)
    let weights: [(String, Int)] = [("atop_defense", 3), ("atop_offense", 3), ("atop_neutral", 2), ("atop_nonagg", 2), ("atop_consul", 1)]
    let flags = weights.compactMap { w in header.firstIndex(of: w.0).map { ($0, w.1) } }
    var states = Set<String>()
    var pairs: [AllianceLevel] = []
    while try reader.next(into: &record) {
      guard record.count == header.count else { throw ImportError(file: reader.file, line: record.line, "\(record.count) fields, but the header has \(header.count)") }
      guard record.int(cy) == year else { continue }
      var ids: [String] = []
      for c in [c1, c2] {
        guard let n = record.int(c), let r = CountryCodes.resolveCOW(n, year: year) else {
          throw ImportError(file: reader.file, line: record.line, column: record.columns[c], "\"\(record.text(c).clipped())\" is not a known COW state number")
        }
        ids.append(r.actorID)
      }
      states.formUnion(ids)
      let level = flags.reduce(0) { record.int($1.0) == 1 ? max($0, $1.1) : $0 }
      if level > 0 { pairs.append(AllianceLevel(ids[0], ids[1], level: level)) }
    }
    guard !states.isEmpty else { throw ImportError(file: reader.file, line: 1, "no row of the year \(year)") }
    return AlliancePortfolios(states: Array(states), pairs: pairs)
  }
}
