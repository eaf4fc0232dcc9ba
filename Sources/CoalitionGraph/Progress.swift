/// Receives progress from long computations and file reads: the fraction done of the current phase.
///
/// Bind one with `ProgressMonitor.$current.withValue(monitor) { … }`; the source-parallel measures
/// (betweenness, closeness, harmonic) report after each of their 64 chunks and the file readers of
/// `CoalitionInterchange` after each 1 MiB read. Updates may come from worker threads, in any order
/// of time but never going backwards within a phase.
public final class ProgressMonitor: Sendable {
  private let handler: @Sendable (_ phase: String, _ fraction: Double) -> Void
  private let best = Locked<(phase: String, fraction: Double)>(("", -1))

  public init(_ handler: @escaping @Sendable (_ phase: String, _ fraction: Double) -> Void) {
    self.handler = handler
  }

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
