import CoalitionGraph

/// A column of the observations CSV format (see `docs/interchange.md`).
public enum ObservationField: String, CaseIterable, Sendable, Hashable {
  /// The observation's own identifier (optional).
  case id
  /// Who acts: an actor id, ISO or COW code, or country name (see `CountryCodeScheme`).
  case source
  /// Who is acted on, written like `source`.
  case target
  /// The kind id (or a value mapped to one with ``CSVObservationOptions/kindValues``).
  case kind
  /// The day, month or year of a single event.
  case date
  /// The start of a range, or of something still ongoing.
  case from
  /// The end of a range.
  case to
  /// The date as of which something is ongoing.
  case asOf = "as_of"
  /// When the observation was first reported or recorded (record time), if it differs from when it held.
  case recorded
  /// `directed` or `undirected`, checked against the kind.
  case direction
  /// A non-negative number; 1 when empty.
  case weight
  /// `reported`, `assessed` or `alleged`; `reported` when empty.
  case confidence
  /// `event`, `statement`, `assessment` or `background`.
  case basis
  /// Free text on what happened.
  case detail
  /// The source id of the one evidence item.
  case evidenceSource = "evidence_source"
  /// The note of the one evidence item.
  case evidenceNote = "evidence_note"
  /// Intermediaries the evidence passed through, separated by `;`.
  case evidenceVia = "evidence_via"
  /// A link to the evidence (kept only for http, https and mailto in maps).
  case evidenceURL = "evidence_url"
  /// Every evidence item as a JSON array, for observations with more than one.
  case evidence
  /// A display name for an actor the `source` column introduces.
  case sourceName = "source_name"
  /// The `ActorType` of that actor.
  case sourceType = "source_type"
  /// A display name for an actor the `target` column introduces.
  case targetName = "target_name"
  /// The `ActorType` of that actor.
  case targetType = "target_type"

  /// Header spellings accepted besides the field's own name (compared without case, spaces, `_` or `-`).
  var synonyms: [String] {
    switch self {
    case .source: return ["actor1", "from_actor", "supplier", "sender", "side_a"]
    case .target: return ["actor2", "to_actor", "recipient", "receiver", "side_b"]
    case .kind: return ["type", "tie_kind", "relation"]
    case .date: return ["year", "day", "event_date"]
    case .from: return ["start", "start_date", "since"]
    case .to: return ["end", "end_date", "until"]
    case .detail: return ["description"]
    case .evidenceURL: return ["url"]
    default: return []
    }
  }
}

/// How to read an observations CSV that was not written by CoalitionGraph.
public struct CSVObservationOptions: Sendable {
  /// Header names for fields whose column is named differently, e.g. `[.source: "Country A"]`.
  public var columns: [ObservationField: String]
  /// Replacements for values of the kind column, e.g. `["Arms": "arms-transfer"]`.
  public var kindValues: [String: String]
  /// How country codes in the source and target columns are written.
  public var codes: CountryCodeScheme
  /// Kind for every row when the file has no kind column.
  public var defaultKind: String?
  /// Confidence for rows with no confidence value.
  public var defaultConfidence: Confidence
  /// Source to cite for rows without `evidence_source`; it is declared in the dataset.
  public var source: Source?
  /// Field separator: `,` by default; `\t` for tab-separated sheets.
  public var delimiter: UInt8
  /// Skip bad rows (reporting them) or stop at the first.
  public var policy: ErrorPolicy
  /// A dataset whose kinds, actors and sources the rows may use, and to which they are added.
  public var base: Dataset?

  /// Options; the defaults read a sheet written by `coalition export --format csv`.
  public init(
    columns: [ObservationField: String] = [:], kindValues: [String: String] = [:], codes: CountryCodeScheme = .auto,
    defaultKind: String? = nil, defaultConfidence: Confidence = .reported, source: Source? = nil,
    delimiter: UInt8 = UInt8(ascii: ","), policy: ErrorPolicy = .skip, base: Dataset? = nil
  ) {
    self.columns = columns
    self.kindValues = kindValues
    self.codes = codes
    self.defaultKind = defaultKind
    self.defaultConfidence = defaultConfidence
    self.source = source
    self.delimiter = delimiter
    self.policy = policy
    self.base = base
  }
}

