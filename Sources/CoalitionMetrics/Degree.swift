import CoalitionGraph

/// Which arcs a degree-type measure counts.
public enum DegreeMode: String, CaseIterable, Sendable {
  /// Ties leaving the actor; undirected ties count in both directions.
  case out
  /// Ties reaching the actor; undirected ties count in both directions.
  case `in`
  /// Every tie of the actor, direction ignored.
  case total
}

/// One score per node, indexed by node: the form the engine computes, kept for speed.
/// ``ActorScores`` is the same with the actor of each node.
public struct NodeScores: Sendable, Hashable {
  /// What was measured, e.g. `degree (total)`.
  public let name: String
  /// The score of each node, in node order.
  public let values: [Double]
  /// Scores named `name`.
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
  /// The score of node `node`.
  public subscript(node: Int) -> Double { values[node] }
  /// Nodes ordered by descending score (NaN last), ties broken by ascending node index.
  public var ranking: [Int] { Ranking.order(values) }
  /// Competition ranks ("1224"): equal scores share the best rank; NaN ranks last.
  public var ranks: [Int] { Ranking.ranks(values) }
}

/// Descending order and competition ranks of scores, with NaN (undefined scores such as Burt's
/// constraint of an isolate) after every number, so that the order is total.
package enum Ranking {
  package static func order(_ values: [Double]) -> [Int] {
    values.indices.sorted { a, b in
      let (x, y) = (values[a], values[b])
      if x.isNaN != y.isNaN { return y.isNaN }
      return x != y && !x.isNaN ? x > y : a < b
    }
  }

  package static func ranks(_ values: [Double]) -> [Int] {
    var out = [Int](repeating: 0, count: values.count)
    let order = order(values)
    for (k, v) in order.enumerated() {
      let previous = k > 0 ? values[order[k - 1]] : .nan
      let same = k > 0 && (previous == values[v] || (previous.isNaN && values[v].isNaN))
      out[v] = same ? out[order[k - 1]] : k + 1
    }
    return out
  }
}

/// Scores keyed by actor: the value of each actor of a view, by its identifier, with the index
/// form (``values``, one per local node of the view) kept for speed.
///
/// ```swift
/// let pagerank = try view.scores(.pagerank, directed: true)
/// pagerank["RUS"]                       // Russia's score, or nil if the view leaves Russia out
/// for s in pagerank.ranked().prefix(5) { print(s.rank, s.actor, s.value) }
/// ```
public struct ActorScores: Sendable, Hashable {
  /// What was measured, e.g. `pagerank`.
  public let name: String
  /// The actor identifier of each node, in node order.
  public let actors: [String]
  /// The score of each node, in node order.
  public let values: [Double]
  private let lookup: [String: Int]

