import ArgumentParser
import CoalitionGraph
import CoalitionInterchange
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation

extension CountryCodeScheme: ExpressibleByArgument {}
extension GDELTOptions.Window: ExpressibleByArgument {}
extension GDELTOptions.Weight: ExpressibleByArgument {}


struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn a CSV sheet, GDELT events, ATOP alliances, a SIPRI register, GraphML or node-link JSON into a dataset.",
    discussion: """
      Rows with problems are reported (file:line:column: reason) and left out; --strict stops at the first one and writes nothing. Files are read as a stream. Column layouts and the CAMEO mapping are in docs/interchange.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, gdelt, dyads, atop, sipri, graphml, gexf, nodeLink = "node-link"
  }

  @Option(help: "Input format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format
  @Argument(help: "The file to import; '-' reads standard input. GDELT takes many files, directories and quoted glob patterns ('gdelt/2019*.export.CSV.zip'), plain, .zip or .gz.")
  var files: [String]
  var file: String { files[0] }
  @OptionGroup var output: OutputOption
  @OptionGroup var timeout: TimeoutOption
  @Flag(help: "Stop at the first bad record instead of skipping it.")
  var strict = false
  @Option(help: "A dataset to add the import to: the result holds both (CSV and GDELT may also use its kinds, actors and sources). Conflicting declarations are errors.")
  var base: String?
  @Option(help: "Title of the new dataset.")
  var title: String?

  // CSV
  @Option(name: .customLong("map"), help: "CSV: FIELD=COLUMN, the sheet's column for a field (repeat), e.g. source=Country1.")
  var columnMap: [String] = []
  @Option(name: .customLong("kind-map"), help: "CSV: VALUE=KIND, a replacement for values of the kind column (repeat).")
  var kindMap: [String] = []
  @Option(help: "CSV: kind for every row when the sheet has no kind column; graph files: kind for edges that name none (default: tie).")
  var kind: String?
  @Option(help: "GraphML/GEXF/node-link: date for edges that carry none (YYYY, YYYY-MM or YYYY-MM-DD).")
  var date: String?
  @Option(help: "CSV: how actor codes are written: \(CountryCodeScheme.allCases.map(\.rawValue).joined(separator: ", ")).")
  var codes: CountryCodeScheme = .auto
  @Option(help: "CSV: field separator (one character; 'tab' for tabs).")
  var delimiter: String = ","

  // GDELT
  @Flag(help: "GDELT: keep only root events (IsRootEvent = 1).")
  var rootOnly = false
  @Flag(help: "GDELT: keep regional and IGO actor codes (WST, EUR, AFR…) as aggregate actors.")
  var keepRegions = false
  @Option(help: "GDELT: bundle events per event, day, month or year.")
  var window: GDELTOptions.Window = .day
  @Option(help: "GDELT: observation weight: goldstein (sum of |Goldstein|), events or mentions.")
  var weight: GDELTOptions.Weight = .goldstein
  @Option(help: "GDELT: keep only events at least this many sources report (NumSources).")
  var minSources: Int = 1
  @Option(help: "GDELT: an observation is reported when one of its events has at least this many sources, else alleged (1: all reported).")
  var reportedAtSources: Int = 2
  @Option(help: "GDELT: CSV file of code,kind rules that replace the standard CAMEO mapping for those codes.")
  var cameoMap: String?
  @Option(help: "GDELT: threads that read and scan files (default: every core, and at most that many); the result is the same for any number.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount
  @Option(help: "GDELT: add the files to this dataset (made by an earlier GDELT import with the same options) and write it back (or to -o); files it already holds are skipped.")
  var append: String?

  // ATOP / SIPRI
  @Option(help: "ATOP/SIPRI: first year to keep.")
  var fromYear: Int?
  @Option(help: "ATOP/SIPRI: last year to keep.")
  var toYear: Int?
  @Flag(help: "ATOP: one observation per year instead of merged spells.")
  var noSpells = false

  func run() throws {
    timeout.start("the import", hint: "import fewer files or a narrower range (--from-year, --to-year)")
    let policy: ErrorPolicy = strict ? .strict : .skip
    if files.isEmpty { throw ValidationError("name the file to import") }
    if files.count > 1, files.contains("-") { throw ValidationError("standard input ('-') is read alone, not with other files") }
    if format != .gdelt, files.count > 1 { throw ValidationError("--format \(format.rawValue) reads one file; only gdelt takes several") }
    try checkRange("--threads", threads, threadsRange, "must be from 1 to 4,096 (more than the machine's cores are not used)")
    try checkRange("--min-sources", minSources, 1...Int(Int32.max), "must be a whole number from 1 to 2,147,483,647")
    try checkRange("--reported-at-sources", reportedAtSources, 1...Int(Int32.max), "must be a whole number from 1 to 2,147,483,647")
    try checkRange("--from-year", fromYear, 1...9999, "must be a year from 1 to 9999")
    try checkRange("--to-year", toYear, 1...9999, "must be a year from 1 to 9999")
    if append != nil, format != .gdelt { throw ValidationError("--append works with --format gdelt") }
    if append != nil, base != nil { throw ValidationError("--append and --base cannot be used together: the dataset to append to already holds its base") }
    if append != nil, files.contains("-") { throw ValidationError("--append reads files, not standard input") }
    if file == "-", base == "-" { throw ValidationError("the file and --base cannot both be standard input") }
    let baseDataset: Dataset? = try base.map(loadDataset)
    // Standard input is read whole (files are streamed); messages call it <stdin>.
    let stdin: [UInt8]? = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : nil
    let name = stdin != nil ? "<stdin>" : files.count == 1 ? file : "\(files.count) inputs"
    let years = YearRange(first: fromYear, last: toYear)
    var result: ImportResult
    var ledger: GDELTLedger?
    do {
      switch format {
      case .csv:
        var options = CSVObservationOptions(codes: codes, defaultKind: kind, policy: policy, base: baseDataset)
        for pair in columnMap {
          let (k, v) = try split(pair, "--map")
          guard let field = ObservationField(rawValue: k) else {
            throw ToolError("--map \(pair): unknown field \"\(k)\"; fields: \(ObservationField.allCases.map(\.rawValue).joined(separator: ", "))")
          }
          options.columns[field] = v
        }
        for pair in kindMap {
          let (k, v) = try split(pair, "--kind-map")
          options.kindValues[k] = v
        }
        if delimiter == "tab" || delimiter == "\\t" {
          options.delimiter = 0x09
        } else if delimiter.utf8.count == 1 {
          options.delimiter = delimiter.utf8.first!
        } else {
          throw ToolError("--delimiter must be one character or 'tab'")
        }
        result = try stdin.map { try CSVObservations.read(text: String(decoding: $0, as: UTF8.self), name: name, options: options) }
          ?? CSVObservations.read(path: file, options: options)
      case .gdelt:
        var mapping = CAMEOMapping.standard
        if let cameoMap {
          guard let text = try? String(contentsOfFile: inputPath(cameoMap), encoding: .utf8) else { throw ToolError("cannot read \(cameoMap)") }
          mapping = try CAMEOMapping.read(text: text, name: cameoMap)
        }
        var options = GDELTOptions(
          mapping: mapping, rootEventsOnly: rootOnly, keepRegions: keepRegions, window: window, weight: weight, policy: policy, base: baseDataset,
          minimumSources: minSources, reportedAtSources: reportedAtSources)
        options.threads = clampedThreads(threads)
        if let stdin {
          result = try GDELT.read(text: String(decoding: stdin, as: UTF8.self), name: name, options: options)
        } else {
          guard let run = try importGDELT(options) else { return }
          (result, ledger) = run
        }
      case .dyads:
        var options = DyadTableOptions(policy: policy, base: baseDataset, reportedAtSources: reportedAtSources)
        options.weight = weight
        result = try stdin.map { try DyadTable.read(bytes: $0, name: name, options: options) } ?? DyadTable.read(path: file, options: options)
      case .atop:
        result = try stdin.map { try ATOP.read(bytes: $0, name: name, years: years, spells: !noSpells, policy: policy) }
          ?? ATOP.read(path: file, years: years, spells: !noSpells, policy: policy)
      case .sipri:
        result = try stdin.map { try SIPRI.read(bytes: $0, name: name, years: years, policy: policy) } ?? SIPRI.read(path: file, years: years, policy: policy)
      case .graphml, .gexf, .nodeLink:
        var options = GraphImportOptions(policy: policy)
        if let date {
          guard let d = PartialDate(date) else { throw ToolError("--date \(date): not a date of the form YYYY, YYYY-MM or YYYY-MM-DD") }
          options.date = d
        }
        if let kind { options.defaultKind = kind }
        let reader: any GraphFileFormat.Type
        switch format {
        case .graphml: reader = GraphML.self
        case .gexf: reader = GEXF.self
        default: reader = NodeLink.self
        }
        result = try stdin.map { try reader.read(bytes: $0, name: name, options: options) } ?? reader.read(path: file, options: options)
      }
    } catch let e as ImportError {
      throw ToolError(e.description)
    }
    // CSV and GDELT build on the base as they read (it declares kinds and actors they may use); the
    // others read the file alone, and the base is laid under what they read.
    if let baseDataset, ![.csv, .gdelt, .dyads].contains(format) {
      do {
        let overlay = try baseDataset.overlaid(by: result.dataset)
        result.dataset = overlay.dataset
        result.warnings += overlay.notes
      } catch let e as DatasetError {
        throw ToolError("--base \(base ?? ""): cannot lay the import over it:\n\(e.description)")
      }
    }
    if let title { result.dataset.title = title }
    for issue in result.issues { printError("warning: \((issue.file ?? name).visible):\(issue)") }
    let shown = result.issues.count
    if result.recordsSkipped > shown { printError("warning: … and \(result.recordsSkipped - shown) more") }
    if result.recordsSkipped > 0, result.recordsSkipped + result.recordsFiltered >= result.recordsRead,
      result.dataset.observations.count == (baseDataset?.observations.count ?? 0)
    {
      throw ToolError("\(name): none of the \(result.recordsRead) records could be imported (\(result.recordsSkipped) with problems, listed above); nothing written")
    }
    if !result.ignoredColumns.isEmpty { output.note("note: columns not used: \(result.ignoredColumns.joined(separator: ", "))") }
    for w in result.warnings { printError("warning: \(name): \(w)") }
    // What is written must load: check it like any dataset.
    let problems = result.dataset.validate()
    if !problems.isEmpty {
      throw ToolError("the imported dataset is not valid:\n" + problems.prefix(20).map(\.description).joined(separator: "\n"))
    }
    let target = output.path ?? append
    if let ledger, let target {
      result.dataset.description = ledger.describe(in: result.dataset.description, for: target)
      result.dataset.provenance = ledger.record(in: result.dataset.provenance)
    }
    if let target {
      do { try OutputFile.write(Array(result.dataset.jsonText().utf8), toPath: target) } catch { throw ToolError("\(error)") }
      if let ledger {
        do { try OutputFile.write(Array(ledger.text.utf8), toPath: GDELTLedger.path(for: target)) } catch { throw ToolError("\(error)") }
      }
    } else {
      try output.write(result.dataset.jsonText())
    }
    output.note("\(name): \(result.summary)" + (target.map { " → \($0)" } ?? ""))
  }

  /// Reads the GDELT files named (or adds them to `--append`'s dataset), prints the summary, and
  /// returns the result with the list of files read; `nil` when there is nothing new to add.
  func importGDELT(_ options: GDELTOptions) throws -> (ImportResult, GDELTLedger)? {
    let list = try GDELT.inputs(files)
    var inputs = list.inputs
    if !list.skipped.isEmpty {
      output.note("note: \(list.skipped.count) files in the directories given are not GDELT event files (mentions, GKG or other), left out")
    }
    var ledger = GDELTLedger()
    let imported: GDELTImport
    if let append {
      let dataset = try loadDataset(append)
      ledger = try GDELTLedger.read(for: append, dataset: dataset)
      let before = inputs.count
      inputs = inputs.filter { !ledger.contains($0.name) }
      if before > inputs.count { output.note("note: \(before - inputs.count) of the \(before) files are in \(append) already, skipped") }
      if inputs.isEmpty {
        output.note("\(append): nothing new to add; left as it was")
        return nil
      }
      imported = try GDELT.append(inputs, to: dataset, options: options)
    } else {
      imported = try GDELT.read(inputs: inputs, options: options)
    }
    ledger.add(inputs)
    output.note(imported.summary.text)
    return (imported.result, ledger)
  }

  func split(_ pair: String, _ option: String) throws -> (String, String) {
    guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { throw ToolError("\(option) \(pair): expected NAME=VALUE") }
    return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a dataset (or a view of it) as GraphML, GEXF, node-link JSON, CSV or DOT.",
    discussion: """
      graphml and node-link write one edge per observation (read back, they give the same dataset); --ties writes one edge per tie instead. gexf writes one edge per tie with its kind, spells and map colours (Gephi). csv writes the observations; nodes-csv one row per actor with centrality columns; edges-csv one row per tie.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, nodeLink = "node-link", csv, nodesCSV = "nodes-csv", edgesCSV = "edges-csv", dot
  }

  @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format
  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Flag(help: "graphml/node-link: one edge per tie (aggregated) instead of one per observation.")
  var ties = false
  @OptionGroup var output: OutputOption
  @OptionGroup var timeout: TimeoutOption

  func run() throws {
    timeout.start("the export", hint: "export a narrower view")
    let selected = try loadView(input, view)
    let granularity: ExportGranularity = ties ? .ties : .observations
    let text: String
    switch format {
    case .graphml: text = GraphML.write(selected, granularity: granularity)
    case .gexf: text = GEXF.write(selected)
    case .nodeLink: text = NodeLink.write(selected, granularity: granularity)
    case .csv:
      var d = selected.graph.dataset
      let keep = Set(selected.ties.flatMap(\.observations))
      d.observations = d.observations.indices.filter { keep.contains($0) }.map { d.observations[$0] }
      text = CSVObservations.write(d)
    case .nodesCSV: text = CSVTables.nodes(selected)
    case .edgesCSV: text = CSVTables.edges(selected)
    case .dot: text = try CoalitionMap(view: selected).dot()
    }
    try output.write(text)
    if let path = output.path {
      output.note("wrote \(path) (\(format.rawValue), \(selected.nodeCount) actors, \(selected.ties.count) ties)")
    }
  }
}

