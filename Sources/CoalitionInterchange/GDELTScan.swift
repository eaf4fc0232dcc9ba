import CoalitionGraph

/// Why a GDELT row was left out as malformed; the summary counts each reason.
public enum GDELTMalformed: String, Sendable, CaseIterable, Hashable {
  /// Not 57, 58 or 61 tab-separated fields.
  case fieldCount = "field count"
  /// GLOBALEVENTID is not a whole number.
  case eventID = "GLOBALEVENTID"
  /// EventCode is not 1–4 digits.
  case eventCode = "EventCode"
  /// SQLDATE is not a YYYYMMDD date.
  case date = "SQLDATE"
  /// QuadClass is not 1–4.
  case quadClass = "QuadClass"
  /// GoldsteinScale is not a number from −10 to 10.
  case goldstein = "GoldsteinScale"
  /// The CAMEO mapping names a kind no dataset declares.
  case unknownKind = "unknown kind"
  /// The kind's polarity or materiality disagrees with the row's QuadClass.
  case quadMismatch = "QuadClass against kind"
}

/// Why a well-formed GDELT row was not kept; the summary counts each reason.
public enum GDELTFiltered: String, Sendable, CaseIterable, Hashable {
  /// `--root-only` and IsRootEvent is not 1.
  case notRoot = "not a root event"
  /// An actor's country code is empty, or not an ISO state (nor a kept region).
  case notAState = "an actor is not a state"
  /// Both actors are the same country.
  case sameCountry = "same country on both sides"
  /// No CAMEO rule gives the event code a kind, or its rule drops it.
  case unmapped = "CAMEO code not mapped"
  /// Fewer sources than `--min-sources`.
  case fewSources = "too few sources"
  /// The GLOBALEVENTID was kept earlier in the input.
  case duplicate = "duplicate GLOBALEVENTID"
}

/// The lookup tables of one GDELT import, built once from its options: actor codes, CAMEO codes and
/// kinds as small integers, so that a row is checked without building a string.
struct GDELTTables: Sendable {
  /// Per three-letter upper-case code (26³ entries): 1 an ISO state, 2 a kept region, 0 neither.
  let actorClass: [UInt8]
  /// Kind ids in string order; an event's kind is an index into this.
  let kindIDs: [String]
  /// Whether each kind is directed (undirected kinds put the smaller code first).
  let kindDirected: [Bool]
  /// The QuadClass each kind requires (1–4).
  let kindQuad: [UInt8]
  /// Per CAMEO code (``GDELTTables/codeIndex``): 0 unmapped or dropped, 255 a kind nobody
  /// declares, else the kind index plus one.
  let codeKind: [UInt8]
  /// The kind id of each code marked 255, for the message.
  let unknownKinds: [UInt16: String]
  let rootOnly: Bool
  let minimumSources: Int

  static let codeBase: [Int] = [0, 0, 10, 110, 1110]
  static let codeCount = 11_110

  /// A CAMEO code of 1–4 digits as one number: codes of each length have a range of their own, so
  /// `"040"` and `"40"` stay apart.
  static func codeIndex(length: Int, value: Int) -> UInt16 { UInt16(codeBase[length] + value) }

  /// The code's text, leading zeros kept.
  static func codeText(_ index: UInt16) -> String {
    let i = Int(index)
    let length = i >= 1110 ? 4 : i >= 110 ? 3 : i >= 10 ? 2 : 1
    return String(i - codeBase[length]).leftPadded(to: length)
  }

  /// The three-letter code of an actor index.
  static func actorText(_ index: UInt16) -> String {
    let i = Int(index)
    let letters = [i / 676, i / 26 % 26, i % 26].map { UInt8(65 + $0) }
    return String(decoding: letters, as: UTF8.self)
  }

  /// Actor classes with and without regions, built once: 17,576 lookups are not made per import.
  private static let actorsStatesOnly = actorClasses(keepRegions: false)
  private static let actorsWithRegions = actorClasses(keepRegions: true)

  private static func actorClasses(keepRegions: Bool) -> [UInt8] {
    var classes = [UInt8](repeating: 0, count: 26 * 26 * 26)
    if keepRegions { for code in GDELT.regions.keys { if let i = actorIndex(code) { classes[Int(i)] = 2 } } }
    for country in CountryTable.all { if let i = actorIndex(country.alpha3) { classes[Int(i)] = 1 } }
    return classes
  }

