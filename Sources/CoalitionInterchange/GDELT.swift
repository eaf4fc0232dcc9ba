import CoalitionGraph
import Foundation

/// Which CoalitionGraph kind each CAMEO event code becomes.
///
/// Rules match code prefixes, the longest first: `062` (cooperate militarily) beats `06` (material
/// cooperation). A rule whose kind is `nil` drops the events it matches. The ``standard`` rules
/// follow the CAMEO codebook's root categories; GDELT's QuadClass decides the kind's polarity and
/// materiality (roots 01–05 verbal cooperation, 06–09 material cooperation, 10–14 verbal conflict,
/// 15–20 material conflict), so every kind a rule names must agree with the QuadClass of its codes.
public struct CAMEOMapping: Sendable, Hashable {
  /// One line of the mapping: CAMEO codes starting with ``prefix`` become ``kind``.
  public struct Rule: Sendable, Hashable {
    /// A CAMEO event code or its start, e.g. `19` for every fight code.
    public var prefix: String
    /// The kind id, or `nil` to leave those events out.
    public var kind: String?
    /// A rule.
    public init(prefix: String, kind: String?) {
      self.prefix = prefix
      self.kind = kind
    }
  }

  /// The rules; the longest matching prefix wins.
  public var rules: [Rule]
  private var byPrefix: [String: String?]

  /// A mapping from its rules.
  public init(rules: [Rule]) {
    self.rules = rules
    var map: [String: String?] = [:]
    for r in rules { map[r.prefix] = .some(r.kind) }
    byPrefix = map
  }

  /// The kind for an event code, or `nil` when no rule matches or the rule drops it.
  public func kind(for code: String) -> String? {
    var p = Substring(code)
    while !p.isEmpty {
      if let hit = byPrefix[String(p)] { return hit }
      p = p.dropLast()
    }
    return nil
  }

  /// Kinds that the standard rules use beyond the built-in ones, declared in every GDELT import.
  public static let kinds: [Kind] = [
    Kind(id: "statement", label: "Public statement", polarity: .cooperative, materiality: .verbal, directed: true),
    Kind(id: "appeal", label: "Appeal", polarity: .cooperative, materiality: .verbal, directed: true),
    Kind(id: "intent", label: "Intent to cooperate", polarity: .cooperative, materiality: .verbal, directed: true),
    Kind(id: "yield", label: "Yield", polarity: .cooperative, materiality: .material, directed: true),
    Kind(id: "investigate", label: "Investigate", polarity: .cooperative, materiality: .material, directed: true),
    Kind(id: "demand", label: "Demand", polarity: .hostile, materiality: .verbal, directed: true),
    Kind(id: "reject", label: "Reject", polarity: .hostile, materiality: .verbal, directed: true),
    Kind(id: "threaten", label: "Threaten", polarity: .hostile, materiality: .verbal, directed: true),
    Kind(id: "protest", label: "Protest", polarity: .hostile, materiality: .verbal, directed: true),
    Kind(id: "force-posture", label: "Force posture", polarity: .hostile, materiality: .material, directed: true),
    Kind(id: "coerce", label: "Coerce", polarity: .hostile, materiality: .material, directed: true),
    Kind(id: "assault", label: "Assault", polarity: .hostile, materiality: .material, directed: true),
    // CAMEO 19 (fight) and 20 (unconventional mass violence) code reports of fighting, from a
    // border clash to a crime story; they are not a state of war between two states.
    Kind(id: "armed-incident", label: "Armed incident (reported)", polarity: .hostile, materiality: .material, directed: true),
  ]

