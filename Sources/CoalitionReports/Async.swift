import CoalitionGraph
import CoalitionMetrics

extension CentralityReport {
  /// Computes every measure and assembles the table, outside Swift's cooperative thread pool;
  /// stops when the calling task is cancelled.
  /// - Throws: `CancellationError` when the task is cancelled; `MetricError`.
  public func table() async throws -> ReportTable {
    try await runCancellable { try self.table() }
  }
}

extension CoalitionReport {
  /// Computes the report outside Swift's cooperative thread pool; stops when the calling task is
  /// cancelled.
  /// - Throws: `CancellationError` when the task is cancelled; `MetricError`.
  public func document() async throws -> ReportDocument {
    try await runCancellable { try self.document() }
  }
}
