import Foundation

/// Receives progress from long computations and file reads: the fraction done of the current phase.
///
/// Bind one with `ProgressMonitor.$current.withValue(monitor) { … }`; the source-parallel measures
/// (betweenness, closeness, harmonic) report after each of their 64 chunks and the file readers of
/// `CoalitionInterchange` after each 1 MiB read. Updates may come from worker threads, in any order
/// of time but never going backwards within a phase.
///
/// A monitor only observes. Work is cancelled through the async API alone — cancelling the task
/// that awaits it — which then throws `CancellationError`, so that a synchronous call never
/// returns the partial sums of work that stopped early.
public final class ProgressMonitor: Sendable {
  private let handler: @Sendable (_ phase: String, _ fraction: Double) -> Void
  private let best = Locked<(phase: String, fraction: Double)>(("", -1))
  private let cancelled = Locked(false)
  /// Whether ``cancel()`` can stop work: only for the monitors ``runCancellable(_:)`` makes, which
  /// throw away what stopped work returns.
  private let cancellable: Bool

  /// A monitor that passes each fresh report to `handler` (from any thread). It observes only:
  /// work reporting to it always runs to the end.
  public init(_ handler: @escaping @Sendable (_ phase: String, _ fraction: Double) -> Void) {
    self.handler = handler
    cancellable = false
  }

  /// A monitor that passes every report on to `outer` (when there is one).
  public convenience init(forwardingTo outer: ProgressMonitor?) {
    self.init { phase, fraction in outer?.report(phase, fraction) }
  }

  /// A monitor that ``cancel()`` can stop, forwarding to `outer`: ``runCancellable(_:)``'s own.
  package init(cancellableForwardingTo outer: ProgressMonitor?) {
    handler = { phase, fraction in outer?.report(phase, fraction) }
    cancellable = true
  }

  /// Asks the work reporting to this monitor to stop: the points that report progress check it
  /// and end the work early. Only a cancellable monitor (``runCancellable(_:)``'s, which throws
  /// away what the work returns) stops; on any other this does nothing, so a synchronous call
  /// never returns the partial sums of stopped work.
  package func cancel() { if cancellable { cancelled.withLock { $0 = true } } }

  /// Whether ``cancel()`` was called.
  package var isCancelled: Bool { cancelled.withLock { $0 } }

  /// Reports that `fraction` (0…1) of `phase` is done; stale updates are dropped.
  public func report(_ phase: String, _ fraction: Double) {
    let fresh = best.withLock { state -> Bool in
      if state.phase == phase, fraction <= state.fraction { return false }
      state = (phase, fraction)
      return true
    }
    if fresh { handler(phase, fraction) }
  }

  /// The monitor bound to the current task or thread, if any.
  @TaskLocal public static var current: ProgressMonitor?
}

/// Runs long synchronous work (a measure, an import, a render) from async code: on a thread
/// outside Swift's cooperative pool, so that it never holds up other tasks, with the calling
/// task's cancellation passed on.
///
/// The work runs with a fresh ``ProgressMonitor`` bound as ``ProgressMonitor/current`` (forwarding
/// to the caller's monitor, if any). When the task is cancelled the monitor is cancelled; the
/// work stops at its next progress point and this function throws `CancellationError`.
/// - Throws: `CancellationError`, or what `work` throws.
public func runCancellable<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try Task.checkCancellation()
  let monitor = ProgressMonitor(cancellableForwardingTo: ProgressMonitor.current)
  return try await withTaskCancellationHandler {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
      Thread.detachNewThread {
        let result = Result { try ProgressMonitor.$current.withValue(monitor) { try work() } }
        if monitor.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume(with: result) }
      }
    }
  } onCancel: {
    monitor.cancel()
  }
}
