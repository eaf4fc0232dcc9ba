import CoalitionGraph

/// Group of each node of a view for bloc measures: the first declared bloc that lists the actor;
/// actors in no bloc each form a group of their own (they are outsiders to every bloc).
public struct BlocAssignment: Sendable {
  /// Group per local node: 0 ..< blocCount for declared blocs, then one group per unaffiliated actor.
  public let group: [Int]
  /// Number of declared blocs (groups below this number are blocs).
  public let blocCount: Int
  /// Names of the groups: bloc names, then the unaffiliated actors' identifiers.
  public let names: [String]

  /// The blocs of the view's network, with their members in the view.
  public init(view: NetworkView) {
    let g = view.graph
    var group = [Int](repeating: -1, count: view.nodeCount)
    for (b, entry) in g.blocs.enumerated() {
      for a in entry.members { if let v = view.node(of: a), group[v] < 0 { group[v] = b } }
    }
    var names = g.blocs.map(\.bloc.name)
    for v in 0..<view.nodeCount where group[v] < 0 {
      group[v] = names.count
      names.append(view.actor(v).id)
    }
    self.group = group
    self.blocCount = g.blocs.count
    self.names = names
  }

  var groupCount: Int { names.count }
  func size(_ k: Int) -> Int { group.filter { $0 == k }.count }
}

/// External–internal index of Krackhardt and Stern (1988): (E − I) / (E + I), from −1 (all ties
/// inside the group) to +1 (all ties to outsiders). `expected` is the value if ties fell at random
/// among all pairs, given the group sizes: 2·(share of possible pairs that are external) − 1.
public struct EIIndex: Hashable, Sendable {
  /// Ties to outsiders (E).
  public let external: Int
  /// Ties inside the group (I).
  public let inside: Int
  /// The index if ties fell at random among the possible pairs.
  public let expected: Double
  /// (E − I)/(E + I), or NaN without ties.
  public var value: Double { external + inside == 0 ? .nan : Double(external - inside) / Double(external + inside) }
}

extension NetworkView {
  /// Density of ties within and between declared blocs: the image matrix of block modelling
  /// (White, Boorman and Breiger 1976). Entry [a][b] is the share of possible pairs (a, b) that
  /// are tied in the simple graph of the view (ties of any kind count once per pair); the diagonal
  /// uses pairs inside the bloc. Undirected unless `directed`.
  /// - Returns: A k × k matrix over declared blocs, in declaration order; NaN where no pair is possible.
  /// - Complexity: O(n + m + k²).
  public func blocDensity(directed: Bool = false) -> [[Double]] {
    let assignment = BlocAssignment(view: self)
    let k = assignment.blocCount
    let g = simpleGraph(directed: directed)
    var ties = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for edge in g.edges {
      let (u, v) = (edge.source, edge.target)
      let (a, b) = (assignment.group[u], assignment.group[v])
      guard a < k, b < k else { continue }
      ties[a][b] += 1
      if !directed && a != b { ties[b][a] += 1 }
    }
    let sizes = (0..<k).map { Double(assignment.size($0)) }
    return (0..<k).map { a in
      (0..<k).map { b in
        let pairs = a == b ? sizes[a] * (sizes[a] - 1) / (directed ? 1 : 2) : sizes[a] * sizes[b]
        return pairs > 0 ? ties[a][b] / pairs : .nan
      }
    }
  }

  /// E-I index of the whole view, of each declared bloc and of each actor (Krackhardt and Stern
  /// 1988), on the simple undirected graph of the view (ties of any kind count once per pair).
  /// Actors in no bloc each form a group of their own.
  /// - Returns: The whole-network index, one per declared bloc (ties with at least one member),
  ///   and one per actor (its own ties).
  /// - Complexity: O(n + m).
  public func eiIndex(polarity: Polarity? = nil) -> EIIndices {
    let assignment = BlocAssignment(view: self)
    let g = simpleGraph(directed: false, polarity: polarity)
    let n = Double(nodeCount)
    let k = assignment.blocCount
    var whole = (0, 0)
    var blocs = [(Int, Int)](repeating: (0, 0), count: k)
    var actors = [(Int, Int)](repeating: (0, 0), count: nodeCount)
    for edge in g.edges {
      let (u, v) = (edge.source, edge.target)
      let (a, b) = (assignment.group[u], assignment.group[v])
      let external = a != b
      if external { whole.0 += 1 } else { whole.1 += 1 }
      for x in [u, v] {
        if external { actors[x].0 += 1 } else { actors[x].1 += 1 }
      }
      if external {
        if a < k { blocs[a].0 += 1 }
        if b < k { blocs[b].0 += 1 }
      } else if a < k {
        blocs[a].1 += 1
      }
    }
    // Chance baseline: share of all pairs that cross groups; for a bloc, share of its pairs.
    let sizes = (0..<assignment.groupCount).map { Double(assignment.size($0)) }
    let allPairs = n * (n - 1) / 2
    let internalPairs = sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    let expectedWhole = allPairs > 0 ? 2 * (allPairs - internalPairs) / allPairs - 1 : .nan
    func expected(forGroupOfSize s: Double) -> Double {
      let inside = s * (s - 1) / 2
      let outside = s * (n - s)
      return inside + outside > 0 ? (outside - inside) / (outside + inside) : .nan
    }
    return EIIndices(
      whole: EIIndex(external: whole.0, inside: whole.1, expected: expectedWhole),
      blocs: (0..<k).map { EIIndex(external: blocs[$0].0, inside: blocs[$0].1, expected: expected(forGroupOfSize: sizes[$0])) },
      actors: (0..<nodeCount).map { v in
        // An actor's possible partners: s − 1 inside its group, n − s outside.
        let s = sizes[assignment.group[v]]
        return EIIndex(external: actors[v].0, inside: actors[v].1, expected: n > 1 ? ((n - s) - (s - 1)) / (n - 1) : .nan)
      }
    )
  }
}

/// The E-I index of a view at three levels.
public struct EIIndices: Hashable, Sendable {
  /// The whole network.
  public var whole: EIIndex
  /// Each declared bloc, in the dataset's order (ties with at least one member).
  public var blocs: [EIIndex]
  /// Each actor's own ties, in node order.
  public var actors: [EIIndex]
}

