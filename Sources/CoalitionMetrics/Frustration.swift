import CoalitionGraph

/// One edge of a ``FrustrationProblem``: a sign and a whole-number weight (parallel edges merged).
public struct WeightedSignedEdge: Hashable, Sendable {
  /// One end (the smaller node index).
  public var u: Int
  /// The other end.
  public var v: Int
  /// +1 (the ends belong together) or −1 (they belong apart).
  public var sign: Int
  /// What leaving this edge frustrated costs: the number of signed pairs it stands for.
  public var weight: Int

  /// An edge; `u` and `v` are stored smaller first.
  public init(u: Int, v: Int, sign: Int, weight: Int) {
    self.u = min(u, v)
    self.v = max(u, v)
    self.sign = sign >= 0 ? 1 : -1
    self.weight = weight
  }
}

/// A connected signed graph with weighted edges, already reduced (no node of degree one or two,
/// no parallel edges): what a ``FrustrationSolver`` is given.
public struct FrustrationProblem: Sendable {
  /// Number of nodes, 0 ..< nodeCount.
  public let nodeCount: Int
  /// The edges.
  public let edges: [WeightedSignedEdge]

  /// A problem; every edge must join two different nodes below `nodeCount`.
  public init(nodeCount: Int, edges: [WeightedSignedEdge]) {
    self.nodeCount = nodeCount
    self.edges = edges
  }

  /// Weighted frustration of a split (0 or 1 per node): positive edges across, negative inside.
  public func cost(_ side: [Int]) -> Int {
    edges.reduce(0) { $0 + ((side[$1.u] == side[$1.v]) == ($1.sign > 0) ? 0 : $1.weight) }
  }

  /// The side lists of every node: (neighbour, sign, weight).
  var neighbours: [[(Int, Int, Int)]] {
    var adj = [[(Int, Int, Int)]](repeating: [], count: nodeCount)
    for e in edges {
      adj[e.u].append((e.v, e.sign, e.weight))
      adj[e.v].append((e.u, e.sign, e.weight))
    }
    return adj
  }
}

/// What a solver found for one ``FrustrationProblem``: the best split and a proven lower bound.
public struct FrustrationSolution: Sendable {
  /// The weighted frustration of ``split``: an upper bound on the minimum.
  public var value: Int
  /// A proven lower bound on the minimum; equal to ``value`` when the solver proved optimality.
  public var lowerBound: Int
  /// 0 or 1 per node.
  public var split: [Int]

  /// A solution; `lowerBound` must not exceed `value`.
  public init(value: Int, lowerBound: Int, split: [Int]) {
    self.value = value
    self.lowerBound = min(lowerBound, value)
    self.split = split
  }
}

/// How a frustration value was obtained.
public enum FrustrationMethod: String, Sendable, Hashable, Comparable {
  /// Nothing to solve: every component reduced away or balanced.
  case reduction
  /// Every split of each remaining component tried (at most ``SignedGraph/exactLimit`` nodes).
  case enumeration
  /// An integer program solved to optimality (or to a time limit: then a bound).
  case integerProgram = "integer program"
  /// Local search from seeded starts: an upper bound.
  case localSearch = "local search"

  private var rank: Int {
    switch self {
    case .reduction: return 0
    case .enumeration: return 1
    case .integerProgram: return 2
    case .localSearch: return 3
    }
  }
  public static func < (a: FrustrationMethod, b: FrustrationMethod) -> Bool { a.rank < b.rank }
}

/// Solves the components that are too large to enumerate.
///
/// ``LocalSearchFrustration`` is the pure-Swift default, an upper bound. The `CoalitionExact`
/// module provides `IntegerProgramFrustration`, exact through GLPK's branch and cut.
public protocol FrustrationSolver: Sendable {
  /// The method this solver reports.
  var method: FrustrationMethod { get }
  /// Solves one connected, reduced problem. `start` is a good split found by local search, which
  /// the solver may use as its first incumbent.
  /// - Throws: whatever the solver cannot recover from; ``SignedGraph/minimumFrustration(using:seed:)``
  ///   then falls back to `start`.
  func solve(_ problem: FrustrationProblem, start: FrustrationSolution) throws -> FrustrationSolution
}

