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
/// costs 0), so odd-cycle inequalities of the cut polytope (Barahona and Mahjoub 1986) are added:
/// first Σ_{e∈C} f_e ≥ 1 for each unbalanced cycle C of the local search's packing (the relaxation
/// then starts at least at the packing's bound), then violated ones found by shortest paths in the
/// graph doubled by parity, in rounds at the root and at the first nodes of the search. The
/// relaxations are solved by the dual simplex, which the cuts keep warm. The local-search split is
/// the first incumbent.
///
/// **When it stops.** The program stops when the minimum is proven; when its bound has stopped
/// improving (three cut rounds in a row that raise it by less than 1 % of the gap left, then, in
/// the search, `max(500, 2n)` nodes without a rise); when its work budget is spent; or at
/// ``timeLimit``. The budget, ``workLimit``, counts simplex pivots times the rows they work on, a
/// measure of work that does not depend on the machine: every stop but the time limit gives the
/// same result everywhere. `FrustrationResult.effort` says how far it went and why it stopped.
/// Problems (after reduction) larger than ``maximumNodes`` are not attempted: the local search
/// answers, labelled as such.
public struct IntegerProgramFrustration: FrustrationSolver {
  /// Seconds of wall-clock time for one component's program, at most.
  public var timeLimit: Double
  /// The largest reduced component given to the program.
  public var maximumNodes: Int
  /// Work for one component's program: simplex pivots times the rows of the relaxation they work
  /// on. One core of a 2020s machine does 10⁷ to 10⁸ of it per second, depending on the shape of
  /// the problem. Infinite: only ``timeLimit`` and a stalled bound stop the program.
  public var workLimit: Double

  /// The default work budget, 10⁷ (at most about a third of a second on the benchmark's signed
  /// graphs): enough to prove the minimum of coalition-sized graphs, small enough that a large
  /// graph costs little when the program cannot close its gap.
  public static let defaultWorkLimit = 1e7

  /// A solver; `timeLimit` in seconds.
  public init(timeLimit: Double = 60, maximumNodes: Int = 5_000, workLimit: Double = IntegerProgramFrustration.defaultWorkLimit) {
    self.timeLimit = timeLimit
    self.maximumNodes = maximumNodes
    self.workLimit = workLimit
  }

  /// A solver that may spend `seconds` of wall-clock time, with no work budget: it stops at the
  /// time limit or when its bound stalls. What it proves then depends on the machine.
  public init(seconds: Double, maximumNodes: Int = 5_000) {
    self.init(timeLimit: seconds, maximumNodes: maximumNodes, workLimit: .infinity)
  }

  public var method: FrustrationMethod { .integerProgram }

  /// GLPK keeps global state per thread at best; one program at a time.
  private static let lock = Locked(())

  public func solve(_ problem: FrustrationProblem, start: FrustrationSolution) throws -> FrustrationSolution {
    guard problem.nodeCount <= maximumNodes else {
      throw ExactSolverError(description: "\(problem.nodeCount) nodes after reduction, more than the \(maximumNodes) given to the integer program")
    }
    guard timeLimit > 0, timeLimit.isFinite else { throw ExactSolverError(description: "the time limit must be a positive number of seconds") }
    guard workLimit > 0, !workLimit.isNaN else { throw ExactSolverError(description: "the work limit must be a positive number") }
    return try IntegerProgramFrustration.lock.withLock { _ in
      try Program(problem: problem, start: start, seconds: timeLimit, work: workLimit).run()
    }
  }
}

/// One GLPK program for one problem.
private final class Program {
  let problem: FrustrationProblem
  let start: FrustrationSolution
  let n: Int, m: Int
  let deadline: Double
  let workLimit: Double
  let separator: OddCycleSeparator
  var bound = 0.0
  var heuristicGiven = false
  var cutRounds: [Int32: Int] = [:]
  /// Work spent at the root (pivots × rows), and pivots.
  var work = 0.0
  var pivots = 0
  var rounds = 0
  var stop = SolverEffort.Stop.proven
  /// The search's nodes, and the count when the bound's ceiling last rose.
  var nodes = 0
  var lastRise = 0
  var ceiling = 0

