import CGLPK
import CoalitionGraph
import CoalitionMetrics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the integer program could not run.
public struct ExactSolverError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, in words.
  public let description: String
}

/// The exact frustration index through an integer program solved by GLPK's branch and cut (the
/// GNU Linear Programming Kit; Debian `libglpk-dev`).
///
/// The model is the one Aref, Mason and Wilson (2018, "An exact method for computing the
/// frustration index in signed networks using binary programming") call the XOR model: a binary
/// camp x_i per node (the first fixed to 0) and a binary f_e per edge, with
/// f ≥ x_u − x_v and f ≥ x_v − x_u for a positive edge, f ≥ x_u + x_v − 1 and f ≥ 1 − x_u − x_v for
/// a negative one, minimising Σ w_e·f_e. Its linear relaxation alone proves nothing (every x = ½
/// costs 0), so odd-cycle inequalities of the cut polytope (Barahona and Mahjoub 1986) are added,
/// found by shortest paths in the graph doubled by parity: first in rounds at the root until none
/// is violated, then at the first nodes of the search. The local-search split is the first
/// incumbent.
///
/// Within ``timeLimit`` the result is exact; past it, the best split and the proven lower bound
/// come back, and `FrustrationResult.exact` is false. Problems (after reduction) larger than
/// ``maximumNodes`` are not attempted: the local search answers, labelled as an upper bound.
public struct IntegerProgramFrustration: FrustrationSolver {
  /// Seconds for one component's program (the cut rounds and the search together).
  public var timeLimit: Double
  /// The largest reduced component given to the program.
  public var maximumNodes: Int

  /// A solver; `timeLimit` in seconds.
  public init(timeLimit: Double = 60, maximumNodes: Int = 5_000) {
    self.timeLimit = timeLimit
    self.maximumNodes = maximumNodes
  }

  public var method: FrustrationMethod { .integerProgram }

  /// GLPK keeps global state per thread at best; one program at a time.
  private static let lock = Locked(())

  public func solve(_ problem: FrustrationProblem, start: FrustrationSolution) throws -> FrustrationSolution {
    guard problem.nodeCount <= maximumNodes else {
      throw ExactSolverError(description: "\(problem.nodeCount) nodes after reduction, more than the \(maximumNodes) given to the integer program")
    }
    guard timeLimit > 0, timeLimit.isFinite else { throw ExactSolverError(description: "the time limit must be a positive number of seconds") }
    return try IntegerProgramFrustration.lock.withLock { _ in try Program(problem: problem, start: start, seconds: timeLimit).run() }
  }
}

/// One GLPK program for one problem.
private final class Program {
  let problem: FrustrationProblem
  let start: FrustrationSolution
  let n: Int, m: Int
  let deadline: Double
  let separator: OddCycleSeparator
  var bound = 0.0
  var heuristicGiven = false
  var cutRounds: [Int32: Int] = [:]