  /// Scores for `actors` (identifiers, one per node) in node order.
  public init(name: String, actors: [String], values: [Double]) {
    precondition(actors.count == values.count, "one actor per value")
    self.name = name
    self.actors = actors
    self.values = values
    lookup = Dictionary(actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Node scores of a view, keyed by the view's actors.
  public init(_ scores: NodeScores, in view: NetworkView) { self.init(in: view, name: scores.name, values: scores.values) }

  /// Scores of a view's nodes, in node order, keyed by the view's actors.
  public init(in view: NetworkView, name: String, values: [Double]) {
    self.init(name: name, actors: (0..<view.nodeCount).map { view.actor($0).id }, values: values)
  }

  /// The score of an actor, or `nil` when the view leaves it out.
  public subscript(actor: String) -> Double? { lookup[actor].map { values[$0] } }
  /// The score of local node `node`.
  public subscript(node: Int) -> Double { values[node] }
  /// Every actor's score.
  public var byActor: [String: Double] { Dictionary(uniqueKeysWithValues: zip(actors, values)) }
  /// The index form.
  public var nodeScores: NodeScores { NodeScores(name: name, values: values) }
  /// Nodes ordered by descending score (NaN last), ties broken by node order.
  public var ranking: [Int] { Ranking.order(values) }
  /// Competition rank of each node ("1224"): equal scores share the best rank.
  public var ranks: [Int] { Ranking.ranks(values) }

  /// The score of each of `view`'s nodes, in the view's node order, looked up by actor — never by
  /// position, so that scores of another view cannot size the wrong actors.
  /// - Throws: ``ScoresMismatch`` unless the scores cover exactly the view's actors.
  public func values(for view: NetworkView) throws -> [Double] {
    var out = [Double](repeating: 0, count: view.nodeCount)
    var missing: [String] = []
    for v in 0..<view.nodeCount {
      let id = view.actor(v).id
      if let k = lookup[id] { out[v] = values[k] } else { missing.append(id) }
    }
    let shared = view.nodeCount - missing.count
    guard missing.isEmpty, shared == actors.count else {
      let extra = actors.filter { view.node(ofActor: $0) == nil }
      throw ScoresMismatch(measure: name, missing: missing, extra: extra)
    }
    return out
  }

  /// Actors from the highest score to the lowest (NaN last), each with its competition rank.
  public func ranked() -> [ActorScore] {
    let ranks = self.ranks
    return ranking.map { ActorScore(actor: actors[$0], value: values[$0], rank: ranks[$0]) }
  }
}

/// One actor's score and competition rank.
public struct ActorScore: Sendable, Hashable {
  /// The actor's identifier.
  public let actor: String
  /// Its score.
  public let value: Double
  /// 1 for the highest score; equal scores share the best rank.
  public let rank: Int
}

extension NetworkView {
  /// Number of distinct neighbours of each actor (ties of several kinds to one partner count once).
  ///
  /// With `mode: .total` direction is ignored; `.out` and `.in` follow the direction of directed
  /// kinds, and undirected ties count both ways.
  /// - Parameters:
  ///   - mode: Which arcs count.
  ///   - normalized: Divide by `n − 1`, the most neighbours an actor can have (NetworkX and igraph
  ///     convention for simple graphs).
  /// - Complexity: O(n + m) time, O(n) extra space.
  public func degree(_ mode: DegreeMode = .total, normalized: Bool = false) -> ActorScores {
    let csr = storage(for: mode)
    var values = [Double](repeating: 0, count: nodeCount)
    var lastSeen = [Int32](repeating: -1, count: nodeCount)
    for v in 0..<nodeCount {
      var count = 0
      for e in csr.arcs(of: v) {
        let w = Int(csr.target[e])
        if lastSeen[w] != Int32(v) {
          lastSeen[w] = Int32(v)
          count += 1
        }
      }
      values[v] = Double(count)
    }
    if normalized, nodeCount > 1 { values = values.map { $0 / Double(nodeCount - 1) } }
    return ActorScores(in: self, name: "degree (\(mode.rawValue))", values: values)
  }

  /// Sum of the weights of each actor's ties (every kind counts separately).
  ///
  /// Weights are the view's aggregated tie weights (by default the number of observations).
  /// - Parameters:
  ///   - mode: Which arcs count.
  ///   - normalized: Divide by `n − 1`.
  /// - Complexity: O(n + m).
  public func strength(_ mode: DegreeMode = .total, normalized: Bool = false) -> ActorScores {
    let csr = storage(for: mode)
    var values = (0..<nodeCount).map { v in csr.arcs(of: v).reduce(0.0) { $0 + csr.weight[$1] } }
    if normalized, nodeCount > 1 { values = values.map { $0 / Double(nodeCount - 1) } }
    return ActorScores(in: self, name: "strength (\(mode.rawValue))", values: values)
  }

  /// Number of ties of each actor, one per (partner, kind).
  /// - Complexity: O(n).
  public func tieCount(_ mode: DegreeMode = .total) -> ActorScores {
    let csr = storage(for: mode)
    return ActorScores(in: self, name: "ties (\(mode.rawValue))", values: (0..<nodeCount).map { Double(csr.arcs(of: $0).count) })
  }

  func storage(for mode: DegreeMode) -> CSRStorage {
    switch mode {
    case .out: return outgoing
    case .in: return incoming
    case .total: return undirected
    }
  }
}

extension NetworkView {
  /// The same view restricted to the `k` actors that rank highest in `scores` (scores of this
  /// view; ties at the cut go by node order), e.g. the 40 most central states of a 190-state map.
  public func top(_ k: Int, by scores: ActorScores) -> NetworkView {
    let keep = Set(scores.ranking.prefix(max(0, k)).map { scores.actors[$0] })
    var narrowed = filter
    narrowed.actors = filter.actors.map { $0.intersection(keep) } ?? keep
    return graph.derivedView(narrowed)
  }
}

/// Scores that were not computed on the view they are used with: some of the view's actors have
/// none, or the scores name actors the view leaves out.
public struct ScoresMismatch: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was measured.
  public let measure: String
  /// The view's actors without a score.
  public let missing: [String]
  /// Actors with a score that the view leaves out.
  public let extra: [String]

  /// A mismatch.
  public init(measure: String, missing: [String], extra: [String]) {
    self.measure = measure
    self.missing = missing
    self.extra = extra
  }

  public var description: String {
    func some(_ ids: [String]) -> String { ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? " and \(ids.count - 5) more" : "") }
    var parts: [String] = []
    if !missing.isEmpty { parts.append("no score for \(missing.count) of the view's actors (\(some(missing)))") }
    if !extra.isEmpty { parts.append("scores for \(extra.count) actors the view leaves out (\(some(extra)))") }
    return "the scores \"\(measure)\" were computed on another view: \(parts.joined(separator: "; ")); compute them on the view they are drawn with"
  }
}

