import Foundation

extension URL {
  /// The file-system path of a `file:` URL, or `nil` for any other scheme.
  package var filePath: String? { isFileURL ? path : nil }
}

extension Dataset {
  /// Reads and validates a dataset file.
  /// - Throws: ``DatasetError`` for a URL that is not a file URL, an unreadable file and every
  ///   problem in the content.
  public init(contentsOf url: URL) throws {
    guard let path = url.filePath else {
      throw DatasetError(file: url.absoluteString, problems: [DatasetProblem(path: "", message: "only file URLs can be read")])
    }
    try self.init(contentsOf: path)
  }

  /// Writes the dataset as JSON in the documented format (``jsonText()``) by the rules of
  /// ``OutputFile``: whole or not at all.
  /// - Throws: ``FileWriteError``.
  public func write(to url: URL) throws { try OutputFile.write(jsonText(), to: url) }
}

extension Dataset {
  /// Reads and validates a dataset file outside Swift's cooperative thread pool.
  /// - Throws: `CancellationError` when the task is cancelled first; ``DatasetError``.
  public static func read(contentsOf url: URL) async throws -> Dataset {
    try await runCancellable { try Dataset(contentsOf: url) }
  }
}
