import CoalitionGraph
import Foundation

/// The list of GDELT files a dataset was made from, kept beside it (`DATASET.files.tsv`) so that
/// `coalition import --append` reads only files it has not read before.
///
/// The dataset's description names the list and a fingerprint of it; a list that does not match
/// (edited, or left from another run) is refused rather than trusted.
public struct GDELTLedger: Sendable, Hashable {
  /// One file read: its name (the last path component) and size.
  public struct Entry: Sendable, Hashable {
    /// The file name.
    public var name: String
    /// Its size in bytes.
    public var bytes: Int
  }
  /// The files, in the order they were added.
  public private(set) var entries: [Entry] = []
  private var names: Set<String> = []

  /// An empty list.
  public init() {}

  /// Whether a file of this name was read.
  public func contains(_ name: String) -> Bool { names.contains(name) }

  /// Adds the files of one import.
  public mutating func add(_ inputs: [GDELTInput]) {
    for i in inputs where names.insert(i.name).inserted { entries.append(Entry(name: i.name, bytes: i.size)) }
  }

  /// The list as written: a comment line, then `name<TAB>bytes` per file.
  public var text: String {
    "# GDELT files read into this dataset (coalition import --append skips them)\n" + entries.map { "\($0.name)\t\($0.bytes)\n" }.joined()
  }

  /// FNV-1a (64 bits) over the entries, in hexadecimal.
  public var fingerprint: String { fnv1aHex(entries.map { "\($0.name)\t\($0.bytes)\n" }.joined()) }

  /// Where the list of a dataset file is kept.
  public static func path(for dataset: String) -> String { dataset + ".files.tsv" }

  private static let marker = " Files read: "

  /// The description with one sentence naming the list and its fingerprint (replacing an older one).
  public func describe(in description: String?, for dataset: String) -> String {
    var text = description ?? ""
    if let r = text.range(of: GDELTLedger.marker) { text = String(text[..<r.lowerBound]) }
    let file = (GDELTLedger.path(for: dataset) as NSString).lastPathComponent
    return text + GDELTLedger.marker + "\(entries.count) (listed in \(file), fingerprint \(fingerprint))."
  }

  /// The dataset's import record with this list's count and fingerprint.
  public func record(in provenance: ImportProvenance?) -> ImportProvenance? {
    guard var p = provenance else { return nil }
    p.files = entries.count
    p.filesFingerprint = fingerprint
    return p
  }

  /// The fingerprint a dataset gives for its list of files: from its import record, or (for a
  /// dataset older than the record) from the sentence in its description.
  static func expectedFingerprint(_ dataset: Dataset) -> String? {
    if let f = dataset.provenance?.filesFingerprint { return f }
    guard dataset.provenance == nil, let description = dataset.description, let r = description.range(of: marker),
      let f = description[r.upperBound...].range(of: "fingerprint ")
    else { return nil }
    return String(description[f.upperBound...].prefix(16))
  }

  /// The list beside `datasetPath`, checked against the fingerprint in the dataset's import record.
  /// - Throws: ``ImportError`` when the dataset names no list, or the list is missing or differs.
  public static func read(for datasetPath: String, dataset: Dataset) throws(ImportError) -> GDELTLedger {
    let path = GDELTLedger.path(for: datasetPath)
    guard let expected = expectedFingerprint(dataset) else {
      throw ImportError(
        file: datasetPath, line: 0,
        "the dataset does not name the GDELT files it was made from (it was written to standard output, or not by a GDELT import); import with -o FILE first")
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ImportError(file: path, line: 0, "cannot read the list of files the dataset was made from; without it, files already read would be counted twice")
    }
    var ledger = GDELTLedger()
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t")
      guard parts.count == 2, let bytes = Int(parts[1]) else { throw ImportError(file: path, line: n + 1, "expected NAME<TAB>BYTES") }
      if ledger.names.insert(String(parts[0])).inserted { ledger.entries.append(Entry(name: String(parts[0]), bytes: bytes)) }
    }
    guard ledger.fingerprint == expected else {
      throw ImportError(
        file: path, line: 0,
        "the list does not match the dataset (fingerprint \(ledger.fingerprint), the dataset says \(expected)): it was edited or comes from another run")
    }
    return ledger
  }
}