  init(problem: FrustrationProblem, start: FrustrationSolution, seconds: Double) {
    self.problem = problem
    // The first node is fixed to camp 0; the start split must agree.
    var s = start
    if s.split.first == 1 { s.split = s.split.map { 1 - $0 } }
    self.start = s
    n = problem.nodeCount
    m = problem.edges.count
    deadline = Program.now() + seconds
    separator = OddCycleSeparator(problem)
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Column of edge k's f (1-based; nodes come first).
  func fColumn(_ k: Int) -> Int32 { Int32(n + k + 1) }

  func run() throws -> FrustrationSolution {
    glp_term_out(GLP_OFF)
    guard let lp = glp_create_prob() else { throw ExactSolverError(description: "GLPK could not create a problem") }
    defer { glp_delete_prob(lp) }
    glp_set_obj_dir(lp, GLP_MIN)
    glp_add_cols(lp, Int32(n + m))
    for j in 1...Int32(n + m) {
      glp_set_col_kind(lp, j, GLP_BV)
      glp_set_col_bnds(lp, j, GLP_DB, 0, 1)
    }
    glp_set_col_bnds(lp, 1, GLP_FX, 0, 0)
    for (k, e) in problem.edges.enumerated() {
      glp_set_obj_coef(lp, fColumn(k), Double(e.weight))
      let (f, xu, xv) = (fColumn(k), Int32(e.u + 1), Int32(e.v + 1))
      if e.sign > 0 {
        addRow(lp, [(f, 1), (xu, -1), (xv, 1)], 0)
        addRow(lp, [(f, 1), (xu, 1), (xv, -1)], 0)
      } else {
        addRow(lp, [(f, 1), (xu, -1), (xv, -1)], -1)
        addRow(lp, [(f, 1), (xu, 1), (xv, 1)], 1)
      }
    }

    // Root: solve the relaxation, add violated odd-cycle inequalities, again, until none is left.
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    var rootBound = 0.0
    for _ in 0..<500 {
      smcp.tm_lim = Int32(max(1, min(Double(Int32.max), (deadline - Program.now()) * 1000)))
      guard glp_simplex(lp, &smcp) == 0, glp_get_status(lp) == GLP_OPT else { break }
      rootBound = glp_get_obj_val(lp)
      if proven(rootBound) { return FrustrationSolution(value: start.value, lowerBound: start.value, split: start.split) }
      let cuts = separator.cuts(y: cutValues { glp_get_col_prim(lp, $0) }, limit: 4 * n, until: deadline)
      if cuts.isEmpty || Program.now() > deadline { break }
      for c in cuts { addRow(lp, c.terms, c.rhs) }
    }
    bound = rootBound
    if Program.now() >= deadline {
      return FrustrationSolution(value: start.value, lowerBound: lowerBound(), split: start.split)
    }

    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = GLP_MSG_OFF
    iocp.presolve = GLP_OFF  // the relaxation is solved and keeps its cuts
    iocp.tm_lim = Int32(max(1, min(Double(Int32.max), (deadline - Program.now()) * 1000)))
    iocp.br_tech = GLP_BR_DTH
    iocp.bt_tech = GLP_BT_BLB
    iocp.cb_func = { tree, info in
      guard let tree, let info else { return }
      Unmanaged<Program>.fromOpaque(info).takeUnretainedValue().callback(tree)
    }
    iocp.cb_info = Unmanaged.passUnretained(self).toOpaque()
    let status = glp_intopt(lp, &iocp)
    let mipStatus = glp_mip_status(lp)
    guard status == 0 || status == GLP_ETMLIM, mipStatus == GLP_OPT || mipStatus == GLP_FEAS else {
      if status == GLP_ETMLIM { return FrustrationSolution(value: start.value, lowerBound: lowerBound(), split: start.split) }
      throw ExactSolverError(description: "GLPK's branch and cut stopped (code \(status), status \(mipStatus))")
    }
    let split = (0..<n).map { glp_mip_col_val(lp, Int32($0 + 1)) > 0.5 ? 1 : 0 }
    let value = problem.cost(split)
    let best = value <= start.value ? split : start.split
    let bestValue = min(value, start.value)
    if status == 0, mipStatus == GLP_OPT { return FrustrationSolution(value: bestValue, lowerBound: bestValue, split: best) }
    return FrustrationSolution(value: bestValue, lowerBound: lowerBound(), split: best)
  }

  /// With whole-number weights, a bound within 1 of the incumbent proves it.
  func proven(_ relaxation: Double) -> Bool { (relaxation - 1e-6).rounded(.up) >= Double(start.value) }

  func lowerBound() -> Int { max(start.lowerBound, Int((bound - 1e-6).rounded(.up))) }

  /// The cut-polytope value y_e (1 when the edge's ends are apart) of every edge, from f.
  func cutValues(_ column: (Int32) -> Double) -> [Double] {
    problem.edges.enumerated().map { k, e in
      let f = min(1, max(0, column(fColumn(k))))
      return e.sign > 0 ? f : 1 - f
    }
  }

  func addRow(_ lp: OpaquePointer, _ terms: [(Int32, Double)], _ rhs: Double) {
    let row = glp_add_rows(lp, 1)
    var ind: [Int32] = [0] + terms.map(\.0)
    var val: [Double] = [0] + terms.map(\.1)
    glp_set_mat_row(lp, row, Int32(terms.count), &ind, &val)
    glp_set_row_bnds(lp, row, GLP_LO, rhs, 0)
  }

  func callback(_ tree: OpaquePointer) {
    let best = glp_ios_best_node(tree)
    if best != 0 { bound = max(bound, glp_ios_node_bound(tree, best)) }
    switch glp_ios_reason(tree) {
    case GLP_IHEUR where !heuristicGiven:
      heuristicGiven = true
      var x = [Double](repeating: 0, count: n + m + 1)
      for v in 0..<n { x[v + 1] = Double(start.split[v]) }
      for (k, e) in problem.edges.enumerated() {
        x[Int(fColumn(k))] = (start.split[e.u] == start.split[e.v]) == (e.sign > 0) ? 0 : 1
      }
      _ = glp_ios_heur_sol(tree, &x)
    case GLP_ICUTGEN:
      // A few rounds per node, at the first levels of the search, where cuts pay off most.
      let node = glp_ios_curr_node(tree)
      guard glp_ios_node_level(tree, node) <= 8, cutRounds[node, default: 0] < 4 else { return }
      cutRounds[node, default: 0] += 1
      guard let lp = glp_ios_get_prob(tree) else { return }
      for c in separator.cuts(y: cutValues { glp_get_col_prim(lp, $0) }, limit: 2 * n, until: deadline) {
        var ind: [Int32] = [0] + c.terms.map(\.0)
        var val: [Double] = [0] + c.terms.map(\.1)
        _ = glp_ios_add_row(tree, nil, 101, 0, Int32(c.terms.count), &ind, &val, GLP_LO, c.rhs)
      }
    default: break
    }
  }
}

/// Finds violated odd-cycle inequalities Σ_{e∈F} (1 − y_e) + Σ_{e∈C∖F} y_e ≥ 1 (C a closed walk,
/// F an odd subset of its edges): a shortest path from (s, even) to (s, odd) in the graph doubled
/// by parity, where an edge kept out of F costs y_e and keeps the parity and an edge in F costs
/// 1 − y_e and flips it. Any closed walk gives a valid inequality, so the walk is used as found.
struct OddCycleSeparator {
  let problem: FrustrationProblem
  let adjacency: [[(other: Int, edge: Int)]]
  let columnOffset: Int

