import CoalitionGraph
import Foundation

/// One statistic under a permutation test: its observed value, how it falls over the labellings
/// the test looked at, and the one-sided p-values.
///
/// Exact tests (every distinct labelling enumerated) give p as the share of labellings whose value
/// is at least (at most) the observed one; the observed labelling is among them. Monte Carlo tests
/// give (b + 1) / (N + 1) for b of N random labellings at least (at most) as extreme, so a p-value
/// is never 0 (Phipson and Smyth 2010). Values within 1e-9 (relative) of the observed one count as
/// equal.
public struct PermutationResult: Hashable, Sendable {
  /// The statistic on the actual labelling.
  public var observed: Double
  /// Its mean over the labellings looked at.
  public var mean: Double
  /// Its standard deviation over them (population form).
  public var sd: Double
  /// The probability of a value at least the observed one.
  public var pGreater: Double
  /// The probability of a value at most the observed one.
  public var pLess: Double

  /// Twice the smaller one-sided p-value, at most 1.
  public var pTwoSided: Double { min(1, 2 * min(pGreater, pLess)) }
}

/// Permutation tests of the declared blocs (`NetworkView.blocPermutationTest(polarity:permutations:seed:exactLimit:threads:)`):
/// each actor's bloc label is moved over the fixed graph, keeping every bloc's size (actors in no
/// bloc keep being in none), and the statistics are recomputed on each labelling.
public struct BlocPermutationTest: Hashable, Sendable {
  /// The number of distinct labellings with these bloc sizes: n! / (s₁! ⋯ s_k! · s_none!).
  /// Infinite when it exceeds the range of `Double` (thousands of actors); ``labellingsLog10``
  /// is then the size.
  public var labellings: Double
  /// The base-10 logarithm of ``labellings``, finite at any size.
  public var labellingsLog10: Double
  /// How many labellings were evaluated: all of them when ``exact``, else the random draws.
  public var evaluated: Int
  /// Whether every labelling was enumerated (the p-values are exact).
  public var exact: Bool
  /// The seed of the random draws (unused when exact).
  public var seed: UInt64
  /// E-I index of the whole view (ties counted once per pair, on the path ties); `nil` without
  /// a path tie.
  public var ei: PermutationResult?
  /// E-I index of each declared bloc (its ties with at least one member), in declaration order;
  /// `nil` for a bloc without a tie.
  public var blocEI: [PermutationResult?]
  /// Density between blocs (the image matrix, on every tie, direction ignored), [from][to];
  /// `nil` where no pair is possible.
  public var density: [[PermutationResult?]]
  /// Newman's assortativity of the bloc labels on the path ties (each actor in no bloc a group
  /// of its own), as NetworkX's `attribute_assortativity_coefficient`; `nil` where undefined
  /// (no path tie, or every path tie inside one bloc).
  public var assortativity: PermutationResult?
  /// Modularity of the declared blocs on the path ties (unweighted; each actor in no bloc a
  /// community of its own), as NetworkX's `community.modularity`; `nil` without a path tie.
  public var modularity: PermutationResult?
}

