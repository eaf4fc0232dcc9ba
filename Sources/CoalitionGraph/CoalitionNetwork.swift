/// Dense index of an actor in a frozen ``CoalitionNetwork``.
public struct ActorIndex: Hashable, Comparable, Sendable {
  /// The index as stored.
  public let rawValue: Int32
  /// An index from its stored value.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }
  /// An index from an `Int` (which must fit in `Int32`).
  public init(_ i: Int) { self.rawValue = Int32(i) }
  /// The index as an `Int`, for subscripting arrays.
  public var int: Int { Int(rawValue) }
  public static func < (a: ActorIndex, b: ActorIndex) -> Bool { a.rawValue < b.rawValue }
}

/// Dense index of a kind in a frozen ``CoalitionNetwork``.
public struct KindIndex: Hashable, Comparable, Sendable {
  /// The index as stored.
  public let rawValue: Int32
  /// An index from its stored value.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }
  /// An index from an `Int` (which must fit in `Int32`).
  public init(_ i: Int) { self.rawValue = Int32(i) }
  /// The index as an `Int`, for subscripting arrays.
  public var int: Int { Int(rawValue) }
  public static func < (a: KindIndex, b: KindIndex) -> Bool { a.rawValue < b.rawValue }
}

/// A validated, frozen coalition graph: actors and kinds with dense `Int32` indices and the
/// observations stored column by column. Analyses run on ``NetworkView``s of it.
///
/// Actor indices follow the dataset's declared actors, then undeclared ISO states in order of
/// first mention. Kind indices follow ``Kind/builtIn``, then the dataset's own kinds.
public final class CoalitionNetwork: Sendable {
  /// The dataset the graph was frozen from.
  public let dataset: Dataset
  /// Every actor by ``ActorIndex``: the declared ones, then ISO states the observations name.
  public let actors: [CoalitionActor]
  /// Every kind by ``KindIndex``: the built-in ones, then the dataset's own.
  public let kinds: [Kind]
  /// Blocs with members as actor indices, in the dataset's order.
  public let blocs: [BlocMembers]

  private let actorLookup: [String: Int32]
  /// ``fingerprint``, once computed.
  let fingerprintCache = Locked<String?>(nil)
  private let kindLookup: [String: Int32]

  // Observation columns, one entry per observation (read by the package's measures and reports
  // without copying each observation out of the dataset).
  let obsSource: [Int32]
  let obsTarget: [Int32]
  package let obsKind: [Int32]
  package let obsConfidence: [Confidence]
  package let obsFirstDay: [Int32]
  package let obsLastDay: [Int32]
  let obsRecordDay: [Int32]
  package let obsWeight: [Double]

  /// Validates and freezes a dataset.
  /// - Throws: ``DatasetError`` with every problem ``Dataset/validate()`` finds.
  public init(_ dataset: Dataset) throws {
    let problems = dataset.validate()
    guard problems.isEmpty else { throw DatasetError(problems: problems) }
    self.dataset = dataset
    var actors = dataset.actors
    var lookup: [String: Int32] = [:]
    for (i, a) in actors.enumerated() { lookup[a.id] = Int32(i) }
    func index(_ id: String) -> Int32 {
      if let i = lookup[id] { return i }
      actors.append(CoalitionActor.state(id)!)  // validate() accepted it, so it is an ISO code
      lookup[id] = Int32(actors.count - 1)
      return Int32(actors.count - 1)
    }
    let kinds = dataset.allKinds
    let kindLookup = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1.id, Int32($0)) })
    var src: [Int32] = [], dst: [Int32] = [], kind: [Int32] = []
    src.reserveCapacity(dataset.observations.count)
    dst.reserveCapacity(dataset.observations.count)
    kind.reserveCapacity(dataset.observations.count)
    for o in dataset.observations {
      src.append(index(o.source))
      dst.append(index(o.target))
      kind.append(kindLookup[o.kind]!)
    }
    blocs = dataset.blocs.map { b in BlocMembers(bloc: b, members: b.members.map { ActorIndex(index($0)) }) }
    self.actors = actors
    self.actorLookup = lookup
    self.kinds = kinds
    self.kindLookup = kindLookup
    obsSource = src
    obsTarget = dst
    obsKind = kind
    obsConfidence = dataset.observations.map(\.confidence)
    obsFirstDay = dataset.observations.map(\.time.firstDay)
    obsLastDay = dataset.observations.map(\.time.lastDay)
    obsRecordDay = dataset.observations.map(\.recordDay)
    obsWeight = dataset.observations.map(\.weight)
  }

  /// Number of actors.
  public var actorCount: Int { actors.count }
  /// Number of observations.
  public var observationCount: Int { obsSource.count }

  /// The index of an actor by identifier, or `nil`.
  public func index(ofActor id: String) -> ActorIndex? { actorLookup[id].map(ActorIndex.init) }
  /// The index of a kind by identifier, or `nil`.
  public func index(ofKind id: String) -> KindIndex? { kindLookup[id].map(KindIndex.init) }

  /// The actor at an index.
  public subscript(actor: ActorIndex) -> CoalitionActor { actors[actor.int] }
  /// The kind at an index.
  public subscript(kind: KindIndex) -> Kind { kinds[kind.int] }

  /// The analyst's record of observation `i`, with its evidence.
  public func observation(_ i: Int) -> TieObservation { dataset.observations[i] }

  /// The blocs an actor belongs to, by position in ``blocs``.
  public func blocs(of actor: ActorIndex) -> [Int] {
    blocs.indices.filter { blocs[$0].members.contains(actor) }
  }

  /// A view of the graph: the ties that pass `filter`, aggregated and stored as compressed sparse rows.
  /// - Throws: `DatasetError` naming every kind and actor of `filter` that the network does not
  ///   know, each with the nearest known spelling when there is one: a typo never gives an empty
  ///   view in silence.
  public func view(_ filter: ViewFilter = ViewFilter()) throws -> NetworkView {
    try check(filter)
    return NetworkView(graph: self, filter: filter)
  }

  /// Checks that every kind and actor `filter` names is in the network.
  /// - Throws: `DatasetError` naming each unknown one, with the nearest known spelling.
  public func check(_ filter: ViewFilter) throws {
    var problems: [DatasetProblem] = []
    for k in (filter.kinds ?? []).sorted() where index(ofKind: k) == nil {
      problems.append(DatasetProblem(path: "view.kinds", message: "unknown kind \"\(k)\"\(Suggestion.hint(for: k, in: kinds.map(\.id)))"))
    }
    for a in (filter.actors ?? []).sorted() where index(ofActor: a) == nil {
      problems.append(DatasetProblem(path: "view.actors", message: "unknown actor \"\(a)\"\(Suggestion.hint(for: a, in: actors.map(\.id)))"))
    }
    guard problems.isEmpty else { throw DatasetError(problems: problems) }
  }

  /// A view of a filter derived from a checked one (the same kinds, actors of a view): no check.
  package func derivedView(_ filter: ViewFilter) -> NetworkView { NetworkView(graph: self, filter: filter) }

  /// A derived view of only the observations `keeping` marks (by observation index).
  package func derivedView(_ filter: ViewFilter, keeping: [Bool]) -> NetworkView {
    precondition(keeping.count == observationCount, "one mark per observation")
    return NetworkView(graph: self, filter: filter, keeping: keeping)
  }
}

/// A declared bloc with its members as actor indices.
public struct BlocMembers: Hashable, Sendable {
  /// The bloc as the dataset declares it.
  public let bloc: Bloc
  /// Its members' indices, in the bloc's order.
  public let members: [ActorIndex]
}
