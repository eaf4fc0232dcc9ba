import CoalitionGraph
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// Memory and time bounds of the readers (issue 29): input built to exhaust memory is refused,
// located, within a stated bound. Each command runs as its own process and reports its own peak
// resident memory (COALITION_PEAK_MEMORY; a parent's wait4 would count the test runner's memory
// too). Paths are absolute: the process runs in the runner's directory.

/// The stated bound: no reader takes more than this on the inputs below.
private let peakBound = 200 << 20

/// One run of the tool: exit status, standard error and peak resident memory in bytes.
private struct MeasuredRun {
  let status: Int32
  let signalled: Bool
  let stderr: String
  let peakBytes: Int

  init(_ arguments: [String], in directory: URL) throws {
    let errPath = directory.appendingPathComponent("stderr-\(UUID().uuidString).txt").path
    let peakPath = directory.appendingPathComponent("peak-\(UUID().uuidString).txt").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let program = Run.binary.path
    let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let variables: [String] = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" } + ["COALITION_PEAK_MEMORY=\(peakPath)"]
    let environment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
    defer { for e in environment { free(e) } }
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, environment)
    guard spawned == 0 else { throw CocoaError(.executableLoad) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    self.status = (status >> 8) & 0xFF
    signalled = status & 0x7F != 0
    stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    let peak = (try? String(contentsOfFile: peakPath, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard let peak else { throw CocoaError(.fileReadCorruptFile) }
    peakBytes = peak
  }
}

/// A sparse file of `size` zero bytes: a line with no line end, at no cost on disk.
private func sparseFile(_ url: URL, size: UInt64) throws {
  _ = FileManager.default.createFile(atPath: url.path, contents: nil)
  let handle = try FileHandle(forWritingTo: url)
  defer { try? handle.close() }
  try handle.truncate(atOffset: size)
}

/// The commands that read a table or a line-based file, each on `file`, writing to `out`.
private func lineReaders(_ file: String, _ out: String) -> [[String]] {
  ["csv", "dyads", "atop", "sipri", "gdelt"].map { ["import", "--format", $0, file, "-o", out] }
    + [["metrics", "--edges", file], ["report", file]]
}

/// A 1 GB line without a line end (a sparse file of zeros), and 40 MB of letters without one, are
/// refused by every line reader at its first line, within the bound, and nothing is written.
@Test func aGigabyteLineIsRefusedWithinTheMemoryBound() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let zeros = dir.appendingPathComponent("zeros.csv")
  try sparseFile(zeros, size: 1 << 30)
  let letters = dir.appendingPathComponent("letters.csv")
  try Data(repeating: UInt8(ascii: "a"), count: 40 << 20).write(to: letters)
  for file in [zeros, letters] {
    for arguments in lineReaders(file.path, dir.appendingPathComponent("out.json").path) {
      let r = try MeasuredRun(arguments, in: dir)
      let what = "\(arguments.joined(separator: " "))"
      #expect(r.status == 1 && !r.signalled, "\(what): \(r.stderr)")
      #expect(r.stderr.contains("\(file.lastPathComponent):1"), "\(what): \(r.stderr)")
      #expect(r.peakBytes < peakBound, "\(what): peak \(r.peakBytes >> 20) MB")
      print("bounds: \(file.lastPathComponent) \(arguments.prefix(3).joined(separator: " ")): peak \(r.peakBytes >> 20) MB")
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path), "\(what)")
    }
  }
}

/// An XML attribute of 100 MB is refused at that attribute, within the bound (the file itself is
/// read whole, once: 100 MB).
@Test func aHundredMegabyteAttributeIsRefusedWithinTheMemoryBound() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let huge = String(repeating: "a", count: 100 << 20)
  let files = [
    ("graphml", "big.graphml", "<?xml version=\"1.0\"?>\n<graphml><graph edgedefault=\"undirected\"><node id=\"\(huge)\"/></graph></graphml>\n"),
    ("gexf", "big.gexf", "<?xml version=\"1.0\"?>\n<gexf version=\"1.3\"><graph defaultedgetype=\"undirected\"><nodes><node id=\"a\" label=\"\(huge)\"/></nodes></graph></gexf>\n"),
  ]
  for (format, name, text) in files {
    try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
    let r = try MeasuredRun(["import", "--format", format, dir.appendingPathComponent(name).path, "-o", dir.appendingPathComponent("out.json").path], in: dir)
    #expect(r.status == 1 && !r.signalled, "\(format): \(r.stderr)")
    #expect(r.stderr.contains("\(name):2:") && r.stderr.contains("longer than 16 MB"), "\(format): \(r.stderr)")
    #expect(r.peakBytes < peakBound, "\(format): peak \(r.peakBytes >> 20) MB")
    print("bounds: 100 MB attribute, \(format): peak \(r.peakBytes >> 20) MB")
  }
}

/// A CSV table of a million columns is refused at its header by every table reader, within the
/// bound.
@Test func aMillionColumnsAreRefusedWithinTheMemoryBound() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let header = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",")
  let row = [String](repeating: "1", count: 1_000_000).joined(separator: ",")
  try (header + "\n" + row + "\n").write(to: dir.appendingPathComponent("wide.csv"), atomically: false, encoding: .utf8)
  for format in ["csv", "dyads", "atop", "sipri"] {
    let r = try MeasuredRun(["import", "--format", format, dir.appendingPathComponent("wide.csv").path, "-o", dir.appendingPathComponent("out.json").path], in: dir)
    #expect(r.status == 1 && !r.signalled, "\(format): \(r.stderr)")
    #expect(r.stderr.contains("wide.csv:1: more than 100000 fields"), "\(format): \(r.stderr)")
    #expect(r.peakBytes < peakBound, "\(format): peak \(r.peakBytes >> 20) MB")
    print("bounds: a million columns, \(format): peak \(r.peakBytes >> 20) MB")
  }
}
