import CoalitionGraph
import Foundation

/// Options for reading a dyad table.
public struct DyadTableOptions: Sendable {
  /// Skip bad rows (reporting them) or stop at the first.
  public var policy: ErrorPolicy
  /// A dataset to add the observations to.
  public var base: Dataset?
  /// An observation is `reported` when `max_sources` is at least this, else `alleged` (as in
  /// ``GDELTOptions/reportedAtSources``).
  public var reportedAtSources: Int
  /// What an observation's weight measures: the `goldstein`, `events` or `mentions` column.
  public var weight: GDELTOptions.Weight

  /// Options; the defaults are the GDELT importer's.
  public init(policy: ErrorPolicy = .skip, base: Dataset? = nil, reportedAtSources: Int = 2, weight: GDELTOptions.Weight = .goldstein) {
    self.policy = policy
    self.base = base
    self.reportedAtSources = reportedAtSources
    self.weight = weight
  }
}

/// GDELT events aggregated elsewhere — by DuckDB, Spark or BigQuery with the queries in
/// `scripts/scale/` — one row per state dyad, kind and period, read into the observations the
/// native GDELT importer would make from the same events.
///
/// A CSV or TSV file (the separator is found from the header line) with these columns, in any
/// order; `docs/scale.md` defines each:
///
/// | column | required | meaning |
/// |---|---|---|
/// | `source`, `target` | yes | ISO alpha-3 codes, or CAMEO region codes (then aggregate actors) |
/// | `kind` | yes | the kind the CAMEO mapping gives |
/// | `period` | yes | `YYYY-MM-DD`, `YYYY-MM` or `YYYY` |
/// | `events` | yes | events in the bundle |
/// | `goldstein` | for that weight | Σ\|GoldsteinScale\|, as an exact decimal |
/// | `mentions`, `articles` | no | sums |
/// | `max_sources` | no | most sources of one event (confidence) |
/// | `first_added` | no | earliest DATEADDED (`YYYY-MM-DD` or `YYYYMMDD`) |
/// | `codes`, `event_ids` | no | space-separated; ids the five lowest |
/// | `url` | no | SOURCEURL of the lowest event id that has one |
/// | `versions` | no | GDELT versions of the events (`1`, `2`, `1 2`) |
///
/// Parquet is not read: no maintained Parquet reader for Swift is available to this package; the
/// queries write CSV.
public enum DyadTable {
  /// Reads a dyad table file.
  public static func read(path: String, options: DyadTableOptions = DyadTableOptions()) throws -> ImportResult {
    let delimiter: UInt8 = path.lowercased().hasSuffix(".tsv") ? 0x09 : try RecordReader.delimiter(of: RecordReader(path: path, delimiter: 0x2C, quoting: false))
    return try read(RecordReader(path: path, delimiter: delimiter, quoting: true), options: options)
  }

  /// Reads a dyad table from bytes.
  public static func read(bytes: [UInt8], name: String = "<dyads>", options: DyadTableOptions = DyadTableOptions()) throws -> ImportResult {
    let delimiter = try RecordReader.delimiter(of: RecordReader(bytes: bytes, name: name, delimiter: 0x2C, quoting: false))
    return try read(RecordReader(bytes: bytes, name: name, delimiter: delimiter, quoting: true), options: options)
  }

  private struct Row {
    var period: PartialDate
    var source: String, target: String, kind: String
    var observation: TieObservation
  }

