import CoalitionGraph

/// Brandes' betweenness for hop counts, up to 64 sources at a time.
///
/// Each node carries a 64-bit word with one bit per source of the batch, as in the multi-source
/// search (``MultiSourceSearch``): one pass over a node's row serves every source of the batch
/// for which that node is at the current level, and a single AND of two words finds the sources
/// for which an arc lies on a shortest path. Only those sources' path counts σ and coefficients
/// are touched, so the arithmetic is the same as one search per source, but the row reads, the
/// level tests and the loop overhead are shared by up to 64 sources.
///
/// Per source the result is Brandes' dependency: σ is pulled from the predecessors one level
/// closer (or pushed from a small frontier), and the dependencies are pulled back level by level,
/// each node summing c(w) = 1/σ(w) + Σ c over w's own successors one level further, which gives
/// δ(v) = σ(v) · Σ c(w) over v's successors w one level further.
///
/// Storage per node: σ and c for each lane (16 bytes × lanes), the batch's reached and current
/// words, and one (node, lanes) entry per level at which the node is reached.
final class MultiSourceBrandes {
  let nodeCount: Int
  /// Sources per batch, 1...64.
  let lanes: Int
  private let seen: UnsafeMutablePointer<UInt64>
  /// The lanes for which each node is at the level being expanded (forward) or the level below the
  /// one being accumulated (backward); zero elsewhere between uses.
  private let current: UnsafeMutablePointer<UInt64>
  private let next: UnsafeMutablePointer<UInt64>
  /// σ and the coefficients, `lanes` per node (node-major, so one node's lanes share cache lines).
  private let sigma: UnsafeMutablePointer<Double>
  private let pull: UnsafeMutablePointer<Double>
  /// The (node, lanes) reached at each level, level `l` at `entryStart[l] ..< entryStart[l + 1]`.
  private var entryNode: [Int32] = []
  private var entryLanes: [UInt64] = []
  private var entryStart: [Int] = []

  /// Lanes for a graph of `nodeCount` nodes searched on `threads` threads: 64 while the σ and
  /// coefficient arrays of all threads stay within 512 MiB (n · lanes · threads ≤ 2²⁵), fewer on
  /// larger graphs or with many threads. On one or two threads that is 64 up to 262,144 nodes and 16
  /// at a million, which measured faster there than 8, 32 or 64 (wider rows miss the caches more).
  static func lanes(nodeCount: Int, threads: Int) -> Int {
    min(64, max(1, (1 << 25) / max(1, nodeCount) / max(2, threads)))
  }

  init(nodeCount: Int, lanes: Int) {
    precondition((1...64).contains(lanes))
    self.nodeCount = nodeCount
    self.lanes = lanes
    let n = max(1, nodeCount)
    seen = .allocate(capacity: n)
    current = .allocate(capacity: n)
    next = .allocate(capacity: n)
    for p in [seen, current, next] { p.initialize(repeating: 0, count: n) }
    sigma = .allocate(capacity: n * lanes)
    pull = .allocate(capacity: n * lanes)
    sigma.initialize(repeating: 0, count: n * lanes)
    pull.initialize(repeating: 0, count: n * lanes)
  }

  deinit {
    for p in [seen, current, next] { p.deallocate() }
    sigma.deallocate()
    pull.deallocate()
  }

  /// Adds the dependencies of `sources` (distinct, at most `lanes`) to `score`: `forward` holds
  /// the rows paths follow, `backward` their reverse. With `endpoints`, each node reached also
  /// counts once per source, and each source once per node it reaches.
  func run(from sources: ArraySlice<Int>, forward: RawRows, backward: RawRows, endpoints: Bool, into score: UnsafeMutablePointer<Double>) {
    precondition(sources.count <= lanes)
    guard !sources.isEmpty else { return }
    let n = nodeCount
    let w = lanes
    let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) &- 1
    // Local arrays (taken over from the stored ones to keep their capacity): no exclusivity checks
    // in the loops.
    var entryNode = self.entryNode
    var entryLanes = self.entryLanes
    var entryStart = self.entryStart
    self.entryNode = []
    self.entryLanes = []
    self.entryStart = []
    defer {
      self.entryNode = entryNode
      self.entryLanes = entryLanes
      self.entryStart = entryStart
    }
    entryNode.removeAll(keepingCapacity: true)
    entryLanes.removeAll(keepingCapacity: true)
    entryStart.removeAll(keepingCapacity: true)
    entryStart.append(0)
    for (b, s) in sources.enumerated() {
      let bit: UInt64 = 1 << UInt64(b)
      seen[s] = bit
      current[s] = bit
      sigma[s &* w &+ b] = 1
      entryNode.append(Int32(truncatingIfNeeded: s))
      entryLanes.append(bit)
    }
    entryStart.append(entryNode.count)

