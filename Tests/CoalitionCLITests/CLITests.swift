import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import Foundation
import Testing

/// Runs the built `coalition` binary (it sits beside the test bundle) and captures its output.
struct Run {
  let status: Int32
  let stdout: Data
  let stderr: String
  /// Whether the process ended by a signal (a trap) rather than by exiting.
  let signalled: Bool
  var text: String { String(decoding: stdout, as: UTF8.self) }

  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("coalition")

  /// Runs the tool; past `timeLimit` seconds the process is ended (and counts as signalled).
  init(_ arguments: [String], in directory: URL? = nil, input: Data? = nil, timeLimit: Double? = nil) throws {
    let p = Process()
    p.executableURL = Run.binary
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let feed = Pipe()
    p.standardInput = input == nil ? FileHandle.nullDevice : feed
    try p.run()
    if let timeLimit {
      DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { if p.isRunning { p.terminate() } }
    }
    if let input {
      // Fed from another thread, so that a large input cannot fill the pipe while we wait here.
      let writer = feed.fileHandleForWriting
      DispatchQueue.global().async {
        writer.write(input)
        try? writer.close()
      }
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    status = p.terminationStatus
    signalled = p.terminationReason == .uncaughtSignal
    stdout = o
    stderr = String(decoding: e, as: UTF8.self)
  }
}

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Test(arguments: [[], ["render"], ["dot"], ["validate"], ["report"], ["metrics"], ["alignment"], ["import"], ["export"], ["timeline"], ["format"], ["bench"]])
func helpWorksEverywhere(_ command: [String]) throws {
  let r = try Run(command + ["--help"])
  #expect(r.status == 0)
  #expect(r.text.contains("USAGE:"))
  if command.isEmpty {
    for sub in ["render", "dot", "validate", "report", "metrics", "alignment", "import", "export", "timeline", "format", "bench"] { #expect(r.text.contains(sub)) }
  }
}

@Test func validateTheSeedByDefault() throws {
  let r = try Run(["validate"])
  #expect(r.status == 0)
  #expect(r.text.contains("valid"))
  #expect(r.text.contains("7 actors, 18 observations, 16 ties"))
}

@Test func brokenDatasetGivesEveryErrorWithLocation() throws {
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("broken.json")
  try """
    {"format": "coalitiongraph-dataset", "version": 1,
     "observations": [
       {"source": "RUS", "target": "PRKK", "kind": "military", "date": "2024-03-19"},
       {"source": "RUS", "target": "RUS", "kind": "war", "date": "2024-02-30"}
     ]}
    """.write(to: file, atomically: true, encoding: .utf8)
  let r = try Run(["validate", file.path])
  #expect(r.status != 0)
  #expect(r.stdout.isEmpty)
  #expect(r.stderr.hasPrefix("error: "))
  #expect(r.stderr.contains("broken.json:3:"))
  #expect(r.stderr.contains(#"observations[0].target: unknown actor "PRKK" (did you mean "PRK"?)"#))
  #expect(r.stderr.contains("observations[1].date"))
}

@Test func truncatedFileIsAnErrorNotACrash() throws {
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("cut.json")
  let seed = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds/isw-2024-03-20.json"), encoding: .utf8)
  try String(seed.prefix(seed.count / 2)).write(to: file, atomically: true, encoding: .utf8)
  for command in ["validate", "render", "report", "dot"] {
    let r = try Run([command, file.path])
    #expect(r.status == 1, "\(command)")
    #expect(r.stderr.contains("truncated"), "\(command): \(r.stderr)")
  }
}

@Test func renderWritesEachFormatAtomically() throws {
  let dir = try temporaryDirectory()
  for (name, magic) in [("map.svg", "<?xml"), ("map.png", "\u{89}PNG"), ("map.pdf", "%PDF")] {
    let r = try Run(["render", "-o", name], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
    #expect(bytes.starts(with: Array(magic.unicodeScalars.map { UInt8($0.value) })), "\(name)")
  }
  let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
  #expect(Set(files) == ["map.svg", "map.png", "map.pdf"])  // no temporary files left behind
}

@Test func failedRenderLeavesNoFile() throws {
  let dir = try temporaryDirectory()
  let r = try Run(["render", "--kind", "nonesuch", "-o", "map.svg"], in: dir)
  #expect(r.status != 0)
  #expect(r.stderr.contains(#"error: unknown kind "nonesuch""#))
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  let missing = try Run(["render", "-o", "/nonexistent-dir/map.svg"])
  #expect(missing.status != 0)
  #expect(missing.stderr.contains("does not exist"))
}

@Test func renderEnginesAndFormatsFromTheCommandLine() throws {
  let r = try Run(["render", "--engine", "neato", "--format", "json", "--confidence", "reported"])
  #expect(r.status == 0)
  let object = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
  #expect((object?["edges"] as? [Any])?.count == 10)  // reported ties only
  let bad = try Run(["render", "--engine", "spring"])
  #expect(bad.status != 0)
  #expect(bad.stderr.hasPrefix("error: "))
}

/// A world map from the command line: countries filled by a measure's quintiles, the chosen
/// projection and extent, a graticule; a fill that is neither a grouping nor a measure is refused
/// with the choices named.
@Test func geographicMapsFromTheCommandLine() throws {
  let world = try Run(["render", "--layout", "geo", "--fill", "betweenness", "--extent", "world", "--projection", "equal-earth", "--graticule", "--format", "svg"])
  #expect(world.status == 0, "\(world.stderr)")
  let svg = world.text
  // The legend's classes of betweenness and the basemap's note; parallels and meridians as lines.
  #expect(svg.contains(">betweenness ") && svg.contains("Equal Earth projection"))
  #expect(svg.contains("Fill: betweenness, classes split at the quintiles"))
  #expect(svg.components(separatedBy: "<polyline fill=\"none\" stroke=\"#c8c8c8\"").count > 10)
  // RUS has the highest betweenness, so Russia is filled in the darkest class.
  #expect(svg.contains("<polygon fill=\"#08519c\" stroke=\"#6e6e6e\""))
  let view = try Run(["render", "--layout", "geo", "--format", "svg"])
  #expect(view.status == 0)
  #expect(view.text.contains("equirectangular projection") && !view.text.contains("<polyline fill=\"none\" stroke=\"#c8c8c8\""))
  let bad = try Run(["render", "--fill", "colour"])
  #expect(bad.status != 0 && bad.stderr.hasPrefix("error: ") && bad.stderr.contains("community") && bad.stderr.contains("pagerank"), "\(bad.stderr)")
  // Geographic options without a geographic map are refused, not ignored.
  let notGeo = try Run(["render", "--projection", "equal-earth", "--format", "svg"])
  #expect(notGeo.status != 0 && notGeo.stderr.contains("error: --projection applies to --layout geo"))
  let engine = try Run(["render", "--layout", "geo", "--engine", "neato"])
  #expect(engine.status != 0 && engine.stderr.contains("--layout geo places the actors itself"))
}

@Test func reportFormats() throws {
  let text = try Run(["report"])
  #expect(text.status == 0, "\(text.stderr)")
  #expect(text.text.contains("RUS is the only actor tied to all 3 partners in Coalition Russia is building."))
  // CSV holds one table and no comment: the first (the note names the others), or the one asked for.
  let csv = try Run(["report", "--format", "csv"])
  #expect(csv.status == 0)
  #expect(csv.text.hasPrefix("rank,actor,name,bloc,degree,") && !csv.text.contains("#"))
  #expect(csv.stderr.contains("note: CSV holds one table: wrote actors; --table NAME for another (kinds, blocs,"))
  let density = try Run(["report", "--format", "csv", "--table", "bloc_density"])
  #expect(density.text.hasPrefix("from,Coalition Russia is building,The US and its allies\r\n"))
  let json = try Run(["report", "--format", "json", "--polarity", "hostile", "--drop-isolates"])
  let document = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
  #expect((document?["provenance"] as? String)?.contains("View: hostile ties only; isolates dropped") == true, "\(document?["provenance"] ?? "")")
  let tables = document?["tables"] as? [[String: Any]]
  #expect(tables?.map { $0["title"] as? String } == ["actors", "kinds", "blocs", "bloc_density", "exchanges", "brokers", "balance", "communities", "permutation_tests"])
  let rows = tables?.first?["rows"] as? [[String: Any]]
  #expect(rows?.count == 5)
  #expect(rows?.first?["actor"] as? String == "RUS")
  let window = try Run(["report", "--as-of", "2024-02-30"])
  #expect(window.status != 0)
  #expect(window.stderr.contains("--as-of 2024-02-30"))
}

@Test func dotOutputParsesAndFormatIsCanonical() throws {
  let dot = try Run(["dot"])
  #expect(dot.status == 0)
  #expect(dot.text.hasPrefix("digraph "))
  let formatted = try Run(["format"])
  #expect(formatted.text == (try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds/isw-2024-03-20.json"), encoding: .utf8)))
}

@Test func binaryOutputIsNotWrittenToATerminalButPipesWork() throws {
  let r = try Run(["render", "--format", "png"])  // stdout is a pipe here
  #expect(r.status == 0)
  #expect(r.stdout.starts(with: [0x89, 0x50, 0x4E, 0x47]))
}

@Test func metricsOnTheSeedAndOnAnEdgeList() throws {
  let seed = try Run(["metrics", "--measure", "betweenness", "--measure", "degree", "--format", "csv"])
  #expect(seed.status == 0, "\(seed.stderr)")
  let lines = seed.text.split(separator: "\r\n")
  #expect(lines.first == "rank,actor,name,betweenness,degree")
  // Cooperative ties only: RUS joins CHN, PRK and IRN, 6 of the 30 ordered pairs (issue 19, finding 1).
  #expect(lines[1].hasPrefix("1,RUS,Russia,0.2,1"))
  let notes = try Run(["metrics", "--measure", "betweenness", "--measure", "degree"])
  #expect(notes.text.contains("betweenness: cooperative ties only (3 edges); degree: every tie"))
  let all = try Run(["metrics", "--measure", "betweenness", "--format", "csv", "--polarity", "all"])
  #expect(all.text.split(separator: "\r\n")[1].hasPrefix("1,RUS,Russia,0.8333333333333334"))  // 25 of 30 pairs, hostile ties included; CSV is exact
  let rounded = try Run(["metrics", "--measure", "betweenness", "--digits", "3", "--polarity", "all"])
  #expect(rounded.text.contains(" 0.833\n") && !rounded.text.contains("0.8333"), "\(rounded.text)")
  let badDigits = try Run(["metrics", "--digits", "40"])
  #expect(badDigits.status != 0 && badDigits.stderr.contains("--digits must be between 0 and 17"))
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("star.txt")
  try "# a star\nhub a 2\nhub b 1\nhub c 1\n".write(to: file, atomically: true, encoding: .utf8)
  let star = try Run(["metrics", "--edges", file.path, "--weighted", "--measure", "degree", "--measure", "strength", "--format", "json"])
  #expect(star.status == 0, "\(star.stderr)")
  let rows = (try JSONSerialization.jsonObject(with: star.stdout) as? [String: Any])?["rows"] as? [[String: Any]]
  #expect(rows?.first?["actor"] as? String == "hub")
  #expect(rows?.first?["strength"] as? Double == 4)
  #expect(rows?.first?["degree"] as? Double == 1)
  try "hub a x\n".write(to: file, atomically: true, encoding: .utf8)
  let bad = try Run(["metrics", "--edges", file.path, "--weighted"])
  #expect(bad.status != 0)
  #expect(bad.stderr.contains("star.txt:1:7: weight \"x\""))
  let both = try Run(["metrics", "x.json", "--edges", file.path])
  #expect(both.status != 0 && both.stderr.contains("not both"))
  // Sampled betweenness on a path of 40 nodes: the note states the sample and the bound, and the
  // estimate differs from the exact values but not by more than the bound.
  try (0..<39).map { "\($0) \($0 + 1)\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
  let exact = try Run(["metrics", "--edges", file.path, "--measure", "betweenness", "--format", "json", "--threads", "2"])
  let sampled = try Run(["metrics", "--edges", file.path, "--measure", "betweenness", "--format", "json", "--samples", "10"])
  #expect(exact.status == 0 && sampled.status == 0, "\(sampled.stderr)")
  #expect(sampled.text.contains("estimated from 10 of 40 sources") && !exact.text.contains("estimated from"))
  func values(_ r: Run) throws -> [String: Double] {
    let rows = (try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: rows.map { ($0["actor"] as! String, $0["betweenness"] as! Double) })
  }
  let (e, a) = (try values(exact), try values(sampled))
  let bound = BetweennessEstimate.errorBound(nodeCount: 40, samples: 10, confidence: 0.95)
  #expect(e.count == 40 && a.count == 40 && e != a)
  #expect(e.keys.allSatisfy { abs(e[$0]! - a[$0]!) <= bound })
  #expect(try Run(["metrics", "--edges", file.path, "--samples", "0"]).stderr.contains("--samples must be at least 1"))
}

@Test func blocViewKeepsItsMembers() throws {
  let r = try Run(["metrics", "--bloc", "russia-coalition", "--measure", "degree", "--format", "csv"])
  #expect(r.status == 0, "\(r.stderr)")
  let actors = r.text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] }
  #expect(Set(actors) == ["RUS", "CHN", "PRK", "IRN"])
  let bad = try Run(["report", "--bloc", "nato"])
  #expect(bad.status != 0 && bad.stderr.contains("unknown bloc \"nato\""))
}

@Test func benchPrintsOneJSONLine() throws {
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("g.txt")
  try "0 1\n1 2\n2 3\n3 0\n0 2\n".write(to: file, atomically: true, encoding: .utf8)
  let r = try Run(["bench", "--task", "betweenness", "--graph", file.path, "--reps", "2", "--threads", "2"])
  #expect(r.status == 0, "\(r.stderr)")
  let line = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
  #expect(line["task"] as? String == "betweenness" && line["n"] as? Int == 4 && line["m"] as? Int == 5)
  #expect(line["threads"] as? Int == 2 && line["reps"] as? Int == 2)
  #expect((line["peak_rss_bytes"] as? Int ?? 0) > 0)
  #expect((line["seconds_median"] as? Double ?? -1) >= 0)
}

private let fixtureData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures/data")

@Test func importExportImportKeepsTheATOPTies() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let atop = fixtureData.appendingPathComponent("atop5_1_undirected_2018.csv").path
  let imported = try Run(["import", "--format", "atop", atop, "-o", "atop.json"], in: dir)
  #expect(imported.status == 0, "\(imported.stderr)")
  #expect(imported.stderr.contains("4228 records read, 7478 observations"))
  let exported = try Run(["export", "--format", "graphml", "atop.json", "--kind", "defense-pact", "-o", "defense.graphml"], in: dir)
  #expect(exported.status == 0, "\(exported.stderr)")
  let back = try Run(["import", "--format", "graphml", "defense.graphml", "-o", "back.json"], in: dir)
  #expect(back.status == 0, "\(back.stderr)")
  #expect(back.stderr.contains("1707 observations"))
  let v = try Run(["validate", "back.json"], in: dir)
  #expect(v.text.contains("1707 observations, 1707 ties"))
}

@Test func badImportNamesFileLineAndColumnAndWritesNothing() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  try "source,target,kind,date\nRUS,CHN,military,2024\nRUS,XXQ,military,2024\n".write(
    to: dir.appendingPathComponent("sheet.csv"), atomically: true, encoding: .utf8)
  let strict = try Run(["import", "--format", "csv", "--strict", "sheet.csv", "-o", "out.json"], in: dir)
  #expect(strict.status != 0)
  #expect(strict.stderr == "error: sheet.csv:3:5: \"XXQ\" is not a known ISO 3166-1 country code\n")
  #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
  let lenient = try Run(["import", "--format", "csv", "sheet.csv", "-o", "out.json"], in: dir)
  #expect(lenient.status == 0)
  #expect(lenient.stderr.contains("warning: sheet.csv:3:5: \"XXQ\" is not a known ISO 3166-1 country code"))
  #expect(lenient.stderr.contains("1 skipped with problems"))
  let missing = try Run(["import", "--format", "gdelt", "nope.tsv"], in: dir)
  #expect(missing.status != 0)
  #expect(missing.stderr.hasPrefix("error: nope.tsv:0: cannot open: No such file or directory"))
}

