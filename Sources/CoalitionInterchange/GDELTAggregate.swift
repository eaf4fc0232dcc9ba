import CoalitionGraph

/// A set of event ids that stays small for GDELT's ids, which are handed out in runs: ids are kept
/// in pages of 65,536, each page a sorted list while it holds few ids and a bitmap (8 KiB) once it
/// holds many. A year of GDELT 2.0 (about 80 million consecutive ids) needs about 10 MB.
struct EventIDSet {
  private enum Page {
    case list([UInt16])
    case bits([UInt64])
  }
  private var pages: [UInt64: Page] = [:]
  private(set) var count = 0

  /// Adds `id`; `false` when it was there already.
  mutating func insert(_ id: UInt64) -> Bool {
    let key = id >> 16, low = UInt16(truncatingIfNeeded: id)
    switch pages[key] {
    case nil:
      pages[key] = .list([low])
    case .list(var list)?:
      var lo = 0, hi = list.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid] < low { lo = mid + 1 } else { hi = mid }
      }
      if lo < list.count, list[lo] == low { return false }
      pages[key] = nil  // release the old storage before growing it
      if list.count < 4096 {
        list.insert(low, at: lo)
        pages[key] = .list(list)
      } else {
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in list { bits[Int(v >> 6)] |= 1 << (v & 63) }
        bits[Int(low >> 6)] |= 1 << (low & 63)
        pages[key] = .bits(bits)
      }
    case .bits(var bits)?:
      let word = Int(low >> 6), bit: UInt64 = 1 << (low & 63)
      if bits[word] & bit != 0 { return false }
      pages[key] = nil
      bits[word] |= bit
      pages[key] = .bits(bits)
    }
    count += 1
    return true
  }
}

/// Merges the blocks of a GDELT import, in input order, into bundles: what a single pass over the
/// rows would give, whatever the thread count.
struct GDELTAggregator {
  /// One bundle's key: the window, the pair, the kind, and the event id when each event is its own.
  struct Key: Hashable {
    var period: Int32
    var source: UInt16
    var target: UInt16
    var kind: UInt8
    var event: UInt64
  }

  /// What the observations of one bundle are made from.
  struct Bundle {
    var goldstein = 0  // millionths
    var events = 0
    var mostSources = 0
    var articles = 0
    var mentions = 0
    var codes: [UInt16] = []
    /// The five lowest event ids.
    var ids: [UInt64] = []
    /// The URL of the lowest event id that has one.
    var url: String?
    var urlEvent = UInt64.max
    var firstAdded = Int32.max

    mutating func add(id: UInt64, code: UInt16) {
      if let i = codes.firstIndex(where: { $0 >= code }) {
        if codes[i] != code { codes.insert(code, at: i) }
      } else {
        codes.append(code)
      }
      if ids.count < 5 || id < ids[4] {
        let i = ids.firstIndex { $0 > id } ?? ids.count
        ids.insert(id, at: i)
        if ids.count > 5 { ids.removeLast() }
      }
    }
  }

  let tables: GDELTTables
  let options: GDELTOptions
  var bundles: [Key: Bundle] = [:]
  var seen = EventIDSet()
  var versions: UInt8 = 0
  var rows = 0
  var malformed = [Int](repeating: 0, count: GDELTMalformed.allCases.count)
  var filtered = [Int](repeating: 0, count: GDELTFiltered.allCases.count)
  var log: IssueLog
  /// Events kept (after duplicates are dropped).
  var kept = 0
  /// The highest GDELT version of the observations taken up by ``resume(from:)``.
  var resumedVersion = 0

  init(tables: GDELTTables, options: GDELTOptions, file: String) {
    self.tables = tables
    self.options = options
    log = IssueLog(file: file, policy: options.policy)
  }

  /// The window an event falls in, as one number that sorts as the windows do.
  func period(_ e: GDELTEvent) -> Int32 {
    switch options.window {
    case .event, .day: e.day
    case .month: Int32(e.year) * 12 + Int32(e.month) - 1
    case .year: Int32(e.year)
    }
  }

