import CoalitionGraph

/// A simple graph in compressed sparse rows: no parallel edges, no self-loops, one weight per edge.
/// The input of the path and spectral measures.
///
/// Parallel edges are merged by summing their weights (several kinds between a pair become one
/// stronger tie). An undirected graph stores each edge in both rows. A directed graph also stores
/// the reverse rows (`inRowStart`, `inTarget`, `inWeight`) for measures that follow in-edges.
public struct SimpleGraph: Sendable {
  public let nodeCount: Int
  public let directed: Bool
  public let rowStart: [Int32]
  public let target: [Int32]
  public let weight: [Double]
  public let inRowStart: [Int32]
  public let inTarget: [Int32]
  public let inWeight: [Double]

  /// Number of edges (each undirected edge once).
  public var edgeCount: Int { directed ? target.count : target.count / 2 }

  /// Builds a simple graph from an edge list of node indices `0 ..< nodeCount`.
  /// Self-loops are dropped; parallel edges (in either order, for undirected graphs) are merged
  /// and their weights summed.
  /// - Complexity: O(n + m log m).
  public init(nodeCount: Int, edges: [(Int, Int, Double)], directed: Bool) {
    precondition(edges.allSatisfy { $0.0 >= 0 && $0.0 < nodeCount && $0.1 >= 0 && $0.1 < nodeCount }, "edge endpoint out of range")
    self.nodeCount = nodeCount
    self.directed = directed
    // Arcs bucketed by tail (counting sort), each row then sorted by head and merged.
    var tails: [Int32] = []
    var heads: [Int32] = []
    var weights: [Double] = []
    tails.reserveCapacity(directed ? edges.count : 2 * edges.count)
    heads.reserveCapacity(tails.capacity)
    weights.reserveCapacity(tails.capacity)
    for (u, v, w) in edges where u != v {
      tails.append(Int32(u)); heads.append(Int32(v)); weights.append(w)
      if !directed { tails.append(Int32(v)); heads.append(Int32(u)); weights.append(w) }
    }
    (rowStart, target, weight) = SimpleGraph.rows(nodeCount, tails, heads, weights)
    if directed {
      (inRowStart, inTarget, inWeight) = SimpleGraph.rows(nodeCount, heads, tails, weights)
    } else {
      (inRowStart, inTarget, inWeight) = (rowStart, target, weight)
    }
  }

  /// Compressed rows from arcs in any order: bucket by tail, sort each row by head (ties keep input
  /// order, so merged weights are summed in input order), merge parallel arcs.
  private static func rows(_ n: Int, _ tails: [Int32], _ heads: [Int32], _ weights: [Double]) -> ([Int32], [Int32], [Double]) {
    var start = [Int](repeating: 0, count: n + 1)
    for t in tails { start[Int(t) + 1] += 1 }
    for v in 0..<n { start[v + 1] += start[v] }
    var fill = start
    var bucketHead = [Int32](repeating: 0, count: tails.count)
    var bucketWeight = [Double](repeating: 0, count: tails.count)
    for k in tails.indices {
      let t = Int(tails[k])
      bucketHead[fill[t]] = heads[k]
      bucketWeight[fill[t]] = weights[k]
      fill[t] += 1
    }
    var rowStart = [Int32](repeating: 0, count: n + 1)
    var target: [Int32] = []
    var weight: [Double] = []
    target.reserveCapacity(tails.count)
    weight.reserveCapacity(tails.count)
    var row: [(Int32, Int, Double)] = []
    for v in 0..<n {
      row.removeAll(keepingCapacity: true)
      for p in start[v]..<start[v + 1] { row.append((bucketHead[p], p, bucketWeight[p])) }
      row.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      for (h, _, w) in row {
        if target.count > Int(rowStart[v]), target[target.count - 1] == h {
          weight[weight.count - 1] += w
        } else {
          target.append(h)
          weight.append(w)
        }
      }
      rowStart[v + 1] = Int32(target.count)
    }
    return (rowStart, target, weight)
  }

  /// The same graph with every edge reversed.
  public var reversed: SimpleGraph {
    var edges: [(Int, Int, Double)] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) { edges.append((Int(target[e]), v, weight[e])) }
    }
    return SimpleGraph(nodeCount: nodeCount, edges: edges, directed: directed)
  }

  /// Every edge once, as (tail, head, weight); undirected edges with tail < head.
  public var edges: [(Int, Int, Double)] {
    var out: [(Int, Int, Double)] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) where directed || Int(target[e]) > v {
        out.append((v, Int(target[e]), weight[e]))
      }
    }
    return out
  }
}

extension View {
  /// The view as a simple graph over its local node indices.
  ///
  /// - Parameter directed: `true` keeps the direction of directed kinds (undirected kinds become
  ///   arcs both ways); `false` ignores direction.
  /// Ties of several kinds between one pair merge into one edge whose weight is the sum of the tie
  /// weights.
  public func simpleGraph(directed: Bool) -> SimpleGraph {
    let csr = directed ? outgoing : undirected
    var edges: [(Int, Int, Double)] = []
    edges.reserveCapacity(csr.arcCount)
    for v in 0..<nodeCount {
      for e in csr.arcs(of: v) where directed || Int(csr.target[e]) > v {
        edges.append((v, Int(csr.target[e]), csr.weight[e]))
      }
    }
    return SimpleGraph(nodeCount: nodeCount, edges: edges, directed: directed)
  }
}