/// Observations as CSV: one row per observation, columns named in the header (RFC 4180).
public enum CSVObservations {
  /// Reads observations from a CSV file whose first line names the columns.
  public static func read(path: String, options: CSVObservationOptions = CSVObservationOptions()) throws
    -> ImportResult
  {
    let reader = try RecordReader(path: path, delimiter: options.delimiter, quoting: true)
    return try read(reader, options: options)
  }

  /// Reads observations from CSV text.
  public static func read(text: String, name: String = "<text>", options: CSVObservationOptions = CSVObservationOptions())
    throws -> ImportResult
  {
    try read(RecordReader(bytes: Array(text.utf8), name: name, delimiter: options.delimiter, quoting: true), options: options)
  }

  static func normalised(_ header: String) -> String {
    String(header.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
  }

  static func read(_ reader: RecordReader, options: CSVObservationOptions) throws(ImportError) -> ImportResult {
    let file = reader.file
    var record = Record()
    guard try reader.next(into: &record) else { throw ImportError(file: file, line: 1, "the file is empty: a header line naming the columns is needed") }
    let header = (0..<record.count).map { record.text($0) }
    let byName = Dictionary(header.enumerated().map { (normalised($1), $0) }, uniquingKeysWith: { a, _ in a })
    var column: [ObservationField: Int] = [:]
    for field in ObservationField.allCases {
      if let name = options.columns[field] {
        guard let c = byName[normalised(name)] else {
          throw ImportError(
            file: file, line: 1,
            "no column \"\(name)\" for \(field.rawValue)\(Suggestion.hint(for: name, in: header)); the header has: \(header.joined(separator: ", "))")
        }
        column[field] = c
      } else if let c = ([field.rawValue] + field.synonyms).lazy.compactMap({ byName[normalised($0)] }).first {
        column[field] = c
      }
    }
    for required in [ObservationField.source, .target] where column[required] == nil {
      throw ImportError(
        file: file, line: 1,
        "no \(required.rawValue) column; name it \"\(required.rawValue)\" or map it (e.g. --map \(required.rawValue)=COLUMN). The header has: \(header.joined(separator: ", "))")
    }
    if column[.kind] == nil, options.defaultKind == nil {
      throw ImportError(file: file, line: 1, "no kind column; add one, map one, or give a kind for every row (--kind)")
    }
    if column[.date] == nil, column[.from] == nil, column[.to] == nil, column[.asOf] == nil {
      throw ImportError(file: file, line: 1, "no date column (date, from, to or as_of)")
    }
    let used = Set(column.values)
    let ignored = header.indices.filter { !used.contains($0) }.map { header[$0] }

    var builder = DatasetBuilder(
      title: nil, sources: options.source.map { [$0] } ?? [], base: options.base)
    var resolver = ActorResolver(scheme: options.codes)
    // Actors of the base dataset are known by their ids, even ids that look like country codes.
    for a in options.base?.actors ?? [] { resolver.known[a.id] = a.id }
    var log = IssueLog(file: file, policy: options.policy)
    var read = 0
    var skipped = 0
    var observationIDs = Set(builder.dataset.observations.compactMap(\.id))
    var sourceIDs = Set(builder.dataset.sources.map(\.id))

    while try reader.next(into: &record) {
      read += 1
      let line = record.line
      func value(_ f: ObservationField) -> String? {
        guard let c = column[f], c < record.count else { return nil }
        let t = record.text(c)
        return t.isEmpty ? nil : t
      }
      func col(_ f: ObservationField) -> Int? { column[f].flatMap { $0 < record.count ? record.columns[$0] : nil } }
      func fail(_ f: ObservationField?, _ message: String) throws(ImportError) {
        skipped += 1
        try log.add(line: line, column: f.flatMap(col), message)
      }
      guard try log.matchesHeader(record, width: header.count) else {
        skipped += 1
        continue
      }
      if let bad = (0..<record.count).first(where: { record.string($0) == nil }) {
        skipped += 1
        try log.add(line: line, column: record.columns[bad], "field \(bad + 1) is not valid UTF-8")
        continue
      }
      // The dataset's rule for text (no control characters), checked here so that the row is
      // reported where it is.
      if let (c, problem) = used.sorted().lazy.compactMap({ c in c < record.count ? Dataset.textProblem(record.text(c)).map { (c, $0) } : nil }).first {
        skipped += 1
        try log.add(line: line, column: record.columns[c], "\(header[c]): \(problem)")
        continue
      }
      // Time.
      let time: ObservationTime
      switch parseTime(date: value(.date), from: value(.from), to: value(.to), asOf: value(.asOf)) {
      case .success(let t): time = t
      case .failure(let e):
        try fail(e.field, e.message)
        continue
      }
      var recorded: PartialDate?
      if let r = value(.recorded) {
        guard let d = PartialDate(flexible: r) else {
          try fail(.recorded, "\"\(r.clipped())\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD)")
          continue
        }
        recorded = d
      }
      let year = PartialDate(dayNumber: time.firstDay == .min ? time.lastDay : time.firstDay)?.year
      // Actors.
      var ends: [String] = []
      var failed = false
      for (f, nameField, typeField) in [(ObservationField.source, ObservationField.sourceName, ObservationField.sourceType), (.target, .targetName, .targetType)] {
        let raw = value(f) ?? ""
        let type = value(typeField).flatMap(ActorType.init(rawValue:)) ?? .organization
        if let t = value(typeField), ActorType(rawValue: t) == nil {
          try fail(typeField, "unknown actor type \"\(t.clipped())\"; use one of \(ActorType.allCases.map(\.rawValue).joined(separator: ", "))")
          failed = true
          break
        }
        if let name = value(nameField), !builder.isDeclared(raw), CountryTable.country(alpha3: raw) == nil, !raw.isEmpty {
          builder.declare(CoalitionActor(id: raw, name: name, type: type))
        }
        switch builder.actor(raw, resolver: resolver, year: year, type: type) {
        case .success(let id): ends.append(id)
        case .failure(let e):
          try fail(f, raw.isEmpty ? "no \(f.rawValue) actor" : e.message)
          failed = true
        }
        if failed { break }
      }
      if failed { continue }
      if ends[0] == ends[1] {
        try fail(.target, "self-tie: source and target are both \"\(ends[0])\"")
        continue
      }
      // Kind.
      var kind = value(.kind) ?? options.defaultKind ?? ""
      kind = options.kindValues[kind] ?? kind
      if !builder.hasKind(kind) {
        try fail(.kind, "unknown kind \"\(kind.clipped())\"\(Suggestion.hint(for: kind, in: builder.kindIdentifiers)); map it with --kind-map VALUE=KIND or declare it in the base dataset")
        continue
      }
      // Direction.
      var pairs = [(ends[0], ends[1])]
      if let d = value(.direction) {
        switch d.lowercased() {
        case "forward", "->", "out": break
        case "backward", "<-", "in": pairs = [(ends[1], ends[0])]
        case "both", "<->", "--", "mutual", "undirected":
          let directed = builder.dataset.allKinds.first { $0.id == kind }?.directed ?? false
          if directed { pairs.append((ends[1], ends[0])) }
        default:
          try fail(.direction, "unknown direction \"\(d.clipped())\"; use forward, backward or both")
          continue
        }
      }
      // Numbers and enumerations.
      var weight = 1.0
      if let w = value(.weight) {
        guard let x = Double(w), x.isFinite, x >= 0 else {
          try fail(.weight, "weight \"\(w.clipped())\" is not a non-negative number")
          continue
        }
        weight = x
      }
      var confidence = options.defaultConfidence
      if let c = value(.confidence) {
        guard let x = Confidence(rawValue: c.lowercased()) else {
          try fail(.confidence, "unknown confidence \"\(c.clipped())\"; use reported, assessed or alleged")
          continue
        }
        confidence = x
      }
      var basis: Basis?
      if let b = value(.basis) {
        guard let x = Basis(rawValue: b.lowercased()) else {
          try fail(.basis, "unknown basis \"\(b.clipped())\"; use one of \(Basis.allCases.map(\.rawValue).joined(separator: ", "))")
          continue
        }
        basis = x
      }
      // Evidence.
      var evidence: [Evidence] = []
      if let json = value(.evidence) {
        switch parseEvidence(json) {
        case .success(let e): evidence = e
        case .failure(let e):
          try fail(.evidence, e.message)
          continue
        }
      } else if let s = value(.evidenceSource) ?? options.source?.id {
        let via = value(.evidenceVia).map { $0.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } } ?? []
        evidence = [Evidence(source: s, note: value(.evidenceNote), via: via, url: value(.evidenceURL))]
      }
      for e in evidence where !sourceIDs.contains(e.source) {
        sourceIDs.insert(e.source)
        builder.dataset.sources.append(Source(id: e.source, title: e.source))
      }
      var id = value(.id)
      if let i = id {
        if !observationIDs.insert(i).inserted {
          try fail(.id, "duplicate observation id \"\(i.clipped())\"")
          continue
        }
      }
      for (k, pair) in pairs.enumerated() {
        if k > 0, let i = id { id = i + "-reverse" }
        builder.add(
          TieObservation(
            id: id, source: pair.0, target: pair.1, kind: kind, time: time, confidence: confidence, basis: basis,
            weight: weight, detail: value(.detail), evidence: evidence, recorded: recorded))
      }
    }
    return ImportResult(
      dataset: builder.finish(), recordsRead: read, recordsSkipped: skipped, recordsFiltered: 0, issues: log.issues,
      ignoredColumns: ignored)
  }

