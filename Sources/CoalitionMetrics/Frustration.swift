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

  /// The edges at each node, as compressed rows: node v's are `start[v] ..< start[v + 1]`, each
  /// with the node at the other end and the edge's index.
  package struct Incidence: Sendable {
    package let start: [Int]
    package let other: [Int32]
    package let edge: [Int32]
  }

  /// The edges at each node (``Incidence``), in edge order.
  package var incidence: Incidence {
    var start = [Int](repeating: 0, count: nodeCount + 1)
    for e in edges {
      start[e.u + 1] += 1
      start[e.v + 1] += 1
    }
    for v in 0..<nodeCount { start[v + 1] += start[v] }
    var fill = start
    var other = [Int32](repeating: 0, count: 2 * edges.count), edge = other
    for (k, e) in edges.enumerated() {
      for (a, b) in [(e.u, e.v), (e.v, e.u)] {
        other[fill[a]] = Int32(b)
        edge[fill[a]] = Int32(k)
        fill[a] += 1
      }
    }
    return Incidence(start: start, other: other, edge: edge)
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
  /// Unbalanced cycles (edge indices into the problem) whose packing proves the local search's
  /// lower bound; a solver may start from them. Empty when none was packed.
  public var cycles: [[Int]]
  /// How much work the solver did and why it stopped; `nil` for the local search.
  public var effort: SolverEffort?

  /// A solution; `lowerBound` must not exceed `value`.
  public init(value: Int, lowerBound: Int, split: [Int], cycles: [[Int]] = [], effort: SolverEffort? = nil) {
    self.value = value
    self.lowerBound = min(lowerBound, value)
    self.split = split
    self.cycles = cycles
    self.effort = effort
  }
}

/// The work an exact solver did, counted in steps that do not depend on the machine, and why it
/// stopped: the same problem gives the same effort and the same bounds on any machine, unless a
/// wall-clock time limit ends the search first.
public struct SolverEffort: Hashable, Sendable {
  /// Why the solver stopped.
  public enum Stop: String, Hashable, Sendable {
    /// The minimum was proven.
    case proven = "proven"
    /// The lower bound had stopped rising: more work would most likely not have moved it.
    case stalled = "its bound had stopped improving"
    /// The work budget was spent.
    case budget = "its work budget was spent"
    /// The wall-clock time limit came first (the only stop that depends on the machine).
    case timeLimit = "its time limit came first"
  }

  /// Rounds of cutting planes at the root.
  public var cutRounds: Int
  /// Simplex pivots, at the root and in the search.
  public var pivots: Int
  /// Nodes of the branch-and-bound search.
  public var branchNodes: Int
  /// Why it stopped.
  public var stop: Stop

  /// An effort record.
  public init(cutRounds: Int, pivots: Int, branchNodes: Int, stop: Stop) {
    self.cutRounds = cutRounds
    self.pivots = pivots
    self.branchNodes = branchNodes
    self.stop = stop
  }

  /// The sum of two components' efforts; the stop of the one that was not proven.
  func adding(_ other: SolverEffort) -> SolverEffort {
    SolverEffort(
      cutRounds: cutRounds + other.cutRounds, pivots: pivots + other.pivots, branchNodes: branchNodes + other.branchNodes,
      stop: stop == .proven ? other.stop : stop)
  }

