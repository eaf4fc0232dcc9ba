import CoalitionGraph

/// Compressed rows as raw pointers, valid inside the `withHopRows` call that made them.
struct RawRows: @unchecked Sendable {
  let start: UnsafePointer<Int32>
  let target: UnsafePointer<Int32>

  @inline(__always) func degree(_ v: Int) -> Int { Int(start[v + 1] &- start[v]) }
}

extension SimpleGraph {
  /// Calls `body` with the rows that paths follow in `direction` (`forward`) and the reverse rows
  /// (`backward`: the predecessors), as raw pointers.
  func withHopRows<R>(_ direction: PathDirection, _ body: (_ forward: RawRows, _ backward: RawRows) -> R) -> R {
    let g = direction == .ignored && directed ? undirectedCopy : self
    return g.rowStart.withUnsafeBufferPointer { outStart in
      g.target.withUnsafeBufferPointer { outTarget in
        g.inRowStart.withUnsafeBufferPointer { inStart in
          g.inTarget.withUnsafeBufferPointer { inTarget in
            let out = RawRows(start: outStart.baseAddress!, target: outTarget.baseAddress ?? UnsafePointer(bitPattern: 8)!)
            let inn = RawRows(start: inStart.baseAddress!, target: inTarget.baseAddress ?? UnsafePointer(bitPattern: 8)!)
            return direction == .incoming ? body(inn, out) : body(out, inn)
          }
        }
      }
    }
  }
}

/// Breadth-first search by levels over raw rows, reusing its buffers from source to source.
///
/// Direction-optimising (Beamer, Asanović and Patterson 2012): while the frontier is small it
/// expands the frontier's rows (top-down); once the frontier's arcs outnumber a fourteenth of the
/// arcs still unexplored, each unreached node instead looks for one parent in the frontier among
/// its predecessors and stops at the first (bottom-up), which skips most arcs of the middle levels
/// of small-world graphs. The levels are the same either way; only the order of the nodes within
/// a level differs (bottom-up levels are in node order).
final class LevelSearch {
  let nodeCount: Int
  /// Level (hops from the source) of each node; -1 when unreached.
  let level: UnsafeMutablePointer<Int32>
  /// Reached nodes, level by level; level `l` is `order[levelStart[l] ..< levelStart[l + 1]]`.
  let order: UnsafeMutablePointer<Int32>
  private(set) var levelStart: [Int] = []
  /// Number of nodes reached, the source included.
  var reached: Int { levelStart.last ?? 0 }

  init(nodeCount: Int) {
    self.nodeCount = nodeCount
    level = .allocate(capacity: max(1, nodeCount))
    level.initialize(repeating: -1, count: max(1, nodeCount))
    order = .allocate(capacity: max(1, nodeCount))
    order.initialize(repeating: 0, count: max(1, nodeCount))
  }

  deinit {
    level.deallocate()
    order.deallocate()
  }

  /// Searches from `source` along `forward` (`backward` must be its reverse).
  func run(from source: Int, forward: RawRows, backward: RawRows) {
    for i in 0..<reached { level[Int(order[i])] = -1 }
    let n = nodeCount
    level[source] = 0
    order[0] = Int32(source)
    levelStart.removeAll(keepingCapacity: true)
    levelStart.append(0)
    var tail = 1
    var frontier = 0..<1
    var unexplored = Int(forward.start[n]) - forward.degree(source)
    var frontierArcs = forward.degree(source)
    var bottomUp = false
    var current: Int32 = 0
    while !frontier.isEmpty {
      levelStart.append(tail)
      bottomUp = bottomUp ? frontier.count * 24 >= n : frontierArcs * 14 > unexplored
      let next = current &+ 1
      var newArcs = 0
      if bottomUp {
        for v in 0..<n where level[v] < 0 {
          for e in Int(backward.start[v])..<Int(backward.start[v + 1]) where level[Int(backward.target[e])] == current {
            level[v] = next
            order[tail] = Int32(truncatingIfNeeded: v)
            tail &+= 1
            newArcs &+= forward.degree(v)
            break
          }
        }
      } else {
        for i in frontier {
          let v = Int(order[i])
          for e in Int(forward.start[v])..<Int(forward.start[v + 1]) {
            let w = Int(forward.target[e])
            if level[w] < 0 {
              level[w] = next
              order[tail] = Int32(truncatingIfNeeded: w)
              tail &+= 1
              newArcs &+= forward.degree(w)
            }
          }
        }
      }
      unexplored &-= newArcs
      frontierArcs = newArcs
      frontier = frontier.upperBound..<tail
      current = next
    }
  }

