import Foundation

/// A plain edge list: one edge per line, `source target [weight]`, separated by white space or
/// commas; `#` and `%` start comment lines. Node names are any tokens without separators and get
/// indices in order of first appearance.
public struct EdgeList: Sendable {
  /// Node names by index.
  public var names: [String]
  /// Edges as (source, target, weight); the weight is 1 when the file has none or `weighted` is off.
  public var edges: [(source: Int32, target: Int32, weight: Double)]

  /// Parses an edge list from bytes, in one pass without splitting the text into strings per line.
  /// - Parameters:
  ///   - bytes: The file content (UTF-8).
  ///   - weighted: Read the third column as the weight; it must then be present on every line.
  ///   - file: Name used in error messages.
  /// - Throws: ``DatasetError`` listing up to 20 bad lines (missing columns, a weight that is not a
  ///   finite non-negative number).
  public init(bytes: [UInt8], weighted: Bool, file: String? = nil) throws(DatasetError) {
    let (names, edges, problems) = bytes.withUnsafeBufferPointer { EdgeList.parse($0, weighted: weighted) }
    guard problems.isEmpty else { throw DatasetError(file: file, problems: problems) }
    self.names = names
    self.edges = edges
  }

  /// The parser over raw bytes (no bounds checks in the inner loops).
  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, weighted: Bool) -> (
    [String], [(source: Int32, target: Int32, weight: Double)], [DatasetProblem]
  ) {
    var names: [String] = []
    var index: [Substring: Int32] = [:]
    var numericIndex: [Int: Int32] = [:]
    // Integer names below this bound are looked up in a dense table (index + 1, 0 = not seen): no
    // hashing for the usual 0…n−1 or 1…n numbering. The bound keeps the table within four bytes per
    // byte of input.
    let denseLimit = max(1 << 16, bytes.count)
    var dense: [Int32] = []
    var fields: [Range<Int>] = []
    var ids: [Int32] = []
    var edges: [(source: Int32, target: Int32, weight: Double)] = []
    edges.reserveCapacity(bytes.count / 8)
    var problems: [DatasetProblem] = []
    var line = 0
    var i = 0
    let n = bytes.count
    func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2C || b == 0x0D }
    while i < n, problems.count < 20 {
      line += 1
      var end = i
      while end < n, bytes[end] != 0x0A { end += 1 }
      fields.removeAll(keepingCapacity: true)
      var j = i
      while j < end {
        while j < end, isSeparator(bytes[j]) { j += 1 }
        let start = j
        while j < end, !isSeparator(bytes[j]) { j += 1 }
        if j > start { fields.append(start..<j) }
      }
      let first = fields.first.map { bytes[$0.lowerBound] }
      if !fields.isEmpty, first != UInt8(ascii: "#"), first != UInt8(ascii: "%") {
        if fields.count < (weighted ? 3 : 2) {
          problems.append(
            DatasetProblem(
              path: "", position: SourcePosition(line: line, column: 1),
              message: weighted ? "expected source, target and weight" : "expected source and target"))
        } else {
          ids.removeAll(keepingCapacity: true)
          for f in fields.prefix(2) {
            // Plain non-negative integers (the usual case) are looked up by value, without making a
            // string per token; other names by their text.
            var number = 0
            var numeric = f.count <= 18
            for p in f where numeric {
              let d = bytes[p] &- 48
              if d > 9 { numeric = false } else { number = number * 10 + Int(d) }
            }
            if numeric, bytes[f.lowerBound] != 48 || f.count == 1, number < denseLimit {
              if number >= dense.count { dense += repeatElement(0, count: max(number + 1, 2 * dense.count) - dense.count) }
              let slot = dense[number]
              if slot > 0 {
                ids.append(slot - 1)
              } else {
                let k = Int32(names.count)
                dense[number] = k + 1
                names.append(String(number))
                ids.append(k)
              }
              continue
            }
            if numeric, bytes[f.lowerBound] != 48 || f.count == 1 {
              if let k = numericIndex[number] {
                ids.append(k)
              } else {
                let k = Int32(names.count)
                numericIndex[number] = k
                names.append(String(number))
                ids.append(k)
              }
              continue
            }
            let name = String(decoding: bytes[f], as: UTF8.self)
            let key = Substring(name)
            if let k = index[key] {
              ids.append(k)
            } else {
              let k = Int32(names.count)
              index[key] = k
              names.append(name)
              ids.append(k)
            }
          }
          var w = 1.0
          if weighted {
            let text = String(decoding: bytes[fields[2]], as: UTF8.self)
            if let x = Double(text), x.isFinite, x >= 0 {
              w = x
            } else {
              problems.append(
                DatasetProblem(
                  path: "", position: SourcePosition(line: line, column: fields[2].lowerBound - i + 1),
                  message: "weight \"\(text)\" is not a finite non-negative number"))
            }
          }
          edges.append((source: ids[0], target: ids[1], weight: w))
        }
      }
      i = end + 1
    }
    return (names, edges, problems)
  }

  /// Reads an edge-list file.
  public init(contentsOf path: String, weighted: Bool) throws(DatasetError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatasetError(file: path, problems: [DatasetProblem(path: "", message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")])
    }
    try self.init(bytes: Array(data), weighted: weighted, file: path)
  }
}
