import CoalitionGraph

/// The weights of a graph's arcs, by arc position. An unweighted graph (every weight 1) stores
/// nothing, so its rows cost 4 bytes per arc instead of 12. The reverse rows of a directed graph
/// share the forward rows' weights through a 4-byte position per arc instead of copying them: 20
/// bytes per weighted directed arc in all (4 + 8 forward, 4 + 4 reverse).
public struct ArcWeights: RandomAccessCollection, Sendable {
  /// The weight values; empty when every weight is 1. Read through ``positions`` when that is not empty.
  @usableFromInline let values: [Double]
  /// Where each arc's weight is in ``values`` (reverse rows); empty when arc `e` weighs `values[e]`.
  @usableFromInline let positions: [Int32]
  public let startIndex = 0
  public let endIndex: Int

  /// Weights for `count` arcs: `values` when some differ from 1, otherwise none stored.
  init(_ values: [Double], count: Int) {
    self.values = values.count == count && values.contains(where: { $0 != 1 }) ? values : []
    positions = []
    endIndex = count
  }

  /// The weights of `shared` for `count` arcs, read through `positions` (nothing stored, and
  /// `positions` may be empty, when `shared` is uniform).
  init(sharing shared: ArcWeights, through positions: [Int32], count: Int) {
    precondition(shared.isUniform || positions.count == count, "one position per arc")
    values = shared.values
    self.positions = shared.isUniform ? [] : positions
    endIndex = count
  }

  /// Whether every arc weighs 1 (nothing stored).
  public var isUniform: Bool { values.isEmpty }

  @inlinable public subscript(e: Int) -> Double {
    values.isEmpty ? 1 : positions.isEmpty ? values[e] : values[Int(positions[e])]
  }
}

/// A simple graph in compressed sparse rows: no parallel edges, no self-loops, one weight per edge.
/// The input of the path and spectral measures.
///
/// Parallel edges are merged by summing their weights (several kinds between a pair become one
/// stronger tie). An undirected graph stores each edge in both rows. A directed graph also stores
/// the reverse rows (`inRowStart`, `inTarget`, `inWeight`) for measures that follow in-edges.
/// Rows are sorted by target. Storage: 4 bytes per stored arc, plus 8 when the weights are not
/// all 1 (4 in the reverse rows, see ``ArcWeights``), plus 4 per node for the offsets.
public struct SimpleGraph: Sendable {
  /// Number of nodes, indexed `0 ..< nodeCount`.
  public let nodeCount: Int
  /// Whether edges have a direction.
  public let directed: Bool
  /// Out-rows: the arcs of node `v` are `rowStart[v] ..< rowStart[v + 1]`.
  public let rowStart: [Int32]
  /// Head of each out-arc.
  public let target: [Int32]
  /// Weight of each out-arc.
  public let weight: ArcWeights
  /// In-rows, as ``rowStart`` for arcs reaching a node (equal to the out-rows when undirected).
  public let inRowStart: [Int32]
  /// Tail of each in-arc.
  public let inTarget: [Int32]
  /// Weight of each in-arc.
  public let inWeight: ArcWeights

  /// Number of edges (each undirected edge once).
  public var edgeCount: Int { directed ? target.count : target.count / 2 }

  /// Builds a simple graph from an edge list of node indices `0 ..< nodeCount`.
  /// Self-loops are dropped; parallel edges (in either order, for undirected graphs) are merged
  /// and their weights summed.
  /// - Complexity: O(n + m).
  public init(nodeCount: Int, edges: [WeightedEdge], directed: Bool) {
    self.init(
      nodeCount: nodeCount, sources: edges.map { Int32($0.source) }, targets: edges.map { Int32($0.target) }, weights: edges.map(\.weight),
      directed: directed)
  }

