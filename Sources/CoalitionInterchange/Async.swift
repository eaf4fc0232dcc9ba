import CoalitionGraph
import Foundation

// Async forms of the file readers: they read outside Swift's cooperative thread pool and stop
// when the calling task is cancelled (checked after each 1 MiB read, where progress is
// reported), throwing `CancellationError`. Results equal the synchronous forms.

extension CSVObservations {
  /// Reads an observations CSV file; see ``read(path:options:)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``ImportError``.
  public static func read(contentsOf url: URL, options: CSVObservationOptions = CSVObservationOptions()) async throws -> ImportResult {
    try await runCancellable { try read(contentsOf: url, options: options) }
  }
}

extension GDELT {
  /// Reads a GDELT 1.0 or 2.0 event file; see ``read(path:options:)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``ImportError``.
  public static func read(contentsOf url: URL, options: GDELTOptions = GDELTOptions()) async throws -> ImportResult {
    try await runCancellable { try read(contentsOf: url, options: options) }
  }
}

extension ATOP {
  /// Reads an ATOP dyad-year CSV file; see ``read(path:years:kinds:spells:policy:)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``ImportError``.
  public static func read(
    contentsOf url: URL, years: YearRange = YearRange(), kinds: Set<String>? = nil, spells: Bool = true, policy: ErrorPolicy = .skip
  ) async throws -> ImportResult {
    try await runCancellable { try read(contentsOf: url, years: years, kinds: kinds, spells: spells, policy: policy) }
  }
}

extension SIPRI {
  /// Reads a SIPRI trade register or export; see ``read(path:years:policy:)``.
  /// - Throws: `CancellationError` when the task is cancelled; ``ImportError``.
  public static func read(contentsOf url: URL, years: YearRange = YearRange(), policy: ErrorPolicy = .skip) async throws -> ImportResult {
    try await runCancellable { try read(contentsOf: url, years: years, policy: policy) }
  }
}

extension GraphFileFormat {
  /// Reads a graph file (GraphML, GEXF or node-link JSON) into a dataset.
  /// - Throws: `CancellationError` when the task is cancelled; ``ImportError``.
  public static func read(contentsOf url: URL, options: GraphImportOptions = GraphImportOptions()) async throws -> ImportResult {
    try await runCancellable { try read(contentsOf: url, options: options) }
  }
}