@Test func timelineSeriesAndDiffOnTheSeed() throws {
  let series = try Run(["timeline", "--window", "6m", "--from", "2022-01", "--to", "2024-03", "--format", "csv"])
  #expect(series.status == 0, "\(series.stderr)")
  // An undefined value is an empty cell, never "NaN".
  #expect(series.text.contains("\n2022-01-01,2022-06-30,2,1,1,1,0,1,0,,"))
  #expect(!series.text.contains("NaN"))
  #expect(series.text.contains("\n2024-01-01,2024-06-30,7,16,18,0.38095238095238093,9,7,"))
  let diff = try Run(["timeline", "--diff", "2024-03-18", "2024-03-20", "--reading", "known-by"])
  #expect(diff.status == 0, "\(diff.stderr)")
  #expect(diff.text.contains("14 ties appeared, 0 disappeared"))
  let inForce = try Run(["timeline", "--diff", "2024-03-18", "2024-03-20"])
  #expect(inForce.text.contains("in force in 2024-03-18 → in force in 2024-03-20: 8 ties appeared"))
  let both = try Run(["metrics", "--in-force", "2024", "--from", "2023"])
  #expect(both.status == 2)
  #expect(both.stderr.contains("--in-force is one date"))
  // --as-of is the old name of --known-by: the same table.
  #expect(try Run(["metrics", "--as-of", "2024-03-18"]).text == (try Run(["metrics", "--known-by", "2024-03-18"])).text)
  let bad = try Run(["timeline", "--window", "6 months"])
  #expect(bad.status != 0)
  #expect(bad.stderr.contains("--window 6 months: expected N followed by d, w, m or y"))
}

