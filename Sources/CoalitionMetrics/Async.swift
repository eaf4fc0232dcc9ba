import CoalitionGraph

// Async forms of the long measures: they run outside Swift's cooperative thread pool and stop
// when the calling task is cancelled (checked after each of the 64 chunks of the path measures,
// where progress is reported), throwing `CancellationError`. Results equal the synchronous forms.

extension CentralityMeasure {
  /// Computes the measure; see the synchronous ``values(on:length:options:)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``MetricError``.
  public func values(on g: SimpleGraph, length: EdgeLength, options: MeasureOptions = MeasureOptions()) async throws -> [Double] {
    try await runCancellable { try self.values(on: g, length: length, options: options) }
  }
}

extension NetworkView {
  /// Computes a measure keyed by actor; see the synchronous ``scores(_:directed:length:options:)-(CentralityMeasure,_,_,_)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``MetricError``.
  public func scores(
    _ measure: CentralityMeasure, directed: Bool = false, length: EdgeLength = .hops, options: MeasureOptions = MeasureOptions()
  ) async throws -> ActorScores {
    try await runCancellable { try self.scores(measure, directed: directed, length: length, options: options) }
  }

  /// Computes several measures on one graph built from the view; see the synchronous form.
  /// - Throws: `CancellationError` when the task is cancelled; ``MetricError``.
  public func scores(
    _ measures: [CentralityMeasure], directed: Bool = false, length: EdgeLength = .hops, options: MeasureOptions = MeasureOptions()
  ) async throws -> [ActorScores] {
    try await runCancellable { try self.scores(measures, directed: directed, length: length, options: options) }
  }
}