  /// "14 cut rounds, 6204 simplex pivots and 310 branch nodes".
  public var description: String {
    func count(_ k: Int, _ noun: String) -> String { "\(k) \(noun)\(k == 1 ? "" : "s")" }
    return "\(count(cutRounds, "cut round")), \(count(pivots, "simplex pivot")) and \(count(branchNodes, "branch node"))"
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
  /// What the exact solver spent on the components it was given, and why it stopped; `nil`
  /// when no component went to it.
  public var effort: SolverEffort?

  /// Whether ``frustration`` is proven minimal.
  public var exact: Bool { lowerBound == frustration }
  /// 1 − 2L/m (Aref and Wilson 2019): 1 balanced, 0 as frustrated as a random signing; 1 without edges.
  public var balance: Double { edgeCount == 0 ? 1 : 1 - 2 * Double(frustration) / Double(edgeCount) }
  /// "exact (integer program)", or "between 40 and 46 (integer program, stopped after 14 cut
  /// rounds, 6204 simplex pivots and 0 branch nodes: its bound had stopped improving)".
  public var description: String {
    if exact { return method == .localSearch ? "exact (local search, proven by a packing of unbalanced cycles)" : "exact (\(method.rawValue))" }
    switch method {
    case .localSearch: return "at most \(frustration), at least \(lowerBound) (local search and a packing of unbalanced cycles)"
    default:
      guard let effort else { return "between \(lowerBound) and \(frustration) (\(method.rawValue))" }
      return "between \(lowerBound) and \(frustration) (\(method.rawValue), stopped after \(effort.description): \(effort.stop.rawValue))"
    }
  }
}

/// The pure-Swift solver for large components: single-node moves from seeded random starts (32,
/// fewer on very large components).
/// Its lower bound is a packing of short unbalanced cycles, each of which needs one frustrated
/// edge.
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
    var effort: SolverEffort?
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
        if start.value == 0 {
          // Balanced: the local search found a split that frustrates nothing; nothing to solve.
        } else if start.lowerBound == start.value {
          // The packing proves the local search's split: nothing left for the solver.
          method = max(method, .localSearch)
        } else if let solved = try? solver.solve(reduced.problem, start: start) {
          best = solved.value <= start.value ? solved : FrustrationSolution(value: start.value, lowerBound: solved.lowerBound, split: start.split)
          best.lowerBound = max(best.lowerBound, start.lowerBound)
          method = max(method, solver.method)
          if let e = solved.effort { effort = effort.map { $0.adding(e) } ?? e }
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
    return FrustrationResult(frustration: upper, lowerBound: min(lower, upper), split: split, method: method, edgeCount: edges.count, effort: effort)
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

  /// Single-node moves from seeded random starts: 32 up to 20,000 edges, fewer beyond (at least
  /// 4), so that the work stays near 640,000 edge visits per sweep; the lower bound packs
  /// unbalanced cycles (``cyclePacking(_:longest:effort:)``).
  static func localSearch(_ p: FrustrationProblem, seed: UInt64) -> FrustrationSolution {
    let n = p.nodeCount
    let neighbours = p.neighbours
    var rng = SplitMix64(seed: seed)
    var best = Int.max
    var bestSplit = [Int](repeating: 0, count: n)
    let starts = max(4, min(32, 640_000 / max(1, p.edges.count)))
    for _ in 0..<starts {
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
    let packing = cyclePacking(p)
    return FrustrationSolution(value: best, lowerBound: packing.bound, split: bestSplit, cycles: packing.cycles)
  }

  /// A lower bound: a packing of unbalanced cycles (an odd number of negative edges), each of
  /// which needs at least one frustrated edge. A cycle takes its lightest remaining weight λ from
  /// each of its edges and adds λ to the bound, so no edge gives more than its weight: for any
  /// split, Σ_e w_e·[e frustrated] ≥ Σ_cycles λ. Cycles are sought shortest first (3, then 4,
  /// then 5 edges) through each edge that still has weight, by a search from both ends that gives
  /// up past `effort` adjacency entries, so the work stays near O(m · effort).
  static func cyclePacking(_ p: FrustrationProblem, longest: Int = 5, effort: Int = 4_096) -> (bound: Int, cycles: [[Int]]) {
    var packer = CyclePacker(p, effort: effort)
    var bound = 0
    var cycles: [[Int]] = []
    for length in 3...max(3, longest) {
      for k in p.edges.indices {
        while packer.residual[k] > 0, let cycle = packer.unbalancedCycle(through: k, length: length) {
          let lambda = cycle.map { packer.residual[$0] }.min()!
          for e in cycle { packer.residual[e] -= lambda }
          bound += lambda
          cycles.append(cycle)
        }
      }
    }
    return (bound, cycles)
  }
}

/// The search behind ``FrustrationReduction/cyclePacking(_:longest:effort:)``: states are
/// (node, parity of the negative edges walked), marked with a stamp per search so that nothing is
/// cleared between searches.
private struct CyclePacker {
  let problem: FrustrationProblem
  let effort: Int
  var residual: [Int]
  /// The edges at each node.
  let incidence: FrustrationProblem.Incidence
  /// Per state (2v + parity), for each side: the stamp that reached it, and the state and edge it came from.
  var stamp: [[Int]], from: [[Int]], via: [[Int32]]
  var current = 0

  init(_ p: FrustrationProblem, effort: Int) {
    problem = p
    self.effort = effort
    residual = p.edges.map(\.weight)
    incidence = p.incidence
    stamp = [[Int]](repeating: [Int](repeating: 0, count: 2 * p.nodeCount), count: 2)
    from = stamp
    via = [[Int32]](repeating: [Int32](repeating: -1, count: 2 * p.nodeCount), count: 2)
  }

  /// Breadth-first from `root` to `depth` edges over edges with weight left, never along `skip`;
  /// marks side `side` with the current stamp. Returns the states in the order reached, or nil
  /// past the effort.
  mutating func reach(from root: Int, side: Int, depth: Int, skip: Int) -> [Int]? {
    var layer = [2 * root]
    var all = layer
    stamp[side][2 * root] = current
    via[side][2 * root] = -1
    var scanned = 0
    for _ in 0..<depth {
      var next: [Int] = []
      for state in layer {
        let (v, parity) = (state >> 1, state & 1)
        let (first, end) = (incidence.start[v], incidence.start[v + 1])
        scanned += end - first
        if scanned > effort { return nil }
        for j in first..<end {
          let k = Int(incidence.edge[j])
          guard k != skip, residual[k] > 0 else { continue }
          let s = 2 * Int(incidence.other[j]) + (parity ^ (problem.edges[k].sign < 0 ? 1 : 0))
          guard stamp[side][s] != current else { continue }
          stamp[side][s] = current
          from[side][s] = state
          via[side][s] = Int32(k)
          next.append(s)
        }
      }
      all += next
      layer = next
    }
    return all
  }

  /// The edges of an unbalanced simple cycle of at most `length` edges through edge `k`, built
  /// from one search from each end; nil when there is none within reach.
  mutating func unbalancedCycle(through k: Int, length: Int) -> [Int]? {
    current += 1
    let e = problem.edges[k]
    let negative = e.sign < 0 ? 1 : 0
    let (near, far) = ((length - 1 + 1) / 2, (length - 1) / 2)
    guard reach(from: e.u, side: 0, depth: near, skip: k) != nil, let states = reach(from: e.v, side: 1, depth: far, skip: k) else { return nil }
    // A u-path to x with parity q' and a v-path to x with parity q close an unbalanced cycle when
    // q' + q + the sign of k is odd.
    for s in states {
      let meet = (s & ~1) | ((s & 1) ^ negative ^ 1)
      guard stamp[0][meet] == current else { continue }
      var nodes: [Int] = [], edges: [Int] = []
      // u … x along side 0 (reversed from x), then x … v along side 1, then k back to u.
      var t = meet
      var left: [(Int, Int)] = []
      while via[0][t] >= 0 {
        left.append((t >> 1, Int(via[0][t])))
        t = from[0][t]
      }
      nodes.append(e.u)
      for (node, k) in left.reversed() {
        edges.append(k)
        nodes.append(node)
      }
      t = s
      while via[1][t] >= 0 {
        edges.append(Int(via[1][t]))
        t = from[1][t]
        nodes.append(t >> 1)
      }
      edges.append(k)
      if let cycle = Self.simpleOddCycle(nodes: nodes, edges: edges, problem: problem) { return cycle }
    }
    return nil
  }

  /// A closed walk (node i joined to node i + 1 by edge i, the last edge back to node 0) with an
  /// odd number of negative edges contains a simple cycle with the same property: split the walk
  /// at a repeated node into two closed walks and keep the odd one, until no node repeats.
  static func simpleOddCycle(nodes: [Int], edges: [Int], problem: FrustrationProblem) -> [Int]? {
    var (nodes, edges) = (nodes, edges)
    func odd(_ list: ArraySlice<Int>) -> Bool { list.reduce(0) { $0 + (problem.edges[$1].sign < 0 ? 1 : 0) } % 2 == 1 }
    while true {
      var firstAt: [Int: Int] = [:]
      var repeatAt: (Int, Int)?
      for (i, v) in nodes.enumerated() {
        if let j = firstAt[v] {
          repeatAt = (j, i)
          break
        }
        firstAt[v] = i
      }
      guard let (i, j) = repeatAt else { break }
      // Nodes i ..< j with edges i ..< j close on themselves; the rest closes too.
      if odd(edges[i..<j]) {
        nodes = Array(nodes[i..<j])
        edges = Array(edges[i..<j])
      } else {
        nodes = Array(nodes[..<i] + nodes[j...])
        edges = Array(edges[..<i] + edges[j...])
      }
    }
    guard edges.count >= 3, Set(edges).count == edges.count, odd(edges[...]) else { return nil }
    return edges
  }
}