/// The frustration index of a signed graph, with how far it is proven.
public struct FrustrationResult: Sendable, Hashable {
  /// The fewest signed pairs that contradict a split, as found: the frustration index L when
  /// ``exact``, else an upper bound.
  public var frustration: Int
  /// A proven lower bound on L (equal to ``frustration`` when exact).
  public var lowerBound: Int
  /// A two-camp split (0 or 1 per node) that attains ``frustration``.
  public var split: [Int]
  /// How the hardest component was solved.
  public var method: FrustrationMethod
  /// Number of signed pairs (edges).
  public var edgeCount: Int

  /// Whether ``frustration`` is proven minimal.
  public var exact: Bool { lowerBound == frustration }
  /// 1 − 2L/m (Aref and Wilson 2019): 1 balanced, 0 as frustrated as a random signing; 1 without edges.
  public var balance: Double { edgeCount == 0 ? 1 : 1 - 2 * Double(frustration) / Double(edgeCount) }
  /// "exact (integer program)", or "between 40 and 46 (integer program stopped at its time limit)".
  public var description: String {
    if exact { return "exact (\(method.rawValue))" }
    switch method {
    case .localSearch: return "at most \(frustration), at least \(lowerBound) (local search, an upper bound)"
    default: return "between \(lowerBound) and \(frustration) (\(method.rawValue) stopped at its time limit)"
    }
  }
}

/// The pure-Swift solver for large components: single-node moves from 32 seeded random starts.
/// Its lower bound is a packing of edge-disjoint unbalanced triangles, each of which needs one
/// frustrated edge.
public struct LocalSearchFrustration: FrustrationSolver {
  /// A solver.
  public init() {}
  public var method: FrustrationMethod { .localSearch }
  public func solve(_ problem: FrustrationProblem, start: FrustrationSolution) throws -> FrustrationSolution { start }
}

extension SignedGraph {
  /// Largest reduced component solved by enumerating its 2^(n−1) splits.
  public static let exactLimit = 25

  /// The fewest edges whose removal (or sign change) makes the graph balanced: the frustration
  /// index L (Harary 1959; Aref and Wilson 2019), with a two-camp split that attains it.
  ///
  /// Each connected component is first reduced without changing L: nodes of degree one are
  /// dropped (they can always agree), parallel edges merge (a + and a − edge between the same two
  /// nodes always cost one), and a node of degree two becomes one edge between its neighbours,
  /// with the product of the two signs and the smaller weight. Components of at most
  /// ``exactLimit`` nodes left are enumerated; larger ones go to `solver`, after a seeded local
  /// search that gives it a first split. With the default ``LocalSearchFrustration`` the value
  /// is then an upper bound, and ``FrustrationResult/exact`` says so.
  public func minimumFrustration(using solver: any FrustrationSolver = LocalSearchFrustration(), seed: UInt64 = 1) -> FrustrationResult {
    var split = [Int](repeating: 0, count: nodeCount)
    var (upper, lower) = (0, 0)
    var method = FrustrationMethod.reduction
    let components = components()
    for component in components {
      let reduced = FrustrationReduction(nodes: component, edges: edges)
      var side: [Int]
      if reduced.problem.nodeCount <= 1 || reduced.problem.edges.isEmpty {
        side = [Int](repeating: 0, count: reduced.problem.nodeCount)
      } else if reduced.problem.nodeCount <= SignedGraph.exactLimit {
        side = FrustrationReduction.enumerate(reduced.problem)
        method = max(method, .enumeration)
        lower += reduced.problem.cost(side)
      } else {
        let start = FrustrationReduction.localSearch(reduced.problem, seed: seed)
        var best = start
        if let solved = try? solver.solve(reduced.problem, start: start) {
          best = solved.value <= start.value ? solved : FrustrationSolution(value: start.value, lowerBound: solved.lowerBound, split: start.split)
          best.lowerBound = max(best.lowerBound, start.lowerBound)
          method = max(method, solver.method)
        } else {
          method = max(method, .localSearch)
        }
        side = best.split
        lower += best.lowerBound
      }
      upper += reduced.constant + reduced.problem.cost(side)
      lower += reduced.constant
      for (node, s) in reduced.expand(side) { split[node] = s }
    }
    // Each component's lowest node in camp 0.
    for component in components where split[component[0]] == 1 { for v in component { split[v] ^= 1 } }
    return FrustrationResult(frustration: upper, lowerBound: min(lower, upper), split: split, method: method, edgeCount: edges.count)
  }