extension NetworkView {
  /// Tests whether the declared blocs shape the ties more than chance would: the actors' bloc
  /// labels are permuted over the fixed graph, keeping every bloc's size, and the E-I index
  /// (whole view and per bloc), the bloc densities, the assortativity and the modularity of the
  /// blocs are recomputed on each labelling (as UCINET's E-I permutation test does for E-I).
  ///
  /// When there are at most `exactLimit` distinct labellings every one is enumerated and the
  /// p-values are exact (the seed: 105); otherwise `permutations` labellings are drawn at random
  /// from `seed`. Draw *i* uses its own generator, seeded from `seed` and *i*, so the result is the
  /// same for any thread count.
  /// - Parameters:
  ///   - polarity: The ties E-I, assortativity and modularity follow (the report's path ties);
  ///     densities count every tie.
  ///   - permutations: Random labellings when the exact test is too large.
  ///   - seed: The seed of the random labellings.
  ///   - exactLimit: The most labellings enumerated.
  ///   - threads: Threads for the labellings; results do not depend on it.
  /// - Returns: `nil` when the dataset declares no bloc with a member in the view.
  /// - Complexity: O(L · (n + m)) for L labellings.
  public func blocPermutationTest(
    polarity: Polarity? = .cooperative, permutations: Int = 10_000, seed: UInt64 = 1, exactLimit: Int = 100_000, threads: Int = 1
  ) -> BlocPermutationTest? {
    let assignment = BlocAssignment(view: self)
    let k = assignment.blocCount
    let labels = assignment.group.map { $0 < k ? $0 : -1 }
    guard labels.contains(where: { $0 >= 0 }) else { return nil }
    let statistics = BlocStatistics(paths: simpleGraph(directed: false, polarity: polarity), all: simpleGraph(directed: false), blocs: k, labels: labels)
    let count = Self.labellings(labels)
    let exact = count <= Double(exactLimit)
    let draws = exact ? Int(count) : max(1, permutations)
    var workspace = BlocStatistics.Workspace(statistics)
    let observed = statistics.values(labels, in: &workspace)
    let width = observed.count
    // Each labelling's statistics, computed in parallel and reduced in order.
    let values = SourceChunks.rows(count: draws, width: width, threads: threads) { range, out in
      var workspace = BlocStatistics.Workspace(statistics)
      if exact {
        var labelling = labels.sorted()
        for _ in 0..<range.lowerBound { Self.nextLabelling(&labelling) }
        for row in range {
          if row > range.lowerBound { Self.nextLabelling(&labelling) }
          out[row - range.lowerBound] = statistics.values(labelling, in: &workspace)
        }
      } else {
        for i in range {
          var rng = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(i + 1))
          out[i - range.lowerBound] = statistics.randomValues(&rng, in: &workspace)
        }
      }
    }
    var results: [PermutationResult?] = []
    for s in 0..<width {
      let x = observed[s]
      guard x.isFinite else {
        results.append(nil)
        continue
      }
      var sum = 0.0, squares = 0.0, greater = 0, less = 0, finite = 0
      let tolerance = 1e-9 * max(1, abs(x))
      for row in values {
        let y = row[s]
        guard y.isFinite else { continue }
        finite += 1
        sum += y
        squares += y * y
        if y >= x - tolerance { greater += 1 }
        if y <= x + tolerance { less += 1 }
      }
      let mean = finite > 0 ? sum / Double(finite) : .nan
      let sd = finite > 0 ? max(0, squares / Double(finite) - mean * mean).squareRoot() : .nan
      func p(_ b: Int) -> Double { exact ? Double(b) / Double(max(1, finite)) : Double(b + 1) / Double(finite + 1) }
      results.append(PermutationResult(observed: x, mean: mean, sd: sd, pGreater: p(greater), pLess: p(less)))
    }
    return BlocPermutationTest(
      labellings: count, labellingsLog10: Self.labellingsLog10(labels), evaluated: draws, exact: exact, seed: seed, ei: results[0], blocEI: Array(results[1..<(1 + k)]),
      density: (0..<k).map { a in (0..<k).map { b in results[1 + k + a * k + b] } },
      assortativity: results[1 + k + k * k], modularity: results[2 + k + k * k])
  }

  /// The number of distinct arrangements of `labels`: n! over the product of each label's count!.
  static func labellings(_ labels: [Int]) -> Double {
    // Multiply and divide in turn, so that the running value stays near the result.
    var result = 1.0
    var position = 0
    for c in labelCounts(labels) {
      for j in 1...c {
        position += 1
        result = result * Double(position) / Double(j)
      }
    }
    return result.rounded()
  }

  /// log₁₀ of ``labellings(_:)``, from log-gamma: finite where the count overflows.
  static func labellingsLog10(_ labels: [Int]) -> Double {
    let ln = lgamma(Double(labels.count + 1)) - labelCounts(labels).reduce(0) { $0 + lgamma(Double($1 + 1)) }
    return ln / log(10)
  }

  /// How many times each label occurs, in label order.
  private static func labelCounts(_ labels: [Int]) -> [Int] {
    var counts: [Int: Int] = [:]
    for l in labels { counts[l, default: 0] += 1 }
    return counts.keys.sorted().map { counts[$0]! }
  }

  /// The next arrangement of `labels` in lexicographic order (wrapping to the first after the
  /// last): visits each distinct arrangement of a multiset once.
  static func nextLabelling(_ labels: inout [Int]) {
    guard labels.count > 1 else { return }
    var i = labels.count - 2
    while i >= 0 && labels[i] >= labels[i + 1] { i -= 1 }
    if i < 0 {
      labels.reverse()
      return
    }
    var j = labels.count - 1
    while labels[j] <= labels[i] { j -= 1 }
    labels.swapAt(i, j)
    labels[(i + 1)...].reverse()
  }
}

