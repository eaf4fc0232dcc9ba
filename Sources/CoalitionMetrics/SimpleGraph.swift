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
    var arcs: [(Int32, Int32, Double)] = []
    arcs.reserveCapacity(directed ? edges.count : 2 * edges.count)
    for (u, v, w) in edges where u != v {
      arcs.append((Int32(u), Int32(v), w))
      if !directed { arcs.append((Int32(v), Int32(u), w)) }
    }
    arcs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    var merged: [(Int32, Int32, Double)] = []
    merged.reserveCapacity(arcs.count)
    for a in arcs {
      if let last = merged.last, last.0 == a.0, last.1 == a.1 {
        merged[merged.count - 1].2 += a.2
      } else {
        merged.append(a)
      }
    }
    self.nodeCount = nodeCount
    self.directed = directed
    (rowStart, target, weight) = SimpleGraph.rows(nodeCount, merged)
    if directed {
      let reversed = merged.map { ($0.1, $0.0, $0.2) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      (inRowStart, inTarget, inWeight) = SimpleGraph.rows(nodeCount, reversed)
    } else {
      (inRowStart, inTarget, inWeight) = (rowStart, target, weight)
    }
  }

  private static func rows(_ n: Int, _ sorted: [(Int32, Int32, Double)]) -> ([Int32], [Int32], [Double]) {
    var start = [Int32](repeating: 0, count: n + 1)
    for a in sorted { start[Int(a.0) + 1] += 1 }
    for v in 0..<n { start[v + 1] += start[v] }
    return (start, sorted.map(\.1), sorted.map(\.2))
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