  /// Builds a simple graph from parallel columns of edge endpoints (indices `0 ..< nodeCount`) and,
  /// optionally, weights (`nil`: every weight 1). Self-loops are dropped; parallel edges are merged
  /// and their weights summed in input order.
  ///
  /// One stable bucket pass by tail gives the rows; a row is sorted only when it is not already
  /// (a file sorted by its first column gives sorted rows), so the usual cost is linear.
  /// - Complexity: O(n + m) for sorted input, O(m log d) at most; the graph plus one copy of the
  ///   arcs while building.
  public init(nodeCount n: Int, sources: [Int32], targets: [Int32], weights: [Double]?, directed: Bool) {
    precondition(sources.count == targets.count && (weights == nil || weights!.count == sources.count), "edge columns of different lengths")
    precondition(2 * sources.count < Int(Int32.max), "more than 2^30 edges do not fit 32-bit row offsets")
    precondition(n < Int(Int32.max), "more than 2^31 nodes")
    self.nodeCount = n
    self.directed = directed
    let weighted = weights != nil
    let m = sources.count
    // Bucket arcs by tail (a counting sort, input order kept within a row); undirected edges both ways.
    var tailStart = [Int32](repeating: 0, count: n + 1)
    sources.withUnsafeBufferPointer { s in
      targets.withUnsafeBufferPointer { t in
        tailStart.withUnsafeMutableBufferPointer { count in
          for k in 0..<m {
            precondition(s[k] >= 0 && Int(s[k]) < n && t[k] >= 0 && Int(t[k]) < n, "edge endpoint out of range")
            if s[k] == t[k] { continue }
            count[Int(s[k]) + 1] &+= 1
            if !directed { count[Int(t[k]) + 1] &+= 1 }
          }
          for v in 0..<n { count[v + 1] &+= count[v] }
        }
      }
    }
    let arcs = Int(tailStart[n])
    // Every slot is written below. (No uninitialised-capacity array when empty: that would write
    // the count of the shared empty-array storage, which the thread sanitizer reports.)
    var heads = arcs == 0 ? [] : [Int32](unsafeUninitializedCapacity: arcs) { _, count in count = arcs }
    var headWeight = [Double](repeating: 0, count: weighted ? arcs : 0)
    var fill = [Int32](tailStart.dropLast())
    sources.withUnsafeBufferPointer { s in
      targets.withUnsafeBufferPointer { t in
        fill.withUnsafeMutableBufferPointer { fill in
          heads.withUnsafeMutableBufferPointer { heads in
            headWeight.withUnsafeMutableBufferPointer { tw in
              for k in 0..<m where s[k] != t[k] {
                let (u, v) = (s[k], t[k])
                let p = Int(fill[Int(u)])
                fill[Int(u)] = Int32(p + 1)
                heads[p] = v
                if weighted { tw[p] = weights![k] }
                if !directed {
                  let q = Int(fill[Int(v)])
                  fill[Int(v)] = Int32(q + 1)
                  heads[q] = u
                  if weighted { tw[q] = weights![k] }
                }
              }
            }
          }
        }
      }
    }
    fill = []
    // Rows sorted by head (a file sorted by its first column, the usual case, already gives sorted
    // rows), then parallel arcs merged.
    var rows = BuildRows(start: tailStart, target: heads, weight: headWeight)
    heads = []
    headWeight = []
    if !SimpleGraph.rowsIncreaseStrictly(n: n, rows) {
      SimpleGraph.sortRows(n: n, &rows)
      SimpleGraph.mergeParallel(n: n, &rows)
    }
    self.rowStart = rows.start
    self.target = rows.target
    self.weight = ArcWeights(rows.weight, count: rows.target.count)
    if directed {
      let reverse = SimpleGraph.transpose(n: n, start: rows.start, target: rows.target, keepOrigin: !weight.isUniform)
      (inRowStart, inTarget, inWeight) = (reverse.start, reverse.target, ArcWeights(sharing: weight, through: reverse.origin, count: reverse.target.count))
    } else {
      (inRowStart, inTarget, inWeight) = (rowStart, target, weight)
    }
  }

