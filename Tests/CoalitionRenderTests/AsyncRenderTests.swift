import CoalitionGraph
import CoalitionMaps
import Foundation
import Testing

@testable import CoalitionRender

/// A random graph that `dot` takes about two seconds to lay out (110 nodes, 300 edges).
private let slowDOT: String = {
  var rng = SplitMix64(seed: 7)
  var lines = ["graph slow {"]
  for _ in 0..<300 {
    let (a, b) = (rng.next() % 110, rng.next() % 110)
    if a != b { lines.append("n\(a) -- n\(b);") }
  }
  return (lines + ["}"]).joined(separator: "\n")
}()

private let seedDOT = try! CoalitionMap(view: CoalitionNetwork(.seed).view()).dot()

@Test func asyncRenderGivesTheSameBytes() async throws {
  let sync = try renderNow(seedDOT)
  let async = try await GraphvizRenderer.shared.render(seedDOT, engine: .dot, format: .svg)
  #expect(async.bytes == sync.bytes)
}

/// Whether the calling test should run its body here: `true` in a process started for that test
/// alone. Otherwise it starts the test binary again with only `test` selected, records the
/// outcome, and returns `false`.
///
/// The async-render tests depend on timing and on the cooperative thread pool, which the other
/// tests share: their synchronous renders block pool threads while a slow layout holds the
/// renderer (by design: the synchronous API blocks its caller). Alone, the timing is the tests' own.
private func inProcessOfItsOwn(_ test: String) throws -> Bool {
  if ProcessInfo.processInfo.environment["COALITION_ISOLATED_TEST"] == test { return true }
  let p = Process()
  p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
  p.arguments = ["--testing-library", "swift-testing", "--filter", test]
  p.environment = ProcessInfo.processInfo.environment.merging(["COALITION_ISOLATED_TEST": test]) { $1 }
  let output = Pipe()
  p.standardOutput = output
  p.standardError = output
  try p.run()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  #expect(p.terminationStatus == 0, "\(text)")
  #expect(text.contains("\(test)() passed"), "\(text)")
  return false
}

/// Renders waiting for Graphviz do not hold the cooperative threads: while a slow layout runs and
/// more renders queue behind it, other tasks still run (on two cores the pool has two threads; six
/// blocked waits would starve it).
@Test func waitingRendersLeaveTheCooperativePoolFree() async throws {
  guard try inProcessOfItsOwn("waitingRendersLeaveTheCooperativePoolFree") else { return }
  let slowDone = Locked(false)
  try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask {
      _ = try await GraphvizRenderer.shared.render(slowDOT)
      slowDone.withLock { $0 = true }
    }
    try await Task.sleep(for: .milliseconds(100))  // the slow layout has the renderer
    for _ in 0..<6 { group.addTask { _ = try await GraphvizRenderer.shared.render(seedDOT) } }
    let other = Task { (1...1000).reduce(0, +) }
    #expect(await other.value == 500_500)
    #expect(!slowDone.withLock { $0 }, "an unrelated task ran while the renders waited")
    try await group.waitForAll()
  }
  #expect(slowDone.withLock { $0 })
}

@Test func asyncRenderStopsWaitingWhenCancelled() async throws {
  guard try inProcessOfItsOwn("asyncRenderStopsWaitingWhenCancelled") else { return }
  let task = Task { try await GraphvizRenderer.shared.render(slowDOT) }
  try await Task.sleep(for: .milliseconds(100))
  task.cancel()
  do {
    _ = try await task.value
    Issue.record("a cancelled render returned a map")
  } catch {
    #expect(error is CancellationError, "\(error)")
  }
}

@Test func renderTimeoutIsALibraryOption() async throws {
  guard try inProcessOfItsOwn("renderTimeoutIsALibraryOption") else { return }
  do {
    _ = try await GraphvizRenderer.shared.render(slowDOT, timeout: .milliseconds(50))
    Issue.record("a two-second layout finished within 50 ms")
  } catch let error as RenderError {
    #expect(error == .timedOut(seconds: 0.05))
    #expect(error.localizedDescription.contains("did not finish within 0.05 s"))
  }
  #expect(throws: RenderError.timedOut(seconds: 0.05)) { try renderNow(slowDOT, timeout: .milliseconds(50)) }
  // A timeout that is not reached changes nothing.
  let out = try await GraphvizRenderer.shared.render(seedDOT, timeout: .seconds(600))
  #expect(out.bytes == (try renderNow(seedDOT)).bytes)
}