  /// The default mapping (see `docs/interchange.md` for the table).
  public static let standard = CAMEOMapping(rules: [
    Rule(prefix: "01", kind: "statement"),
    Rule(prefix: "02", kind: "appeal"),
    Rule(prefix: "03", kind: "intent"),
    Rule(prefix: "04", kind: "diplomatic"),
    Rule(prefix: "05", kind: "diplomatic"),
    Rule(prefix: "06", kind: "economic"),
    Rule(prefix: "061", kind: "economic"),
    Rule(prefix: "062", kind: "military"),
    Rule(prefix: "063", kind: "security"),
    Rule(prefix: "064", kind: "security"),
    Rule(prefix: "07", kind: "support"),
    Rule(prefix: "072", kind: "security"),
    Rule(prefix: "074", kind: "security"),
    Rule(prefix: "08", kind: "yield"),
    Rule(prefix: "09", kind: "investigate"),
    Rule(prefix: "10", kind: "demand"),
    Rule(prefix: "11", kind: "accusation"),
    Rule(prefix: "12", kind: "reject"),
    Rule(prefix: "13", kind: "threaten"),
    Rule(prefix: "14", kind: "protest"),
    Rule(prefix: "15", kind: "force-posture"),
    Rule(prefix: "16", kind: "sanction"),
    Rule(prefix: "17", kind: "coerce"),
    Rule(prefix: "18", kind: "assault"),
    Rule(prefix: "19", kind: "armed-incident"),
    Rule(prefix: "20", kind: "armed-incident"),
  ])

  /// Reads rules from CSV text with columns `code,kind` (a header line is required); an empty kind
  /// or `-` drops the code. The rules replace the standard ones for the codes they name and keep the
  /// rest.
  public static func read(text: String, name: String = "<cameo map>", over base: CAMEOMapping = .standard)
    throws -> CAMEOMapping
  {
    let reader = RecordReader(bytes: Array(text.utf8), name: name, delimiter: UInt8(ascii: ","), quoting: true)
    var record = Record()
    guard try reader.next(into: &record), record.count >= 2, record.text(0).lowercased() == "code", record.text(1).lowercased() == "kind"
    else { throw ImportError(file: name, line: 1, "a CAMEO mapping starts with the header \"code,kind\"") }
    var rules = base.rules
    while try reader.next(into: &record) {
      let code = record.text(0)
      guard !code.isEmpty, code.count <= 4, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        throw ImportError(file: name, line: record.line, column: 1, "\"\(code.clipped())\" is not a CAMEO event code (1–4 digits, leading zeros kept)")
      }
      let kind = record.count > 1 ? record.text(1) : ""
      rules.removeAll { $0.prefix == code }
      rules.append(Rule(prefix: code, kind: kind.isEmpty || kind == "-" ? nil : kind))
    }
    return CAMEOMapping(rules: rules)
  }
}

/// Options for reading GDELT event files.
public struct GDELTOptions: Sendable {
  /// How events of one (source, target, kind) are bundled into observations.
  public enum Window: String, Sendable, CaseIterable {
    /// One observation per event.
    case event
    /// One observation per pair, kind and day.
    case day
    /// One observation per pair, kind and calendar month.
    case month
    /// One observation per pair, kind and calendar year.
    case year
  }
  /// What an observation's weight measures.
  public enum Weight: String, Sendable, CaseIterable {
    /// Sum of |Goldstein| over the events; the sign is the kind's polarity (from QuadClass).
    case goldstein
    /// Number of events.
    case events
    /// Sum of NumMentions.
    case mentions

    /// The dataset's `Dataset.weightUnit`: `|Goldstein|`, `events` or `mentions`.
    public var unit: String { self == .goldstein ? "|Goldstein|" : rawValue }
  }

