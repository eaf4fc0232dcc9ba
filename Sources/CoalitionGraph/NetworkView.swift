/// A tie: the observations of one (source, target, kind) in a view, aggregated.
/// For undirected kinds, source is the lower actor index.
public struct Tie: Hashable, Sendable {
  /// The acting actor (the lower index for undirected kinds).
  public let source: ActorIndex
  /// The actor acted on.
  public let target: ActorIndex
  /// The tie's kind.
  public let kind: KindIndex
  /// Aggregated weight (see ``Aggregation``).
  public let weight: Double
  /// Number of observations behind the tie.
  public let count: Int
  /// The firmest confidence among its observations: a tie is alleged only if all of them are.
  public let confidence: Confidence
  /// Whether the tie's kind has a direction.
  public let directed: Bool
  /// Indices of the observations behind the tie, ascending.
  public let observations: [Int]
}

/// An immutable selection of a ``CoalitionNetwork`` — kinds, polarity, confidence, time window,
/// actors — with its observations aggregated into ties and stored as compressed sparse rows.
///
/// Nodes have local indices `0 ..< nodeCount` in ascending actor-index order; ``actor(_:)`` maps
/// them back. Three adjacency structures are built once, when the view is made:
/// - ``outgoing``: directed ties source → target, undirected ties in both directions;
/// - ``incoming``: the reverse of ``outgoing``;
/// - ``undirected``: every tie in both directions, direction ignored.
/// Ties of several kinds between one pair stay separate arcs (a multigraph).
public struct NetworkView: Sendable {
  /// The network the view selects from.
  public let graph: CoalitionNetwork
  /// What the view keeps.
  public let filter: ViewFilter
  /// Actor index of each local node.
  public let nodes: [ActorIndex]
  /// The ties, sorted by (source, target, kind).
  public let ties: [Tie]
  /// Directed ties source → target, undirected ties both ways.
  public let outgoing: CSRStorage
  /// The reverse of ``outgoing``.
  public let incoming: CSRStorage
  /// Every tie both ways, direction ignored.
  public let undirected: CSRStorage
  private let localIndex: [Int32]