@Test func graphFilesWithoutDatesTakeDateAndKindOptions() throws {
  let karate = fixtureData.deletingLastPathComponent().appendingPathComponent("interchange/karate-networkx.graphml").path
  let undated = try Run(["import", "--format", "graphml", karate])
  #expect(undated.status != 0)
  #expect(undated.stderr.contains("none of the 78 edges has a date"), "\(undated.stderr)")
  #expect(undated.stderr.contains("--date"))
  #expect(undated.stdout.isEmpty)
  let dated = try Run(["import", "--format", "graphml", karate, "--date", "1977", "--kind", "friendship"])
  #expect(dated.status == 0, "\(dated.stderr)")
  #expect(dated.stderr.contains("78 observations"))
  #expect(dated.stderr.contains("warning: \(karate): not kept (no place for them in a dataset): edge attribute \"strong\" on 78 edges, node attribute \"club\" on 34 nodes"), "\(dated.stderr)")
  #expect(dated.text.contains("\"friendship\""))
  #expect(dated.text.contains("\"date\": \"1977\""))
}

/// The command line reaches what the library computes: raw values, in- and out-degree and
/// strength, unweighted PageRank, a tolerance; and the crash of directed weighted closeness is gone.
@Test func metricsOptionsMatchTheLibrary() throws {
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("t.txt")
  try "a b\nb c\n".write(to: file, atomically: true, encoding: .utf8)
  for length in ["weight", "inverseWeight"] {
    for measure in ["closeness", "harmonic", "betweenness", "closeness-igraph"] {
      let r = try Run(["metrics", "--edges", file.path, "--directed", "--measure", measure, "--length", length, "--format", "csv"])
      #expect(r.status == 0, "\(measure) \(length): status \(r.status) \(r.stderr)")
    }
  }
  let arms = try Run([
    "metrics", "--directed", "--kind", "arms-transfer", "--drop-isolates", "--measure", "out-strength", "--measure", "in-degree",
    "--measure", "betweenness", "--normalized", "false", "--format", "json",
  ])
  #expect(arms.status == 0, "\(arms.stderr)")
  #expect(arms.text.contains("\"actor\": \"PRK\", \"name\": \"North Korea\", \"out-strength\": 2, \"in-degree\": 0, \"betweenness\": 0"), "\(arms.text)")
  #expect(arms.text.contains("raw values (not normalised) for in-degree, betweenness"))
  let weighted = try Run(["metrics", "--measure", "pagerank", "--format", "csv"]).text
  let unweighted = try Run(["metrics", "--measure", "pagerank", "--ignore-weights", "--format", "csv"]).text
  #expect(weighted != unweighted)
  #expect(unweighted.contains("1,RUS,Russia,0.3605960374559"))  // NetworkX, unweighted seed graph: 0.3605960374559832
  let loose = try Run(["metrics", "--measure", "pagerank", "--tolerance", "1e-4"])
  #expect(loose.status == 0 && loose.text.contains("tolerance 0.0001 per node"))
  #expect(try Run(["metrics", "--tolerance", "2"]).stderr.contains("--tolerance must be a number between 0 and 1"))
}

