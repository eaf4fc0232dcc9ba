import ArgumentParser
import CoalitionGraph
import CoalitionMaps
import CoalitionMetrics
import CoalitionReports
import Foundation

extension Confidence: ExpressibleByArgument {}
extension Polarity: ExpressibleByArgument {}
extension Aggregation: ExpressibleByArgument {}

/// A failure the tool reports in plain words.
struct ToolError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The dataset argument shared by every command.
struct DatasetArgument: ParsableArguments {
  @Argument(help: "A dataset file (JSON); '-' reads standard input. Omit it to use the built-in seed dataset.")
  var dataset: String?

  func load() throws -> Dataset {
    guard let dataset else { return Dataset.seed }
    return try loadDataset(dataset)
  }

  var displayName: String { dataset == "-" ? "<stdin>" : dataset ?? "built-in seed dataset (seeds/isw-2024-03-20.json)" }
}

/// View options shared by every command that analyses or draws a dataset.
struct ViewOptions: ParsableArguments {
  @Option(name: .customLong("kind"), help: "Keep only ties of this kind (repeat for several).")
  var kinds: [String] = []

  @Option(help: "Keep only cooperative or hostile ties; all keeps both and lets path measures of the report follow hostile ties too (by default they follow cooperative ties only).")
  var polarity: PolarityChoice?

  /// `--polarity`: one side, or both.
  enum PolarityChoice: String, ExpressibleByArgument, CaseIterable {
    case cooperative, hostile, all
    var kept: Polarity? { self == .all ? nil : Polarity(rawValue: rawValue) }
  }

  /// The ties path measures follow: cooperative ones unless `--polarity all` or `hostile` asks otherwise.
  var pathPolarity: Polarity? { polarity == nil || polarity == .cooperative ? .cooperative : nil }

  @Option(help: "Lowest confidence to keep: reported, assessed or alleged (all).")
  var confidence: Confidence = .alleged

  @Option(name: .customLong("in-force"), help: "Keep what held on this date (valid time; a year or month keeps what held on any of its days). Spells still open at the end of their source stay in force.")
  var inForce: String?

  @Option(name: .customLong("known-by"), help: "Keep what was on record by this date (record time: the observation's 'recorded' date, else the day it began), whether or not it still held.")
  var knownBy: String?

  @Option(name: .customLong("as-of"), help: "Same as --known-by, its old name: the record as known on this date, not what was in force then.")
  var asOf: String?

  @Option(help: "Keep observations that hold on or after this date (valid time).")
  var from: String?

  @Option(help: "Keep observations that hold on or before this date (valid time).")
  var to: String?

  @Option(name: .customLong("actor"), help: "Keep only these actors (repeat for several).")
  var actors: [String] = []

  @Option(name: .customLong("bloc"), help: "Keep only the members of this bloc (repeat for several; adds to --actor).")
  var blocs: [String] = []

  @Option(name: .customLong("actor-type"), help: "Keep only actors of this type (repeat for several): \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")).")
  var actorTypes: [ActorType] = []

  @Option(help: "How observations combine into tie weights: count, sum or max.")
  var aggregate: Aggregation = .sum

  @Flag(help: "Leave out actors without ties in the view.")
  var dropIsolates = false

  @Option(help: "Keep only ties whose aggregated weight is at least this.")
  var minWeight: Double?

  func validate() throws {
    for (name, value) in [("--in-force", inForce), ("--known-by", knownBy), ("--as-of", asOf), ("--from", from), ("--to", to)] {
      if let value, PartialDate(value) == nil {
        throw ValidationError("\(name) \(value): not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, or no such day")
      }
    }
    try checkRange("--min-weight", minWeight, 0...Double.greatestFiniteMagnitude, "must be a finite number of 0 or more")
    if asOf != nil && knownBy != nil { throw ValidationError("--as-of is the old name of --known-by; give one") }
    if inForce != nil && (from != nil || to != nil) {
      throw ValidationError("--in-force is one date; --from/--to give a range of valid time; give one or the other")
    }
  }

  /// The filter, after checking kind and actor names against the dataset.
  func filter(for graph: CoalitionNetwork) throws -> ViewFilter {
    for k in kinds where graph.index(ofKind: k) == nil {
      let known = graph.kinds.map(\.id)
      throw ToolError("unknown kind \"\(k)\"\(Suggestion.hint(for: k, in: known)); known kinds: \(known.joined(separator: ", "))")
    }
    for a in actors where graph.index(ofActor: a) == nil {
      throw ToolError("unknown actor \"\(a)\"\(Suggestion.hint(for: a, in: graph.actors.map(\.id))); actors: \(graph.actors.map(\.id).joined(separator: ", "))")
    }
    var keep = Set(actors)
    for b in blocs {
      guard let entry = graph.blocs.first(where: { $0.bloc.id == b }) else {
        throw ToolError("unknown bloc \"\(b)\"\(Suggestion.hint(for: b, in: graph.blocs.map(\.bloc.id))); blocs: \(graph.blocs.map(\.bloc.id).joined(separator: ", "))")
      }
      keep.formUnion(entry.members.map { graph[$0].id })
    }
    let end = (inForce ?? to).flatMap(PartialDate.init)
    let start = (inForce ?? from).flatMap(PartialDate.init)
    if let start, let end, start.firstDay > end.lastDay { throw ToolError("the window ends (\(end)) before it starts (\(start))") }
    return ViewFilter(
      kinds: kinds.isEmpty ? nil : Set(kinds), polarity: polarity?.kept, minimumConfidence: confidence,
      window: start == nil && end == nil ? nil : DateWindow(from: start, to: end),
      actors: keep.isEmpty ? nil : keep, aggregation: aggregate, dropIsolates: dropIsolates, minimumWeight: minWeight,
      actorTypes: actorTypes.isEmpty ? nil : Set(actorTypes), knownBy: (knownBy ?? asOf).flatMap(PartialDate.init))
  }
}

