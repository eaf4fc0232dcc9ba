import CoalitionGraph
import Foundation

// Every fuzz target defines `coalition_fuzz_target`; libFuzzer calls LLVMFuzzerTestOneInput, which
// hands each input to it. The entry point is either libFuzzer's own main (the linker may pick it)
// or the target's top-level code, which calls ``runFuzzer()``; both end up in the same driver.

@_silgen_name("coalition_fuzz_target")
private func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzTarget(data, size)
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with its command-line options; never returns.
public func runFuzzer() -> Never {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(runDriver(&argc, &argv, fuzzOneInput))
}

/// The input as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
  data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

/// The view of a valid dataset of at most 30 actors and 120 observations read from the input, or
/// nil: what the output-path targets draw and report (small enough for Graphviz's layouts).
public func smallDatasetView(_ data: UnsafePointer<UInt8>?, _ size: Int) -> NetworkView? {
  guard let dataset = try? Dataset(json: fuzzBytes(data, size), file: "fuzz.json"),
    dataset.actors.count <= 30, dataset.observations.count <= 120
  else { return nil }
  return try? CoalitionNetwork(dataset).view()
}

/// A directory for the scratch files of the targets whose readers take paths: in memory
/// (/dev/shm) where there is one, one per process.
public struct ScratchFiles: Sendable {
  let directory: URL

  public init(_ name: String) {
    directory = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
      .appendingPathComponent("coalition-fuzz-\(name)-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to the file `name` with plain POSIX calls (no fsync: the reader is what is
  /// fuzzed, not the disk); its path, or nil.
  public func put(_ bytes: some Collection<UInt8>, _ name: String) -> String? {
    let path = directory.appendingPathComponent(name).path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let data = Array(bytes)
    return data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == data.count ? path : nil
  }
}
