import CoalitionGraph

/// How a pair with both cooperative and hostile ties gets one sign.
public enum MixedPairRule: String, CaseIterable, Sendable {
  /// The sign of (cooperative weight − hostile weight); pairs where they are equal are left out.
  case majority
  /// Any hostile tie makes the pair hostile.
  case hostileWins
  /// Any cooperative tie makes the pair cooperative.
  case cooperativeWins
  /// Mixed pairs are left out.
  case drop
}

/// One edge of a signed graph.
public struct SignedEdge: Hashable, Sendable {
  /// One end (the lower node in a ``SignedGraph``'s edges).
  public var u: Int
  /// The other end.
  public var v: Int
  /// +1 or −1.
  public var sign: Int

  /// An edge between `u` and `v` with `sign`.
  public init(_ u: Int, _ v: Int, sign: Int) {
    self.u = u
    self.v = v
    self.sign = sign
  }
}

/// A pair with ties of both polarities, and the sign a ``MixedPairRule`` gave it.
public struct MixedPair: Hashable, Sendable {
  /// The lower node.
  public var u: Int
  /// The higher node.
  public var v: Int
  /// Weight of its cooperative ties.
  public var cooperative: Double
  /// Weight of its hostile ties.
  public var hostile: Double
  /// The sign it was given; 0 when it was left out.
  public var sign: Int
}

/// An actor's signed degree: partners by the sign of the pair.
public struct SignedDegree: Hashable, Sendable {
  /// Partners with a positive pair.
  public var positive: Int
  /// Partners with a negative pair.
  public var negative: Int
}

/// A signed simple graph: one sign per unordered pair of actors.
public struct SignedGraph: Sendable {
  /// Number of nodes.
  public let nodeCount: Int
  /// Edges as (lower node, higher node, sign ±1), ascending.
  public let edges: [SignedEdge]
  /// Pairs that had ties of both polarities, with what the rule made of them (0 = left out).
  /// Reported so that the projection is never silent.
  public let mixedPairs: [MixedPair]

  /// A signed graph from edges; a sign of 0 or more counts as +1, a negative one as −1.
  public init(nodeCount: Int, edges: [SignedEdge]) {
    self.nodeCount = nodeCount
    self.edges = edges.map { SignedEdge(min($0.u, $0.v), max($0.u, $0.v), sign: $0.sign >= 0 ? 1 : -1) }.sorted { ($0.u, $0.v) < ($1.u, $1.v) }
    mixedPairs = []
  }

  init(nodeCount: Int, edges: [SignedEdge], mixed: [MixedPair]) {
    self.nodeCount = nodeCount
    self.edges = edges
    mixedPairs = mixed
  }

  /// Neighbours with signs, per node.
  var adjacency: [[(Int, Int)]] {
    var adj = [[(Int, Int)]](repeating: [], count: nodeCount)
    for e in edges {
      adj[e.u].append((e.v, e.sign))
      adj[e.v].append((e.u, e.sign))
    }
    return adj
  }

  /// Positive, negative and net degree of each node.
  public func signedDegree() -> [SignedDegree] {
    var out = [SignedDegree](repeating: SignedDegree(positive: 0, negative: 0), count: nodeCount)
    for e in edges {
      for x in [e.u, e.v] { if e.sign > 0 { out[x].positive += 1 } else { out[x].negative += 1 } }
    }
    return out
  }

  /// Triangles by their number of negative edges: [+++, ++−, +−−, −−−]. Under structural balance
  /// (Heider 1946; Cartwright and Harary 1956) +++ and +−− are balanced ("the enemy of my enemy is
  /// my friend"); under weak balance (Davis 1967) −−− is balanced too.
  /// - Complexity: O(Σ deg²).
  public func triangleCensus() -> [Int] {
    let adj = adjacency
    var sign = [Int](repeating: 0, count: nodeCount)
    var census = [0, 0, 0, 0]
    for u in 0..<nodeCount {
      for (v, s) in adj[u] { sign[v] = s }
      for (v, s1) in adj[u] where v > u {
        for (w, s2) in adj[v] where w > v && sign[w] != 0 {
          census[[s1, s2, sign[w]].filter { $0 < 0 }.count] += 1
        }
      }
      for (v, _) in adj[u] { sign[v] = 0 }
    }
    return census
  }

  /// Share of triangles that are balanced (+++ and +−−); NaN without triangles.
  public func balanceRatio() -> Double {
    let c = triangleCensus()
    let total = c.reduce(0, +)
    return total == 0 ? .nan : Double(c[0] + c[2]) / Double(total)
  }

