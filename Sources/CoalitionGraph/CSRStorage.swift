/// Compressed sparse rows: the arcs leaving node `v` are positions `rowStart[v] ..< rowStart[v+1]`
/// of ``target``, ``weight`` and ``tie``. Nodes are a view's local indices.
///
/// Within a row, arcs are sorted by target, then by kind.
public struct CSRStorage: Sendable {
  /// `nodeCount + 1` offsets, non-decreasing, from 0 to ``arcCount``.
  public let rowStart: [Int32]
  /// Head node of each arc.
  public let target: [Int32]
  /// Weight of each arc (the weight of its tie).
  public let weight: [Double]
  /// The view's tie each arc comes from.
  public let tie: [Int32]

  /// Number of nodes (rows).
  public var nodeCount: Int { rowStart.count - 1 }
  /// Number of arcs.
  public var arcCount: Int { target.count }

  /// Arc positions of node `v`.
  @inlinable public func arcs(of v: Int) -> Range<Int> { Int(rowStart[v])..<Int(rowStart[v + 1]) }

  /// Builds rows by a stable counting sort of the given arcs (tail, head, weight, tie) in the order given.
  init(nodeCount n: Int, tails: [Int32], heads: [Int32], weights: [Double], ties: [Int32]) {
    var start = [Int32](repeating: 0, count: n + 1)
    for t in tails { start[Int(t) + 1] += 1 }
    for v in 0..<n { start[v + 1] += start[v] }
    var next = start
    var target = [Int32](repeating: 0, count: tails.count)
    var weight = [Double](repeating: 0, count: tails.count)
    var tie = [Int32](repeating: 0, count: tails.count)
    for k in tails.indices {
      let t = Int(tails[k])
      let p = Int(next[t])
      next[t] += 1
      target[p] = heads[k]
      weight[p] = weights[k]
      tie[p] = ties[k]
    }
    rowStart = start
    self.target = target
    self.weight = weight
    self.tie = tie
  }

  /// Describes every broken invariant (offsets not monotonic, targets out of range, mismatched columns).
  /// Empty for a well-formed structure.
  public func invariantViolations() -> [String] {
    var out: [String] = []
    if rowStart.first != 0 { out.append("rowStart[0] is \(rowStart.first.map(String.init) ?? "missing"), not 0") }
    if let last = rowStart.last, Int(last) != target.count { out.append("rowStart ends at \(last), arcs: \(target.count)") }
    for v in 0..<max(0, nodeCount) where rowStart[v] > rowStart[v + 1] { out.append("rowStart decreases at \(v)") }
    for (e, t) in target.enumerated() where t < 0 || Int(t) >= nodeCount { out.append("target[\(e)] = \(t) out of range") }
    if weight.count != target.count || tie.count != target.count { out.append("column lengths differ") }
    return out
  }
}
