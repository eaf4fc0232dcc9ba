import CoalitionGraph

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

  struct Columns {
    let count: Int
    let version: Int
    let id = 0, date = 1, actor1Name = 6, actor1Country = 7, actor2Name = 16, actor2Country = 17, isRoot = 25
    let eventCode = 26, rootCode = 28, quadClass = 29, goldstein = 30, mentions = 31, sources = 32, articles = 33
    var url: Int? { count == 61 ? 60 : count == 58 ? 57 : nil }
    /// DATEADDED: when GDELT added the event (record time); YYYYMMDDHHMMSS in 2.0, YYYYMMDD in 1.0.
    var added: Int { count == 61 ? 59 : 56 }
    init?(count: Int) {
      guard count == 57 || count == 58 || count == 61 else { return nil }
      self.count = count
      version = count == 61 ? 2 : 1
    }
  }

  struct Bundle {
    var weight = 0.0
    var events = 0
    var mostSources = 0
    var articles = 0
    var mentions = 0
    var codes: Set<String> = []
    var ids: [String] = []
    var url: String?
    /// The earliest DATEADDED of the bundle's events (days since 1970-01-01).
    var firstAdded = Int32.max
  }

  /// One bundle: the window's date, the pair, the kind, and the event id when each event is its own.
  struct Key: Hashable, Comparable {
    var span: PartialDate
    var source: String, target: String, kind: String
    var event = ""
    static func < (a: Key, b: Key) -> Bool {
      (a.span, a.source, a.target, a.kind, a.event) < (b.span, b.source, b.target, b.kind, b.event)
    }
  }

  /// Reads a GDELT export (an optional header line naming `GLOBALEVENTID` is skipped).
  public static func read(path: String, options: GDELTOptions = GDELTOptions()) throws -> ImportResult {
    try read(RecordReader(path: path, delimiter: 0x09, quoting: false), options: options)
  }

  /// Reads GDELT rows from text.
  public static func read(text: String, name: String = "<text>", options: GDELTOptions = GDELTOptions()) throws
    -> ImportResult
  {
    try read(RecordReader(bytes: Array(text.utf8), name: name, delimiter: 0x09, quoting: false), options: options)
  }

  static func read(_ reader: RecordReader, options: GDELTOptions) throws(ImportError) -> ImportResult {
    var log = IssueLog(file: reader.file, policy: options.policy)
    var record = Record()
    var builder = DatasetBuilder(
      title: "GDELT events", kinds: CAMEOMapping.kinds, base: options.base)
    var bundles: [Key: Bundle] = [:]
    var read = 0, skipped = 0, filtered = 0
    var fewSources = 0, duplicates = 0
    var seenNumeric = Set<UInt64>(), seenOther = Set<String>()
    var versions = Set<Int>()
    let kinds = Dictionary(builder.dataset.allKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    while try reader.next(into: &record) {
      if read == 0, record.count > 0, record.text(0) == "GLOBALEVENTID" { continue }
      read += 1
      let line = record.line
      guard let cols = Columns(count: record.count) else {
        skipped += 1
        try log.add(line: line, "\(record.count) tab-separated fields; GDELT 1.0 rows have 57 or 58, GDELT 2.0 rows 61")
        continue
      }
      versions.insert(cols.version)
      func bad(_ c: Int, _ message: String) throws(ImportError) {
        skipped += 1
        try log.add(line: line, column: record.columns[c], message)
      }
      if options.rootEventsOnly, record.text(cols.isRoot) != "1" { filtered += 1; continue }
      let code = record.text(cols.eventCode)
      guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        try bad(cols.eventCode, "EventCode \"\(code.clipped())\" is not a CAMEO code")
        continue
      }
      let dateText = record.text(cols.date)
      guard let date = PartialDate(flexible: dateText), date.day != nil else {
        try bad(cols.date, "SQLDATE \"\(dateText.clipped())\" is not a YYYYMMDD date")
        continue
      }
      guard let quad = record.int(cols.quadClass), (1...4).contains(quad) else {
        try bad(cols.quadClass, "QuadClass \"\(record.text(cols.quadClass).clipped())\" is not 1–4")
        continue
      }
      guard let goldstein = record.double(cols.goldstein), (-10...10).contains(goldstein) else {
        try bad(cols.goldstein, "GoldsteinScale \"\(record.text(cols.goldstein).clipped())\" is not a number from -10 to 10")
        continue
      }
      // Actors.
      var ends: [String] = []
      for c in [cols.actor1Country, cols.actor2Country] {
        let cc = record.text(c)
        if CountryTable.country(alpha3: cc) != nil {
          ends.append(cc)
        } else if options.keepRegions, let name = regions[cc] {
          builder.declare(CoalitionActor(id: cc, name: name, type: .aggregate))
          ends.append(cc)
        } else {
          break
        }
      }
      guard ends.count == 2, ends[0] != ends[1] else { filtered += 1; continue }
      guard let kindID = options.mapping.kind(for: code) else { filtered += 1; continue }
      guard let kind = kinds[kindID] else {
        try bad(cols.eventCode, "the CAMEO mapping sends \(code) to unknown kind \"\(kindID)\"; declare it in a base dataset")
        continue
      }
      let quadCooperative = quad <= 2, quadMaterial = quad == 2 || quad == 4
      if (kind.polarity == .cooperative) != quadCooperative || (kind.materiality == .material) != quadMaterial {
        try bad(
          cols.quadClass,
          "event \(code) has QuadClass \(quad) but the mapping sends it to \(kind.id) (\(kind.polarity.rawValue), \(kind.materiality.rawValue))")
        continue
      }
      // An empty NumSources still means the one source the event was coded from.
      let sources = max(1, record.int(cols.sources) ?? 1)
      if sources < options.minimumSources {
        filtered += 1
        fewSources += 1
        continue
      }
      let eventID = record.text(cols.id)
      let fresh = UInt64(eventID).map { seenNumeric.insert($0).inserted } ?? seenOther.insert(eventID).inserted
      if !fresh {
        filtered += 1
        duplicates += 1
        continue
      }
      var (s, t) = (ends[0], ends[1])
      if !kind.directed, t < s { swap(&s, &t) }
      let span: PartialDate
      switch options.window {
      case .event, .day: span = date
      case .month: span = PartialDate(year: date.year, month: date.month)!
      case .year: span = PartialDate(year: date.year)!
      }
      let key = Key(span: span, source: s, target: t, kind: kindID, event: options.window == .event ? eventID : "")
      var b = bundles[key] ?? Bundle()
      switch options.weight {
      case .goldstein: b.weight += abs(goldstein)
      case .events: b.weight += 1
      case .mentions: b.weight += Double(record.int(cols.mentions) ?? 0)
      }
      b.events += 1
      b.mostSources = max(b.mostSources, sources)
      b.articles += record.int(cols.articles) ?? 0
      b.mentions += record.int(cols.mentions) ?? 0
      b.codes.insert(code)
      if b.ids.count < 5 { b.ids.append(eventID) }
      let addedText = record.text(cols.added)
      if addedText.count >= 8, let added = PartialDate(flexible: String(addedText.prefix(8))), added.day != nil {
        b.firstAdded = min(b.firstAdded, added.firstDay)
      }
      if b.url == nil, let u = cols.url { b.url = record.string(u).flatMap { $0.isEmpty ? nil : $0 } }
      bundles[key] = b
    }
    for v in versions.sorted() { builder.dataset.sources.append(source(version: v)) }
    let sourceID = "gdelt-\(versions.max() ?? 2)"
    for (key, b) in bundles.sorted(by: { $0.key < $1.key }) {
      let more = b.events > b.ids.count ? ", …" : ""
      let note = "\(b.events) event\(b.events == 1 ? "" : "s") (GLOBALEVENTID \(b.ids.joined(separator: ", "))\(more)); "
        + "at most \(b.mostSources) source\(b.mostSources == 1 ? "" : "s") for one event, \(b.articles) articles, \(b.mentions) mentions"
      builder.add(
        TieObservation(
          source: key.source, target: key.target, kind: key.kind, time: .on(key.span),
          confidence: b.mostSources >= options.reportedAtSources ? .reported : .alleged, basis: .event,
          weight: b.weight, detail: "CAMEO " + b.codes.sorted().joined(separator: ", "),
          evidence: [Evidence(source: sourceID, note: note, url: b.url)],
          recorded: b.firstAdded == .max ? nil : PartialDate(dayNumber: b.firstAdded)))
    }
    var d = builder.finish()
    d.description = "Events from \(reader.file) by CAMEO code, bundled per \(options.window.rawValue); weight = \(options.weight.rawValue); "
      + "confidence reported when an event has at least \(options.reportedAtSources) sources, else alleged."
    var result = ImportResult(
      dataset: d, recordsRead: read, recordsSkipped: skipped, recordsFiltered: filtered, issues: log.issues, ignoredColumns: [])
    if fewSources > 0 { result.warnings.append("\(fewSources) events left out: fewer than \(options.minimumSources) sources") }
    if duplicates > 0 { result.warnings.append("\(duplicates) events whose GLOBALEVENTID came earlier in the file left out as duplicates") }
    return result
  }
}
