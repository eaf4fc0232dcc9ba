/// Where an imported dataset came from, in a form that programs read: which importer made it,
/// with which options, which observations are its own, and the fingerprint of the list of files it
/// read. A later import that adds to the dataset (GDELT's `--append`) compares these by value, so an
/// analyst may rewrite the title and description freely.
///
/// Written in the dataset format as `"import"`: `{"importer", "version", "options", "sources",
/// "files"?, "filesFingerprint"?}`.
public struct ImportProvenance: Hashable, Sendable, Codable {
  /// The version of this record's layout.
  public static let currentVersion = 1

  /// The importer, e.g. `gdelt`.
  public var importer: String
  /// The layout version of the record (``currentVersion`` when written by this release).
  public var version: Int
  /// The options that shaped the import, as the importer spells them (for GDELT,
  /// `GDELTOptions.signature`): an addition is made only with the same options.
  public var options: String
  /// The source ids that the importer's observations cite (their id scheme): observations citing
  /// another source are the analyst's own and are left alone.
  public var sources: [String]
  /// How many files the import has read, when it keeps a list of them.
  public var files: Int?
  /// The fingerprint of that list (FNV-1a, 16 hex digits).
  public var filesFingerprint: String?

  /// A record for `importer`.
  public init(importer: String, options: String, sources: [String], files: Int? = nil, filesFingerprint: String? = nil) {
    self.importer = importer
    self.version = ImportProvenance.currentVersion
    self.options = options
    self.sources = sources
    self.files = files
    self.filesFingerprint = filesFingerprint
  }
}