  /// Rows in compressed form while building.
  struct BuildRows {
    var start: [Int32]
    var target: [Int32]
    var weight: [Double]  // empty: all 1
  }

  /// Whether every row is sorted without repeats (nothing to sort or merge), in one pass.
  static func rowsIncreaseStrictly(n: Int, _ rows: BuildRows) -> Bool {
    rows.start.withUnsafeBufferPointer { start in
      rows.target.withUnsafeBufferPointer { t in
        var ordered = true
        for v in 0..<n {
          var previous: Int32 = -1
          for e in Int(start[v])..<Int(start[v + 1]) {
            ordered = ordered && t[e] > previous
            previous = t[e]
          }
          if !ordered { return false }
        }
        return true
      }
    }
  }

  /// Sorts each row by target, stably (parallel arcs keep their input order, so that their
  /// weights are summed in that order); rows already sorted are only checked.
  static func sortRows(n: Int, _ rows: inout BuildRows) {
    let weighted = !rows.weight.isEmpty
    rows.start.withUnsafeBufferPointer { start in
      rows.target.withUnsafeMutableBufferPointer { t in
        rows.weight.withUnsafeMutableBufferPointer { w in
          var pairs: [(target: Int32, position: Int)] = []
          var moved: [Double] = []
          for v in 0..<n {
            let (a, b) = (Int(start[v]), Int(start[v + 1]))
            guard b - a > 1, (a + 1..<b).contains(where: { t[$0] < t[$0 - 1] }) else { continue }
            if !weighted {
              var row = UnsafeMutableBufferPointer(rebasing: t[a..<b])
              row.sort()
              continue
            }
            pairs.removeAll(keepingCapacity: true)
            for e in a..<b { pairs.append((t[e], e)) }
            pairs.sort { ($0.target, $0.position) < ($1.target, $1.position) }
            moved.removeAll(keepingCapacity: true)
            for pair in pairs { moved.append(w[pair.position]) }
            for (k, pair) in pairs.enumerated() {
              t[a + k] = pair.target
              w[a + k] = moved[k]
            }
          }
        }
      }
    }
  }

  /// The reverse rows: row h lists every v with an arc v → h, in increasing v (a stable bucket
  /// pass), and with `keepOrigin` the position of each reverse arc's forward arc.
  static func transpose(n: Int, start: [Int32], target: [Int32], keepOrigin: Bool) -> (start: [Int32], target: [Int32], origin: [Int32]) {
    var outStart = [Int32](repeating: 0, count: n + 1)
    target.withUnsafeBufferPointer { t in
      outStart.withUnsafeMutableBufferPointer { count in
        for h in t { count[Int(h) + 1] &+= 1 }
        for v in 0..<n { count[v + 1] &+= count[v] }
      }
    }
    var outTarget = target.isEmpty ? [] : [Int32](unsafeUninitializedCapacity: target.count) { _, count in count = target.count }  // every slot is written below
    var origin = [Int32](repeating: 0, count: keepOrigin ? target.count : 0)
    var fill = [Int32](outStart.dropLast())
    start.withUnsafeBufferPointer { start in
      target.withUnsafeBufferPointer { t in
        fill.withUnsafeMutableBufferPointer { fill in
          outTarget.withUnsafeMutableBufferPointer { out in
            origin.withUnsafeMutableBufferPointer { origin in
              for v in 0..<n {
                for e in Int(start[v])..<Int(start[v + 1]) {
                  let h = Int(t[e])
                  let p = Int(fill[h])
                  fill[h] = Int32(p + 1)
                  out[p] = Int32(truncatingIfNeeded: v)
                  if keepOrigin { origin[p] = Int32(truncatingIfNeeded: e) }
                }
              }
            }
          }
        }
      }
    }
    return (outStart, outTarget, origin)
  }