/// Format of reports and tables, shared by `report`, `metrics` and `timeline`.
struct TableFormatOptions: ParsableArguments {
  @Option(help: "Output format: text, markdown (numbers rounded to --digits), csv or json (numbers exact: shortest round-trip form), or html (one self-contained page).")
  var format: ReportFormat = .text

  @Option(help: "Decimals of numbers in text and markdown output (csv and json are always exact).")
  var digits: Int = 6

  func validate() throws {
    guard (0...17).contains(digits) else { throw ValidationError("--digits must be between 0 and 17") }
  }

  @Option(name: .customLong("table"), help: "Write only this table (its name as in the JSON output). CSV holds one table per file: without --table it holds the first; -o DIR/ writes one file per table.")
  var only: String?

  @Flag(help: "CSV: add a provenance column (dataset, fingerprint, view, version) to every row; otherwise a file's provenance goes to FILE.provenance.json.")
  var provenanceColumn = false

  func text(_ table: ReportTable) -> String { table.formatted(format, digits: digits) }

  /// Writes `document` in the chosen format: every table but in CSV, which holds one table per
  /// file and no comment line — the one `--table` names (else the first, said on standard error),
  /// or each in a file of its own when `-o` names a directory (`DIR/`), with the provenance in a
  /// sidecar JSON file or, with `--provenance-column`, in a column.
  func write(_ document: ReportDocument, to output: OutputOption) throws {
    var document = document
    if let only {
      guard let chosen = document.tables.first(where: { $0.title == only }) else {
        throw ValidationError("--table \(only): no such table; the tables are \(document.tables.map(\.title).joined(separator: ", "))")
      }
      document.tables = [chosen]
      document.findings = []
    }
    guard format == .csv else {
      if output.directory != nil { throw ValidationError("-o \(output.output ?? ""): one file per table is for --format csv; give a file") }
      return try output.write(document.formatted(format, digits: digits))
    }
    func csv(_ table: ReportTable) -> String {
      guard provenanceColumn, let line = document.provenance else { return table.formatted(.csv) }
      var t = table
      t.columns.append("provenance")
      t.headings.append("provenance")
      t.rows = t.rows.map { $0 + [.text(line)] }
      return t.formatted(.csv)
    }
    func sidecar(_ tables: [ReportTable]) -> String {
      var members: [(key: String, value: JSONNode)] = [(key: "title", value: JSONNode(.string(document.title)))]
      if let line = document.provenance { members.append((key: "provenance", value: JSONNode(.string(line)))) }
      members.append((key: "tables", value: JSONNode(.array(tables.map { JSONNode(.string($0.title)) }))))
      return JSONWriter.write(JSONNode(.object(members)))
    }
    if let directory = output.directory {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for t in document.tables { try OutputFile.write(Array(csv(t).utf8), toPath: (directory as NSString).appendingPathComponent(t.title + ".csv")) }
        if !provenanceColumn { try OutputFile.write(Array(sidecar(document.tables).utf8), toPath: (directory as NSString).appendingPathComponent("provenance.json")) }
      } catch { throw ToolError("\(error)") }
      output.note("wrote \(document.tables.count) tables to \(directory): \(document.tables.map { $0.title + ".csv" }.joined(separator: ", "))")
      return
    }
    guard let first = document.tables.first else { return try output.write("") }
    if document.tables.count > 1 {
      output.note("note: CSV holds one table: wrote \(first.title); --table NAME for another (\(document.tables.dropFirst().map(\.title).joined(separator: ", "))), -o DIR/ for one file each")
    }
    try output.write(csv(first))
    // A sidecar beside a regular file only (not beside /dev/null or a FIFO).
    let attributes = output.path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0) }
    if let path = output.path, !provenanceColumn, attributes?[.type] as? FileAttributeType == .typeRegular {
      do { try OutputFile.write(Array(sidecar([first]).utf8), toPath: path + ".provenance.json") } catch { throw ToolError("\(error)") }
    }
  }
}