/// Commands that can run long take --timeout: past it, status 124, a message, and no output file.
@Test func longCommandsStopAtTheirTimeout() throws {
  let dir = try temporaryDirectory()
  let file = dir.appendingPathComponent("big.txt")
  var random = SystemRandomNumberGenerator()
  let lines = (0..<60_000).map { k in "\(k % 20_000) \(Int.random(in: 0..<20_000, using: &random))" }
  try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
  let out = dir.appendingPathComponent("m.csv")
  let r = try Run(["metrics", "--edges", file.path, "--measure", "betweenness", "--threads", "1", "--timeout", "0.5", "-o", out.path])
  #expect(r.status == 124, "\(r.stderr)")
  #expect(r.stderr.contains("error: computing the measures took longer than 0.5 s (--timeout); estimate betweenness with --samples"))
  #expect(!FileManager.default.fileExists(atPath: out.path))
  #expect(try Run(["report", "--timeout", "0"]).stderr.contains("--timeout 0.0: must be a number of seconds from 0.001"))
  let quick = try Run(["report", "--timeout", "600", "--format", "json"])
  #expect(quick.status == 0)
}

/// A render that outgrows its memory limit stops with status 125 and writes nothing, instead of
/// growing until the machine swaps (dot on the 146-actor ATOP map needs gigabytes).
@Test func renderStopsAtItsMemoryLimit() throws {
  let dir = try temporaryDirectory()
  let atop = fixtureData.appendingPathComponent("atop5_1_undirected_2018.csv").path
  let imported = try Run(["import", "--format", "atop", atop, "-o", dir.appendingPathComponent("atop.json").path])
  #expect(imported.status == 0, "\(imported.stderr)")
  let out = dir.appendingPathComponent("map.svg")
  let r = try Run(["render", dir.appendingPathComponent("atop.json").path, "--engine", "dot", "--memory-limit", "90", "-o", out.path])
  #expect(r.status == 125, "\(r.stderr)")
  #expect(r.stderr.contains("more than the limit of 90 MB (--memory-limit); try --engine sfdp"))
  #expect(!FileManager.default.fileExists(atPath: out.path))
  #expect(try Run(["render", "--memory-limit", "10"]).stderr.contains("--memory-limit 10: must be a number of megabytes from 64"))
}

