/// The release of this package.
public enum CoalitionGraphVersion {
  /// The version, `MAJOR.MINOR.PATCH` as in CHANGELOG.md; `coalition --version` prints it.
  public static let current = "0.1.0"
}

extension Dataset {
  /// A short fingerprint of the dataset's content: the 64-bit FNV-1a hash of its canonical JSON
  /// (``jsonText()``), as 16 hexadecimal digits. Equal datasets have equal fingerprints, and any
  /// edit changes it with near certainty; it identifies a version, it is not a cryptographic seal.
  public var fingerprint: String { fnv1aHex(jsonText()) }
}

/// The 64-bit FNV-1a hash of the text's UTF-8 bytes, as 16 hexadecimal digits: the fingerprint of
/// datasets, of GDELT mappings and of lists of files read.
package func fnv1aHex(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}

extension CoalitionNetwork {
  /// The dataset's ``Dataset/fingerprint``, computed once for the network (it serialises the
  /// whole dataset) and kept.
  public var fingerprint: String {
    if let known = fingerprintCache.withLock({ $0 }) { return known }
    let computed = dataset.fingerprint
    fingerprintCache.withLock { $0 = computed }
    return computed
  }

  /// Where a result made with `filter` comes from, in one line: the dataset's title and
  /// fingerprint, the filters and the tool's version, e.g. `Dataset: Russia's coalition …
  /// (fingerprint 1f3a…) · View: all ties · CoalitionGraph 0.1.0`. Reports, maps and pages carry it.
  public func provenance(of filter: ViewFilter) -> String {
    "Dataset: \(dataset.title ?? "untitled") (fingerprint \(fingerprint)) · View: \(filter.summary) · CoalitionGraph \(CoalitionGraphVersion.current)"
  }
}

extension NetworkView {
  /// Where this view's results come from (see ``CoalitionNetwork/provenance(of:)``).
  public var provenance: String { graph.provenance(of: filter) }
}