  init(_ problem: FrustrationProblem) {
    self.problem = problem
    var adj = [[(other: Int, edge: Int)]](repeating: [], count: problem.nodeCount)
    for (k, e) in problem.edges.enumerated() {
      adj[e.u].append((e.v, k))
      adj[e.v].append((e.u, k))
    }
    adjacency = adj
    columnOffset = problem.nodeCount + 1
  }

  struct Cut {
    /// (column, coefficient) over the f columns.
    var terms: [(Int32, Double)]
    var rhs: Double
  }

  /// Up to `limit` violated inequalities, written over the f columns, deduplicated; the search
  /// stops early at `deadline` (a monotonic time in seconds).
  func cuts(y: [Double], limit: Int, until deadline: Double) -> [Cut] {
    let n = problem.nodeCount
    var out: [Cut] = []
    var seen = Set<[Int]>()
    var dist = [Double](repeating: .infinity, count: 2 * n)
    var previous = [(state: Int, edge: Int, inF: Bool)](repeating: (-1, -1, false), count: 2 * n)
    var touched: [Int] = []
    for s in 0..<n where out.count < limit {
      if s % 16 == 15, Program.now() > deadline { break }
      for t in touched { dist[t] = .infinity }
      touched = [2 * s]
      dist[2 * s] = 0
      var heap = MinHeap()
      heap.push(0, 2 * s)
      let target = 2 * s + 1
      while let (d, state) = heap.pop() {
        if d > dist[state] { continue }
        if state == target || d >= 1 - 1e-6 { break }
        let (v, parity) = (state / 2, state % 2)
        for (w, k) in adjacency[v] {
          for inF in [false, true] {
            let next = 2 * w + (inF ? 1 - parity : parity)
            let nd = d + (inF ? 1 - y[k] : y[k])
            if nd < dist[next] - 1e-12 {
              if dist[next] == .infinity { touched.append(next) }
              dist[next] = nd
              previous[next] = (state, k, inF)
              heap.push(nd, next)
            }
          }
        }
      }
      guard dist[target] < 1 - 1e-6 else { continue }
      // Counts of each edge on the walk, out of F (a) and in F (b).
      var counts: [Int: (a: Int, b: Int)] = [:]
      var state = target
      while state != 2 * s {
        let p = previous[state]
        var c = counts[p.edge] ?? (0, 0)
        if p.inF { c.b += 1 } else { c.a += 1 }
        counts[p.edge] = c
        state = p.state
      }
      let key = counts.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value.a, $0.value.b] }
      guard seen.insert(key).inserted else { continue }
      // a·y + b·(1 − y) per edge, with y = f (positive edge) or 1 − f (negative edge).
      var terms: [(Int32, Double)] = []
      var constant = 0.0
      for (k, c) in counts.sorted(by: { $0.key < $1.key }) {
        let positive = problem.edges[k].sign > 0
        let coefficient = Double(positive ? c.a - c.b : c.b - c.a)
        constant += Double(positive ? c.b : c.a)
        if coefficient != 0 { terms.append((Int32(columnOffset + k), coefficient)) }
      }
      guard !terms.isEmpty else { continue }
      out.append(Cut(terms: terms, rhs: 1 - constant))
    }
    return out
  }
}

/// A binary heap of (priority, item), smallest priority first.
struct MinHeap {
  private var items: [(Double, Int)] = []

  mutating func push(_ priority: Double, _ item: Int) {
    items.append((priority, item))
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard items[i].0 < items[parent].0 else { break }
      items.swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let (l, r) = (2 * i + 1, 2 * i + 2)
        var smallest = i
        if l < items.count, items[l].0 < items[smallest].0 { smallest = l }
        if r < items.count, items[r].0 < items[smallest].0 { smallest = r }
        guard smallest != i else { break }
        items.swapAt(i, smallest)
        i = smallest
      }
    }
    return top
  }
}