/// Issue 19, finding 5: the report's minimum frustration is proven on a real GDELT graph. Since
/// issue 29 the library default proves it too, without GLPK: the local search's split meets the
/// bound of its packing of unbalanced cycles.
@Test func reportFrustrationIsExactOnGDELT() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let events = fixtureData.appendingPathComponent("gdelt2_20191024143000.export.CSV").path
  let imported = try Run(["import", "--format", "gdelt", events, "-o", "events.json"], in: dir)
  #expect(imported.status == 0, "\(imported.stderr)")
  let r = try Run(["report", "events.json", "--format", "json"], in: dir)
  #expect(r.status == 0, "\(r.stderr)")
  let doc = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
  let balance = (doc["tables"] as! [[String: Any]]).first { $0["title"] as? String == "balance" }!
  var values: [String: Double] = [:]
  for row in balance["rows"] as! [[String: Any]] { values[row["measure"] as! String] = row["value"] as? Double }
  let (minimum, lower) = (try #require(values["frustration_minimum"]), try #require(values["frustration_lower_bound"]))
  #expect(minimum == lower)
  #expect((balance["notes"] as! [String]).joined().contains("exact (local search, proven by a packing of unbalanced cycles)"))
  let dataset = try Dataset(contentsOf: dir.appendingPathComponent("events.json"))
  let local = try CoalitionNetwork(dataset).view(ViewFilter()).signedGraph().minimumFrustration()
  #expect(Double(local.frustration) == minimum && local.exact)
}

/// Issue 19, finding 6: timeline maps keep each actor in one place and one frame across windows.
@Test func timelineMapsKeepEachActorInPlace() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let r = try Run(["timeline", "--window", "6m", "--from", "2023-01", "--to", "2024-06", "--maps", dir.path])
  #expect(r.status == 0, "\(r.stderr)")
  let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".svg") }.sorted()
  #expect(files.count == 3)
  var places: [String: Set<String>] = [:]
  var widths = Set<String>()
  for f in files {
    let svg = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
    // Screen position = the node's centre plus the drawing's translation.
    let shift = try #require(svg.firstMatch(of: /translate\(([-0-9.]+) ([-0-9.]+)\)/))
    let (tx, ty) = (Double(shift.1)!, Double(shift.2)!)
    widths.insert(String(try #require(svg.firstMatch(of: /viewBox="0.00 0.00 ([0-9.]+)/)).1))
    for m in svg.matches(of: /<title>([A-Z]+)<\/title>\s*<g id="a_actor[^"]*"><a [^>]*>\s*<ellipse [^>]*cx="([-0-9.]+)" cy="([-0-9.]+)"/) {
      places[String(m.1), default: []].insert("\(Double(m.2)! + tx),\(Double(m.3)! + ty)")
    }
  }
  #expect(places["RUS"]?.count == 1 && places["UKR"]?.count == 1, "\(places)")
  #expect(places.count >= 5)  // the third window adds the coalition and its adversaries
  #expect(widths.count == 1)
}

/// Issue 19, finding 4, as the tool prints it: two sources keep 13 of the sample's events.
@Test func gdeltImportSaysHowManyEventsItKept() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let events = fixtureData.appendingPathComponent("gdelt2_20191024143000.export.CSV").path
  let r = try Run(["import", "--format", "gdelt", events, "--min-sources", "2", "-o", "events.json"], in: dir)
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.stderr.contains("2111 records read, 8 observations from 13 kept records"), "\(r.stderr)")
  #expect(r.stderr.contains("409 events left out: fewer than 2 sources"))
}

/// Issue 14, as the State Department publishes it: every state against the USA in 2018.
@Test func alignmentWithTheUSAIn2018() throws {
  let votes = fixtureData.appendingPathComponent("unvotes_sessions70plus_votes.csv").path
  let calls = fixtureData.appendingPathComponent("unvotes_sessions70plus_roll_calls.csv").path
  let r = try Run([
    "alignment", "--votes", votes, "--roll-calls", calls, "--from", "2018-01-01", "--to", "2018-12-31", "--measure", "coincidence", "--with", "USA",
    "--format", "csv",
  ])
  #expect(r.status == 0, "\(r.stderr)")
  let lines = r.text.split(separator: "\r\n")
  #expect(lines.first == "rank,state,name,joint_votes,same,opposite,partial,both_abstained,coincidence,agreement,kappa,pi")
  #expect(lines.contains { $0.hasPrefix("1,ISR,Israel,91,73,4,6,8,0.9156626506024096,") })
  #expect(lines.contains { $0.hasPrefix("89,RUS,Russia,95,14,57,19,5,0.2611111111111111,0.3,") })
  let pairs = try Run(["alignment", "--votes", votes, "--roll-calls", calls, "--from", "2018", "--to", "2018", "--actor", "RUS", "--actor", "CHN"])
  #expect(pairs.text.contains("RUS      CHN               93    67         5       15               6     0.856322"), "\(pairs.text)")
  let bad = try Run(["alignment", "--votes", votes, "--roll-calls", calls, "--with", "ATL"])
  #expect(bad.status == 1 && bad.stderr.contains("ATL cast no vote in the selected roll calls"))
  let lonely = try Run(["alignment", "--votes", votes, "--roll-calls", calls, "--actor", "RUS"])
  #expect(lonely.status == 2 && lonely.stderr.contains("--actor needs at least two states"))
}

/// Issue 14: similarities become a dataset of weighted ties that the report and the maps read,
/// and the report compares the communities found in it with declared blocs.
@Test func alignmentTiesBecomeADataset() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let votes = fixtureData.appendingPathComponent("unvotes_sessions70plus_votes.csv").path
  let calls = fixtureData.appendingPathComponent("unvotes_sessions70plus_roll_calls.csv").path
  let blocs = fixtureData.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/alignment-blocs.json").path
  var args = ["alignment", "--votes", votes, "--roll-calls", calls, "--from", "2015", "--to", "2019", "--ties", "--threshold", "0.7", "--blocs", blocs]
  for s in ["RUS", "CHN", "PRK", "IRN", "SYR", "BLR", "VEN", "CUB", "NIC", "USA", "GBR", "FRA", "DEU", "ISR", "UKR", "JPN", "KOR", "AUS", "CAN", "POL"] {
    args += ["--actor", s]
  }
  let made = try Run(args + ["-o", "align.json"], in: dir)
  #expect(made.status == 0, "\(made.stderr)")
  #expect(made.stderr.contains("wrote align.json (20 states, 76 ties, 2 blocs)"))
  let d = try Dataset(contentsOf: dir.appendingPathComponent("align.json"))
  #expect(d.observations.allSatisfy { $0.kind == "vote-alignment" && $0.weight >= 0.7 })
  #expect(d.observations.contains { Set([$0.source, $0.target]) == ["RUS", "CHN"] && abs($0.weight - 0.8444206008583691) < 1e-15 })
  let report = try Run(["report", "align.json"], in: dir)
  #expect(report.text.contains("Communities found in the ties (2 among the 13 actors in blocs) are the declared blocs"), "\(report.text)")
  let map = try Run(["render", "align.json", "--engine", "neato", "-o", "align.svg"], in: dir)
  #expect(map.status == 0, "\(map.stderr)")
  let none = try Run(["alignment", "--votes", votes, "--roll-calls", calls, "--ties"], in: dir)
  #expect(none.status == 2 && none.stderr.contains("--ties needs a rule"))
}