  init(problem: FrustrationProblem, start: FrustrationSolution, seconds: Double, work: Double) {
    self.problem = problem
    // The first node is fixed to camp 0; the start split must agree.
    var s = start
    if s.split.first == 1 { s.split = s.split.map { 1 - $0 } }
    self.start = s
    n = problem.nodeCount
    m = problem.edges.count
    deadline = Program.now() + seconds
    workLimit = work
    separator = OddCycleSeparator(problem)
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Column of edge k's f (1-based; nodes come first).
  func fColumn(_ k: Int) -> Int32 { Int32(n + k + 1) }

  func effort() -> SolverEffort { SolverEffort(cutRounds: rounds, pivots: pivots, branchNodes: nodes, stop: stop) }

  /// The start split with the proven bound, and what it took.
  func unsolved(_ why: SolverEffort.Stop) -> FrustrationSolution {
    stop = why
    return FrustrationSolution(value: start.value, lowerBound: lowerBound(), split: start.split, effort: effort())
  }

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
    // Each packed unbalanced cycle has a frustrated edge.
    for cycle in start.cycles { addRow(lp, cycle.map { (fColumn($0), 1) }, 1) }

    // Root: solve the relaxation, add violated odd-cycle inequalities, again, until none is left
    // or the bound stalls.
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    smcp.meth = GLP_DUALP
    var rootBound = 0.0
    var stalled = 0
    while true {
      let rows = Double(glp_get_num_rows(lp))
      guard work < workLimit else { return unsolved(.budget) }
      guard Program.now() < deadline else { return unsolved(.timeLimit) }
      smcp.tm_lim = Int32(max(1, min(Double(Int32.max), (deadline - Program.now()) * 1000)))
      smcp.it_lim = Int32(max(1, min(Double(Int32.max), ((workLimit - work) / rows).rounded(.up))))
      let before = Int(glp_get_it_cnt(lp))
      let code = glp_simplex(lp, &smcp)
      let done = Int(glp_get_it_cnt(lp)) - before
      pivots += done
      work += Double(done) * rows
      guard code == 0, glp_get_status(lp) == GLP_OPT else {
        // The last optimal relaxation's bound stands; the search needs an optimal one.
        if code == GLP_ETMLIM { return unsolved(.timeLimit) }
        if code == GLP_EITLIM { return unsolved(.budget) }
        throw ExactSolverError(description: "GLPK's simplex stopped (code \(code), status \(glp_get_status(lp)))")
      }
      let previous = rootBound
      rootBound = glp_get_obj_val(lp)
      bound = max(bound, rootBound)
      if proven(rootBound) {
        stop = .proven
        return FrustrationSolution(value: start.value, lowerBound: start.value, split: start.split, effort: effort())
      }
      if rounds > 0 {
        // A round that raises the bound's ceiling by less than 1 % of the gap left counts as stalled.
        let gap = Double(start.value) - (previous - 1e-6).rounded(.up)
        let rise = (rootBound - 1e-6).rounded(.up) - (previous - 1e-6).rounded(.up)
        stalled = rise < max(1, 0.01 * gap) ? stalled + 1 : 0
        if stalled >= 3 { break }
      }
      let cuts = separator.cuts(y: cutValues { glp_get_col_prim(lp, $0) }, limit: 4 * n, until: deadline)
      if cuts.isEmpty { break }
      for c in cuts { addRow(lp, c.terms, c.rhs) }
      rounds += 1
    }
    ceiling = Int((bound - 1e-6).rounded(.up))

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
    let rootPivots = Int(glp_get_it_cnt(lp))
    stop = .proven
    let status = glp_intopt(lp, &iocp)
    pivots += Int(glp_get_it_cnt(lp)) - rootPivots
    let mipStatus = glp_mip_status(lp)
    if status == GLP_ETMLIM { stop = .timeLimit }
    guard status == 0 || status == GLP_ETMLIM || status == GLP_ESTOP, mipStatus == GLP_OPT || mipStatus == GLP_FEAS else {
      if status == GLP_ETMLIM || status == GLP_ESTOP { return unsolved(stop) }
      throw ExactSolverError(description: "GLPK's branch and cut stopped (code \(status), status \(mipStatus))")
    }
    let split = (0..<n).map { glp_mip_col_val(lp, Int32($0 + 1)) > 0.5 ? 1 : 0 }
    let value = problem.cost(split)
    let best = value <= start.value ? split : start.split
    let bestValue = min(value, start.value)
    if status == 0, mipStatus == GLP_OPT {
      stop = .proven
      return FrustrationSolution(value: bestValue, lowerBound: bestValue, split: best, effort: effort())
    }
    return FrustrationSolution(value: bestValue, lowerBound: lowerBound(), split: best, effort: effort())
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
    var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
    glp_ios_tree_size(tree, &active, &current, &total)
    nodes = Int(total)
    let now = Int((bound - 1e-6).rounded(.up))
    if now > ceiling {
      ceiling = now
      lastRise = nodes
    }
    // Stop when the bound has not risen for a while, or the budget is spent.
    if let lp = glp_ios_get_prob(tree) {
      let spent = work + Double(Int(glp_get_it_cnt(lp)) - pivots) * Double(glp_get_num_rows(lp))
      if spent > workLimit {
        stop = .budget
        glp_ios_terminate(tree)
        return
      }
    }
    if nodes - lastRise > max(500, 2 * n) {
      stop = .stalled
      glp_ios_terminate(tree)
      return
    }
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
  let incidence: FrustrationProblem.Incidence
  let columnOffset: Int

  init(_ problem: FrustrationProblem) {
    self.problem = problem
    incidence = problem.incidence
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
        for j in incidence.start[v]..<incidence.start[v + 1] {
          let (w, k) = (Int(incidence.other[j]), Int(incidence.edge[j]))
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