/// The statistics a bloc permutation test recomputes for each labelling: whole E-I, E-I per bloc,
/// the k × k densities, assortativity and modularity.
///
/// They all follow from one small table: for each bloc a and each label b (a bloc or none), the
/// number of tie ends from a member of a to an actor labelled b, on the path ties and on every tie.
/// Only the members' rows are scanned, so a labelling costs the degrees of the actors it puts in
/// a bloc, not the whole graph.
struct BlocStatistics: Sendable {
  let blocs: Int
  let nodeCount: Int
  /// Every tie once per direction (CSR over `start`): neighbour << 1 | 1 when it is a path tie.
  private let start: [Int32]
  private let ends: [UInt32]
  /// Degree of each node on the path ties.
  private let pathDegree: [Double]
  /// Number of path ties, and Σ of their squared degrees.
  private let edges: Double
  private let squares: Double
  /// Members of each bloc (fixed under permutation).
  private let size: [Double]
  /// The bloc labels a labelling hands out, in a fixed order: one entry per bloc member.
  let handed: [Int32]

  init(paths: SimpleGraph, all: SimpleGraph, blocs: Int, labels: [Int]) {
    self.blocs = blocs
    nodeCount = all.nodeCount
    var start = [Int32](repeating: 0, count: all.nodeCount + 1)
    var ends: [UInt32] = []
    ends.reserveCapacity(all.target.count)
    for v in 0..<all.nodeCount {
      // Both rows are sorted by target, and every path tie is also a tie.
      var p = Int(paths.rowStart[v])
      let pathEnd = Int(paths.rowStart[v + 1])
      for e in Int(all.rowStart[v])..<Int(all.rowStart[v + 1]) {
        let t = all.target[e]
        while p < pathEnd && paths.target[p] < t { p += 1 }
        let isPath = p < pathEnd && paths.target[p] == t
        if Int(t) != v { ends.append(UInt32(t) << 1 | (isPath ? 1 : 0)) }
      }
      start[v + 1] = Int32(ends.count)
    }
    self.start = start
    self.ends = ends
    pathDegree = (0..<paths.nodeCount).map { Double(paths.rowStart[$0 + 1] - paths.rowStart[$0]) }
    edges = pathDegree.reduce(0, +) / 2
    squares = pathDegree.reduce(0) { $0 + $1 * $1 }
    var size = [Double](repeating: 0, count: blocs)
    for l in labels where l >= 0 { size[l] += 1 }
    self.size = size
    handed = labels.filter { $0 >= 0 }.sorted().map(Int32.init)
  }

  /// Scratch space for one thread: the labels of the current labelling (−1 for none), the
  /// members it names, and the end counts.
  struct Workspace {
    var label: [Int32]
    var order: [Int32]
    var counts: [Int]

    init(_ s: BlocStatistics) {
      label = [Int32](repeating: -1, count: s.nodeCount)
      order = (0..<Int32(s.nodeCount)).map { $0 }
      counts = [Int](repeating: 0, count: 2 * s.blocs * (s.blocs + 1))
    }
  }