/// Issue 15, as a user runs it: a directory of zipped 15-minute files in one command with a
/// summary, then new files appended to the dataset (the ones it holds skipped), a list of files
/// that does not match refused, and the same events read back from a dyad table.
@Test func gdeltDirectoriesAppendAndDyadTables() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let sample = try String(contentsOf: fixtureData.appendingPathComponent("gdelt2_20191024143000.export.CSV"), encoding: .utf8)
  let lines = sample.split(separator: "\n")
  let files = dir.appendingPathComponent("gdelt")
  try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
  let third = (lines.count + 2) / 3
  for (k, start) in stride(from: 0, to: lines.count, by: third).enumerated() {
    try (lines[start..<min(start + third, lines.count)].joined(separator: "\n") + "\n")
      .write(to: files.appendingPathComponent("2019102414\(k)000.export.CSV"), atomically: true, encoding: .utf8)
  }
  try "not events".write(to: files.appendingPathComponent("20191024143000.mentions.CSV"), atomically: true, encoding: .utf8)
  let whole = try Run(["import", "--format", "gdelt", fixtureData.appendingPathComponent("gdelt2_20191024143000.export.CSV").path, "-o", "whole.json"], in: dir)
  #expect(whole.status == 0, "\(whole.stderr)")
  let first = try Run(["import", "--format", "gdelt", "gdelt/20191024140000.export.CSV", "gdelt/20191024141000.export.CSV", "--threads", "2", "-o", "events.json"], in: dir)
  #expect(first.status == 0, "\(first.stderr)")
  #expect(first.stderr.contains("2 files, 1408 rows:"), "\(first.stderr)")
  #expect(first.stderr.contains("filtered, an actor is not a state: "))
  #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("events.json.files.tsv").path))
  let more = try Run(["import", "--format", "gdelt", "--append", "events.json", "gdelt"], in: dir)
  #expect(more.status == 0, "\(more.stderr)")
  #expect(more.stderr.contains("note: 1 files in the directories given are not GDELT event files"), "\(more.stderr)")
  #expect(more.stderr.contains("note: 2 of the 3 files are in events.json already, skipped"))
  let appended = try Dataset(contentsOf: dir.appendingPathComponent("events.json").path)
  let reference = try Dataset(contentsOf: dir.appendingPathComponent("whole.json").path)
  #expect(appended.observations == reference.observations)
  let again = try Run(["import", "--format", "gdelt", "--append", "events.json", "gdelt/*.export.CSV"], in: dir)
  #expect(again.status == 0 && again.stderr.contains("nothing new to add"), "\(again.stderr)")
  let other = try Run(["import", "--format", "gdelt", "--append", "events.json", "--window", "month", "gdelt/new.export.CSV"], in: dir)
  #expect(other.status != 0)
  try "# edited\n".write(to: dir.appendingPathComponent("events.json.files.tsv"), atomically: true, encoding: .utf8)
  let edited = try Run(["import", "--format", "gdelt", "--append", "events.json", "gdelt"], in: dir)
  #expect(edited.status != 0 && edited.stderr.contains("the list does not match the dataset"), "\(edited.stderr)")
  let dyads = try Run(["import", "--format", "dyads", fixtureData.deletingLastPathComponent().appendingPathComponent("reference/gdelt2_dyads_day.csv").path, "-o", "dyads.json"], in: dir)
  #expect(dyads.status == 0, "\(dyads.stderr)")
  #expect(try Dataset(contentsOf: dir.appendingPathComponent("dyads.json").path).observations == reference.observations)
}

/// The analyst may rewrite a GDELT dataset's title and description: `--append` reads the import
/// record (importer, options, sources, list of files), never the prose.
@Test func appendSurvivesAnEditedDescription() throws {
  let dir = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let lines = try String(contentsOf: fixtureData.appendingPathComponent("gdelt2_20191024143000.export.CSV"), encoding: .utf8).split(separator: "\n")
  let half = lines.count / 2
  try (lines[..<half].joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("a.export.CSV"), atomically: true, encoding: .utf8)
  try (lines[half...].joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("b.export.CSV"), atomically: true, encoding: .utf8)
  let whole = try Run(["import", "--format", "gdelt", "a.export.CSV", "b.export.CSV", "-o", "whole.json"], in: dir)
  #expect(whole.status == 0, "\(whole.stderr)")
  let first = try Run(["import", "--format", "gdelt", "a.export.CSV", "-o", "events.json"], in: dir)
  #expect(first.status == 0, "\(first.stderr)")
  var dataset = try Dataset(contentsOf: dir.appendingPathComponent("events.json").path)
  let record = try #require(dataset.provenance)
  #expect(record.importer == "gdelt" && record.sources == ["gdelt-2"] && record.files == 1 && record.filesFingerprint?.count == 16)
  dataset.title = "My events"
  dataset.description = "Rewritten by hand: nothing of the import's own words is left."
  try dataset.jsonText().write(to: dir.appendingPathComponent("events.json"), atomically: true, encoding: .utf8)
  let more = try Run(["import", "--format", "gdelt", "--append", "events.json", "b.export.CSV"], in: dir)
  #expect(more.status == 0, "\(more.stderr)")
  let appended = try Dataset(contentsOf: dir.appendingPathComponent("events.json").path)
  #expect(appended.observations == (try Dataset(contentsOf: dir.appendingPathComponent("whole.json").path)).observations)
  #expect(appended.title == "My events" && appended.description?.hasPrefix("Rewritten by hand") == true)
  #expect(appended.provenance?.files == 2)
  // Other options are still refused, by the record.
  try (lines[..<10].joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("c.export.CSV"), atomically: true, encoding: .utf8)
  let other = try Run(["import", "--format", "gdelt", "--append", "events.json", "--window", "month", "c.export.CSV"], in: dir)
  #expect(other.status != 0 && other.stderr.contains("not imported from GDELT with the same options"), "\(other.stderr)")
}

