import Foundation
import Testing

/// Command-line conventions: '-' for standard input and output, --quiet, exit statuses, and
/// output to special files (FIFOs, devices, symbolic links) without replacing them.

private let seedText = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("seeds/isw-2024-03-20.json"))

@Test func datasetFromStandardInputAndMapToStandardOutput() throws {
  let r = try Run(["render", "-", "-o", "-"], input: seedText)
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.text.hasPrefix("<?xml") && r.text.contains("</svg>"))
  #expect(r.stderr.isEmpty, "nothing but the map: \(r.stderr)")
  // The same map as from the file.
  let fromFile = try Run(["render", "-o", "-"])
  #expect(fromFile.stdout == r.stdout)
}

@Test func problemsInStandardInputNameIt() throws {
  let r = try Run(["validate", "-"], input: Data(#"{"format": "coalitiongraph-dataset"}"#.utf8))
  #expect(r.status == 1)
  #expect(r.stderr.contains("<stdin>:1:1: missing required member \"version\""), "\(r.stderr)")
}

@Test func importReadsStandardInput() throws {
  let csv = "source,target,kind,date\nRUS,PRK,military,2024-03-01\nIRN,RUS,arms-transfer,2024-02\n"
  let r = try Run(["import", "--format", "csv", "-", "-o", "-"], input: Data(csv.utf8))
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.text.contains("\"arms-transfer\""))
  #expect(r.stderr.hasPrefix("<stdin>: "), "\(r.stderr)")
  let bad = try Run(["import", "--format", "csv", "-", "-o", "-", "--strict"], input: Data("source,target,kind,date\nRUS,PRK,military,2024-13\n".utf8))
  #expect(bad.status == 1)
  #expect(bad.stderr.contains("<stdin>:2"), "\(bad.stderr)")
}

@Test func quietLeavesOutNotesButNotErrors() throws {
  let dir = try temporaryDirectory()
  let out = dir.appendingPathComponent("m.svg").path
  let loud = try Run(["render", "-o", out])
  #expect(loud.stderr.contains("wrote \(out)"))
  let quiet = try Run(["render", "-o", out, "--quiet"])
  #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
  let failing = try Run(["render", dir.appendingPathComponent("missing.json").path, "-o", out, "-q"])
  #expect(failing.status == 1 && failing.stderr.contains("no such file"), "\(failing.stderr)")
}

@Test(arguments: [["render", "--bogus"], ["metrics", "--measure", "nonsense"], ["import"], ["report", "--digits", "x"]])
func usageErrorsExitWithTwo(_ arguments: [String]) throws {
  let r = try Run(arguments)
  #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
  #expect(r.stderr.hasPrefix("error: "))
}

@Test func outputToAFIFOIsWrittenInPlace() throws {
  let dir = try temporaryDirectory()
  let fifo = dir.appendingPathComponent("pipe").path
  #expect(mkfifo(fifo, 0o600) == 0)
  // A reader on the other end, as `coalition render -o >(…)` would have.
  let reader = Process()
  reader.executableURL = URL(fileURLWithPath: "/bin/cat")
  reader.arguments = [fifo]
  let captured = Pipe()
  reader.standardOutput = captured
  try reader.run()
  let r = try Run(["dot", "-o", fifo, "-q"])
  let received = captured.fileHandleForReading.readDataToEndOfFile()
  reader.waitUntilExit()
  #expect(r.status == 0, "\(r.stderr)")
  #expect(String(decoding: received, as: UTF8.self).hasPrefix("digraph"))
  var info = stat()
  #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
}

@Test func outputToADeviceIsWrittenInPlace() throws {
  let r = try Run(["dot", "-o", "/dev/null", "-q"])
  #expect(r.status == 0, "\(r.stderr)")
  var info = stat()
  #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a character device")
}

@Test func outputThroughASymbolicLinkReplacesItsTarget() throws {
  let dir = try temporaryDirectory()
  let target = dir.appendingPathComponent("real.dot").path
  let link = dir.appendingPathComponent("link.dot").path
  try "old".write(toFile: target, atomically: false, encoding: .utf8)
  #expect(chmod(target, 0o640) == 0)
  try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.dot")  // relative, as users make them
  let r = try Run(["dot", "-o", link, "-q"])
  #expect(r.status == 0, "\(r.stderr)")
  #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.dot", "the link is kept")
  #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("digraph"), "its target has the map")
  var info = stat()
  #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o640, "the replaced file keeps its permissions")
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.dot", "real.dot"], "no temporary file left")
}

@Test func outputToADirectoryIsRefused() throws {
  let dir = try temporaryDirectory()
  let r = try Run(["dot", "-o", dir.path])
  #expect(r.status == 1)
  #expect(r.stderr.contains("it is a directory"), "\(r.stderr)")
}

@Test(arguments: ["bash", "zsh", "fish"])
func completionScriptsNameEveryCommand(_ shell: String) throws {
  let r = try Run(["--generate-completion-script", shell])
  #expect(r.status == 0, "\(r.stderr)")
  for command in ["render", "dot", "validate", "report", "metrics", "import", "export", "timeline", "format"] {
    #expect(r.text.contains(command), "\(shell) completion lacks \(command)")
  }
  #expect(r.text.contains("actor-type") && r.text.contains("quiet"))
}

@Test func versionIsTheRelease() throws {
  let r = try Run(["--version"])
  #expect(r.status == 0)
  let changelog = try String(
    contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
  // The newest release in the changelog is the one the tool reports.
  let newest = changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
  #expect(r.text.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  #expect(newest?.hasPrefix("## [\(r.text.trimmingCharacters(in: .whitespacesAndNewlines))]") == true, "\(String(describing: newest))")
}

/// `import --base` adds the import to the base for every format (it was ignored for ATOP and SIPRI).
@Test(arguments: ["atop", "sipri"])
func importOverABaseKeepsTheBase(_ format: String) throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let file = root.appendingPathComponent(
    format == "atop" ? "Tests/Fixtures/data/atop5_1_undirected_2018.csv" : "Tests/Fixtures/data/sipri_tiv_exports_processed_360info.csv").path
  let alone = try Run(["import", "--format", format, file, "--from-year", "2018", "--to-year", "2018", "-o", "-", "-q"])
  let over = try Run(["import", "--format", format, file, "--from-year", "2018", "--to-year", "2018", "--base", root.appendingPathComponent("seeds/isw-2024-03-20.json").path, "-o", "-", "-q"])
  #expect(alone.status == 0 && over.status == 0, "\(alone.stderr)\(over.stderr)")
  func count(_ r: Run) -> Int { r.text.components(separatedBy: "\"source\": ").count }
  #expect(over.text.contains("\"Coalition Russia is building\""), "the seed's blocs are there")
  #expect(over.text.contains("\"id\": \"o18\""), "the seed's observations are there")
  #expect(count(over) > count(alone) + 17)
}