  func periodDate(_ p: Int32) -> PartialDate {
    switch options.window {
    case .event, .day: PartialDate(dayNumber: p)!
    case .month: PartialDate(year: Int(p / 12), month: Int(p % 12) + 1)!
    case .year: PartialDate(year: Int(p))!
    }
  }

  /// Adds a block; its issues get lines counted from `firstLine` of `file`.
  mutating func merge(_ block: GDELTBlock, file: String, firstLine: Int) throws(ImportError) {
    rows += block.rows
    versions |= block.versions
    for i in 0..<malformed.count { malformed[i] += block.malformed[i] }
    for i in 0..<filtered.count { filtered[i] += block.filtered[i] }
    for issue in block.issues {
      var located = issue
      located.line += firstLine - 1
      try log.add(file: file, located)
    }
    let duplicate = GDELTFiltered.allCases.firstIndex(of: .duplicate)!
    for e in block.events {
      guard seen.insert(e.id) else {
        filtered[duplicate] += 1
        continue
      }
      kept += 1
      let key = Key(period: period(e), source: e.source, target: e.target, kind: e.kind, event: options.window == .event ? e.id : 0)
      bundles[key, default: Bundle()].absorb(e, url: { block.url(e) })
    }
  }

  var malformedCount: Int { malformed.reduce(0, +) }
  var filteredCount: Int { filtered.reduce(0, +) }

  /// The observations, in the order of their keys (window, source, target, kind, event).
  func observations(sourceID: String) -> [TieObservation] {
    bundles.sorted { a, b in
      let (x, y) = (a.key, b.key)
      if x.period != y.period { return x.period < y.period }
      if x.source != y.source { return x.source < y.source }
      if x.target != y.target { return x.target < y.target }
      if x.kind != y.kind { return x.kind < y.kind }
      return x.event < y.event
    }.map { key, b in
      let weight: Double
      switch options.weight {
      case .goldstein: weight = Double(b.goldstein) / 1_000_000
      case .events: weight = Double(b.events)
      case .mentions: weight = Double(b.mentions)
      }
      return GDELT.observation(
        source: GDELTTables.actorText(key.source), target: GDELTTables.actorText(key.target), kind: tables.kindIDs[Int(key.kind)],
        period: periodDate(key.period), confidence: b.mostSources >= options.reportedAtSources ? .reported : .alleged, weight: weight,
        events: b.events, ids: b.ids.map(String.init), mostSources: b.mostSources, articles: b.articles, mentions: b.mentions,
        codes: b.codes.map(GDELTTables.codeText).sorted(), url: b.url, firstAdded: b.firstAdded == .max ? nil : PartialDate(dayNumber: b.firstAdded),
        sourceID: sourceID)
    }
  }
}

extension GDELTAggregator.Bundle {
  mutating func absorb(_ e: GDELTEvent, url: () -> String?) {
    goldstein += Int(e.goldstein)
    events += 1
    mostSources = max(mostSources, Int(e.sources))
    articles += Int(e.articles)
    mentions += Int(e.mentions)
    add(id: e.id, code: e.code)
    firstAdded = min(firstAdded, e.added)
    if e.urlLength > 0, e.id < urlEvent, let u = url() {
      self.url = u
      urlEvent = e.id
    }
  }
}

extension IssueLog {
  /// Records an issue of another file than the log's own (a many-file import names each).
  mutating func add(file: String, _ issue: ImportIssue) throws(ImportError) {
    if policy == .strict { throw ImportError(file: file, issues: [issue]) }
    var located = issue
    if file != self.file { located.file = file }
    try add(located)
  }
}