struct Timeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Coalition measures across time windows, or what changed between two dates.",
    discussion: """
      Series: one row per window (--window 1y, 6m, 30d, 2w; --step for sliding windows; --half-life to fade older observations instead of cutting them off) with actors, ties, density, degree centralisation, balance and the density of each kind; then each actor's rank per window. The range defaults to the dataset's first and last dated observation. Diff: --diff DATE DATE compares what was in force on each date (--reading known-by: the record as known then; or the --window ending on each date).
      """)

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Window length: N followed by d, w, m or y.")
  var window: String?
  @Option(help: "Step between window starts (default: the window length, i.e. fixed windows).")
  var step: String?
  @Option(help: "Fade observations with this half-life (e.g. 90d) instead of cutting them off at the window start.")
  var halfLife: String?
  @Option(parsing: .upToNextOption, help: "Compare two dates: --diff YYYY[-MM[-DD]] YYYY[-MM[-DD]].")
  var diff: [String] = []

  @Option(help: "How --diff reads each date: in-force (what held then; ended relations disappear) or known-by (the record as known then).")
  var reading: TimeReading = .inForce
  @Option(help: "Rank actors by: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
  var measure: CentralityMeasure = .degree
  @OptionGroup var table: TableFormatOptions
  @OptionGroup var timeout: TimeoutOption
  @Option(help: "Also draw one SVG map per window into this directory (window-01-FROM.svg, …).")
  var maps: String?
  @OptionGroup var output: OutputOption

  func span(_ text: String?, _ name: String) throws -> TimeSpan? {
    guard let text else { return nil }
    guard let s = TimeSpan(text) else { throw ValidationError("\(name) \(text): expected N followed by d, w, m or y (e.g. 1y, 6m, 30d)") }
    return s
  }

  func run() throws {
    timeout.start("the timeline", hint: "use a longer --window or --step, or a narrower range")
    let dataset = try input.load()
    let graph: CoalitionNetwork
    do { graph = try CoalitionNetwork(dataset) } catch { throw ToolError("\(error)") }
    var filter = try view.filter(for: graph)
    let windowSpan = try span(window, "--window")
    let stepSpan = try span(step, "--step")
    let halfLifeSpan = try span(halfLife, "--half-life")
    if !diff.isEmpty {
      guard diff.count == 2, let a = PartialDate(diff[0]), let b = PartialDate(diff[1]) else {
        throw ValidationError("--diff takes two dates (YYYY, YYYY-MM or YYYY-MM-DD)")
      }
      filter.window = nil
      let d = try TimelineDiff(graph: graph, filter: filter, from: a, to: b, window: windowSpan, measure: measure, reading: reading)
      try table.write(d.document(), to: output)
      return
    }
    guard let windowSpan else { throw ValidationError("give --window (e.g. 1y) for a series, or --diff DATE DATE") }
    let windows = try seriesWindows(dataset, filter, length: windowSpan, step: stepSpan, named: window ?? "")
    filter.window = nil
    let halfLifeDays = halfLifeSpan.map { s -> Double in
      switch s.unit {
      case .day: return Double(s.count)
      case .month: return Double(s.count) * 30.436875
      case .year: return Double(s.count) * 365.2425
      }
    }
    let timeline = try CoalitionReports.Timeline(graph: graph, filter: filter, windows: windows, halfLifeDays: halfLifeDays, measure: measure)
    let coverage = timeline.observationsInNoWindow()
    if coverage.missed > 0 {
      printError("warning: \(coverage.missed) of \(coverage.total) observations fall in no window (--step \(step ?? "") is longer than --window \(window ?? ""): the windows leave gaps)")
    }
    if let maps {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: maps, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ToolError("--maps \(maps): no such directory")
      }
      let digits = String(windows.count).count
      let captions = windows.enumerated().map { k, w in
        "\(halfLifeDays == nil ? w.description : "known by \(w.to?.description ?? "")") · window \(k + 1) of \(windows.count)"
      }
      let rendered = try GraphvizRenderer.shared.windowMaps(
        windows.map(timeline.view), captions: captions, layout: try GraphvizRenderer.shared.sharedLayout(of: timeline.union))
      for (k, (w, result)) in zip(windows, rendered).enumerated() {
        let name = "window-\(String(k + 1).leftPadded(to: digits))-\(w.from?.description ?? "start").svg"
        do { try OutputFile.write(result.bytes, toPath: (maps as NSString).appendingPathComponent(name)) } catch { throw ToolError("\(error)") }
      }
      output.note("wrote \(windows.count) maps to \(maps)")
    }
    try table.write(timeline.document(), to: output)
  }
}

/// The windows of a series: `length` long, every `step`, over the filter's window if it has one,
/// else the dataset's dated extent. Refuses a series longer than `TimeWindows.limit`.
func seriesWindows(_ dataset: Dataset, _ filter: ViewFilter, length: TimeSpan, step: TimeSpan?, named: String) throws -> [DateWindow] {
  do {
    return try TimeWindows.spanning(dataset, filter: filter, length: length, step: step).windows
  } catch SeriesError.undated {
    throw ToolError("the dataset has no dated observations; give --from and --to")
  } catch SeriesError.tooManyWindows(let start, let end, let needed) {
    throw ToolError(
      "--window \(named) from \(start) to \(end) needs \(needed) windows, more than the \(TimeWindows.limit) a series holds; use a longer --window or --step, or a narrower range (--from, --to)")
  }
}
