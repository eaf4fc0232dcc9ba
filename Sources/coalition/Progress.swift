import CoalitionGraph
import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal and at
/// most ten times a second: `shortest paths [##########----------] 50%`.
final class ProgressBar: Sendable {
  private let state = Locked<(lastDraw: UInt64, drawn: Bool)>((0, false))
  static let width = 30

  var monitor: ProgressMonitor {
    ProgressMonitor { [self] phase, fraction in self.draw(phase, fraction) }
  }

  private func draw(_ phase: String, _ fraction: Double) {
    let now = DispatchTime.now().uptimeNanoseconds
    let go = state.withLock { s -> Bool in
      guard fraction >= 1 || now &- s.lastDraw >= 100_000_000 else { return false }
      s = (now, true)
      return true
    }
    guard go else { return }
    let filled = Int((fraction * Double(ProgressBar.width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: ProgressBar.width - filled)
    let name = phase.count > 40 ? "…" + phase.suffix(39) : phase
    FileHandle.standardError.write(Data("\r\u{1B}[K\(name) [\(bar)] \(Int((fraction * 100).rounded(.down)))%".utf8))
  }

  /// Clears the line if anything was drawn (the next draw starts it again).
  func finish() {
    if state.withLock({ s in
      defer { s.drawn = false }
      return s.drawn
    }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  /// The bar being drawn, so that a message printed meanwhile clears its line first.
  static let active = Locked<ProgressBar?>(nil)

  /// Runs `body` with a bar bound as the progress monitor when standard error is a terminal.
  static func around<T>(_ body: () throws -> T) rethrows -> T {
    guard isatty(STDERR_FILENO) == 1 else { return try body() }
    let bar = ProgressBar()
    active.withLock { $0 = bar }
    defer {
      active.withLock { $0 = nil }
      bar.finish()
    }
    return try ProgressMonitor.$current.withValue(bar.monitor) { try body() }
  }
}

private let interruptMessage = Array("\r\u{1B}[Kcancelled\n".utf8)

/// Ctrl-C clears the progress line, says "cancelled" and exits with status 130. Output files are
/// written whole and renamed into place at the end, so an interrupted run leaves none behind.
func installInterruptHandler() {
  signal(SIGINT) { _ in
    interruptMessage.withUnsafeBufferPointer { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    _exit(130)
  }
}