  /// Connected components, each sorted, ordered by their smallest node.
  func components() -> [[Int]] {
    let adj = adjacency
    var seen = [Bool](repeating: false, count: nodeCount)
    var out: [[Int]] = []
    for s in 0..<nodeCount where !seen[s] {
      seen[s] = true
      var members = [s]
      var i = 0
      while i < members.count {
        for (v, _) in adj[members[i]] where !seen[v] {
          seen[v] = true
          members.append(v)
        }
        i += 1
      }
      out.append(members.sorted())
    }
    return out
  }
}

/// The reductions of ``SignedGraph/minimumFrustration(using:seed:)`` for one component, and how to
/// undo them: a split of the reduced problem extends to a split of the component with frustration
/// `constant + cost`.
struct FrustrationReduction {
  /// The reduced problem, on local indices.
  let problem: FrustrationProblem
  /// Frustration the reductions fixed (opposite parallel edges).
  let constant: Int
  /// The component's nodes: reduced node k is `kept[k]`.
  private let kept: [Int]
  /// Removed nodes, last removed first when undoing: node, then its one or two neighbours' edges.
  private let removed: [(node: Int, links: [(other: Int, sign: Int, weight: Int)])]

  init(nodes: [Int], edges allEdges: [SignedEdge]) {
    let members = Set(nodes)
    // Adjacency as weighted dictionaries: node → neighbour → (positive weight, negative weight).
    var adj: [Int: [Int: (p: Int, n: Int)]] = [:]
    for v in nodes { adj[v] = [:] }
    for e in allEdges where members.contains(e.u) {
      var w = adj[e.u]![e.v] ?? (0, 0)
      if e.sign > 0 { w.p += 1 } else { w.n += 1 }
      adj[e.u]![e.v] = w
      adj[e.v]![e.u] = w
    }
    var constant = 0
    // Opposite parallel edges: min(p, n) is paid whatever the split.
    func normalise(_ a: Int, _ b: Int) {
      guard let w = adj[a]?[b] else { return }
      let paid = min(w.p, w.n)
      constant += paid
      let rest = (p: w.p - paid, n: w.n - paid)
      if rest.p == 0 && rest.n == 0 {
        adj[a]![b] = nil
        adj[b]![a] = nil
      } else {
        adj[a]![b] = rest
        adj[b]![a] = rest
      }
    }
    for a in nodes { for b in Array(adj[a]!.keys) where a < b { normalise(a, b) } }
    var removed: [(node: Int, links: [(other: Int, sign: Int, weight: Int)])] = []
    var queue = nodes.filter { adj[$0]!.count <= 2 }
    var alive = Set(nodes)
    while let x = queue.popLast() {
      guard alive.contains(x), let links = adj[x], links.count <= 2 else { continue }
      // Keep one node of each component: a lone node or a pair is solved as it is.
      if alive.count <= 2 { break }
      let list = links.sorted { $0.key < $1.key }.map { (other: $0.key, sign: $0.value.p > 0 ? 1 : -1, weight: max($0.value.p, $0.value.n)) }
      alive.remove(x)
      adj[x] = nil
      for l in list { adj[l.other]![x] = nil }
      removed.append((x, list))
      if list.count == 2 {
        // A path a – x – b: one edge a – b with the signs' product and the smaller weight.
        let (a, b) = (list[0], list[1])
        var w = adj[a.other]![b.other] ?? (0, 0)
        if a.sign * b.sign > 0 { w.p += min(a.weight, b.weight) } else { w.n += min(a.weight, b.weight) }
        adj[a.other]![b.other] = w
        adj[b.other]![a.other] = w
        normalise(a.other, b.other)
      }
      for l in list where alive.contains(l.other) && adj[l.other]!.count <= 2 { queue.append(l.other) }
    }
    let kept = nodes.filter { alive.contains($0) }
    let local = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    var edges: [WeightedSignedEdge] = []
    for a in kept {
      for (b, w) in adj[a]! where a < b {
        edges.append(WeightedSignedEdge(u: local[a]!, v: local[b]!, sign: w.p > 0 ? 1 : -1, weight: max(w.p, w.n)))
      }
    }
    edges.sort { ($0.u, $0.v) < ($1.u, $1.v) }
    self.problem = FrustrationProblem(nodeCount: kept.count, edges: edges)
    self.constant = constant
    self.kept = kept
    self.removed = removed
  }

