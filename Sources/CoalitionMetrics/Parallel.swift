#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CoalitionGraph
import Dispatch

/// Runs work over the nodes in a fixed number of chunks, on up to `threads` threads, and combines
/// the chunk results in chunk order, so that the result does not depend on the thread count or on
/// scheduling (floating-point sums are always added in the same order).
package enum SourceChunks {
  /// Chunks per run: enough to balance two to sixteen cores, few enough to keep merging cheap.
  static let count = 64

  /// Each chunk produces a vector of `width` values; the vectors are summed in chunk order.
  /// Chunk bounds are multiples of `granularity` (but the last).
  static func sum(
    nodeCount: Int, width: Int, threads: Int, granularity: Int = 1, phase: String = "shortest paths",
    _ body: @Sendable (Range<Int>, inout [Double]) -> Void
  ) -> [Double] {
    let units = (nodeCount + granularity - 1) / granularity
    let chunks = min(count, max(1, units))
    let bounds = (0...chunks).map { min(nodeCount, $0 * units / chunks * granularity) }
    let results = ResultSlots(count: chunks)
    let workers = max(1, min(threads, chunks))
    let next = Counter()
    let done = Counter()
    let monitor = ProgressMonitor.current
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let c = next.take(below: chunks) {
        if let monitor, monitor.isCancelled { continue }  // cancelled: the remaining chunks are skipped
        var partial = [Double](repeating: 0, count: width)
        body(bounds[c]..<bounds[c + 1], &partial)
        results.store(partial, at: c)
        if let monitor, let k = done.take(below: chunks) { monitor.report(phase, Double(k + 1) / Double(chunks)) }
      }
    }
    var total = [Double](repeating: 0, count: width)
    for c in 0..<chunks {
      let partial = results.value(at: c)
      for i in 0..<partial.count { total[i] += partial[i] }  // a skipped (cancelled) chunk left no values
    }
    return total
  }
}

extension SourceChunks {
  /// `count` rows of `width` values, made in chunks on up to `threads` threads: `body` fills the
  /// rows of its range (`out[i]` for the range's i-th row). The rows come back in order, whatever
  /// the thread count.
  package static func rows(count: Int, width: Int, threads: Int, _ body: @Sendable (Range<Int>, inout [[Double]]) -> Void) -> [[Double]] {
    guard count > 0 else { return [] }
    let chunks = min(Self.count, count)
    let bounds = (0...chunks).map { $0 * count / chunks }
    let results = ResultSlots(count: chunks)
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, chunks))) { _ in
      while let c = next.take(below: chunks) {
        var out = [[Double]](repeating: [], count: bounds[c + 1] - bounds[c])
        body(bounds[c]..<bounds[c + 1], &out)
        results.store(out.flatMap { $0 }, at: c)
      }
    }
    var rows: [[Double]] = []
    rows.reserveCapacity(count)
    for c in 0..<chunks {
      let flat = results.value(at: c)
      for r in 0..<(bounds[c + 1] - bounds[c]) { rows.append(Array(flat[(r * width)..<((r + 1) * width)])) }
    }
    return rows
  }
}

/// Slots written once each by the workers, read after they finish.
final class ResultSlots: Sendable {
  private let slots: Locked<[[Double]]>
  init(count: Int) { slots = Locked([[Double]](repeating: [], count: count)) }
  func store(_ value: [Double], at i: Int) { slots.withLock { $0[i] = value } }
  func value(at i: Int) -> [Double] { slots.withLock { $0[i] } }
}

/// Scratch objects shared by the chunks of one run: a chunk takes one (or makes one when all are
/// in use), so each thread allocates its buffers once instead of once per chunk.
final class ScratchPool<Scratch: AnyObject>: @unchecked Sendable {
  private let idle = Locked<[Scratch]>([])
  private let make: () -> Scratch
  init(_ make: @escaping () -> Scratch) { self.make = make }
  func use<R>(_ body: (Scratch) -> R) -> R {
    let scratch = idle.withLock { $0.popLast() } ?? make()
    defer { idle.withLock { $0.append(scratch) } }
    return body(scratch)
  }
}

/// Hands out chunk numbers to workers.
final class Counter: Sendable {
  private let next = Locked(0)
  func take(below limit: Int) -> Int? {
    next.withLock { next in
      guard next < limit else { return nil }
      next += 1
      return next - 1
    }
  }
}