  /// CAMEO code → kind.
  public var mapping: CAMEOMapping
  /// Keep only events GDELT marks as the main event of their article (IsRootEvent = 1).
  public var rootEventsOnly: Bool
  /// Keep regional and IGO actor codes (WST, EUR, AFR…) as aggregate actors; by default only pairs of
  /// ISO states are kept.
  public var keepRegions: Bool
  /// How events are bundled into observations.
  public var window: Window
  /// What an observation's weight measures.
  public var weight: Weight
  /// Skip bad rows (reporting them) or stop at the first.
  public var policy: ErrorPolicy
  /// Declared kinds (for a mapping that names kinds of its own) and a base to add to.
  public var base: Dataset?
  /// Keep only events at least this many sources report (NumSources); 1 keeps every event.
  public var minimumSources: Int
  /// The confidence rule: an observation is `reported` when one of its events has at least this
  /// many sources (NumSources), else `alleged` — one outlet's machine-coded story is a claim, not
  /// a fact. 1 makes every observation `reported`.
  public var reportedAtSources: Int
  /// Threads that read and scan files (at least 1); the result is the same for any number.
  public var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  /// The options that shape the bundles, as one line in the dataset's description:
  /// ``GDELT/append(_:to:options:)`` adds only with the same ones.
  public var signature: String {
    let yesNo = { (b: Bool) in b ? "yes" : "no" }
    var rules = "standard"
    if mapping != .standard {
      // A fingerprint of the rules, so that an edited mapping is told apart from the standard one.
      rules = "custom-" + fnv1aHex(mapping.rules.sorted { $0.prefix < $1.prefix }.map { "\($0.prefix)=\($0.kind ?? "-");" }.joined())
    }
    return "GDELT options: window=\(window.rawValue) weight=\(weight.rawValue) root-only=\(yesNo(rootEventsOnly)) "
      + "regions=\(yesNo(keepRegions)) min-sources=\(minimumSources) reported-at-sources=\(reportedAtSources) mapping=\(rules)"
  }

  /// Options; the defaults follow `docs/interchange.md`.
  public init(
    mapping: CAMEOMapping = .standard, rootEventsOnly: Bool = false, keepRegions: Bool = false, window: Window = .day,
    weight: Weight = .goldstein, policy: ErrorPolicy = .skip, base: Dataset? = nil, minimumSources: Int = 1, reportedAtSources: Int = 2
  ) {
    self.minimumSources = minimumSources
    self.reportedAtSources = reportedAtSources
    self.mapping = mapping
    self.rootEventsOnly = rootEventsOnly
    self.keepRegions = keepRegions
    self.window = window
    self.weight = weight
    self.policy = policy
    self.base = base
  }
}

/// GDELT 1.0 (57 or 58 tab-separated columns) and 2.0 (61 columns) event exports.
///
/// Files are read as a stream: memory grows with the number of distinct (pair, kind, window)
/// bundles, not with the file. Event codes stay strings (`"040"` keeps its zero). Actors come from
/// `Actor1CountryCode`/`Actor2CountryCode`: ISO alpha-3 codes are states; the CAMEO regional and IGO
/// codes in ``regions`` become aggregate actors with ``GDELTOptions/keepRegions``; events with any
/// other or an empty code are filtered out, as are events whose two actors are the same country.
///
/// Two times are kept: an observation's date is its events' SQLDATE (when they happened, valid
/// time) and its `recorded` date the earliest DATEADDED (when GDELT coded them,
/// record time) — a 2019 export holds events dated 2018, which `--known-by 2018-12-31` leaves out.
public enum GDELT {
  /// The CAMEO regional codes, with the names the CAMEO codebook gives them.
  public static let regions: [String: String] = [
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CAS": "Central Asia", "CAU": "Caucasus",
    "CFR": "Central Africa", "CRB": "Caribbean", "EAF": "Eastern Africa", "EEU": "Eastern Europe", "EIN": "East Indies",
    "EUR": "Europe", "LAM": "Latin America", "MDT": "Mediterranean", "MEA": "Middle East", "NAF": "North Africa",
    "NMR": "North America", "PGS": "Persian Gulf", "SAF": "Southern Africa", "SAM": "South America", "SAS": "South Asia",
    "SCN": "Scandinavia", "SEA": "Southeast Asia", "WAF": "West Africa", "WST": "The West",
  ]

  /// The CAMEO source cited by imported observations.
  static func source(version: Int) -> Source {
    Source(id: "gdelt-\(version)", title: "GDELT \(version).0 event data", publisher: "The GDELT Project", url: "https://www.gdeltproject.org/")
  }

  /// Reads a GDELT export (an optional header line naming `GLOBALEVENTID` is skipped).
  public static func read(path: String, options: GDELTOptions = GDELTOptions()) throws -> ImportResult {
    var info = stat()
    guard stat(path, &info) == 0 else { throw ImportError(file: path, line: 0, "cannot open: \(String(cString: strerror(errno)))") }
    return try read(inputs: [GDELTInput(path: path, size: Int(info.st_size))], options: options).result
  }

