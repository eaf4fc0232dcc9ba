import CoalitionGraph
import Foundation

extension SimpleGraph {
  /// Scores each node by the share of shortest paths between other nodes that pass through it
  /// (Freeman 1977; computed with Brandes 2001, doi:10.1080/0022250X.2001.9990249).
  ///
  /// Conventions follow NetworkX 3.6 `betweenness_centrality` and are checked against it (and
  /// against igraph's `betweenness` for the raw values):
  /// - Paths are counted over ordered pairs (s, t), s ≠ t; on an undirected graph the raw value is
  ///   halved so that each unordered pair counts once.
  /// - `normalized` divides by the number of pairs that could pass through the node,
  ///   (n−1)(n−2), or n(n−1) with `endpoints`.
  /// - `endpoints` also credits the source and target of each path.
  /// - Weighted paths use `length`. Path lengths are compared exactly, as NetworkX does; igraph
  ///   treats lengths within a relative 1e-10 as equal, so with fractional lengths (1/3 + 1/6
  ///   against 1/2) it can count more shortest paths than NetworkX and this package.
  /// - Parameters:
  ///   - length: Edge length for shortest paths.
  ///   - normalized: Divide as described above.
  ///   - endpoints: Count path endpoints.
  ///   - threads: Threads for the searches; the result does not depend on it.
  /// - Returns: One value per node.
  ///   - threads: Threads for the sources (results do not depend on it).
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted. Hop counts run 64 sources at a time
  ///   (fewer beyond 262,144 nodes or with more than two threads), with 16 bytes a node per source
  ///   of a batch, at most 512 MiB for all threads; weighted paths take O(n + m) extra space per
  ///   thread.
  public func betweenness(length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false, threads: Int = 1) -> [Double] {
    let score = dependencySums(sources: nil, length: length, endpoints: endpoints, threads: threads)
    return score.map { $0 * betweennessScale(normalized: normalized, endpoints: endpoints) }
  }

  /// The factor from summed dependencies to betweenness values.
  private func betweennessScale(normalized: Bool, endpoints: Bool) -> Double {
    let pairs = Double(endpoints ? nodeCount : nodeCount - 1)
    guard pairs >= 2 else { return 1 }
    return normalized ? 1 / (pairs * (pairs - 1)) : (directed ? 1 : 0.5)
  }

  /// Σ over the sources (all nodes when `nil`) of each node's dependency, source-parallel.
  private func dependencySums(sources chosen: [Int]?, length: EdgeLength, endpoints: Bool, threads: Int) -> [Double] {
    // Lengths that are all 1 are hops; small whole numbers go through a bucket queue.
    let unit = length == .hops || weight.isUniform
    let whole = unit ? nil : integerLengths(length)
    let lanes = MultiSourceBrandes.lanes(nodeCount: nodeCount, threads: min(threads, SourceChunks.count))
    let batches = ScratchPool { MultiSourceBrandes(nodeCount: self.nodeCount, lanes: lanes) }
    let count = chosen?.count ?? nodeCount
    return SourceChunks.sum(nodeCount: count, width: nodeCount, threads: threads, granularity: unit ? lanes : 1) { range, partial in
      let sources = chosen.map { Array($0[range]) } ?? Array(range)
      if unit {
        batches.use { self.brandesHops(sources: sources, batch: $0, endpoints: endpoints, into: &partial) }
        return
      }
      if let whole {
        self.brandesBuckets(sources: sources, lengths: whole, endpoints: endpoints, into: &partial)
        return
      }
      self.brandes(length: length, sources: sources) { s, order, delta in
        for w32 in order where Int(w32) != s { partial[Int(w32)] += delta[Int(w32)] + (endpoints ? 1 : 0) }
        if endpoints { partial[s] += Double(order.count - 1) }
      }
    }
  }