  /// The statistics of one labelling (`labels[v]`: a bloc, or −1 for none), in the order of
  /// ``BlocPermutationTest``: E-I, E-I per bloc, densities row by row, assortativity, modularity.
  func values(_ labels: [Int], in w: inout Workspace) -> [Double] {
    let members = labels.indices.filter { labels[$0] >= 0 }
    for v in members { w.label[v] = Int32(labels[v]) }
    defer { for v in members { w.label[v] = -1 } }
    return values(members: members.map(Int32.init), in: &w)
  }

  /// The statistics of a uniformly random labelling with the blocs' sizes: a partial
  /// Fisher–Yates shuffle picks the members, in O(members) draws. The shuffle is undone
  /// afterwards, so every draw starts from the same order and depends on its generator alone.
  func randomValues(_ rng: inout SplitMix64, in w: inout Workspace) -> [Double] {
    let n = nodeCount
    var swaps = [Int](repeating: 0, count: handed.count)
    for i in 0..<handed.count {
      let j = i + Int(rng.next(upperBound: UInt64(n - i)))
      swaps[i] = j
      w.order.swapAt(i, j)
      w.label[Int(w.order[i])] = handed[i]
    }
    let members = Array(w.order[0..<handed.count])
    let result = values(members: members, in: &w)
    for v in members { w.label[Int(v)] = -1 }
    for i in swaps.indices.reversed() { w.order.swapAt(i, swaps[i]) }
    return result
  }

  private func values(members: [Int32], in w: inout Workspace) -> [Double] {
    let k = blocs
    let width = k + 1
    // counts[((a · (k + 1)) + b + 1) · 2 + path]: tie ends from a member of a to an actor labelled b.
    for i in w.counts.indices { w.counts[i] = 0 }
    var memberSquares = 0.0
    w.counts.withUnsafeMutableBufferPointer { counts in
      w.label.withUnsafeBufferPointer { label in
        ends.withUnsafeBufferPointer { ends in
          for v in members {
            let a = Int(label[Int(v)])
            memberSquares += pathDegree[Int(v)] * pathDegree[Int(v)]
            let row = a * width + 1
            for e in Int(start[Int(v)])..<Int(start[Int(v) + 1]) {
              let end = ends[e]
              counts[(row + Int(label[Int(end >> 1)])) << 1 | Int(end & 1)] += 1
            }
          }
        }
      }
    }
    func path(_ a: Int, _ b: Int) -> Double { Double(w.counts[(a * width + b + 1) << 1 | 1]) }
    func every(_ a: Int, _ b: Int) -> Double { path(a, b) + Double(w.counts[(a * width + b + 1) << 1]) }
    var inside = [Double](repeating: 0, count: k), blocDegree = [Double](repeating: 0, count: k)
    for a in 0..<k {
      inside[a] = path(a, a) / 2
      for b in -1..<k { blocDegree[a] += path(a, b) }
    }
    let insideTotal = inside.reduce(0, +)
    var out: [Double] = [edges > 0 ? (edges - 2 * insideTotal) / edges : .nan]
    for a in 0..<k {
      let outside = blocDegree[a] - 2 * inside[a]
      out.append(inside[a] + outside > 0 ? (outside - inside[a]) / (outside + inside[a]) : .nan)
    }
    for a in 0..<k {
      for b in 0..<k {
        let pairs = a == b ? size[a] * (size[a] - 1) / 2 : size[a] * size[b]
        let ties = a == b ? every(a, a) / 2 : every(a, b)
        out.append(pairs > 0 ? ties / pairs : .nan)
      }
    }
    // Modularity Q = I/m − S and assortativity r = (I/m − S)/(1 − S), S = Σ_groups (d_g / 2m)²,
    // each actor in no bloc a group of its own.
    guard edges > 0 else { return out + [.nan, .nan] }
    let twice = 2 * edges
    let loose = squares - memberSquares
    let s = blocDegree.reduce(0) { $0 + ($1 / twice) * ($1 / twice) } + loose / (twice * twice)
    let q = insideTotal / edges - s
    out.append(s < 1 ? q / (1 - s) : .nan)
    out.append(q)
    return out
  }
}