extension GDELTAggregator {
  /// Takes up the bundles behind observations this importer wrote (for ``GDELT/append(_:to:options:)``).
  mutating func resume(from observations: [TieObservation]) throws(ImportError) {
    let kindIndex = Dictionary(uniqueKeysWithValues: tables.kindIDs.enumerated().map { ($1, UInt8($0)) })
    func fail(_ i: Int, _ why: String) -> ImportError {
      ImportError(file: log.file, line: 0, "observation \(i + 1) (\(observations[i].source)→\(observations[i].target)) cannot be taken up: \(why)")
    }
    for (i, o) in observations.enumerated() {
      guard let s = GDELTTables.actorIndex(o.source), let t = GDELTTables.actorIndex(o.target) else { throw fail(i, "an actor is not a three-letter code") }
      guard let kind = kindIndex[o.kind] else { throw fail(i, "kind \(o.kind) is not one the CAMEO mapping gives") }
      guard case .on(let date) = o.time else { throw fail(i, "it has no single date") }
      let precise: Bool
      let period: Int32
      switch options.window {
      case .event, .day: (precise, period) = (date.day != nil, date.firstDay)
      case .month: (precise, period) = (date.day == nil && date.month != nil, Int32(date.year) * 12 + Int32(date.month ?? 1) - 1)
      case .year: (precise, period) = (date.month == nil, Int32(date.year))
      }
      guard precise else { throw fail(i, "its date \(date) is not one \(options.window.rawValue)") }
      guard let evidence = o.evidence.first, let note = evidence.note, let counts = GDELTNote(note) else {
        throw fail(i, "its evidence note is not the one this importer writes")
      }
      resumedVersion = max(resumedVersion, Int(evidence.source.dropFirst("gdelt-".count)) ?? 2)
      var b = Bundle()
      b.events = counts.events
      b.mostSources = counts.mostSources
      b.articles = counts.articles
      b.mentions = counts.mentions
      b.ids = counts.ids
      b.goldstein = options.weight == .goldstein ? Int((o.weight * 1_000_000).rounded()) : 0
      for text in (o.detail ?? "").dropFirst("CAMEO ".count).split(separator: ", ") {
        guard (1...4).contains(text.count), let v = Int(text) else { throw fail(i, "\"\(text)\" is not a CAMEO code") }
        let code = GDELTTables.codeIndex(length: text.count, value: v)
        if !b.codes.contains(code) { b.codes.append(code) }
      }
      b.codes.sort()
      b.url = evidence.url
      if evidence.url != nil { b.urlEvent = counts.ids.first ?? .max }
      b.firstAdded = o.recorded?.firstDay ?? .max
      for id in counts.ids { _ = seen.insert(id) }
      let key = Key(period: period, source: s, target: t, kind: kind, event: options.window == .event ? (counts.ids.first ?? 0) : 0)
      guard bundles.updateValue(b, forKey: key) == nil else { throw fail(i, "a second observation of the same bundle") }
    }
  }
}

/// The counts in the evidence note of a GDELT observation:
/// `3 events (GLOBALEVENTID 1, 2, 3); at most 2 sources for one event, 6 articles, 20 mentions`.
struct GDELTNote {
  var events: Int
  var ids: [UInt64]
  var mostSources: Int
  var articles: Int
  var mentions: Int

  init?(_ note: String) {
    let parts = note.split(separator: ";", maxSplits: 1)
    guard parts.count == 2 else { return nil }
    let head = parts[0].split(separator: " ", maxSplits: 2)
    guard head.count == 3, let events = Int(head[0]), head[2].hasPrefix("(GLOBALEVENTID "), head[2].hasSuffix(")") else { return nil }
    let list = head[2].dropFirst("(GLOBALEVENTID ".count).dropLast()
    var ids: [UInt64] = []
    for item in list.split(separator: ", ") where item != "…" {
      guard let id = UInt64(item) else { return nil }
      ids.append(id)
    }
    let numbers = parts[1].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    guard numbers.count == 3 else { return nil }
    self.events = events
    self.ids = ids.sorted()
    mostSources = numbers[0]
    articles = numbers[1]
    mentions = numbers[2]
  }
}