  /// Betweenness estimated from the shortest paths of `samples` sources drawn at random without
  /// replacement (Brandes and Pich 2007), each source's dependencies scaled by n / samples: for
  /// graphs where exact betweenness (one search per node) takes too long.
  ///
  /// Same conventions as ``betweenness(length:normalized:endpoints:threads:)`` (without
  /// endpoints). The error bound follows from Hoeffding's inequality, which also holds when sampling
  /// without replacement: a source's dependency on a node is at most n − 2, so with probability at
  /// least `confidence` every node's normalized estimate is within
  /// ε = n/(n−1) · √(ln(2n / (1 − confidence)) / (2·samples)) of its exact normalized value, at
  /// once for all nodes (union bound). The bound is conservative; the typical error is far smaller.
  /// With `samples ≥ n` the result is exact and the bound 0.
  /// - Parameters:
  ///   - samples: Number of sources.
  ///   - seed: Seed of the sampling (`SplitMix64`): the same seed gives the same estimate.
  ///   - confidence: Probability that the bound holds, in (0, 1).
  ///   - length: Edge length for shortest paths.
  ///   - normalized: Divide by (n−1)(n−2), as exact betweenness does.
  ///   - threads: Threads for the searches; the result does not depend on it.
  /// - Complexity: O(samples · m) for hops.
  public func approximateBetweenness(
    samples: Int, seed: UInt64 = 1, confidence: Double = 0.95, length: EdgeLength = .hops, normalized: Bool = true, threads: Int = 1
  ) -> BetweennessEstimate {
    precondition(samples > 0 && confidence > 0 && confidence < 1, "samples must be positive and confidence in (0, 1)")
    let n = nodeCount
    let scale = betweennessScale(normalized: normalized, endpoints: false)
    guard samples < n else {
      return BetweennessEstimate(values: betweenness(length: length, normalized: normalized, threads: threads), samples: n, errorBound: 0, confidence: confidence)
    }
    // A partial Fisher–Yates shuffle picks the sources; sorted, so that chunks run in node order.
    var rng = SplitMix64(seed: seed)
    var pool = Array(0..<n)
    for i in 0..<samples { pool.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
    let sources = pool[0..<samples].sorted()
    let sums = dependencySums(sources: sources, length: length, endpoints: false, threads: threads)
    let factor = Double(n) / Double(samples) * scale
    let deviation = BetweennessEstimate.errorBound(nodeCount: n, samples: samples, confidence: confidence)
    // ε on the normalized scale, converted to the scale of the values.
    let bound = deviation * scale / betweennessScale(normalized: true, endpoints: false)
    return BetweennessEstimate(values: sums.map { $0 * factor }, samples: samples, errorBound: bound, confidence: confidence)
  }

  /// Scores each edge by the share of shortest paths that use it (Girvan and Newman 2002).
  ///
  /// Matches NetworkX 3.6 `edge_betweenness_centrality`: paths over ordered pairs; `normalized`
  /// divides by n(n−1); otherwise undirected values are halved.
  /// - Returns: One entry per edge of ``edges``, in that order.
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted.
  public func edgeBetweenness(length: EdgeLength = .hops, normalized: Bool = true, threads: Int = 1) -> [EdgeScore] {
    let backward = rows(.outgoing, length).backward
    let list = edges
    // Edge id of each backward arc (w's row, entry v, i.e. the arc v → w).
    var id = [String: Int]()
    for (k, e) in list.enumerated() { id["\(e.source) \(e.target)"] = k }
    var arcEdge = [Int](repeating: -1, count: backward.target.count)
    for w in 0..<nodeCount {
      for e in Int(backward.start[w])..<Int(backward.start[w + 1]) {
        let v = Int(backward.target[e])
        let key = directed || v < w ? "\(v) \(w)" : "\(w) \(v)"
        arcEdge[e] = id[key]!
      }
    }
    let edgeOfArc = arcEdge
    let score = SourceChunks.sum(nodeCount: nodeCount, width: list.count, threads: threads) { sources, partial in
      self.brandes(length: length, sources: sources, onArc: { e, credit in partial[edgeOfArc[e]] += credit }) { _, _, _ in }
    }
    let n = Double(nodeCount)
    let scale = nodeCount < 2 ? 1 : (normalized ? 1 / (n * (n - 1)) : (directed ? 1 : 0.5))
    return list.enumerated().map { k, e in EdgeScore(source: e.source, target: e.target, value: score[k] * scale) }
  }
}

extension SimpleGraph {
  /// Brandes' dependency accumulation (2001): for every source s, shortest paths from s, then the
  /// dependencies δ accumulated from the farthest nodes back. `onArc` receives the credit each
  /// shortest-path arc (by its position in the backward rows) carries; `perSource` sees the
  /// source, the nodes reached and their dependencies.
  func brandes(
    length: EdgeLength, sources: some Sequence<Int>, onArc: (Int, Double) -> Void = { _, _ in }, perSource: (Int, [Int32], [Double]) -> Void
  ) {
    let (forward, backward) = rows(.outgoing, length)
    var search = PathSearch(nodeCount: nodeCount, length: length)
    var delta = [Double](repeating: 0, count: nodeCount)
    for s in sources {
      search.run(from: s, over: forward)
      for v in search.order { delta[Int(v)] = 0 }
      for w32 in search.order.reversed() {
        let w = Int(w32)
        let coefficient = (1 + delta[w]) / search.sigma[w]
        for e in Int(backward.start[w])..<Int(backward.start[w + 1]) {
          let v = Int(backward.target[e])
          if search.onShortestPath(v, w, length: backward.length[e]) {
            let credit = search.sigma[v] * coefficient
            delta[v] += credit
            onArc(e, credit)
          }
        }
      }
      perSource(s, search.order, delta)
    }
  }