  /// Merges adjacent equal targets of each row (parallel arcs), summing their weights in order.
  /// Without stored weights, merged arcs get their multiplicity as weight.
  static func mergeParallel(n: Int, _ rows: inout BuildRows) {
    let hasParallel = rows.start.withUnsafeBufferPointer { start in
      rows.target.withUnsafeBufferPointer { t in
        (0..<n).contains { v in
          let (a, b) = (Int(start[v]), Int(start[v + 1]))
          return b - a > 1 && (a + 1..<b).contains { t[$0] == t[$0 - 1] }
        }
      }
    }
    guard hasParallel else { return }
    if rows.weight.isEmpty { rows.weight = [Double](repeating: 1, count: rows.target.count) }
    var write = 0
    rows.start.withUnsafeMutableBufferPointer { start in
      rows.target.withUnsafeMutableBufferPointer { t in
        rows.weight.withUnsafeMutableBufferPointer { w in
          var read = 0
          for v in 0..<n {
            let end = Int(start[v + 1])
            start[v] = Int32(write)
            while read < end {
              if write > Int(start[v]), t[write - 1] == t[read] {
                w[write - 1] += w[read]
              } else {
                t[write] = t[read]
                w[write] = w[read]
                write += 1
              }
              read += 1
            }
          }
          start[n] = Int32(write)
        }
      }
    }
    rows.target.removeLast(rows.target.count - write)
    rows.weight.removeLast(rows.weight.count - write)
  }

  /// The same graph with every edge reversed.
  public var reversed: SimpleGraph {
    var edges: [WeightedEdge] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) { edges.append(WeightedEdge(Int(target[e]), v, weight[e])) }
    }
    return SimpleGraph(nodeCount: nodeCount, edges: edges, directed: directed)
  }

  /// Every edge once, tail to head; undirected edges with tail < head.
  public var edges: [WeightedEdge] {
    var out: [WeightedEdge] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) where directed || Int(target[e]) > v {
        out.append(WeightedEdge(v, Int(target[e]), weight[e]))
      }
    }
    return out
  }
}

/// An edge between two nodes, with a weight.
public struct WeightedEdge: Hashable, Sendable {
  /// The tail (for undirected graphs, one end).
  public var source: Int
  /// The head (the other end).
  public var target: Int
  /// The weight; 1 unless given.
  public var weight: Double

  /// An edge from `source` to `target` weighing `weight`.
  public init(_ source: Int, _ target: Int, _ weight: Double = 1) {
    self.source = source
    self.target = target
    self.weight = weight
  }
}

/// Two nodes, the lower first where the pair is unordered.
public struct NodePair: Hashable, Sendable {
  /// The first node.
  public var first: Int
  /// The second node.
  public var second: Int

  /// A pair.
  public init(_ first: Int, _ second: Int) {
    self.first = first
    self.second = second
  }
}

extension NetworkView {
  /// The view as a simple graph over its local node indices.
  ///
  /// - Parameter directed: `true` keeps the direction of directed kinds (undirected kinds become
  ///   arcs both ways); `false` ignores direction.
  /// Ties of several kinds between one pair merge into one edge whose weight is the sum of the tie
  /// weights.
  public func simpleGraph(directed: Bool) -> SimpleGraph { simpleGraph(directed: directed, polarity: nil) }

  /// The view as a simple graph over its local node indices, with the ties of one polarity only
  /// (`nil`: all ties): every node of the view stays, so indices and results line up with the view's.
  /// Path measures follow cooperative ties (`.cooperative`): an accusation or a war is no channel
  /// between two states.
  public func simpleGraph(directed: Bool, polarity: Polarity?) -> SimpleGraph {
    let csr = directed ? outgoing : undirected
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    for v in 0..<nodeCount {
      for e in csr.arcs(of: v) where (directed || Int(csr.target[e]) > v) && (polarity == nil || graph[ties[Int(csr.tie[e])].kind].polarity == polarity) {
        sources.append(Int32(v))
        targets.append(csr.target[e])
        weights.append(csr.weight[e])
      }
    }
    return SimpleGraph(nodeCount: nodeCount, sources: sources, targets: targets, weights: weights, directed: directed)
  }
}