/// `coalition qap` on small tables: the JSON shape, a missing pair refused with the way out, and
/// bad input named by file and line with nothing written.
@Test func qapFromTheCommandLine() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qap-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let actors = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
  var y = "a,b,value\n", x = "a,b,value\n"
  for (i, a) in actors.enumerated() {
    for (j, b) in actors.enumerated() where i < j {
      y += "\(a),\(b),\(Double((i * 7 + j * 3) % 5))\n"
      x += "\(a),\(b),\(Double((i + j) % 3))\n"
    }
  }
  try y.write(to: dir.appendingPathComponent("y.csv"), atomically: true, encoding: .utf8)
  try x.write(to: dir.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
  let ok = try Run(["qap", "--dependent", dir.appendingPathComponent("y.csv").path, "--covariate", dir.appendingPathComponent("x.csv").path + ":value",
    "--mode", "graph", "--reps", "50", "--format", "json"])
  #expect(ok.status == 0, "\(ok.stderr)")
  let json = try #require(try JSONSerialization.jsonObject(with: ok.stdout) as? [String: Any])
  #expect(json["model"] as? String == "linear" && json["method"] as? String == "spp" && json["n"] as? Int == 15)
  let coefficients = try #require(json["coefficients"] as? [[String: Any]])
  #expect(coefficients.map { $0["name"] as? String } == ["(intercept)", "value"])
  for c in coefficients {
    for key in ["estimate", "std_error", "statistic", "p_greater", "p_less", "p_two_sided", "permutation_mean", "permutation_sd"] { #expect(c[key] is Double, "\(key)") }
  }
  // A pair the covariate does not list: refused, then counted 0 on request.
  try (x + "GGG,AAA,1\n").write(to: dir.appendingPathComponent("wider.csv"), atomically: true, encoding: .utf8)
  let out = dir.appendingPathComponent("out.csv").path
  let refused = try Run(["qap", "--dependent", dir.appendingPathComponent("wider.csv").path, "--covariate", dir.appendingPathComponent("y.csv").path, "--mode", "graph", "-o", out])
  #expect(refused.status != 0 && refused.stderr.contains("no value for") && refused.stderr.contains("--missing zero"), "\(refused.stderr)")
  #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
  let zero = try Run(["qap", "--dependent", dir.appendingPathComponent("wider.csv").path, "--covariate", dir.appendingPathComponent("y.csv").path, "--mode", "graph", "--missing", "zero", "--reps", "20", "-o", out])
  #expect(zero.status == 0 && FileManager.default.fileExists(atPath: out), "\(zero.stderr)")
  // Bad rows and options.
  try "a,b,value\nAAA,BBB,1\nAAA,BBB,2\n".write(to: dir.appendingPathComponent("twice.csv"), atomically: true, encoding: .utf8)
  let twice = try Run(["qap", "--dependent", dir.appendingPathComponent("twice.csv").path, "--covariate", dir.appendingPathComponent("x.csv").path])
  #expect(twice.status != 0 && twice.stderr.contains("twice.csv:3: AAA – BBB is listed twice"), "\(twice.stderr)")
  let reps = try Run(["qap", "--dependent", "y.csv", "--covariate", "x.csv", "--reps", "0"])
  #expect(reps.status != 0 && reps.stderr.contains("error: --reps 0"))
  let none = try Run(["qap", "--dependent", dir.appendingPathComponent("y.csv").path])
  #expect(none.status != 0 && none.stderr.contains("at least one --covariate"))
}

/// Every CSV the tool writes is one table, with no comment line — as pandas' `read_csv` and R's
/// `read.csv` take it — read back with the package's own reader: each report and timeline table,
/// metrics, alignment, QAP and the CSV exports.
@Test func everyCSVTheToolWritesIsOneTable() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: dir) }
  let fixtures = "Tests/Fixtures/data/"
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  var outputs: [(String, Data)] = []
  func run(_ name: String, _ arguments: [String]) throws {
    let r = try Run(arguments, in: root)
    #expect(r.status == 0, "\(name): \(r.stderr)")
    outputs.append((name, r.stdout))
  }
  // Whole documents, one file per table.
  for (name, arguments) in [
    ("report", ["report", "--format", "csv"]), ("timeline", ["timeline", "--window", "6m", "--from", "2022-01", "--to", "2024-03", "--format", "csv"]),
    ("diff", ["timeline", "--diff", "2024-03-18", "2024-03-20", "--format", "csv"]),
  ] {
    let folder = dir.appendingPathComponent(name).path + "/"
    let r = try Run(arguments + ["-o", folder], in: root)
    #expect(r.status == 0, "\(name): \(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
    #expect(files.count >= 2, "\(name): \(files)")
    for f in files { outputs.append(("\(name)/\(f)", try Data(contentsOf: URL(fileURLWithPath: folder + f)))) }
    #expect(FileManager.default.fileExists(atPath: folder + "provenance.json"))
  }
  try run("metrics", ["metrics", "--format", "csv"])
  try run(
    "alignment", ["alignment", "--votes", fixtures + "unvotes_sessions70plus_votes.csv", "--roll-calls", fixtures + "unvotes_sessions70plus_roll_calls.csv",
      "--with", "RUS", "--format", "csv"])
  try run("qap", ["qap", "--dependent", fixtures + "cow_contdir_2016.csv:land:cow", "--covariate", fixtures + "cow_contdir_2016.csv:land:cow", "--mode", "graph",
    "--missing", "zero", "--reps", "5", "--model", "correlation", "--format", "csv"])
  for format in ["csv", "nodes-csv", "edges-csv"] { try run("export \(format)", ["export", "--format", format]) }
  for (name, data) in outputs {
    let table = try CSVTable.read(bytes: Array(data), name: name)
    #expect(!table.header.isEmpty && !(table.header.first ?? "").hasPrefix("#"), "\(name)")
    #expect(!table.rows.contains { ($0.first ?? "").hasPrefix("# ") }, "\(name): a comment line")
  }
  #expect(outputs.count >= 14)
}