  struct FieldProblem: Error {
    var field: ObservationField
    var message: String
  }

  /// Dates as the JSON format has them: `date`; or `from`/`to`; or `as_of` with `from` as "since".
  /// Besides `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, `YYYYMMDD` (GDELT, COW) is accepted.
  static func parseTime(date: String?, from: String?, to: String?, asOf: String?) -> Result<ObservationTime, FieldProblem> {
    func parse(_ s: String?, _ f: ObservationField) -> Result<PartialDate?, FieldProblem> {
      guard let s else { return .success(nil) }
      if let d = PartialDate(flexible: s) { return .success(d) }
      return .failure(FieldProblem(field: f, message: "\"\(s.clipped())\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD)"))
    }
    let d: PartialDate?, f: PartialDate?, t: PartialDate?, a: PartialDate?
    switch parse(date, .date) { case .success(let x): d = x; case .failure(let e): return .failure(e) }
    switch parse(from, .from) { case .success(let x): f = x; case .failure(let e): return .failure(e) }
    switch parse(to, .to) { case .success(let x): t = x; case .failure(let e): return .failure(e) }
    switch parse(asOf, .asOf) { case .success(let x): a = x; case .failure(let e): return .failure(e) }
    if let d {
      if f != nil || t != nil || a != nil {
        return .failure(FieldProblem(field: .date, message: "a date cannot be combined with from, to or as_of"))
      }
      return .success(.on(d))
    }
    if let a {
      if t != nil { return .failure(FieldProblem(field: .to, message: "as_of cannot be combined with to")) }
      return .success(.ongoing(asOf: a, since: f))
    }
    if f == nil, t == nil { return .failure(FieldProblem(field: .date, message: "no date: give date, from/to or as_of")) }
    if let f, let t, t < f { return .failure(FieldProblem(field: .to, message: "\(t) is before \(f)")) }
    return .success(.between(from: f, to: t))
  }