  /// The view of `filter`, of the observations `keeping` allows (every one when `nil`): the
  /// evidence-thinning draws of the report leave observations out at random.
  init(graph g: CoalitionNetwork, filter: ViewFilter, keeping: [Bool]? = nil) {
    self.graph = g
    self.filter = filter
    let n = g.actorCount
    var actorAllowed = [Bool](repeating: filter.actors == nil, count: n)
    if let keep = filter.actors {
      for id in keep { if let a = g.index(ofActor: id) { actorAllowed[a.int] = true } }
    }
    if let types = filter.actorTypes {
      for a in 0..<n where !types.contains(g.actors[a].type) { actorAllowed[a] = false }
    }
    var kindAllowed = [Bool](repeating: true, count: g.kinds.count)
    for (k, kind) in g.kinds.enumerated() {
      if let kinds = filter.kinds, !kinds.contains(kind.id) { kindAllowed[k] = false }
      if let p = filter.polarity, kind.polarity != p { kindAllowed[k] = false }
    }
    let (lo, hi) = (filter.window?.firstDay ?? .min, filter.window?.lastDay ?? .max)
    let knownBy = filter.knownBy?.lastDay ?? .max

    // Select observations and order them by canonical (source, target, kind).
    var selected: [Int] = []
    for i in 0..<g.observationCount {
      let k = Int(g.obsKind[i])
      guard keeping?[i] ?? true, kindAllowed[k], actorAllowed[Int(g.obsSource[i])], actorAllowed[Int(g.obsTarget[i])],
        g.obsConfidence[i] >= filter.minimumConfidence, g.obsFirstDay[i] <= hi, g.obsLastDay[i] >= lo,
        g.obsRecordDay[i] <= knownBy
      else { continue }
      selected.append(i)
    }
    func key(_ i: Int) -> (Int32, Int32, Int32) {
      let (s, t, k) = (g.obsSource[i], g.obsTarget[i], g.obsKind[i])
      return g.kinds[Int(k)].directed || s < t ? (s, t, k) : (t, s, k)
    }
    selected.sort { a, b in
      let (ka, kb) = (key(a), key(b))
      return ka != kb ? ka < kb : a < b
    }
    var ties: [Tie] = []
    var start = 0
    while start < selected.count {
      let k0 = key(selected[start])
      var end = start + 1
      while end < selected.count, key(selected[end]) == k0 { end += 1 }
      let group = Array(selected[start..<end])
      let factors = group.map { filter.decay?.factor(lastDay: g.obsLastDay[$0]) ?? 1 }
      let weights = zip(group, factors).map { g.obsWeight[$0] * $1 }
      let weight: Double
      switch filter.aggregation {
      case .count: weight = filter.decay == nil ? Double(group.count) : factors.reduce(0, +)
      case .sum: weight = weights.reduce(0, +)
      case .max: weight = weights.max() ?? 0
      }
      if let least = filter.minimumWeight, weight < least {
        start = end
        continue
      }
      ties.append(
        Tie(
          source: ActorIndex(k0.0), target: ActorIndex(k0.1), kind: KindIndex(k0.2), weight: weight, count: group.count,
          confidence: group.map { g.obsConfidence[$0] }.max()!, directed: g.kinds[Int(k0.2)].directed,
          observations: group.sorted()))
      start = end
    }

    // Nodes: allowed actors, or only those with a tie when isolates are dropped.
    var present = actorAllowed
    if filter.dropIsolates {
      present = [Bool](repeating: false, count: n)
      for t in ties {
        present[t.source.int] = true
        present[t.target.int] = true
      }
    }
    var local = [Int32](repeating: -1, count: n)
    var nodes: [ActorIndex] = []
    for a in 0..<n where present[a] {
      local[a] = Int32(nodes.count)
      nodes.append(ActorIndex(a))
    }
    self.nodes = nodes
    self.localIndex = local
    self.ties = ties

    var outT: [Int32] = [], outH: [Int32] = [], outW: [Double] = [], outTie: [Int32] = []
    var undT: [Int32] = [], undH: [Int32] = [], undW: [Double] = [], undTie: [Int32] = []
    for (i, t) in ties.enumerated() {
      let (s, d) = (local[t.source.int], local[t.target.int])
      undT += [s, d]
      undH += [d, s]
      undW += [t.weight, t.weight]
      undTie += [Int32(i), Int32(i)]
      outT.append(s)
      outH.append(d)
      outW.append(t.weight)
      outTie.append(Int32(i))
      if !t.directed {
        outT.append(d)
        outH.append(s)
        outW.append(t.weight)
        outTie.append(Int32(i))
      }
    }
    // Sort arcs by (tail, head, tie) so rows list neighbours in order.
    func sortedArcs(_ tails: [Int32], _ heads: [Int32], _ w: [Double], _ tie: [Int32]) -> CSRStorage {
      let order = tails.indices.sorted { (tails[$0], heads[$0], tie[$0]) < (tails[$1], heads[$1], tie[$1]) }
      return CSRStorage(
        nodeCount: nodes.count, tails: order.map { tails[$0] }, heads: order.map { heads[$0] }, weights: order.map { w[$0] },
        ties: order.map { tie[$0] })
    }
    outgoing = sortedArcs(outT, outH, outW, outTie)
    incoming = sortedArcs(outH, outT, outW, outTie)
    undirected = sortedArcs(undT, undH, undW, undTie)
  }

  /// Number of nodes in the view.
  public var nodeCount: Int { nodes.count }
  /// The actor at local node `v`.
  public func actor(_ v: Int) -> CoalitionActor { graph.actors[nodes[v].int] }
  /// The local node of an actor, or `nil` if the view leaves it out.
  public func node(of actor: ActorIndex) -> Int? {
    let l = localIndex[actor.int]
    return l < 0 ? nil : Int(l)
  }
  /// The local node of an actor identifier, or `nil`.
  public func node(ofActor id: String) -> Int? { graph.index(ofActor: id).flatMap(node(of:)) }

  /// Kinds that have at least one tie in the view, in kind-index order.
  public var kindsPresent: [KindIndex] { Set(ties.map(\.kind)).sorted() }

  /// The ties between two actors in either direction, in tie order.
  public func ties(between a: ActorIndex, and b: ActorIndex) -> [Tie] {
    ties.filter { ($0.source == a && $0.target == b) || ($0.source == b && $0.target == a) }
  }
}

extension NetworkView {
  /// The latest date the view's observations speak of (see ``ObservationTime/latestDate``), or
  /// `nil` for a view without ties. Dates compare by their first day, then their last, so
  /// `2024-03-20` is later than `2024-03`.
  public var latestDate: PartialDate? {
    var latest: PartialDate?
    for tie in ties {
      for i in tie.observations {
        if let d = graph.observation(i).time.latestDate, latest.map({ d > $0 }) ?? true { latest = d }
      }
    }
    return latest
  }
}