/// `coalition panel`: one table in each format, and clear refusals that write nothing.
@Test func panelFromTheCommandLine() throws {
  let csv = try Run(["panel", "--by", "year"])
  #expect(csv.status == 0, "\(csv.stderr)")
  let table = try CSVTable.read(bytes: Array(csv.stdout))
  #expect(Array(table.header.prefix(5)) == ["actor", "name", "ccode", "iso3", "year"])
  #expect(table.rows.contains { $0[0] == "RUS" && $0[4] == "2024" })
  let jsonl = try Run(["panel", "--dyads", "--format", "jsonl"])
  #expect(jsonl.status == 0)
  for line in jsonl.text.split(separator: "\n") { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("panel-\(UUID().uuidString).csv").path
  for (arguments, message) in [
    (["panel", "--by", "fortnight", "-o", out], "--by fortnight: expected year, month"),
    (["panel", "--dyads", "--measure", "degree", "-o", out], "--measure applies to actor rows"),
  ] {
    let r = try Run(arguments)
    #expect(r.status != 0 && r.stderr.contains(message), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

/// Dyad panels carry UN vote coincidence per year and COW contiguity beside the ties: RUS–CHN
/// share a land border, RUS–USA are contiguous by water (type 2); votes exist for 2015–2019 only
/// and contiguity data end in 2016, so other years are empty, not 0.
@Test func dyadPanelCovariates() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let data = "Tests/Fixtures/data/"
  let dataset = FileManager.default.temporaryDirectory.appendingPathComponent("rus-\(UUID().uuidString).json").path
  defer { try? FileManager.default.removeItem(atPath: dataset) }
  #expect(try Run(["import", "--format", "atop", data + "atop5_1_ddyr_1990_2018_russia.csv", "-o", dataset, "-q"], in: root).status == 0)
  let r = try Run(
    ["panel", dataset, "--dyads", "--votes", data + "unvotes_sessions70plus_votes.csv", "--roll-calls", data + "unvotes_sessions70plus_roll_calls.csv",
     "--contiguity", data + "cow_contdir_v3.2.csv"], in: root)
  #expect(r.status == 0, "\(r.stderr)")
  let table = try CSVTable.read(bytes: Array(r.stdout))
  let (a1, a2, year, votes, contiguity) = (
    table.header.firstIndex(of: "actor1")!, table.header.firstIndex(of: "actor2")!, table.header.firstIndex(of: "year")!,
    table.header.firstIndex(of: "vote_coincidence")!, table.header.firstIndex(of: "contiguity")!
  )
  func row(_ a: String, _ b: String, _ y: String) -> [String]? { table.rows.first { Set([$0[a1], $0[a2]]) == [a, b] && $0[year] == y } }
  let chn2005 = try #require(row("RUS", "CHN", "2005"))
  #expect(chn2005[contiguity] == "1" && chn2005[votes] == "")
  let chn2016 = try #require(row("RUS", "CHN", "2016"))
  // The year's coincidence is the one `coalition alignment` gives for that year.
  let alignment = try Run(
    ["alignment", "--votes", data + "unvotes_sessions70plus_votes.csv", "--roll-calls", data + "unvotes_sessions70plus_roll_calls.csv",
     "--from", "2016", "--to", "2016", "--with", "RUS", "--format", "csv"], in: root)
  let aligned = try CSVTable.read(bytes: Array(alignment.stdout))
  let china = try #require(aligned.rows.first { $0[aligned.header.firstIndex(of: "state")!] == "CHN" })
  #expect(chn2016[contiguity] == "1" && chn2016[votes] == china[aligned.header.firstIndex(of: "coincidence")!])
  let chn2018 = try #require(row("RUS", "CHN", "2018"))
  #expect(chn2018[contiguity] == "" && !chn2018[votes].isEmpty)
  if let usa = row("RUS", "USA", "2005") { #expect(usa[contiguity] == "2") }
  let bad = try Run(["panel", "--votes", data + "unvotes_sessions70plus_votes.csv"], in: root)
  #expect(bad.status != 0 && bad.stderr.contains("give --dyads"))
  // Alliance-portfolio S per year, as `coalition alignment --atop` gives it.
  let atop = data + "atop5_1_ddyr_1990_2018_russia.csv"
  let portfolios = try CSVTable.read(bytes: Array(try Run(["panel", dataset, "--dyads", "--atop", atop], in: root).stdout))
  let usa = try #require(portfolios.rows.first { Set([$0[portfolios.header.firstIndex(of: "actor1")!], $0[portfolios.header.firstIndex(of: "actor2")!]]) == ["RUS", "USA"] && $0[portfolios.header.firstIndex(of: "year")!] == "2018" })
  let s = try CSVTable.read(bytes: Array(try Run(["alignment", "--atop", atop, "--year", "2018", "--with", "RUS", "--format", "csv"], in: root).stdout))
  let usaS = try #require(s.rows.first { $0[s.header.firstIndex(of: "state")!] == "USA" })
  #expect(usa[portfolios.header.firstIndex(of: "portfolio_s")!] == usaS[s.header.firstIndex(of: "s")!])
}
