/// How long an edge is for shortest paths.
///
/// With `inverseWeight` and `weight`, an edge whose length would not be a positive finite number
/// (weight 0, negative, infinite or NaN) is not used by shortest paths: no path runs through it.
/// Reports say how many edges that leaves out (see ``SimpleGraph/unusableEdgeCount(_:)``).
public enum EdgeLength: String, CaseIterable, Sendable {
  /// Every edge has length 1 (unweighted paths).
  case hops
  /// Length = 1 / weight: a strong tie is a short path (the usual reading of tie strength).
  /// Edges of weight 0 cannot be used.
  case inverseWeight
  /// Length = weight: the weight already is a distance or cost. Edges of weight 0 cannot be used.
  case weight

  /// The length of an edge of weight `w`: `.infinity` (the edge is not used) when it would not be
  /// a positive finite number.
  @inlinable public func of(weight w: Double) -> Double {
    switch self {
    case .hops: return 1
    case .inverseWeight:
      let l = 1 / w
      return w > 0 && l.isFinite && w.isFinite ? l : .infinity
    case .weight: return w > 0 && w.isFinite ? w : .infinity
    }
  }
}

/// Which way paths run on a directed graph. On an undirected graph all three agree.
public enum PathDirection: String, CaseIterable, Sendable {
  /// From the actor to the others (igraph's `mode="out"`).
  case outgoing
  /// From the others to the actor (NetworkX's convention for closeness and harmonic centrality).
  case incoming
  /// Direction ignored.
  case ignored
}

/// Rows of one direction of a ``SimpleGraph`` with their edge lengths.
struct Rows {
  let start: [Int32]
  let target: [Int32]
  let length: [Double]

  init(start: [Int32], target: [Int32], weight: ArcWeights, length: EdgeLength) {
    self.start = start
    self.target = target
    self.length = length == .hops ? [Double](repeating: 1, count: weight.count) : weight.map { length.of(weight: $0) }
  }
}

extension SimpleGraph {
  /// Forward and backward rows for paths in `direction` (forward follows paths, backward finds predecessors).
  func rows(_ direction: PathDirection, _ length: EdgeLength) -> (forward: Rows, backward: Rows) {
    let g = direction == .ignored && directed ? undirectedCopy : self
    let out = Rows(start: g.rowStart, target: g.target, weight: g.weight, length: length)
    let inn = Rows(start: g.inRowStart, target: g.inTarget, weight: g.inWeight, length: length)
    return direction == .incoming ? (inn, out) : (out, inn)
  }

  /// The number of edges that shortest paths cannot use with `length`: those whose length would
  /// not be a positive finite number (see ``EdgeLength``). Zero for hops.
  public func unusableEdgeCount(_ length: EdgeLength) -> Int {
    guard length != .hops, !weight.isUniform else { return 0 }
    let arcs = (0..<target.count).reduce(0) { $0 + (length.of(weight: weight[$1]).isFinite ? 0 : 1) }
    return directed ? arcs : arcs / 2
  }

  /// The same edges with every weight 1.
  public var unweightedCopy: SimpleGraph {
    weight.isUniform ? self : SimpleGraph(nodeCount: nodeCount, edges: edges.map { WeightedEdge($0.source, $0.target, 1) }, directed: directed)
  }

  /// The graph with direction dropped (arcs both ways merged, weights summed).
  var undirectedCopy: SimpleGraph {
    directed ? SimpleGraph(nodeCount: nodeCount, edges: edges, directed: false) : self
  }
}

/// Single-source shortest paths with path counts, reusing its buffers from source to source
/// (allocated once per measure, as the Brandes algorithm needs).
struct PathSearch {
  let unweighted: Bool
  /// Distance from the source; `.infinity` when unreached.
  var distance: [Double]
  /// Number of shortest paths from the source (as `Double`: counts overflow integers on grids).
  var sigma: [Double]
  /// Reached nodes in order of non-decreasing distance, source first.
  var order: [Int32]
  private var settled: [Bool]
  private var queue: [Int32]
  private var heap: BinaryHeap