  /// Brandes for hop counts, `batch.lanes` sources at a time (``MultiSourceBrandes``); one at a
  /// time by the single-source kernel when that is 1.
  func brandesHops(sources: [Int], batch: MultiSourceBrandes, endpoints: Bool, into score: inout [Double]) {
    let lanes = batch.lanes
    guard lanes > 1 else { return brandesHops(sources: sources, endpoints: endpoints, into: &score) }
    withHopRows(.outgoing) { forward, backward in
      score.withUnsafeMutableBufferPointer { score in
        for first in stride(from: 0, to: sources.count, by: lanes) {
          batch.run(
            from: sources[first..<min(first + lanes, sources.count)], forward: forward, backward: backward, endpoints: endpoints,
            into: score.baseAddress!)
        }
      }
    }
  }

  /// Brandes for hop counts over raw rows, one source at a time. Forward: a breadth-first search counting shortest
  /// paths σ. Backward, level by level from the farthest: each node v *pulls*
  /// δ(v) = σ(v) · Σ c(w) over its successors w, where c(w) = (1 + δ(w)) / σ(w) is set once a level
  /// is finished and is 0 for every node not yet finished. A successor of a node at level l is at a
  /// level ≤ l + 1, so exactly the successors one level further contribute, without testing levels,
  /// writing to other nodes' entries or keeping predecessor lists.
  func brandesHops(sources: some Sequence<Int>, endpoints: Bool, into score: inout [Double]) {
    let n = nodeCount
    let level = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
    let order = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)  // + 1: the branch-free queue writes one past its end
    let sigma = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
    let pull = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
    let delta = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
    level.initialize(repeating: -1, count: max(1, n))
    sigma.initialize(repeating: 0, count: max(1, n))
    pull.initialize(repeating: 0, count: max(1, n))
    delta.initialize(repeating: 0, count: max(1, n))
    defer { level.deallocate(); order.deallocate(); sigma.deallocate(); pull.deallocate(); delta.deallocate() }
    withHopRows(.outgoing) { rows, _ in
      score.withUnsafeMutableBufferPointer { score in
        for s in sources {
          level[s] = 0
          sigma[s] = 1
          order[0] = Int32(s)
          var head = 0
          var tail = 1
          while head < tail {
            let v = Int(order[head])
            head &+= 1
            let next = level[v] &+ 1
            let paths = sigma[v]
            // Branch-free: the outcome for each neighbour is unpredictable on most graphs, so the
            // queue slot is always written and only counted for a new node, and σ always updated
            // with either the paths or zero.
            let pathBits = paths.bitPattern
            for e in Int(rows.start[v])..<Int(rows.start[v + 1]) {
              let w32 = rows.target[e]
              let w = Int(w32)
              let lw = level[w]
              let isNew = Int32(bitPattern: UInt32(bitPattern: lw) >> 31)
              order[tail] = w32
              tail &+= Int(isNew)
              let lw2 = isNew != 0 ? next : lw
              level[w] = lw2
              let onPath = UInt64(bitPattern: -Int64(lw2 == next ? 1 : 0))
              sigma[w] += Double(bitPattern: pathBits & onPath)
            }
          }
          var end = tail
          while end > 0 {
            let l = level[Int(order[end - 1])]
            var begin = end - 1
            while begin > 0, level[Int(order[begin - 1])] == l { begin -= 1 }
            for i in begin..<end {
              let v = Int(order[i])
              var sum = 0.0
              for e in Int(rows.start[v])..<Int(rows.start[v + 1]) { sum += pull[Int(rows.target[e])] }
              delta[v] = sigma[v] * sum
            }
            for i in begin..<end {
              let v = Int(order[i])
              pull[v] = (1 + delta[v]) / sigma[v]
            }
            end = begin
          }
          for i in 1..<tail {
            let w = Int(order[i])
            score[w] += delta[w] + (endpoints ? 1 : 0)
          }
          if endpoints { score[s] += Double(tail - 1) }
          for i in 0..<tail {
            let v = Int(order[i])
            level[v] = -1
            sigma[v] = 0
            pull[v] = 0
          }
        }
      }
    }
  }