  /// A three-letter upper-case code as its index (the inverse of ``actorText(_:)``), or `nil`.
  static func actorIndex(_ code: String) -> UInt16? {
    let u = Array(code.utf8)
    guard u.count == 3, u.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
    return UInt16(Int(u[0] - 65) * 676 + Int(u[1] - 65) * 26 + Int(u[2] - 65))
  }

  /// Per CAMEO code, the kind id its rule gives (an index into `ids`, or -1): built once for the
  /// standard mapping, per import for another.
  struct CodeRules: Sendable {
    var ids: [String]
    var slot: [Int16]
    /// The longest prefix wins: rules are laid down from the shortest prefix to the longest (in
    /// their own order within one length, so a later rule for the same prefix wins, as in
    /// ``CAMEOMapping/kind(for:)``), each over every code of 1–4 digits it starts.
    init(_ mapping: CAMEOMapping) {
      var ids: [String] = []
      var index: [String: Int16] = [:]
      var slot = [Int16](repeating: -1, count: GDELTTables.codeCount)
      let rules = mapping.rules.enumerated().filter { _, r in
        (1...4).contains(r.prefix.utf8.count) && r.prefix.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
      }.sorted { ($0.element.prefix.utf8.count, $0.offset) < ($1.element.prefix.utf8.count, $1.offset) }.map(\.element)
      for rule in rules {
        var value: Int16 = -1
        if let id = rule.kind {
          if let k = index[id] {
            value = k
          } else {
            value = Int16(ids.count)
            index[id] = value
            ids.append(id)
          }
        }
        let length = rule.prefix.utf8.count, start = Int(rule.prefix)!
        var span = 1
        for codeLength in length...4 {
          for v in (start * span)..<((start + 1) * span) { slot[Int(GDELTTables.codeIndex(length: codeLength, value: v))] = value }
          span *= 10
        }
      }
      self.ids = ids
      self.slot = slot
    }
  }
  private static let standardRules = CodeRules(.standard)

  /// The kind part of the tables, kept per mapping and kinds: most imports use the standard
  /// mapping with the standard kinds, and a small file should not pay for 11,110 codes each time.
  private struct KindTables: Sendable {
    var kindIDs: [String]
    var kindDirected: [Bool]
    var kindQuad: [UInt8]
    var codeKind: [UInt8]
    var unknownKinds: [UInt16: String]
  }
  private static let kindCache = Locked<[String: KindTables]>([:])

  private static func kindTables(_ rules: CodeRules, _ kinds: [String: Kind]) -> KindTables {
    let known = Set(rules.ids.filter { kinds[$0] != nil }).sorted()
    let position = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0) })
    // Per rule id: its entry in the code table (kind index + 1, or 255 for a kind nobody declares).
    let entry = rules.ids.map { id in position[id].map { UInt8($0 + 1) } ?? 255 }
    var unknown: [UInt16: String] = [:]
    var codeKind = [UInt8](repeating: 0, count: rules.slot.count)
    for (i, slot) in rules.slot.enumerated() where slot >= 0 {
      codeKind[i] = entry[Int(slot)]
      if codeKind[i] == 255 { unknown[UInt16(i)] = rules.ids[Int(slot)] }
    }
    return KindTables(
      kindIDs: known, kindDirected: known.map { kinds[$0]!.directed },
      kindQuad: known.map { UInt8(kinds[$0]!.quadClass) }, codeKind: codeKind, unknownKinds: unknown)
  }

  init(options: GDELTOptions, kinds: [String: Kind]) {
    actorClass = options.keepRegions ? GDELTTables.actorsWithRegions : GDELTTables.actorsStatesOnly
    let k: KindTables
    if options.mapping == .standard {
      let rules = GDELTTables.standardRules
      let key = rules.ids.map { id in
        kinds[id].map { "\(id) \($0.polarity) \($0.materiality) \($0.directed)" } ?? "\(id) ?"
      }.joined(separator: ";")
      if let cached = GDELTTables.kindCache.withLock({ $0[key] }) {
        k = cached
      } else {
        k = GDELTTables.kindTables(rules, kinds)
        GDELTTables.kindCache.withLock { $0[key] = k }
      }
    } else {
      k = GDELTTables.kindTables(CodeRules(options.mapping), kinds)
    }
    kindIDs = k.kindIDs
    kindDirected = k.kindDirected
    kindQuad = k.kindQuad
    codeKind = k.codeKind
    unknownKinds = k.unknownKinds
    rootOnly = options.rootEventsOnly
    minimumSources = options.minimumSources
  }
}