  /// Reads GDELT rows from text.
  public static func read(text: String, name: String = "<text>", options: GDELTOptions = GDELTOptions()) throws
    -> ImportResult
  {
    let bytes = Array(text.utf8)
    let source = GDELTPipeline.Source(name: name, bytes: bytes.count) { emit in
      var cutter = LineCutter(file: name, emit: emit)
      try bytes.withUnsafeBytes { try cutter.feed($0) }
      try cutter.finish()
    }
    return try run([source], options: options, name: name, base: options.base).result
  }

  /// Reads many GDELT files — plain, zipped or gzipped, GDELT 1.0 and 2.0 layouts in any mix — on
  /// ``GDELTOptions/threads`` threads, into one dataset.
  ///
  /// The files are read in the order of their names (``GDELT/inputs(_:)`` sorts them), so the
  /// result is the same for any thread count and any order the files were named in: each
  /// bundle's numbers are sums, maxima and minima, its event ids the five lowest, its URL that of
  /// its lowest event id, and an event id repeated anywhere in the input counts once. A file that
  /// cannot be read to its end (a damaged archive) is reported in ``GDELTSummary/unreadable``;
  /// the rows read before the damage are kept. Under ``ErrorPolicy/strict`` it stops the import.
  public static func read(inputs: [GDELTInput], options: GDELTOptions = GDELTOptions()) throws -> GDELTImport {
    let name = inputs.count == 1 ? inputs[0].path : "\(inputs.count) files"
    return try run(inputs.map(source), options: options, name: name, base: options.base)
  }

  /// The importer's name in an import record (`ImportProvenance.importer`).
  public static let importer = "gdelt"

  /// Adds more GDELT files to a dataset this importer made, without reading its files again.
  ///
  /// Each observation's bundle is taken up where it stopped — event count, weight, most
  /// sources, articles, mentions, codes, lowest ids, first record date — so a day (month, year)
  /// that the new files reach again comes out as if every file had been read in one run. Two
  /// limits, both said in `docs/scale.md`: an event id read in an earlier run is not known (the
  /// dataset keeps five ids per bundle), so the files must be new ones (the command-line tool keeps
  /// a list of the files read beside the dataset and skips those); and a bundle keeps its URL
  /// unless a new event has a lower id than every id it lists.
  ///
  /// Whether the dataset was made by this importer with the same options is read from its import
  /// record (`Dataset.provenance`), never from its description, which the analyst may rewrite;
  /// a dataset written before that record existed is recognised by the options sentence in its
  /// description, as before.
  /// - Throws: ``ImportError`` when the dataset was imported with other options, or when one of
  ///   its GDELT observations cannot be read back.
  public static func append(_ inputs: [GDELTInput], to dataset: Dataset, options: GDELTOptions = GDELTOptions()) throws -> GDELTImport {
    let name = inputs.count == 1 ? inputs[0].path : "\(inputs.count) files"
    let sameImport =
      dataset.provenance.map { $0.importer == GDELT.importer && $0.options == options.signature }
      ?? (dataset.description?.contains(options.signature) == true)
    guard sameImport else {
      throw ImportError(
        file: dataset.title ?? "the dataset", line: 0,
        "it was not imported from GDELT with the same options (\(options.signature)); append with the options it was made with")
    }
    return try run(inputs.map(source), options: options, name: name, base: dataset, resuming: true)
  }

  private static func source(_ input: GDELTInput) -> GDELTPipeline.Source {
    GDELTPipeline.Source(name: input.path, bytes: max(1, input.size)) { emit in try input.read(emit) }
  }

