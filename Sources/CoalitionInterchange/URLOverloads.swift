import CoalitionGraph
import CoalitionMetrics
import Foundation

/// The path of a file URL, or an ``ImportError`` that says only file URLs can be read.
private func path(of url: URL) throws -> String {
  guard let path = url.filePath else { throw ImportError(file: url.absoluteString, line: 0, "only file URLs can be read") }
  return path
}

extension CSVObservations {
  /// Reads an observations CSV file; see ``read(path:options:)``.
  /// - Throws: ``ImportError``.
  public static func read(contentsOf url: URL, options: CSVObservationOptions = CSVObservationOptions()) throws -> ImportResult {
    try read(path: try path(of: url), options: options)
  }

  /// Writes the dataset's observations as CSV (``write(_:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func write(_ dataset: Dataset, to url: URL) throws { try OutputFile.write(write(dataset), to: url) }
}

extension GDELT {
  /// Reads a GDELT 1.0 or 2.0 event file; see ``read(path:options:)``.
  /// - Throws: ``ImportError``.
  public static func read(contentsOf url: URL, options: GDELTOptions = GDELTOptions()) throws -> ImportResult {
    try read(path: try path(of: url), options: options)
  }
}

extension ATOP {
  /// Reads an ATOP dyad-year CSV file; see ``read(path:years:kinds:spells:policy:)``.
  /// - Throws: ``ImportError``.
  public static func read(
    contentsOf url: URL, years: YearRange = YearRange(), kinds: Set<String>? = nil, spells: Bool = true, policy: ErrorPolicy = .skip
  ) throws -> ImportResult {
    try read(path: try path(of: url), years: years, kinds: kinds, spells: spells, policy: policy)
  }
}

extension SIPRI {
  /// Reads a SIPRI trade register or export; see ``read(path:years:policy:)``.
  /// - Throws: ``ImportError``.
  public static func read(contentsOf url: URL, years: YearRange = YearRange(), policy: ErrorPolicy = .skip) throws -> ImportResult {
    try read(path: try path(of: url), years: years, policy: policy)
  }
}

extension GraphFileFormat {
  /// Reads a graph file (GraphML, GEXF or node-link JSON) into a dataset.
  /// - Throws: ``ImportError``.
  public static func read(contentsOf url: URL, options: GraphImportOptions = GraphImportOptions()) throws -> ImportResult {
    try read(path: try path(of: url), options: options)
  }
}

extension GraphML {
  /// Writes a view as GraphML (``write(_:granularity:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func write(_ view: NetworkView, granularity: ExportGranularity = .observations, to url: URL) throws {
    try OutputFile.write(write(view, granularity: granularity), to: url)
  }
}

extension GEXF {
  /// Writes a view as GEXF 1.3 (``write(_:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func write(_ view: NetworkView, to url: URL) throws { try OutputFile.write(write(view), to: url) }
}

extension NodeLink {
  /// Writes a view as node-link JSON (``write(_:granularity:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func write(_ view: NetworkView, granularity: ExportGranularity = .observations, to url: URL) throws {
    try OutputFile.write(write(view, granularity: granularity), to: url)
  }
}

extension CSVTables {
  /// Writes one row per actor with centrality columns (``nodes(_:measures:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func writeNodes(_ view: NetworkView, measures: [CentralityMeasure] = defaultMeasures, to url: URL) throws {
    try OutputFile.write(nodes(view, measures: measures), to: url)
  }

  /// Writes one row per tie (``edges(_:)``) by the rules of `OutputFile`.
  /// - Throws: `FileWriteError`.
  public static func writeEdges(_ view: NetworkView, to url: URL) throws { try OutputFile.write(edges(view), to: url) }
}

extension EdgeList {
  /// Reads an edge-list file; see ``init(contentsOf:weighted:)-(String,_)``.
  /// - Throws: `DatasetError` for a URL that is not a file URL, an unreadable file or bad lines.
  public init(contentsOf url: URL, weighted: Bool) throws {
    guard let path = url.filePath else {
      throw DatasetError(file: url.absoluteString, problems: [DatasetProblem(path: "", message: "only file URLs can be read")])
    }
    try self.init(contentsOf: path, weighted: weighted)
  }
}


extension EdgeList {
  /// Reads an edge-list file outside Swift's cooperative thread pool; stops when the calling task
  /// is cancelled.
  /// - Throws: `CancellationError` when the task is cancelled; `DatasetError`.
  public static func read(contentsOf url: URL, weighted: Bool) async throws -> EdgeList {
    try await runCancellable { try EdgeList(contentsOf: url, weighted: weighted) }
  }
}
