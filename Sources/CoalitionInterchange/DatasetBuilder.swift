import CoalitionGraph

/// The result of an import: the dataset and what was left out on the way.
public struct ImportResult: Sendable {
  /// The dataset built so far.
  public var dataset: Dataset
  /// Records read from the file (header and comment lines excluded).
  public var recordsRead: Int
  /// Records left out because of a problem (see ``issues``) — not those a filter dropped on purpose.
  public var recordsSkipped: Int
  /// Records a filter dropped on purpose (non-root events, non-state actors, years outside a range).
  public var recordsFiltered: Int
  /// The first 1,000 problems, in file order.
  public var issues: [ImportIssue]
  /// Columns of the file that no field used.
  public var ignoredColumns: [String]
  /// What was read but could not be kept as it was, one line each (attributes the dataset model
  /// has no place for, with counts; a kind whose edges disagree on direction).
  public var warnings: [String] = []

  /// Records kept: read, less those skipped and those filtered out.
  public var recordsKept: Int { max(0, recordsRead - recordsSkipped - recordsFiltered) }

  /// One line for a terminal: counts of what was read, kept and left out.
  public var summary: String {
    var s = "\(recordsRead) records read, \(dataset.observations.count) observations from \(recordsKept) kept records, \(dataset.actors.count) declared actors"
    if recordsFiltered > 0 { s += ", \(recordsFiltered) filtered out" }
    if recordsSkipped > 0 { s += ", \(recordsSkipped) skipped with problems" }
    return s
  }
}

/// Collects actors, kinds, sources and observations while a reader walks a file, and declares each
/// non-ISO actor once.
struct DatasetBuilder {
  var dataset: Dataset
  private var declared: [String: Int] = [:]
  private var kindIDs: Set<String>

  init(title: String?, description: String? = nil, sources: [Source] = [], kinds: [Kind] = [], base: Dataset? = nil) {
    var d = base ?? Dataset(description: description)
    if d.title == nil { d.title = title }
    for s in sources where !d.sources.contains(where: { $0.id == s.id }) { d.sources.append(s) }
    for k in kinds where !d.allKinds.contains(where: { $0.id == k.id }) { d.kinds.append(k) }
    dataset = d
    for (i, a) in d.actors.enumerated() { declared[a.id] = i }
    kindIDs = Set(d.allKinds.map(\.id))
  }

  func hasKind(_ id: String) -> Bool { kindIDs.contains(id) }
  var kindIdentifiers: Set<String> { kindIDs }

  func isDeclared(_ id: String) -> Bool { declared[id] != nil }

  /// Declares `actor` unless an actor with its id is already there.
  mutating func declare(_ actor: CoalitionActor) {
    guard declared[actor.id] == nil else { return }
    declared[actor.id] = dataset.actors.count
    dataset.actors.append(actor)
  }

  mutating func add(_ o: TieObservation) { dataset.observations.append(o) }

  /// Sorts declared actors by id so output does not depend on file order, and returns the dataset.
  func finish() -> Dataset {
    var d = dataset
    d.actors.sort { $0.id < $1.id }
    return d
  }
}

/// How a value in an actor column becomes an actor.
struct ActorResolver {
  let scheme: CountryCodeScheme
  /// Actors the caller declared beforehand, by id, plus names that map to them.
  var known: [String: String] = [:]

  enum Outcome {
    case state(ResolvedState)
    case actor(String)
    case problem(String)
  }

  /// ISO (or COW) codes resolve to states. Under `.auto`, a value that looks like a code — two or three
  /// capital letters, or digits — but is none is an error (a typo should not become a new actor);
  /// any other value names a non-state actor.
  func resolve(_ raw: String, year: Int?) -> Outcome {
    let value = raw.trimmingSpaces()
    if value.isEmpty { return .problem("empty actor") }
    if let id = known[value] { return .actor(id) }
    if let r = CountryCodes.resolve(value, scheme: scheme, year: year) { return .state(r) }
    let looksLikeCode =
      (2...3).contains(value.count) && value.allSatisfy { $0.isASCII && $0.isUppercase }
      || value.allSatisfy { $0.isASCII && $0.isNumber }
    if scheme != .auto || looksLikeCode {
      let hint = value.count == 3 ? Suggestion.hint(for: value, in: CountryTable.alpha3Codes) : ""
      return .problem("\"\(value.clipped())\" is not a known \(ActorResolver.schemeName(scheme)) country code\(hint)")
    }
    return .actor(value)
  }

  static func schemeName(_ s: CountryCodeScheme) -> String {
    switch s {
    case .auto: return "ISO 3166-1"
    case .alpha3: return "ISO alpha-3"
    case .alpha2: return "ISO alpha-2"
    case .numeric: return "ISO numeric"
    case .cow: return "Correlates of War"
    case .cowAbbreviation: return "Correlates of War abbreviation"
    }
  }
}

extension DatasetBuilder {
  /// Resolves an actor value and declares what needs declaring; returns the actor id or the reason.
  mutating func actor(_ raw: String, resolver: ActorResolver, year: Int?, type: ActorType = .organization) -> Result<
    String, ResolveFailure
  > {
    switch resolver.resolve(raw, year: year) {
    case .state(let r):
      if let a = r.declaration { declare(a) }
      return .success(r.actorID)
    case .actor(let id):
      if !isDeclared(id), CountryTable.country(alpha3: id) == nil { declare(CoalitionActor(id: id, name: id, type: type)) }
      return .success(id)
    case .problem(let m):
      return .failure(ResolveFailure(message: m))
    }
  }
}

struct ResolveFailure: Error {
  let message: String
}

extension Dataset {
  /// The observations in a fixed order, undirected ties with their ends sorted: what two datasets
  /// read from different formats are compared by (a format may list ties in any order and either
  /// way round).
  package var observationsForComparison: [TieObservation] {
    let undirected = Set(allKinds.filter { !$0.directed }.map(\.id))
    return observations.map { o in
      var o = o
      if undirected.contains(o.kind), o.target < o.source { (o.source, o.target) = (o.target, o.source) }
      return o
    }.sorted { ($0.source, $0.target, $0.kind, $0.id ?? "", $0.time.firstDay) < ($1.source, $1.target, $1.kind, $1.id ?? "", $1.time.firstDay) }
  }
}