  /// Nodes reached at level `l`.
  func size(ofLevel l: Int) -> Int { levelStart[l + 1] - levelStart[l] }

  /// Number of levels, the source's included.
  var levelCount: Int { levelStart.count - 1 }
}

/// What a breadth-first search from one source adds up to: the numbers closeness and harmonic
/// centrality are made of.
struct HopSummary: Sendable {
  /// Nodes reached, the source excluded.
  var reached = 0
  /// Σ distance over the nodes reached.
  var distanceSum = 0
  /// Σ 1/distance over the nodes reached, summed level by level (count / level).
  var inverseSum = 0.0
}

/// Breadth-first searches from up to 64 sources at once, one bit per source in a 64-bit word per
/// node (multi-source BFS, Then et al. 2014, doi:10.14778/2735496.2735507): one pass over the
/// rows advances all 64 searches by a level, so each arc is read once per level for 64 sources
/// instead of once per source. A level is expanded top-down (frontier nodes push their bits to
/// their successors) while the frontier is small and bottom-up (each node not yet reached by every
/// search pulls the bits of its predecessors) once it is large.
final class MultiSourceSearch {
  let nodeCount: Int
  private let seen: UnsafeMutablePointer<UInt64>
  private let frontier: UnsafeMutablePointer<UInt64>
  private let next: UnsafeMutablePointer<UInt64>

  init(nodeCount: Int) {
    self.nodeCount = nodeCount
    let n = max(1, nodeCount)
    seen = .allocate(capacity: n)
    frontier = .allocate(capacity: n)
    next = .allocate(capacity: n)
    for p in [seen, frontier, next] { p.initialize(repeating: 0, count: n) }
  }

  deinit {
    for p in [seen, frontier, next] { p.deallocate() }
  }

  /// Searches from `sources` (at most 64, distinct) and returns a summary per source, in order.
  func run(from sources: ArraySlice<Int>, forward: RawRows, backward: RawRows) -> [HopSummary] {
    precondition(sources.count <= 64)
    let n = nodeCount
    for i in 0..<n {
      seen[i] = 0
      frontier[i] = 0
      next[i] = 0
    }
    let all: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) - 1
    for (b, s) in sources.enumerated() {
      seen[s] |= 1 << UInt64(b)
      frontier[s] |= 1 << UInt64(b)
    }
    var summary = [HopSummary](repeating: HopSummary(), count: sources.count)
    var count = [Int](repeating: 0, count: 64)
    var frontierNodes = sources.count
    var level = 0
    while frontierNodes > 0 {
      level += 1
      if frontierNodes * 16 < n {
        for v in 0..<n where frontier[v] != 0 {
          let bits = frontier[v]
          for e in Int(forward.start[v])..<Int(forward.start[v + 1]) { next[Int(forward.target[e])] |= bits }
        }
      } else {
        for w in 0..<n where seen[w] != all {
          var bits: UInt64 = 0
          for e in Int(backward.start[w])..<Int(backward.start[w + 1]) { bits |= frontier[Int(backward.target[e])] }
          next[w] = bits
        }
      }
      frontierNodes = 0
      for v in 0..<n {
        let fresh = next[v] & ~seen[v]
        next[v] = 0
        frontier[v] = fresh
        guard fresh != 0 else { continue }
        seen[v] |= fresh
        frontierNodes &+= 1
        var bits = fresh
        while bits != 0 {
          count[bits.trailingZeroBitCount] &+= 1
          bits &= bits &- 1
        }
      }
      for b in 0..<sources.count where count[b] > 0 {
        summary[b].reached += count[b]
        summary[b].distanceSum += level * count[b]
        summary[b].inverseSum += Double(count[b]) / Double(level)
        count[b] = 0
      }
    }
    return summary
  }
}