  init(nodeCount: Int, length: EdgeLength) {
    unweighted = length == .hops
    distance = [Double](repeating: .infinity, count: nodeCount)
    sigma = [Double](repeating: 0, count: nodeCount)
    settled = [Bool](repeating: false, count: nodeCount)
    order = []
    order.reserveCapacity(nodeCount)
    queue = [Int32](repeating: 0, count: nodeCount)
    heap = BinaryHeap(capacity: nodeCount)
  }

  /// Runs from `source` over `rows`. Every node reached ends up in ``order``, so resetting those
  /// restores the buffers for the next source.
  mutating func run(from source: Int, over rows: Rows) {
    for v in order {
      distance[Int(v)] = .infinity
      sigma[Int(v)] = 0
      settled[Int(v)] = false
    }
    order.removeAll(keepingCapacity: true)
    distance[source] = 0
    sigma[source] = 1
    if unweighted { bfs(source, rows) } else { dijkstra(source, rows) }
  }

  private mutating func bfs(_ s: Int, _ rows: Rows) {
    var head = 0
    var tail = 1
    queue[0] = Int32(s)
    while head < tail {
      let v = Int(queue[head])
      head += 1
      order.append(Int32(v))
      let next = distance[v] + 1
      for e in Int(rows.start[v])..<Int(rows.start[v + 1]) {
        let w = Int(rows.target[e])
        if distance[w] == .infinity {
          distance[w] = next
          queue[tail] = Int32(w)
          tail += 1
        }
        if distance[w] == next { sigma[w] += sigma[v] }
      }
    }
  }

  /// Dijkstra with exact equality for ties, as NetworkX does, so path counts agree with it.
  /// Edges of infinite or negative length are skipped.
  private mutating func dijkstra(_ s: Int, _ rows: Rows) {
    heap.clear()
    heap.push(0, Int32(s))
    while let (d, v32) = heap.pop() {
      let v = Int(v32)
      if settled[v] || d > distance[v] { continue }
      settled[v] = true
      order.append(v32)
      for e in Int(rows.start[v])..<Int(rows.start[v + 1]) {
        let len = rows.length[e]
        guard len.isFinite, len >= 0 else { continue }
        let w = Int(rows.target[e])
        if settled[w] { continue }
        let candidate = d + len
        if candidate < distance[w] {
          distance[w] = candidate
          sigma[w] = sigma[v]
          heap.push(candidate, Int32(w))
        } else if candidate == distance[w] {
          sigma[w] += sigma[v]
        }
      }
    }
  }

  /// Whether the arc v → w (of length `length`) lies on a shortest path from the source.
  @inline(__always) func onShortestPath(_ v: Int, _ w: Int, length: Double) -> Bool {
    distance[v] != .infinity && distance[v] + (unweighted ? 1 : length) == distance[w]
  }
}

/// A binary min-heap of (key, node) pairs; ties broken by node index for determinism.
struct BinaryHeap {
  private var keys: [Double] = []
  private var nodes: [Int32] = []

  init(capacity: Int) {
    keys.reserveCapacity(capacity)
    nodes.reserveCapacity(capacity)
  }

  mutating func clear() {
    keys.removeAll(keepingCapacity: true)
    nodes.removeAll(keepingCapacity: true)
  }

  private func less(_ i: Int, _ j: Int) -> Bool { (keys[i], nodes[i]) < (keys[j], nodes[j]) }

  mutating func push(_ key: Double, _ node: Int32) {
    keys.append(key)
    nodes.append(node)
    var i = keys.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      if !less(i, parent) { break }
      keys.swapAt(i, parent)
      nodes.swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (Double, Int32)? {
    guard let top = keys.first else { return nil }
    let node = nodes[0]
    let lastKey = keys.removeLast()
    let lastNode = nodes.removeLast()
    if !keys.isEmpty {
      keys[0] = lastKey
      nodes[0] = lastNode
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < keys.count, less(l, m) { m = l }
        if r < keys.count, less(r, m) { m = r }
        if m == i { break }
        keys.swapAt(i, m)
        nodes.swapAt(i, m)
        i = m
      }
    }
    return (top, node)
  }
}