  /// Harary's test (1953): the graph is balanced exactly when its nodes split into two camps with
  /// every positive edge inside a camp and every negative edge across. Returns the camps (0 or 1
  /// per node, each component's lowest node in camp 0), or `nil` when no such split exists.
  /// - Complexity: O(n + m).
  public func hararySplit() -> [Int]? {
    let adj = adjacency
    var camp = [Int](repeating: -1, count: nodeCount)
    for s in 0..<nodeCount where camp[s] < 0 {
      camp[s] = 0
      var stack = [s]
      while let u = stack.popLast() {
        for (v, sign) in adj[u] {
          let want = sign > 0 ? camp[u] : 1 - camp[u]
          if camp[v] < 0 {
            camp[v] = want
            stack.append(v)
          } else if camp[v] != want {
            return nil
          }
        }
      }
    }
    return camp
  }

  /// Frustration of a split: positive edges across groups plus negative edges inside a group
  /// (Doreian and Mrvar 1996 with equal weights). 0 for a balanced split.
  public func frustration(of groups: [Int]) -> Int {
    edges.reduce(0) { $0 + ((groups[$1.u] == groups[$1.v]) == ($1.sign > 0) ? 0 : 1) }
  }

  /// PN centrality (Everett and Borgatti 2014, doi:10.1016/j.socnet.2013.11.002):
  /// PN = (I − A / (2n − 2))⁻¹ · 1 with A = P − 2N, rewarding positive ties and penalising negative
  /// ones, including those of one's partners. Solved by Gaussian elimination with partial pivoting.
  /// - Complexity: O(n³).
  public func pnCentrality() -> [Double] {
    let n = nodeCount
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    var m = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
    let beta = 1 / Double(2 * n - 2)
    for i in 0..<n {
      m[i][i] = 1
      m[i][n] = 1
    }
    for e in edges {
      let a = e.sign > 0 ? 1.0 : -2.0
      m[e.u][e.v] -= beta * a
      m[e.v][e.u] -= beta * a
    }
    for col in 0..<n {
      let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
      m.swapAt(col, pivot)
      for r in 0..<n where r != col && m[r][col] != 0 {
        let f = m[r][col] / m[col][col]
        for c in col...n { m[r][c] -= f * m[col][c] }
      }
    }
    return (0..<n).map { m[$0][n] / m[$0][$0] }
  }

  /// Signed modularity of a partition (Gómez, Jensen and Arenas 2009, doi:10.1103/PhysRevE.80.016114):
  /// Q = [2w⁺·Q⁺ − 2w⁻·Q⁻] / (2w⁺ + 2w⁻), with Q⁺ and Q⁻ the modularity of the positive and of the
  /// negative edges. High when groups hold positive ties and negative ties run between groups.
  public func modularity(partition: [Int]) -> Double {
    let positive = edges.filter { $0.sign > 0 }.map { WeightedEdge($0.u, $0.v, 1.0) }
    let negative = edges.filter { $0.sign < 0 }.map { WeightedEdge($0.u, $0.v, 1.0) }
    let (wp, wn) = (Double(positive.count), Double(negative.count))
    guard wp + wn > 0 else { return 0 }
    let qp = wp > 0 ? SimpleGraph(nodeCount: nodeCount, edges: positive, directed: false).modularity(partition: partition) : 0
    let qn = wn > 0 ? SimpleGraph(nodeCount: nodeCount, edges: negative, directed: false).modularity(partition: partition) : 0
    return (wp * qp - wn * qn) / (wp + wn)
  }
}

extension NetworkView {
  /// The view as a signed graph: one sign per pair of actors, cooperative kinds positive and
  /// hostile kinds negative, direction ignored. Pairs with both kinds of ties follow `rule`, and
  /// are listed in ``SignedGraph/mixedPairs``.
  public func signedGraph(rule: MixedPairRule = .majority) -> SignedGraph {
    // Per pair: summed cooperative and hostile weight, and whether each polarity has a tie at all
    // (a tie of weight 0, such as a SIPRI delivery under 0.5 million TIV, still gives its sign).
    var sums: [Int: (c: Double, h: Double, hasC: Bool, hasH: Bool)] = [:]
    for t in ties {
      let (a, b) = (node(of: t.source)!, node(of: t.target)!)
      let key = min(a, b) * nodeCount + max(a, b)
      var s = sums[key, default: (0, 0, false, false)]
      if graph[t.kind].polarity == .cooperative {
        s.c += t.weight
        s.hasC = true
      } else {
        s.h += t.weight
        s.hasH = true
      }
      sums[key] = s
    }
    var edges: [SignedEdge] = []
    var mixed: [MixedPair] = []
    for key in sums.keys.sorted() {
      let (c, h, hasC, hasH) = sums[key]!
      let (u, v) = (key / nodeCount, key % nodeCount)
      var sign = hasC ? 1 : -1
      if hasC && hasH {
        switch rule {
        case .majority: sign = c > h ? 1 : c < h ? -1 : 0
        case .hostileWins: sign = -1
        case .cooperativeWins: sign = 1
        case .drop: sign = 0
        }
        mixed.append(MixedPair(u: u, v: v, cooperative: c, hostile: h, sign: sign))
      }
      if sign != 0 { edges.append(SignedEdge(u, v, sign: sign)) }
    }
    return SignedGraph(nodeCount: nodeCount, edges: edges, mixed: mixed)
  }
}