  private static func run(_ sources: [GDELTPipeline.Source], options: GDELTOptions, name: String, base: Dataset?, resuming: Bool = false) throws
    -> GDELTImport
  {
    var builder = DatasetBuilder(title: "GDELT events", kinds: CAMEOMapping.kinds, base: base)
    let kinds = Dictionary(builder.dataset.allKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let tables = GDELTTables(options: options, kinds: kinds)
    var aggregator = GDELTAggregator(tables: tables, options: options, file: name)
    if resuming {
      // The GDELT observations — those citing the sources of the import record (or, in a dataset
      // older than the record, a gdelt- source) — are taken up as bundles and made anew; the
      // analyst's own stay as they are.
      let own = base?.provenance.map { Set($0.sources) }
      let isOwn = { (o: TieObservation) -> Bool in
        guard let cited = o.evidence.first?.source else { return false }
        return own?.contains(cited) ?? cited.hasPrefix("gdelt-")
      }
      let (gdelt, rest) = builder.dataset.observations.reduce(into: ([TieObservation](), [TieObservation]())) { parts, o in
        if isOwn(o) { parts.0.append(o) } else { parts.1.append(o) }
      }
      try aggregator.resume(from: gdelt)
      builder.dataset.observations = rest
    }
    let pipeline = GDELTPipeline(sources: sources, threads: options.threads, scanner: GDELTScanner(tables: tables), aggregator: aggregator)
    aggregator = try pipeline.run()
    if !sources.isEmpty, pipeline.unreadable.count >= sources.count, aggregator.rows == 0 {
      throw ImportError(file: name, issues: pipeline.unreadable)
    }
    let versions = [1, 2].filter { aggregator.versions & UInt8($0) != 0 }
    for v in versions where !builder.dataset.sources.contains(where: { $0.id == "gdelt-\(v)" }) {
      builder.dataset.sources.append(source(version: v))
    }
    let sourceID = "gdelt-\(versions.max() ?? (resuming ? aggregator.resumedVersion : 2))"
    if options.keepRegions {
      let used = Set(aggregator.bundles.keys.flatMap { [$0.source, $0.target] }).filter { tables.actorClass[Int($0)] == 2 }
      for code in used.sorted().map(GDELTTables.actorText) {
        builder.declare(CoalitionActor(id: code, name: regions[code]!, type: .aggregate))
      }
    }
    for o in aggregator.observations(sourceID: sourceID) { builder.add(o) }
    var d = builder.finish()
    d.weightUnit = options.weight.unit
    let gdeltSources = Set(versions.map { "gdelt-\($0)" } + (base?.provenance?.sources ?? []) + [sourceID])
    var record = ImportProvenance(importer: GDELT.importer, options: options.signature, sources: gdeltSources.sorted())
    if resuming, let earlier = base?.provenance {
      // The analyst's description stays as it is; the record says what the data are.
      record.files = earlier.files
      record.filesFingerprint = earlier.filesFingerprint
    } else if resuming, let text = d.description, let r = text.range(of: " by CAMEO code") {
      d.description = "Events from \(name) added to the files read before" + text[r.lowerBound...]
    } else {
      d.description = "Events from \(name) by CAMEO code, bundled per \(options.window.rawValue); weight = \(options.weight.rawValue); "
        + "confidence reported when an event has at least \(options.reportedAtSources) sources, else alleged. \(options.signature)."
    }
    d.provenance = record
    let summary = GDELTSummary(
      files: sources.count, rows: aggregator.rows, kept: aggregator.kept,
      malformed: Dictionary(uniqueKeysWithValues: zip(GDELTMalformed.allCases, aggregator.malformed).filter { $0.1 > 0 }),
      filtered: Dictionary(uniqueKeysWithValues: zip(GDELTFiltered.allCases, aggregator.filtered).filter { $0.1 > 0 }),
      unreadable: pipeline.unreadable)
    var result = ImportResult(
      dataset: d, recordsRead: aggregator.rows, recordsSkipped: aggregator.malformedCount, recordsFiltered: aggregator.filteredCount,
      issues: aggregator.log.issues, ignoredColumns: [])
    if let few = summary.filtered[.fewSources] { result.warnings.append("\(few) events left out: fewer than \(options.minimumSources) sources") }
    if let repeated = summary.filtered[.duplicate] {
      result.warnings.append("\(repeated) events whose GLOBALEVENTID came earlier in the \(sources.count == 1 ? "file" : "files") left out as duplicates")
    }
    for issue in pipeline.unreadable { result.warnings.append("\(issue.file ?? name): \(issue.message); rows before the damage were read") }
    return GDELTImport(result: result, summary: summary)
  }

  /// The observation of one bundle; the native importer, ``GDELT/append(_:to:options:)`` and the
  /// dyad-table reader all make them here, so that they agree to the byte.
  static func observation(
    source: String, target: String, kind: String, period: PartialDate, confidence: Confidence, weight: Double, events: Int, ids: [String],
    mostSources: Int, articles: Int, mentions: Int, codes: [String], url: String?, firstAdded: PartialDate?, sourceID: String
  ) -> TieObservation {
    let more = events > ids.count ? ", …" : ""
    let note = "\(events) event\(events == 1 ? "" : "s") (GLOBALEVENTID \(ids.joined(separator: ", "))\(more)); "
      + "at most \(mostSources) source\(mostSources == 1 ? "" : "s") for one event, \(articles) articles, \(mentions) mentions"
    return TieObservation(
      source: source, target: target, kind: kind, time: .on(period), confidence: confidence, basis: .event, weight: weight,
      detail: "CAMEO " + codes.joined(separator: ", "), evidence: [Evidence(source: sourceID, note: note, url: url)], recorded: firstAdded)
  }
}

/// What a GDELT import read, kept and left out, file by file and reason by reason.
public struct GDELTSummary: Sendable, Hashable {
  /// Files read.
  public var files: Int
  /// Rows read (header lines and blank lines are not rows).
  public var rows: Int
  /// Events kept in bundles.
  public var kept: Int
  /// Malformed rows, by reason (reasons with none are absent).
  public var malformed: [GDELTMalformed: Int]
  /// Rows left out by the rules, by reason (reasons with none are absent).
  public var filtered: [GDELTFiltered: Int]
  /// Files that could not be read to their end, and why.
  public var unreadable: [ImportIssue]