  static func read(_ reader: RecordReader, options: DyadTableOptions) throws(ImportError) -> ImportResult {
    var log = IssueLog(file: reader.file, policy: options.policy)
    var record = Record()
    var builder = DatasetBuilder(title: "GDELT events (dyad table)", kinds: CAMEOMapping.kinds, base: options.base)
    let header = try reader.header(into: &record)
    func column(_ name: String) throws(ImportError) -> Int { try reader.column(name, in: header, hint: "a dyad table has source, target, kind, period and events (docs/scale.md)") }
    let source = try column("source"), target = try column("target"), kind = try column("kind"), period = try column("period")
    let events = try column("events")
    func optional(_ name: String) -> Int? { header.firstIndex(of: name) }
    let goldstein = optional("goldstein"), mentions = optional("mentions"), articles = optional("articles")
    let maxSources = optional("max_sources"), firstAdded = optional("first_added"), codes = optional("codes")
    let ids = optional("event_ids"), url = optional("url"), versions = optional("versions")
    if options.weight == .goldstein, goldstein == nil { throw ImportError(file: reader.file, line: 1, "no goldstein column, which the weight goldstein needs") }
    if options.weight == .mentions, mentions == nil { throw ImportError(file: reader.file, line: 1, "no mentions column, which the weight mentions needs") }
    let kinds = Dictionary(builder.dataset.allKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let columns = ["source", "target", "kind", "period", "events", "goldstein", "mentions", "articles", "max_sources", "first_added", "codes", "event_ids", "url", "versions"]
    var rows: [Row] = []
    var seen = Set<String>()
    var read = 0, skipped = 0
    var allVersions = Set<Int>()
    while try reader.next(into: &record) {
      read += 1
      guard try log.matchesHeader(record, width: header.count) else { skipped += 1; continue }
      func bad(_ c: Int, _ message: String) throws(ImportError) {
        skipped += 1
        try log.add(line: record.line, column: record.columns[c], message)
      }
      func count(_ c: Int?) -> Int? {
        guard let c else { return 0 }
        return record.isEmpty(c) ? 0 : record.int(c).flatMap { $0 >= 0 ? $0 : nil }
      }
      var ends: [String] = []
      for c in [source, target] {
        let code = record.text(c)
        if CountryTable.country(alpha3: code) == nil {
          guard let name = GDELT.regions[code] else { break }
          builder.declare(CoalitionActor(id: code, name: name, type: .aggregate))
        }
        ends.append(code)
      }
      guard ends.count == 2 else {
        try bad(ends.isEmpty ? source : target, "\"\(record.text(ends.isEmpty ? source : target).clipped())\" is not an ISO alpha-3 state or a CAMEO region code")
        continue
      }
      let kindID = record.text(kind)
      guard let declared = kinds[kindID] else { try bad(kind, "unknown kind \"\(kindID.clipped())\""); continue }
      let periodText = record.text(period)
      guard let date = PartialDate(flexible: periodText) else {
        try bad(period, "period \"\(periodText.clipped())\" is not YYYY-MM-DD, YYYY-MM or YYYY")
        continue
      }
      guard let n = record.int(events), n >= 1 else { try bad(events, "events \"\(record.text(events).clipped())\" is not a count of at least 1"); continue }
      var micros = 0
      if let goldstein {
        let t = Array(record.text(goldstein).utf8)
        guard let m = t.withUnsafeBufferPointer({ ASCIINumber.micros($0[...]) }), m >= 0 else {
          try bad(goldstein, "goldstein \"\(record.text(goldstein).clipped())\" is not a sum of |GoldsteinScale| (a decimal of at most six places)")
          continue
        }
        micros = m
      }
      guard let m = count(mentions), let a = count(articles), let s = count(maxSources) else {
        try bad(mentions ?? articles ?? maxSources ?? events, "mentions, articles and max_sources are whole numbers of at least 0")
        continue
      }
      var added: PartialDate?
      if let firstAdded, !record.isEmpty(firstAdded) {
        guard let d = PartialDate(flexible: record.text(firstAdded)), d.day != nil else {
          try bad(firstAdded, "first_added \"\(record.text(firstAdded).clipped())\" is not a date")
          continue
        }
        added = d
      }
      func list(_ c: Int?) -> [String] {
        guard let c else { return [] }
        return record.text(c).split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
      }
      let codeList = list(codes).sorted()
      guard codeList.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
        try bad(codes!, "codes must be CAMEO codes of 1–4 digits")
        continue
      }
      let idTexts = list(ids)
      let idList = idTexts.compactMap { UInt64($0) }.sorted()
      guard idList.count == idTexts.count else { try bad(ids!, "event_ids must be whole numbers"); continue }
      let versionList = list(versions).compactMap(Int.init)
      allVersions.formUnion(versionList.isEmpty ? [2] : versionList)
      var (s0, t0) = (ends[0], ends[1])
      if !declared.directed, t0 < s0 { swap(&s0, &t0) }
      let key = "\(date) \(s0) \(t0) \(kindID)"
      guard seen.insert(key).inserted else { try bad(period, "a second row for \(s0)→\(t0), \(kindID), \(date)"); continue }
      let weight: Double
      switch options.weight {
      case .goldstein: weight = Double(micros) / 1_000_000
      case .events: weight = Double(n)
      case .mentions: weight = Double(m)
      }
      let link = url.map { record.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
      let o = GDELT.observation(
        source: s0, target: t0, kind: kindID, period: date, confidence: s >= options.reportedAtSources ? .reported : .alleged, weight: weight,
        events: n, ids: Array(idList.prefix(5)).map(String.init), mostSources: max(1, s), articles: a, mentions: m, codes: codeList, url: link,
        firstAdded: added, sourceID: "")
      rows.append(Row(period: date, source: s0, target: t0, kind: kindID, observation: o))
    }
    for v in allVersions.sorted() where !builder.dataset.sources.contains(where: { $0.id == "gdelt-\(v)" }) {
      builder.dataset.sources.append(GDELT.source(version: v))
    }
    let sourceID = "gdelt-\(allVersions.max() ?? 2)"
    rows.sort { ($0.period, $0.source, $0.target, $0.kind) < ($1.period, $1.source, $1.target, $1.kind) }
    for var row in rows {
      row.observation.evidence[0].source = sourceID
      builder.add(row.observation)
    }
    var d = builder.finish()
    d.weightUnit = options.weight.unit
    d.description = "GDELT events aggregated by dyad, kind and period in \(reader.file); weight = \(options.weight.rawValue); "
      + "confidence reported when an event has at least \(options.reportedAtSources) sources, else alleged."
    return ImportResult(
      dataset: d, recordsRead: read, recordsSkipped: skipped, recordsFiltered: 0, issues: log.issues,
      ignoredColumns: header.filter { !columns.contains($0) })
  }
}