  /// The arc lengths as whole numbers when every length is a whole number from 1 to 4,096 (the
  /// usual 1…10 or 1…100 tie strengths); `nil` otherwise.
  func integerLengths(_ length: EdgeLength) -> [Int32]? {
    var out = [Int32](repeating: 0, count: target.count)
    for e in 0..<target.count {
      let l = length.of(weight: weight[e])
      guard l >= 1, l <= 4096, l.rounded() == l else { return nil }
      out[e] = Int32(l)
    }
    return out
  }

  /// Brandes with whole-number lengths: Dijkstra over a circular bucket queue (Dial 1969), whose
  /// buckets are visited in order of distance, so no heap; then the dependencies pulled as in
  /// ``brandesHops(sources:endpoints:into:)``: a node's successors on shortest paths lie at a
  /// greater distance (lengths are at least 1) and are finished before it. Distances are exact
  /// integers, so ties are exact as in the general version.
  func brandesBuckets(sources: some Sequence<Int>, lengths: [Int32], endpoints: Bool, into score: inout [Double]) {
    let n = nodeCount
    let span = Int(lengths.max() ?? 1) + 1
    var distance = [Int](repeating: -1, count: n)
    var sigma = [Double](repeating: 0, count: n)
    var pull = [Double](repeating: 0, count: n)
    var order = [Int32](repeating: 0, count: n)
    rowStart.withUnsafeBufferPointer { start in
      target.withUnsafeBufferPointer { next in
        lengths.withUnsafeBufferPointer { length in
          distance.withUnsafeMutableBufferPointer { distance in
            sigma.withUnsafeMutableBufferPointer { sigma in
              pull.withUnsafeMutableBufferPointer { pull in
                order.withUnsafeMutableBufferPointer { order in
                  score.withUnsafeMutableBufferPointer { score in
                    var queue = BucketQueue(span: span)
                    for s in sources {
                      distance[s] = 0
                      sigma[s] = 1
                      queue.push(Int32(s), at: 0)
                      var settled = 0
                      while let (v, current) = queue.pop() {
                        // Stale entries: settled already, or queued again at a shorter distance.
                        guard distance[v] == current, pull[v] == 0 else { continue }
                        pull[v] = -1  // marks v settled until its coefficient is set
                        order[settled] = Int32(v)
                        settled += 1
                        let paths = sigma[v]
                        for e in Int(start[v])..<Int(start[v + 1]) {
                          let w = Int(next[e])
                          let d = current + Int(length[e])
                          let dw = distance[w]
                          if dw < 0 || d < dw {
                            distance[w] = d
                            sigma[w] = paths
                            queue.push(Int32(w), at: d)
                          } else if d == dw {
                            sigma[w] += paths
                          }
                        }
                      }
                      for i in stride(from: settled - 1, through: 0, by: -1) {
                        let v = Int(order[i])
                        let dv = distance[v]
                        var sum = 0.0
                        for e in Int(start[v])..<Int(start[v + 1]) {
                          let w = Int(next[e])
                          if distance[w] == dv + Int(length[e]) { sum += pull[w] }
                        }
                        let delta = sigma[v] * sum
                        pull[v] = (1 + delta) / sigma[v]
                        if v != s { score[v] += delta + (endpoints ? 1 : 0) }
                      }
                      if endpoints { score[s] += Double(settled - 1) }
                      for i in 0..<settled {
                        let v = Int(order[i])
                        distance[v] = -1
                        sigma[v] = 0
                        pull[v] = 0
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The pairs a node fully brokers: (s, t) with s < t, both other than `broker`, connected, and
  /// every shortest path (in hops) between them passing through the broker.
  /// - Complexity: O(n·m).
  public func pairsBrokered(by broker: Int, limit: Int = .max) -> [NodePair] {
    let (forward, _) = rows(.outgoing, .hops)
    var search = PathSearch(nodeCount: nodeCount, length: .hops)
    search.run(from: broker, over: forward)
    let fromBroker = search.distance
    let pathsFromBroker = search.sigma
    var out: [NodePair] = []
    for s in 0..<nodeCount where s != broker {
      search.run(from: s, over: forward)
      for t in s + 1..<nodeCount where t != broker && search.distance[t].isFinite {
        if search.distance[broker] + fromBroker[t] == search.distance[t], search.sigma[broker] * pathsFromBroker[t] == search.sigma[t] {
          out.append(NodePair(s, t))
          if out.count >= limit { return out }
        }
      }
    }
    return out
  }
}

extension NetworkView {
  /// Betweenness of each actor in the view (see ``SimpleGraph/betweenness(length:normalized:endpoints:threads:)``).
  ///
  /// - Parameters:
  ///   - directed: Follow the direction of directed kinds; otherwise direction is ignored.
  ///   - length: Edge length; `.inverseWeight` treats heavier ties (more observations) as shorter.
  ///   - normalized: Divide by the number of pairs, (n−1)(n−2).
  ///   - endpoints: Count path endpoints.
  public func betweenness(directed: Bool = false, length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false) -> ActorScores {
    ActorScores(in: self, 
      name: "betweenness\(directed ? " (directed)" : "")",
      values: simpleGraph(directed: directed).betweenness(length: length, normalized: normalized, endpoints: endpoints))
  }
}

/// Betweenness estimated from a sample of sources, with its error bound (see
/// ``SimpleGraph/approximateBetweenness(samples:seed:confidence:length:normalized:threads:)``).
public struct BetweennessEstimate: Sendable {
  /// Estimated value per node, on the scale asked for (normalized or raw).
  public let values: [Double]
  /// Number of sources searched.
  public let samples: Int
  /// With probability ≥ ``confidence``, every value is within this distance of the exact one.
  public let errorBound: Double
  /// The probability with which ``errorBound`` holds, e.g. 0.95.
  public let confidence: Double

  /// The bound on normalized betweenness for `samples` of `nodeCount` sources at `confidence`:
  /// n/(n−1) · √(ln(2n / (1 − confidence)) / (2·samples)); 0 when every node is a source.
  public static func errorBound(nodeCount n: Int, samples: Int, confidence: Double) -> Double {
    guard samples < n, n > 1 else { return 0 }
    return (Foundation.log(2 * Double(n) / (1 - confidence)) / (2 * Double(samples))).squareRoot() * Double(n) / Double(n - 1)
  }
}

/// A value measured on one edge, such as its betweenness.
public struct EdgeScore: Hashable, Sendable {
  /// The edge's tail (the lower node of an undirected edge).
  public var source: Int
  /// The edge's head.
  public var target: Int
  /// The value.
  public var value: Double
}