  /// A split of the component from a split of the reduced problem: removed nodes return in
  /// reverse order, each on the side that frustrates the least weight of its links.
  func expand(_ side: [Int]) -> [(Int, Int)] {
    var at: [Int: Int] = [:]
    for (k, v) in kept.enumerated() { at[v] = side[k] }
    for r in removed.reversed() {
      var cost = [0, 0]
      for l in r.links {
        let other = at[l.other] ?? 0
        for s in 0...1 where (s == other) != (l.sign > 0) { cost[s] += l.weight }
      }
      at[r.node] = cost[1] < cost[0] ? 1 : 0
    }
    return at.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The best split of a small problem: node 0 stays in camp 0; Gray-code order moves one node
  /// per step and updates the cost.
  static func enumerate(_ p: FrustrationProblem) -> [Int] {
    let n = p.nodeCount
    let neighbours = p.neighbours
    var a = [Int](repeating: 0, count: n)
    var current = p.cost(a)
    var best = current
    var bestCode: UInt32 = 0
    var code: UInt32 = 0
    let steps = UInt32(1) << UInt32(n - 1)
    for step in 1..<steps {
      let bit = step.trailingZeroBitCount + 1
      var delta = 0
      for (v, s, w) in neighbours[bit] { delta += ((a[bit] == a[v]) == (s > 0)) ? w : -w }
      a[bit] ^= 1
      code ^= UInt32(1) << UInt32(bit - 1)
      current += delta
      if current < best {
        best = current
        bestCode = code
      }
    }
    return (0..<n).map { $0 == 0 ? 0 : Int((bestCode >> UInt32($0 - 1)) & 1) }
  }

  /// Single-node moves from 32 seeded random starts; the lower bound packs edge-disjoint
  /// unbalanced triangles (each needs at least one frustrated edge, of at least its lightest weight).
  static func localSearch(_ p: FrustrationProblem, seed: UInt64) -> FrustrationSolution {
    let n = p.nodeCount
    let neighbours = p.neighbours
    var rng = SplitMix64(seed: seed)
    var best = Int.max
    var bestSplit = [Int](repeating: 0, count: n)
    for _ in 0..<32 {
      var a = (0..<n).map { _ in Int(rng.next() & 1) }
      var improved = true
      while improved {
        improved = false
        for u in 0..<n {
          var delta = 0
          for (v, s, w) in neighbours[u] { delta += ((a[u] == a[v]) == (s > 0)) ? w : -w }
          if delta < 0 {
            a[u] ^= 1
            improved = true
          }
        }
      }
      let c = p.cost(a)
      if c < best {
        best = c
        bestSplit = a.map { $0 ^ a[0] }
      }
    }
    return FrustrationSolution(value: best, lowerBound: trianglePacking(p), split: bestSplit)
  }

  /// A lower bound: greedily chosen edge-disjoint unbalanced triangles, each worth its lightest edge.
  static func trianglePacking(_ p: FrustrationProblem) -> Int {
    var index: [Int64: Int] = [:]
    for (k, e) in p.edges.enumerated() { index[Int64(e.u) << 32 | Int64(e.v)] = k }
    func edge(_ a: Int, _ b: Int) -> Int? { index[Int64(min(a, b)) << 32 | Int64(max(a, b))] }
    var used = [Bool](repeating: false, count: p.edges.count)
    let neighbours = p.neighbours
    var bound = 0
    for (k, e) in p.edges.enumerated() where !used[k] {
      for (w, _, _) in neighbours[e.u] where w != e.v && !used[k] {
        guard let a = edge(e.u, w), let b = edge(e.v, w), !used[a], !used[b] else { continue }
        let (x, y) = (p.edges[a], p.edges[b])
        if e.sign * x.sign * y.sign < 0 {
          used[k] = true
          used[a] = true
          used[b] = true
          bound += min(e.weight, x.weight, y.weight)
        }
      }
    }
    return bound
  }
}
