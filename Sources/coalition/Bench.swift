import ArgumentParser
import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import CoalitionRender
import Foundation

/// Times one task on an edge-list file and prints one JSON line, for the benchmark suite
/// (`bench/run.py`). Build in release mode: `swift build -c release`.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time one graph task on an edge list and print one JSON line (for the benchmark suite).",
    discussion: "Tasks: \(Task.allCases.map(\.rawValue).joined(separator: ", ")). The edge list is read as undirected unless --directed. Timing covers the task only, except for 'load', which reads, parses and builds the graph. One untimed warm-up run precedes the timed ones when a run takes under 2 s.")

  enum Task: String, CaseIterable, ExpressibleByArgument {
    case load, degree, betweenness, closeness, harmonic, pagerank, eigenvector, katz, components, kcore, louvain, bfs
    case ssspDijkstra = "sssp_dijkstra"
    /// Layout and SVG output of a DOT file through the in-process renderer (`--graph` is the DOT file).
    case render
  }

  @Option(help: "The task to time.")
  var task: Task
  @Option(help: "Edge-list file: `u v [w]` per line.")
  var graph: String
  @Flag(help: "Read the third column as weights and use them (betweenness and Dijkstra: as lengths).")
  var weighted = false
  @Flag(help: "Treat the edge list as directed.")
  var directed = false
  @Option(help: "Threads for betweenness, closeness and harmonic.")
  var threads = 1
  @Option(help: "betweenness: estimate from this many sampled sources instead of all.")
  var samples: Int?
  @Option(help: "Timed repetitions (default: 7 for runs under a second, 3 under 10 s, else 1).")
  var reps: Int?
  @Option(help: "render: the layout engine.")
  var engine: LayoutEngine = .dot

  func validate() throws {
    try checkRange("--threads", threads, threadsRange, "must be from 1 to 4,096")
    if let reps, reps < 1 { throw ValidationError("--reps must be at least 1") }
    if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
  }

  func load() throws -> SimpleGraph {
    let list: EdgeList
    do { list = try EdgeList(contentsOf: graph, weighted: weighted) } catch { throw ToolError("\(error)") }
    return SimpleGraph(nodeCount: list.nodeCount, sources: list.sources, targets: list.targets, weights: list.weights, directed: directed)
  }

  func run() throws {
    if task == .render { return try runRender() }
    var g = try load()
    let length: EdgeLength = weighted ? .weight : .hops
    let work: () throws -> Void
    switch task {
    case .load: work = { g = try load() }
    case .degree: work = { _ = try CentralityMeasure.degree.values(on: g, length: .hops) }
    case .betweenness:
      if let samples {
        work = { _ = g.approximateBetweenness(samples: samples, length: length, normalized: false, threads: threads) }
      } else {
        work = { _ = g.betweenness(length: length, normalized: false, threads: threads) }
      }
    case .closeness: work = { _ = g.closeness(length: length, threads: threads) }
    case .harmonic: work = { _ = g.harmonic(length: length, threads: threads) }
    case .pagerank: work = { _ = try g.pagerank(weighted: weighted, tolerance: 1e-6) }
    case .eigenvector: work = { _ = try g.eigenvector(weighted: weighted, tolerance: 1e-9) }
    case .katz: work = { _ = try g.katz(alpha: 0.005, weighted: weighted, tolerance: 1e-9) }  // the peers' α
    case .components: work = { _ = g.components() }
    case .kcore: work = { _ = g.coreNumbers() }
    case .louvain: work = { _ = g.louvain(weighted: weighted) }
    case .bfs: work = { _ = g.distances(from: 0) }
    case .ssspDijkstra: work = { _ = g.distances(from: 0, length: .weight) }
    case .render: return
    }
    let (times, median, _) = try measure(work)
    report(n: g.nodeCount, m: g.edgeCount, times: times, median: median, extra: samples.map { ["\"samples\": \($0)"] } ?? [])
  }

  /// Runs `work` the requested number of times (one untimed warm-up when it is quick). Returns the
  /// sorted times, their median and the time of the first run (the warm-up, when there is one).
  private func measure(_ work: () throws -> Void) throws -> (times: [Double], median: Double, first: Double) {
    var times: [Double] = []
    let first = try timed(work)
    let count = reps ?? (first < 1 ? 7 : first < 10 ? 3 : 1)
    if first >= 2 { times.append(first) }
    while times.count < count { times.append(try timed(work)) }
    times.sort()
    let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    return (times, median, first)
  }

  private func runRender() throws {
    guard let dot = try? String(contentsOfFile: graph, encoding: .utf8) else { throw ToolError("cannot read \(graph)") }
    let parsed = try GraphvizRenderer.shared.parse(dot)
    // The first render of a process measures every line of text with pango; later ones find the
    // measurements kept by the renderer. Both are reported.
    // Resident memory after the 10th render and after the last one: with --reps 1000, whether
    // memory stays flat over many renders in one process (scripts/leaks.sh).
    var renders = 0
    var residentAfter10 = 0
    let (times, median, first) = try measure {
      _ = try GraphvizRenderer.shared.render(dot, engine: engine, format: .svg)
      renders += 1
      if renders == 10 { residentAfter10 = residentBytes() }
    }
    report(
      n: parsed.nodeNames.count, m: parsed.edges.count, times: times, median: median,
      extra: [
        "\"engine\": \"\(engine.rawValue)\"", "\"seconds_first\": \(first)", "\"renders\": \(renders)",
        "\"resident_bytes_after_10\": \(residentAfter10)", "\"resident_bytes_end\": \(residentBytes())",
      ])
  }


  private func report(n: Int, m: Int, times: [Double], median: Double, extra: [String] = []) {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      let rssBytes = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      let rssBytes = Int(usage.ru_maxrss)  // bytes on macOS
    #endif
    let fields: [String] = [
      "\"lib\": \"coalitiongraph\"", "\"task\": \"\(task.rawValue)\"", "\"graph\": \(JSONText.quoted(URL(fileURLWithPath: graph).deletingPathExtension().lastPathComponent))",
      "\"n\": \(n)", "\"m\": \(m)", "\"threads\": \(threads)", "\"weighted\": \(weighted)", "\"reps\": \(times.count)",
      "\"seconds_median\": \(median)", "\"seconds_min\": \(times[0])", "\"peak_rss_bytes\": \(rssBytes)",
    ] + extra
    print("{" + fields.joined(separator: ", ") + "}")
  }

  private func timed(_ work: () throws -> Void) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }
}