/// `--timeout SECONDS` for commands that can run long: past it the process ends with status 124 and
/// a message, and (since output is written only when complete) leaves no file behind.
struct TimeoutOption: ParsableArguments {
  @Option(help: "Give up after this many seconds (exit status 124; nothing is written).")
  var timeout: Double?

  func validate() throws {
    try checkRange("--timeout", timeout, secondsRange, "must be a number of seconds from 0.001 to 1,000,000")
  }

  /// Starts the watchdog; `hint` says what to try instead.
  func start(_ what: String, hint: String) {
    guard let timeout else { return }
    // Graphviz and the all-pairs measures cannot be interrupted midway; the watchdog ends the
    // process instead.
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
      FileHandle.standardError.write(Data("error: \(what) took longer than \(timeout) s (--timeout); \(hint)\n".utf8))
      Foundation.exit(124)
    }
  }
}

/// `--memory-limit MB` for rendering, whose layout cannot be interrupted: a watchdog samples the
/// resident memory ten times a second and ends the process (status 125, a message, no file) when it
/// passes the limit, instead of letting a layout grow until the machine swaps. Default: half the
/// machine's memory.
struct MemoryLimitOption: ParsableArguments {
  @Option(help: "Stop rendering when it uses more than this many megabytes (default: half the machine's memory).")
  var memoryLimit: Int?

  func validate() throws {
    try checkRange("--memory-limit", memoryLimit, 64...16_777_216, "must be a number of megabytes from 64 to 16,777,216 (16 TB)")
  }

  /// The limit in bytes.
  var bytes: Int { memoryLimit.map { $0 << 20 } ?? Int(ProcessInfo.processInfo.physicalMemory / 2) }

  /// Starts the watchdog; `hint` says what to try instead.
  func start(_ what: String, hint: String) {
    let limit = bytes
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
    timer.schedule(deadline: .now() + 0.1, repeating: 0.1)
    timer.setEventHandler {
      let resident = residentBytes()
      guard resident > limit else { return }
      FileHandle.standardError.write(Data("error: \(what) used \(resident >> 20) MB, more than the limit of \(limit >> 20) MB (--memory-limit); \(hint)\n".utf8))
      Foundation.exit(125)
    }
    timer.resume()
    MemoryLimitOption.watchdog = timer  // kept for the life of the process
  }

  nonisolated(unsafe) private static var watchdog: DispatchSourceTimer?
}

/// Resident memory of this process now (Linux: /proc/self/statm; 0 elsewhere, where no limit applies).
func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Output destination shared by commands that write a file.
struct OutputOption: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")],
    help: "Write to this file ('-' or none: standard output). Regular files are written whole, then renamed into place; FIFOs and devices are written in place; a symbolic link's target is replaced.")
  var output: String?

  @Flag(name: [.short, .long], help: "Print no 'wrote …' lines or notes on standard error (warnings and errors still appear).")
  var quiet = false

  /// The output file, or `nil` for standard output.
  var path: String? { output == "-" ? nil : output }

  /// The directory `-o` names for one file per table — a path ending in `/`, or an existing
  /// directory — or `nil`.
  var directory: String? {
    guard let path else { return nil }
    var isDirectory: ObjCBool = false
    if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) { return path }
    return nil
  }

  /// Writes bytes to the output file (see `OutputFile`), or to standard output.
  func write(_ bytes: [UInt8], binary: Bool = false) throws {
    guard let path else {
      if binary && isatty(STDOUT_FILENO) == 1 {
        throw ToolError("refusing to write binary output to a terminal; use -o FILE or redirect standard output")
      }
      FileHandle.standardOutput.write(Data(bytes))
      return
    }
    do { try OutputFile.write(bytes, toPath: path) } catch { throw ToolError("\(error)") }
  }

  func write(_ text: String) throws { try write(Array(text.utf8)) }

  /// Prints an informational line on standard error unless `--quiet`.
  func note(_ text: String) { if !quiet { printError(text) } }
}