    // Forward: one level of every search per pass.
    while true {
      let levelBegin = entryStart[entryStart.count - 2]
      let levelEnd = entryStart[entryStart.count - 1]
      let frontierSize = levelEnd - levelBegin
      if frontierSize == 0 { break }
      if frontierSize &* 16 < n {
        // Top-down: the frontier pushes σ to successors not yet reached in the same lanes.
        for k in levelBegin..<levelEnd {
          let u = Int(entryNode[k])
          let bits = entryLanes[k]
          let from = sigma + u &* w
          for e in Int(forward.start[u])..<Int(forward.start[u + 1]) {
            let v = Int(forward.target[e])
            let fresh = bits & ~seen[v]
            guard fresh != 0 else { continue }
            if next[v] == 0 {
              entryNode.append(Int32(truncatingIfNeeded: v))
              entryLanes.append(0)
            }
            next[v] |= fresh
            let to = sigma + v &* w
            MultiSourceBrandes.add(lanes: fresh, from: from, to: to)
          }
        }
        for k in levelEnd..<entryNode.count {
          let v = Int(entryNode[k])
          entryLanes[k] = next[v]
          next[v] = 0
        }
      } else {
        // Bottom-up: every node not yet reached in all lanes pulls σ from its predecessors.
        for v in 0..<n where seen[v] != full {
          let unseen = ~seen[v]
          let to = sigma + v &* w
          var reached: UInt64 = 0
          for e in Int(backward.start[v])..<Int(backward.start[v + 1]) {
            let u = Int(backward.target[e])
            let fresh = current[u] & unseen
            guard fresh != 0 else { continue }
            reached |= fresh
            let from = sigma + u &* w
            MultiSourceBrandes.add(lanes: fresh, from: from, to: to)
          }
          if reached != 0 {
            entryNode.append(Int32(truncatingIfNeeded: v))
            entryLanes.append(reached)
          }
        }
      }
      for k in levelBegin..<levelEnd { current[Int(entryNode[k])] = 0 }
      for k in levelEnd..<entryNode.count {
        let v = Int(entryNode[k])
        seen[v] |= entryLanes[k]
        current[v] = entryLanes[k]
      }
      entryStart.append(entryNode.count)
    }
    // The last level appended is empty; `current` is all zero again.

    // Backward: from the farthest level, each node pulls the coefficients of its successors one
    // level further (marked in `current`), then sets its own.
    let levels = entryStart.count - 1
    var l = levels - 1
    while l >= 1 {
      for k in entryStart[l]..<entryStart[l + 1] {
        let u = Int(entryNode[k])
        let bits = entryLanes[k]
        let acc = pull + u &* w
        if l + 1 < levels {
          for e in Int(forward.start[u])..<Int(forward.start[u + 1]) {
            let v = Int(forward.target[e])
            let below = bits & current[v]
            guard below != 0 else { continue }
            let from = pull + v &* w
            MultiSourceBrandes.add(lanes: below, from: from, to: acc)
          }
        }
        let paths = sigma + u &* w
        var total = 0.0
        var each = bits
        repeat {
          let b = each.trailingZeroBitCount
          let sum = acc[b]
          total += paths[b] * sum
          acc[b] = 1 / paths[b] + sum
          paths[b] = 0
          each &= each &- 1
        } while each != 0
        score[u] += endpoints ? total + Double(bits.nonzeroBitCount) : total
      }
      // Level l + 1 is no longer needed: clear its marks and coefficients; mark level l.
      if l + 1 < levels { clear(entryNode[entryStart[l + 1]..<entryStart[l + 2]], entryLanes[entryStart[l + 1]..<entryStart[l + 2]]) }
      for k in entryStart[l]..<entryStart[l + 1] { current[Int(entryNode[k])] = entryLanes[k] }
      l -= 1
    }
    if levels > 1 { clear(entryNode[entryStart[1]..<entryStart[2]], entryLanes[entryStart[1]..<entryStart[2]]) }
    for (b, s) in sources.enumerated() { sigma[s &* w &+ b] = 0 }
    if endpoints {
      // Each source also counts once per node it reaches.
      var reached = [Int](repeating: 0, count: sources.count)
      for k in entryStart[1]..<entryNode.count {
        var bits = entryLanes[k]
        repeat {
          reached[bits.trailingZeroBitCount] &+= 1
          bits &= bits &- 1
        } while bits != 0
      }
      for (b, s) in sources.enumerated() { score[s] += Double(reached[b]) }
    }
    for k in 0..<entryNode.count { seen[Int(entryNode[k])] = 0 }
  }

  /// `to[b] += from[b]` for every lane b set in `lanes` (which must not be zero).
  @inline(__always) static func add(lanes: UInt64, from: UnsafeMutablePointer<Double>, to: UnsafeMutablePointer<Double>) {
    var bits = lanes
    repeat {
      let b = bits.trailingZeroBitCount
      to[b] += from[b]
      bits &= bits &- 1
    } while bits != 0
  }

  /// Clears the marks and coefficients of the entries of a level.
  private func clear(_ nodes: ArraySlice<Int32>, _ lanesOfNodes: ArraySlice<UInt64>) {
    let w = lanes
    for (v32, laneBits) in zip(nodes, lanesOfNodes) {
      let v = Int(v32)
      current[v] = 0
      var bits = laneBits
      let c = pull + v &* w
      repeat {
        c[bits.trailingZeroBitCount] = 0
        bits &= bits &- 1
      } while bits != 0
    }
  }
}