extension Kind {
  /// The GDELT QuadClass this kind stands for: 1 verbal and 2 material cooperation, 3 verbal and 4
  /// material conflict.
  var quadClass: Int { (polarity == .cooperative ? 1 : 3) + (materiality == .material ? 1 : 0) }
}

/// One kept event, in a few bytes: what the bundles need, nothing of the row's text but its URL.
struct GDELTEvent {
  var id: UInt64
  /// SQLDATE as days since 1970-01-01, and its year and month for coarser windows.
  var day: Int32
  var year: Int16
  var month: UInt8
  var kind: UInt8
  var source: UInt16
  var target: UInt16
  var code: UInt16
  /// |GoldsteinScale| in millionths, exact for GDELT's one decimal.
  var goldstein: Int32
  var sources: Int32
  var articles: Int64
  var mentions: Int64
  /// DATEADDED as days since 1970-01-01, or `Int32.max` when it is missing.
  var added: Int32
  /// SOURCEURL's bytes in the block's URL arena (empty when the row has none).
  var urlStart: Int32
  var urlLength: Int32
}

/// What one block of rows gave: kept events in row order, counts per reason, and the issues with
/// lines counted from the block's start.
struct GDELTBlock {
  var lines = 0
  var rows = 0
  var events: [GDELTEvent] = []
  var urls: [UInt8] = []
  var issues: [ImportIssue] = []
  var malformed = [Int](repeating: 0, count: GDELTMalformed.allCases.count)
  var filtered = [Int](repeating: 0, count: GDELTFiltered.allCases.count)
  var versions: UInt8 = 0

  func url(_ e: GDELTEvent) -> String? {
    guard e.urlLength > 0 else { return nil }
    let start = Int(e.urlStart)
    return String(validating: urls[start..<start + Int(e.urlLength)], as: UTF8.self)
  }
}

/// Checks GDELT rows straight from bytes: a row's fields are found in one pass, and only the
/// columns the importer uses are decoded. The rules, checks and messages are those documented on
/// ``GDELT``.
struct GDELTScanner {
  let tables: GDELTTables

  private static let malformedIndex = Dictionary(uniqueKeysWithValues: GDELTMalformed.allCases.enumerated().map { ($1, $0) })
  private static let filteredIndex = Dictionary(uniqueKeysWithValues: GDELTFiltered.allCases.enumerated().map { ($1, $0) })

  /// Scans whole lines. `fileStart` says the block starts a file (a header line may come first).
  func scan(_ bytes: UnsafeBufferPointer<UInt8>, fileStart: Bool, into block: inout GDELTBlock) {
    let n = bytes.count
    var starts = [Int](repeating: 0, count: 64)
    var position = 0
    var firstRow = fileStart
    starts.withUnsafeMutableBufferPointer { starts in
      while position < n {
        let lineStart = position
        // One pass over the line: field starts (up to 62) and the line end.
        var fields = 1
        starts[0] = position
        var k = position
        while k < n {
          let c = bytes[k]
          if c == 0x0A { break }
          if c == 0x09 {
            if fields < 63 { starts[fields] = k + 1 }
            fields += 1
          }
          k += 1
        }
        let lineEnd = k
        block.lines += 1
        position = k + 1
        var end = lineEnd
        if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
        if end == lineStart { continue }  // a blank line is no record
        if fields < 63 { starts[fields] = end + 1 }
        let isFirst = firstRow
        firstRow = false
        if isFirst, end - lineStart >= 13, field(bytes, starts, 0, fields, end).elementsEqual("GLOBALEVENTID".utf8) { continue }
        block.rows += 1
        row(bytes, starts, fields: fields, lineStart: lineStart, end: end, into: &block)
      }
    }
  }