  static func parseEvidence(_ json: String) -> Result<[Evidence], FieldProblem> {
    let bad = FieldProblem(field: .evidence, message: "evidence must be a JSON array of {\"source\", \"note\", \"via\", \"url\"} objects")
    guard let node = try? JSONParser.parse(Array(json.utf8)), case .array(let items) = node.value else { return .failure(bad) }
    var out: [Evidence] = []
    for item in items {
      guard case .object(let members) = item.value else { return .failure(bad) }
      var source: String?, note: String?, url: String?, via: [String] = []
      for (k, v) in members {
        switch (k, v.value) {
        case ("source", .string(let s)): source = s
        case ("note", .string(let s)): note = s
        case ("url", .string(let s)): url = s
        case ("via", .array(let xs)):
          for x in xs { guard case .string(let s) = x.value else { return .failure(bad) }; via.append(s) }
        default: return .failure(bad)
        }
      }
      guard let source else { return .failure(bad) }
      out.append(Evidence(source: source, note: note, via: via, url: url))
    }
    return .success(out)
  }

  /// Writes every observation of `dataset` as CSV (RFC 4180, CRLF line ends, UTF-8).
  ///
  /// Columns: `id, source, target, kind, date, from, to, as_of, direction, weight, confidence, basis,
  /// detail`, then evidence as `evidence_source, evidence_note, evidence_via` (names joined by `; `),
  /// `evidence_url` — or one `evidence` JSON column when an observation has several items or a name
  /// contains `;` — then `source_name, source_type,
  /// target_name, target_type` for declared actors. Reading the file back gives the same observations,
  /// except that an empty `detail` reads back as none (CSV cannot tell the two apart).
  public static func write(_ dataset: Dataset) -> String {
    // One evidence item per row fits the plain columns unless a `via` name would not survive the
    // `; ` list (it holds `;`, is empty or has surrounding white space) or a note or URL is empty
    // (an empty cell reads as no value).
    let multiEvidence = dataset.observations.contains { o in
      o.evidence.count > 1
        || o.evidence.contains { e in
          e.via.contains { $0.contains(";") || $0.isEmpty || $0.trimmingSpaces() != $0 } || e.note == "" || e.url == ""
        }
    }
    var columns: [ObservationField] = [.id, .source, .target, .kind, .date, .from, .to, .asOf, .direction, .weight, .confidence, .basis, .detail]
    if dataset.observations.contains(where: { $0.recorded != nil }) { columns.insert(.recorded, at: columns.firstIndex(of: .asOf)! + 1) }
    columns += multiEvidence ? [.evidence] : [.evidenceSource, .evidenceNote, .evidenceVia, .evidenceURL]
    let declared = Dictionary(dataset.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    if !declared.isEmpty { columns += [.sourceName, .sourceType, .targetName, .targetType] }
    let kinds = Dictionary(dataset.allKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var out = CSVText.row(columns.map(\.rawValue))
    for o in dataset.observations {
      var cells: [String] = []
      for c in columns {
        switch c {
        case .id: cells.append(o.id ?? "")
        case .source: cells.append(o.source)
        case .target: cells.append(o.target)
        case .kind: cells.append(o.kind)
        case .date: if case .on(let d) = o.time { cells.append(d.description) } else { cells.append("") }
        case .from:
          switch o.time {
          case .between(let f, _): cells.append(f?.description ?? "")
          case .ongoing(_, let since): cells.append(since?.description ?? "")
          case .on: cells.append("")
          }
        case .to: if case .between(_, let t) = o.time { cells.append(t?.description ?? "") } else { cells.append("") }
        case .asOf: if case .ongoing(let a, _) = o.time { cells.append(a.description) } else { cells.append("") }
        case .recorded: cells.append(o.recorded?.description ?? "")
        case .direction: cells.append(kinds[o.kind]?.directed == false ? "both" : "forward")
        case .weight: cells.append(JSONWriter.number(o.weight))
        case .confidence: cells.append(o.confidence.rawValue)
        case .basis: cells.append(o.basis?.rawValue ?? "")
        case .detail: cells.append(o.detail ?? "")
        case .evidenceSource: cells.append(o.evidence.first?.source ?? "")
        case .evidenceNote: cells.append(o.evidence.first?.note ?? "")
        case .evidenceVia: cells.append(o.evidence.first?.via.joined(separator: "; ") ?? "")
        case .evidenceURL: cells.append(o.evidence.first?.url ?? "")
        case .evidence: cells.append(o.evidence.isEmpty ? "" : evidenceJSON(o.evidence))
        case .sourceName: cells.append(declared[o.source]?.name ?? "")
        case .sourceType: cells.append(declared[o.source]?.type.rawValue ?? "")
        case .targetName: cells.append(declared[o.target]?.name ?? "")
        case .targetType: cells.append(declared[o.target]?.type.rawValue ?? "")
        }
      }
      out += CSVText.row(cells)
    }
    return out
  }

  static func evidenceJSON(_ items: [Evidence]) -> String {
    let nodes = items.map { e -> JSONNode in
      var m: [(key: String, value: JSONNode)] = [("source", JSONNode(.string(e.source)))]
      if let n = e.note { m.append(("note", JSONNode(.string(n)))) }
      if !e.via.isEmpty { m.append(("via", JSONNode(.array(e.via.map { JSONNode(.string($0)) })))) }
      if let u = e.url { m.append(("url", JSONNode(.string(u)))) }
      return JSONNode(.object(m))
    }
    return "[" + nodes.map { JSONWriter.compact($0) }.joined(separator: ",") + "]"
  }
}


extension PartialDate {
  /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYYMMDD`.
  init?(flexible text: String) {
    if let d = PartialDate(text) {
      self = d
      return
    }
    let u = Array(text.utf8)
    guard u.count == 8, u.allSatisfy({ $0 >= 48 && $0 <= 57 }), let y = Int(text.prefix(4)),
      let m = Int(text.dropFirst(4).prefix(2)), let d = Int(text.suffix(2))
    else { return nil }
    self.init(year: y, month: m, day: d)
  }
}