  /// Several lines: files and rows, then each reason with its count.
  public var text: String {
    var lines = ["\(files) file\(files == 1 ? "" : "s"), \(rows) rows: \(kept) events kept, \(filtered.values.reduce(0, +)) filtered, \(malformed.values.reduce(0, +)) malformed"]
    for reason in GDELTFiltered.allCases { if let n = filtered[reason] { lines.append("  filtered, \(reason.rawValue): \(n)") } }
    for reason in GDELTMalformed.allCases { if let n = malformed[reason] { lines.append("  malformed, \(reason.rawValue): \(n)") } }
    if !unreadable.isEmpty { lines.append("  files not read to the end: \(unreadable.count)") }
    return lines.joined(separator: "\n")
  }
}

/// A GDELT import: the dataset with its problems, and the counts behind them.
public struct GDELTImport: Sendable {
  /// The dataset, issues and warnings.
  public var result: ImportResult
  /// Files, rows and reasons.
  public var summary: GDELTSummary
}

extension GDELT {
  /// The importer's rules as the three small tables the SQL in `scripts/scale/` joins, so that
  /// DuckDB, Spark and BigQuery apply exactly these rules: `cameo_rules.csv` (`prefix,kind`; `-`
  /// drops the codes), `gdelt_kinds.csv` (`kind,quad_class,directed`) and `gdelt_actors.csv`
  /// (`code,type`: every ISO alpha-3 code this package knows as `state`, the CAMEO regions as
  /// `region`). A test keeps the committed files equal to these.
  public static func sqlTables(mapping: CAMEOMapping = .standard) -> [String: String] {
    let rules = mapping.rules.sorted { $0.prefix < $1.prefix }
    let kinds = Dictionary((Kind.builtIn + CAMEOMapping.kinds).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let used = Set(rules.compactMap(\.kind)).sorted()
    var actors: [String] = []
    for i in 0..<(26 * 26 * 26) {
      let code = GDELTTables.actorText(UInt16(i))
      if CountryTable.country(alpha3: code) != nil { actors.append("\(code),state\n") } else if regions[code] != nil { actors.append("\(code),region\n") }
    }
    return [
      "cameo_rules.csv": "prefix,kind\n" + rules.map { "\($0.prefix),\($0.kind ?? "-")\n" }.joined(),
      "gdelt_kinds.csv": "kind,quad_class,directed\n"
        + used.compactMap { id in
          kinds[id].map { k in "\(id),\(k.quadClass),\(k.directed)\n" }
        }.joined(),
      "gdelt_actors.csv": "code,type\n" + actors.joined(),
    ]
  }
}