  /// Field `i`'s bytes (without its tab).
  @inline(__always)
  private func field(_ b: UnsafeBufferPointer<UInt8>, _ s: UnsafeMutableBufferPointer<Int>, _ i: Int, _ count: Int, _ end: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
    let from = s[i]
    let to = i + 1 < count ? s[i + 1] - 1 : end
    return b[from..<to]
  }

  /// A field without surrounding spaces.
  @inline(__always)
  private func trimmed(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
    var lo = f.startIndex, hi = f.endIndex
    while lo < hi, f.base[lo] == 0x20 { lo += 1 }
    while hi > lo, f.base[hi - 1] == 0x20 { hi -= 1 }
    return f.base[lo..<hi]
  }

  private func text(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(decoding: trimmed(f), as: UTF8.self).clipped()
  }

  /// A field without spaces as an integer, or `nil`.
  @inline(__always)
  private func integer(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> Int? { ASCIINumber.integer(trimmed(f)) }

  /// GoldsteinScale and its millionths: a decimal with up to six places exactly, any other finite
  /// number rounded to the nearest millionth; `nil` for text that is not a number.
  private func goldsteinMicros(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> (value: Double, micros: Int)? {
    let t = trimmed(f)
    if let micros = ASCIINumber.micros(t), abs(micros) <= 10_000_000 { return (Double(micros) / 1_000_000, micros) }
    // Exponents, long fractions and the like: the general parser.
    guard !t.isEmpty, let x = Double(String(decoding: t, as: UTF8.self)), x.isFinite else { return nil }
    return (x, abs(x) <= 10 ? Int((x * 1_000_000).rounded()) : 0)
  }

  /// SQLDATE (`YYYYMMDD`, or the `YYYY-MM-DD` forms the CSV reader takes) as a date with a day.
  private func date(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> PartialDate? {
    let t = trimmed(f)
    if t.count == 8 {
      var v = [Int](repeating: 0, count: 8)
      for (j, c) in t.enumerated() {
        guard c &- 48 < 10 else { return nil }
        v[j] = Int(c &- 48)
      }
      return PartialDate(year: v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month: v[4] * 10 + v[5], day: v[6] * 10 + v[7])
    }
    guard let d = PartialDate(flexible: String(decoding: t, as: UTF8.self)), d.day != nil else { return nil }
    return d
  }

  private func bad(_ reason: GDELTMalformed, _ block: inout GDELTBlock, line: Int, column: Int?, _ message: String) {
    block.malformed[Self.malformedIndex[reason]!] += 1
    if block.issues.count < 1000 { block.issues.append(ImportIssue(line: line, column: column, message: message)) }
  }

  @inline(__always)
  private func skip(_ reason: GDELTFiltered, _ block: inout GDELTBlock) {
    block.filtered[Self.filteredIndex[reason]!] += 1
  }

  @inline(__always)
  private func actor(_ f: Slice<UnsafeBufferPointer<UInt8>>) -> UInt16? {
    let t = trimmed(f)
    guard t.count == 3 else { return nil }
    let a = t.base[t.startIndex] &- 65, b = t.base[t.startIndex + 1] &- 65, c = t.base[t.startIndex + 2] &- 65
    guard a < 26, b < 26, c < 26 else { return nil }
    let i = Int(a) * 676 + Int(b) * 26 + Int(c)
    return tables.actorClass[i] == 0 ? nil : UInt16(i)
  }

  private func row(
    _ b: UnsafeBufferPointer<UInt8>, _ s: UnsafeMutableBufferPointer<Int>, fields: Int, lineStart: Int, end: Int, into block: inout GDELTBlock
  ) {
    let line = block.lines
    func column(_ i: Int) -> Int { s[i] - lineStart + 1 }
    guard fields == 57 || fields == 58 || fields == 61 else {
      bad(.fieldCount, &block, line: line, column: nil, "\(fields) tab-separated fields; GDELT 1.0 rows have 57 or 58, GDELT 2.0 rows 61")
      return
    }
    func f(_ i: Int) -> Slice<UnsafeBufferPointer<UInt8>> { field(b, s, i, fields, end) }
    let version: UInt8 = fields == 61 ? 2 : 1
    block.versions |= version
    if tables.rootOnly {
      let root = trimmed(f(25))
      if !(root.count == 1 && root.first == 0x31) { skip(.notRoot, &block); return }
    }
    guard let idValue = integer(f(0)), idValue >= 0 else {
      bad(.eventID, &block, line: line, column: column(0), "GLOBALEVENTID \"\(text(f(0)))\" is not a whole number")
      return
    }
    let codeField = trimmed(f(26))
    var codeValue = 0
    var codeOK = (1...4).contains(codeField.count)
    if codeOK {
      for c in codeField {
        guard c &- 48 < 10 else { codeOK = false; break }
        codeValue = codeValue * 10 + Int(c &- 48)
      }
    }
    guard codeOK else {
      bad(.eventCode, &block, line: line, column: column(26), "EventCode \"\(text(f(26)))\" is not a CAMEO code")
      return
    }
    guard let date = date(f(1)) else {
      bad(.date, &block, line: line, column: column(1), "SQLDATE \"\(text(f(1)))\" is not a YYYYMMDD date")
      return
    }
    guard let quad = integer(f(29)), (1...4).contains(quad) else {
      bad(.quadClass, &block, line: line, column: column(29), "QuadClass \"\(text(f(29)))\" is not 1–4")
      return
    }
    guard let goldstein = goldsteinMicros(f(30)), (-10...10).contains(goldstein.value) else {
      bad(.goldstein, &block, line: line, column: column(30), "GoldsteinScale \"\(text(f(30)))\" is not a number from -10 to 10")
      return
    }
    guard let a1 = actor(f(7)), let a2 = actor(f(17)) else { skip(.notAState, &block); return }
    guard a1 != a2 else { skip(.sameCountry, &block); return }
    let code = GDELTTables.codeIndex(length: codeField.count, value: codeValue)
    let kindEntry = tables.codeKind[Int(code)]
    guard kindEntry != 0 else { skip(.unmapped, &block); return }
    guard kindEntry != 255 else {
      let id = tables.unknownKinds[code] ?? "?"
      bad(.unknownKind, &block, line: line, column: column(26), "the CAMEO mapping sends \(GDELTTables.codeText(code)) to unknown kind \"\(id)\"; declare it in a base dataset")
      return
    }
    let kind = Int(kindEntry) - 1
    if tables.kindQuad[kind] != UInt8(quad) {
      let id = tables.kindIDs[kind]
      let k = tables.kindQuad[kind]
      bad(
        .quadMismatch, &block, line: line, column: column(29),
        "event \(GDELTTables.codeText(code)) has QuadClass \(quad) but the mapping sends it to \(id) (\(k <= 2 ? "cooperative" : "hostile"), \(k % 2 == 0 ? "material" : "verbal"))")
      return
    }
    // An empty NumSources still means the one source the event was coded from.
    let sources = max(1, integer(f(32)) ?? 1)
    if sources < tables.minimumSources { skip(.fewSources, &block); return }
    var (source, target) = (a1, a2)
    if !tables.kindDirected[kind], target < source { swap(&source, &target) }
    var added = Int32.max
    let addedField = trimmed(f(fields == 61 ? 59 : 56))
    if addedField.count >= 8, let d = self.date(addedField.base[addedField.startIndex..<addedField.startIndex + 8]) { added = d.firstDay }
    var urlStart: Int32 = 0, urlLength: Int32 = 0
    if fields != 57 {
      let u = f(fields == 61 ? 60 : 57)
      if !u.isEmpty, u.allSatisfy({ $0 < 0x80 }) || String(validating: u, as: UTF8.self) != nil {
        urlStart = Int32(block.urls.count)
        urlLength = Int32(u.count)
        block.urls.append(contentsOf: u)
      }
    }
    block.events.append(
      GDELTEvent(
        id: UInt64(idValue), day: date.firstDay, year: Int16(date.year), month: UInt8(date.month ?? 1), kind: UInt8(kind),
        source: source, target: target, code: code, goldstein: Int32(clamping: abs(goldstein.micros)),
        sources: Int32(clamping: sources), articles: Int64(integer(f(33)) ?? 0), mentions: Int64(integer(f(31)) ?? 0),
        added: added, urlStart: urlStart, urlLength: urlLength))
  }
}