/// Prints one line on standard error.
func printError(_ text: String) {
  ProgressBar.active.withLock { $0 }?.finish()
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Reads and validates a dataset file ('-': standard input), every problem in one error.
func loadDataset(_ dataset: String) throws -> Dataset {
  do {
    if dataset == "-" { return try Dataset(json: Array(FileHandle.standardInput.readDataToEndOfFile()), file: "<stdin>") }
    return try Dataset(contentsOf: dataset)
  } catch let error as DatasetError {
    throw ToolError("\(error.problems.count == 1 ? "" : "\(error.problems.count) problems in \(dataset == "-" ? "<stdin>" : dataset):\n")\(error.description)")
  }
}

/// The path to read for a file argument: `-` stands for standard input.
func inputPath(_ argument: String) -> String { argument == "-" ? "/dev/stdin" : argument }

/// How a map reads when it is large: shared by `render` and `report --format html`.
struct MapOptions: ParsableArguments {
  @Option(help: "Keep only the K actors with the highest --size-by score (degree by default).")
  var top: Int?
  @Option(help: "Label only the K actors with the highest score; the others keep their tooltip.")
  var labelTop: Int?
  @Option(
    help: ArgumentHelp(
      "Fill nodes, and on --layout geo their countries: bloc, community (Louvain) or a measure (any of metrics --measure) on a scale of quintiles.",
      discussion: "Default: blocs, or communities for maps of more than 60 actors without blocs."))
  var fill: FillChoice?
  @Option(help: "Draw one node per bloc or per community found in the view, with ties weighted by the density of each kind between them.")
  var collapse: ActorGrouping?
  @Option(help: "With --layout geo: world, or view (the view's states with a margin, widened to 16:10; the default).")
  var extent: MapExtent?
  @Option(help: "With --layout geo: equirectangular (the default) or equal-earth (equal-area).")
  var projection: MapProjection?
  @Flag(help: "With --layout geo: draw parallels and meridians every 30°.")
  var graticule = false

  func validate() throws {
    if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    if let labelTop, labelTop < 0 { throw ValidationError("--label-top must be 0 or more") }
  }

  /// The view narrowed to the top actors, when asked, and collapsed into groups, when asked.
  func narrowed(_ view: NetworkView, by scores: ActorScores) throws -> NetworkView {
    let kept = top.map { view.top($0, by: scores) } ?? view
    guard let collapse else { return kept }
    do { return try CoalitionNetwork(kept.collapsed(collapse)).view() } catch { throw ToolError("\(error)") }
  }

  /// Labels, fill and, for a geographic map, its layout.
  func apply(to map: inout CoalitionMap, geographic: Bool) throws {
    map.style.labelTop = labelTop
    switch fill {
    case .nodeFill(let f)?: map.style.fillBy = f
    case .measure(let m)?:
      map.fillScores = try map.view.scores(m, options: MeasureOptions(threads: ProcessInfo.processInfo.activeProcessorCount))
    case nil: break
    }
    if geographic {
      map.geographic = GeographicLayout(projection: projection ?? .equirectangular, extent: extent ?? .view, graticule: graticule)
    } else if let given = [extent.map { _ in "--extent" }, projection.map { _ in "--projection" }, graticule ? "--graticule" : nil].compactMap({ $0 }).first {
      throw ValidationError("\(given) applies to --layout geo")
    }
  }
}

/// What fills a map's nodes: a bloc or community colour, or a measure's class.
enum FillChoice: ExpressibleByArgument, Equatable {
  case nodeFill(NodeFill)
  case measure(CentralityMeasure)

  init?(argument: String) {
    if let f = NodeFill(rawValue: argument) {
      self = .nodeFill(f)
    } else if let m = CentralityMeasure(rawValue: argument) {
      self = .measure(m)
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] { NodeFill.allCases.map(\.rawValue) + CentralityMeasure.allCases.map(\.rawValue) }
}

extension NodeFill: ExpressibleByArgument {}
extension MapExtent: ExpressibleByArgument {}
extension MapProjection: ExpressibleByArgument {}
extension ActorGrouping: ExpressibleByArgument {}

/// Checks a number option against its stated range (NaN and the infinities lie outside every
/// range): a `ValidationError` that names the option, its value and the range, never a trap later.
func checkRange<T: Comparable>(_ name: String, _ value: T?, _ range: ClosedRange<T>, _ meaning: String) throws {
  guard let value, !range.contains(value) else { return }
  throw ValidationError("\(name) \(value): \(meaning)")
}

/// The range of seconds a time limit may take: a millisecond to a million seconds (11.6 days).
let secondsRange = 0.001...1_000_000.0

/// Threads asked for, clamped to the cores of this machine: more would only wait for each other.
func clampedThreads(_ asked: Int) -> Int { min(max(1, asked), ProcessInfo.processInfo.activeProcessorCount) }

/// How many threads an option may ask for before the clamp (a sanity bound on the number).
let threadsRange = 1...4096