extension SimpleGraph {
  /// Shortest-path distances from `source` along edge direction: hops (breadth-first search) or
  /// lengths (Dijkstra; over a bucket queue when every length is a whole number from 1 to 4,096).
  /// Unreachable nodes get `.infinity`.
  /// - Complexity: O(n + m) for hops, O(m + D) for whole-number lengths with D the largest
  ///   distance, O(m log n) otherwise.
  public func distances(from source: Int, length: EdgeLength = .hops) -> [Double] {
    precondition(source >= 0 && source < nodeCount, "source out of range")
    if length == .hops {
      return withHopRows(.outgoing) { forward, backward in
        let search = LevelSearch(nodeCount: nodeCount)
        search.run(from: source, forward: forward, backward: backward)
        return (0..<nodeCount).map { search.level[$0] < 0 ? .infinity : Double(search.level[$0]) }
      }
    }
    if let whole = integerLengths(length) { return bucketDistances(from: source, lengths: whole) }
    var search = PathSearch(nodeCount: nodeCount, length: length)
    search.run(from: source, over: rows(.outgoing, length).forward)
    return search.distance
  }

  /// Distances from `source` when every length is a whole number from 1 to 4,096: Dijkstra over a
  /// circular bucket queue (Dial 1969), no heap and no path counts. Integer sums are exact, so the
  /// distances equal the heap version's.
  func bucketDistances(from source: Int, lengths: [Int32]) -> [Double] {
    let n = nodeCount
    let span = Int(lengths.max() ?? 1) + 1
    var distance = [Int](repeating: -1, count: n)
    var settled = [Bool](repeating: false, count: n)
    rowStart.withUnsafeBufferPointer { start in
      target.withUnsafeBufferPointer { next in
        lengths.withUnsafeBufferPointer { length in
          distance.withUnsafeMutableBufferPointer { distance in
            settled.withUnsafeMutableBufferPointer { settled in
              var queue = BucketQueue(span: span)
              distance[source] = 0
              queue.push(Int32(source), at: 0)
              while let (v, current) = queue.pop() {
                // Stale entries: settled already, or queued again at a shorter distance.
                guard distance[v] == current, !settled[v] else { continue }
                settled[v] = true
                for e in Int(start[v])..<Int(start[v + 1]) {
                  let w = Int(next[e])
                  let d = current + Int(length[e])
                  let dw = distance[w]
                  if dw < 0 || d < dw {
                    distance[w] = d
                    queue.push(Int32(w), at: d)
                  }
                }
              }
            }
          }
        }
      }
    }
    return distance.map { $0 < 0 ? .infinity : Double($0) }
  }
}

/// A circular bucket queue for Dijkstra with whole-number lengths from 1 to `span` − 1 (Dial
/// 1969): entries come out in order of distance, with no heap. Entries are not removed when a node
/// is queued again at a shorter distance, so callers skip stale ones. Empty again once `pop`
/// returns `nil`, ready for the next source.
struct BucketQueue {
  private let span: Int
  private var buckets: [[Int32]]
  /// The distance being popped and its bucket (`current % span`, kept to save a division a pop).
  private var current = 0
  private var bucket = 0
  private var read = 0
  private var pending = 0

  init(span: Int) {
    self.span = span
    buckets = [[Int32]](repeating: [], count: span)
  }

  /// Queues `node` at distance `d`, which must be within `span` − 1 of the last distance popped.
  @inline(__always) mutating func push(_ node: Int32, at d: Int) {
    buckets[d % span].append(node)
    pending &+= 1
  }

  /// The next entry in order of distance (possibly stale), or `nil` when none is left.
  @inline(__always) mutating func pop() -> (node: Int, distance: Int)? {
    if read < buckets[bucket].count {
      let v = buckets[bucket][read]
      read &+= 1
      pending &-= 1
      return (Int(v), current)
    }
    return advance()
  }

  /// Moves on to the next non-empty bucket and pops from it; resets when the queue is empty.
  private mutating func advance() -> (node: Int, distance: Int)? {
    while pending > 0 {
      if read < buckets[bucket].count {
        let v = buckets[bucket][read]
        read &+= 1
        pending &-= 1
        return (Int(v), current)
      }
      buckets[bucket].removeAll(keepingCapacity: true)
      read = 0
      current &+= 1
      bucket = bucket &+ 1 == span ? 0 : bucket &+ 1
    }
    buckets[bucket].removeAll(keepingCapacity: true)
    read = 0
    current = 0
    bucket = 0
    return nil
  }
}
