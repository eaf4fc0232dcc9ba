import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Foundation
import Testing

/// A sparse random graph on which exact betweenness takes seconds (20,000 nodes, 100,000 edges).
private let large: SimpleGraph = {
  var rng = SplitMix64(seed: 11)
  let n = 20_000
  let edges = (0..<100_000).map { _ in WeightedEdge(Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), 1.0) }.filter { $0.source != $0.target }
  return SimpleGraph(nodeCount: n, edges: edges, directed: false)
}()

/// The async and synchronous forms share a name; in async code a synchronous closure reaches the
/// synchronous form (the README's rule), with no wrapper function.
@Test func asyncMeasuresEqualTheSynchronousOnes() async throws {
  let view = try CoalitionNetwork(.seed).view()
  let measures: [CentralityMeasure] = [.betweenness, .closeness, .pagerank, .eigenvector]
  let sync: [ActorScores] = try { try view.scores(measures) }()
  let async = try await view.scores(measures)
  #expect(async == sync)
  let report = CentralityReport(view: view, directed: false, measures: measures, length: .hops)
  let table = try await report.table()
  let syncTable: ReportTable = try { try report.table() }()
  #expect(table.rows == syncTable.rows)
}

/// Cancelling the task stops exact betweenness at its next chunk and throws CancellationError.
@Test func cancelledBetweennessStops() async throws {
  let task = Task { try await CentralityMeasure.betweenness.values(on: large, length: .hops, options: MeasureOptions(threads: 2)) }
  try await Task.sleep(for: .milliseconds(200))
  task.cancel()
  do {
    _ = try await task.value
    Issue.record("cancelled betweenness returned values")
  } catch {
    #expect(error is CancellationError, "\(error)")
  }
}

/// A monitor a caller binds only observes: the synchronous measure reports every chunk and
/// returns every value (a caller cannot cancel it and receive partial sums; cancelling is the async
/// API's, which throws).
@Test func aBoundMonitorObservesAndTheValuesAreWhole() {
  let reports = ReportLog()
  let monitor = ProgressMonitor { phase, fraction in reports.add(fraction) }
  // Even told to cancel, a monitor that runCancellable did not make lets the work finish: the old
  // behaviour, every chunk skipped and all-zero betweenness returned, is gone.
  monitor.cancel()
  var rng = SplitMix64(seed: 5)
  let graph = SimpleGraph(nodeCount: 500, edges: (0..<2_000).map { _ in WeightedEdge(Int(rng.next() % 500), Int(rng.next() % 500), 1.0) }, directed: false)
  let values = ProgressMonitor.$current.withValue(monitor) { graph.betweenness(length: .hops, normalized: true, threads: 2) }
  #expect(values == graph.betweenness(length: .hops, normalized: true, threads: 1))
  #expect(reports.last == 1)
}

private final class ReportLog: Sendable {
  private let fractions = Locked<[Double]>([])
  func add(_ x: Double) { fractions.withLock { $0.append(x) } }
  var last: Double? { fractions.withLock { $0.max() } }
}

@Test func cancellationBeforeTheStartThrowsAtOnce() async {
  let task = Task {
    withUnsafeCurrentTask { $0?.cancel() }
    return try await CentralityMeasure.pagerank.values(on: large, length: .hops)
  }
  await #expect(throws: CancellationError.self) { try await task.value }
}
