import Foundation

/// A plain edge list: one edge per line, `source target [weight]`, separated by white space or
/// commas; `#` and `%` start comment lines; columns after the ones read are ignored. Node names are
/// any tokens without separators and get indices in order of first appearance.
///
/// Edges are kept as parallel columns (``sources``, ``targets``, ``weights``): 8 bytes per edge,
/// 16 with weights, ready for `SimpleGraph(nodeCount:sources:targets:weights:directed:)`.
public struct EdgeList: Sendable {
  /// Number of distinct node names.
  public var nodeCount: Int { nameNumbers.count }
  /// Source node index of each edge.
  public var sources: [Int32]
  /// Target node index of each edge.
  public var targets: [Int32]
  /// Weight of each edge, or `nil` when the list was read without weights (every weight 1).
  public var weights: [Double]?

  /// A name that is a plain non-negative integer (no leading zero) is kept as its value, other
  /// names as `-(k + 1)` pointing into `textNames`: no string is made per node while parsing.
  private var nameNumbers: [Int]
  private var textNames: [String]

  /// Node names by index.
  public var names: [String] { nameNumbers.map { $0 >= 0 ? String($0) : textNames[-$0 - 1] } }

  /// Edges as (source, target, weight); the weight is 1 when the file has none or `weighted` is off.
  public var edges: [(source: Int32, target: Int32, weight: Double)] {
    sources.indices.map { (sources[$0], targets[$0], weights?[$0] ?? 1) }
  }

  /// Parses an edge list from bytes, in one pass over the raw bytes, without splitting the text into
  /// lines or making a string per token.
  /// - Parameters:
  ///   - bytes: The file content (UTF-8).
  ///   - weighted: Read the third column as the weight; it must then be present on every line.
  ///   - file: Name used in error messages.
  /// - Throws: ``DatasetError`` listing up to 20 bad lines (missing columns, a weight that is not a
  ///   finite non-negative number).
  public init(bytes: [UInt8], weighted: Bool, file: String? = nil) throws(DatasetError) {
    var parser = Parser(weighted: weighted)
    bytes.withUnsafeBufferPointer { parser.parse($0) }
    guard parser.problems.isEmpty else { throw DatasetError(file: file, problems: parser.problems) }
    sources = parser.sources
    targets = parser.targets
    weights = weighted ? parser.weights : nil
    nameNumbers = parser.nameNumbers
    textNames = parser.textNames
  }

  /// Reads an edge-list file (read whole into memory, then parsed as bytes). Reports progress to
  /// ``ProgressMonitor/current`` as "reading edges".
  public init(contentsOf path: String, weighted: Bool) throws(DatasetError) {
    guard let bytes = EdgeList.readFile(path) else {
      throw DatasetError(file: path, problems: [DatasetProblem(path: "", message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")])
    }
    try self.init(bytes: bytes, weighted: weighted, file: path)
  }

  /// The file's bytes through one `read` per 16 MiB, without an intermediate `Data`.
  private static func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var status = stat()
    guard fstat(fileno(file), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(status.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        let got = fread(buffer.baseAddress! + count, 1, min(1 << 24, size - count), file)
        if got == 0 { break }
        count += got
      }
      failed = count != size
    }
    return failed ? nil : bytes
  }

  /// A larger buffer with the first `count` values moved over; the old one is freed.
  private static func grow(_ old: UnsafeMutablePointer<Int32>, from count: Int, to capacity: Int) -> UnsafeMutablePointer<Int32> {
    let new = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    new.moveInitialize(from: old, count: count)
    old.deallocate()
    return new
  }

  /// The parser's state: the columns being built and the name tables.
  private struct Parser {
    let weighted: Bool
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var nameNumbers: [Int] = []
    var textNames: [String] = []
    var problems: [DatasetProblem] = []
    /// Integer names below the dense limit: index + 1 (0 = not seen yet). No hashing for the usual
    /// 0…n−1 or 1…n numbering.
    var dense: [Int32] = []
    var denseLimit = 1 << 16
    var numberIndex: [Int: Int32] = [:]
    var textIndex: [String: Int32] = [:]

    init(weighted: Bool) { self.weighted = weighted }

    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2C || b == 0x0D }

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
      // The dense table may take four bytes per byte of input.
      denseLimit = max(1 << 16, bytes.count)
      let monitor = ProgressMonitor.current
      let n = bytes.count
      // Columns written through pointers (no append per edge), doubled when full.
      var capacity = max(16, n / 12)
      if weighted { weights.reserveCapacity(capacity) }
      var edgeCount = 0
      var sourceColumn = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      var targetColumn = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      defer {
        sourceColumn.deallocate()
        targetColumn.deallocate()
      }
      var nextReport = 1 << 22
      var line = 0
      var p = 0
      while p < n, problems.count < 20 {
        line += 1
        let lineStart = p
        if let monitor, p >= nextReport {
          monitor.report("reading edges", Double(p) / Double(n))
          nextReport = p + (1 << 22)
        }
        while p < n, Parser.isSeparator(bytes[p]) { p += 1 }
        if p == n { break }
        if bytes[p] == 0x0A { p += 1; continue }
        if bytes[p] == UInt8(ascii: "#") || bytes[p] == UInt8(ascii: "%") {
          while p < n, bytes[p] != 0x0A { p += 1 }
          p += 1
          continue
        }
        let source = node(bytes, &p)
        while p < n, Parser.isSeparator(bytes[p]) { p += 1 }
        guard p < n, bytes[p] != 0x0A else {
          complain(line: line, column: 1, weighted ? "expected source, target and weight" : "expected source and target")
          p += 1
          continue
        }
        let target = node(bytes, &p)
        var weight = 1.0
        if weighted {
          while p < n, Parser.isSeparator(bytes[p]) { p += 1 }
          let start = p
          while p < n, bytes[p] != 0x0A, !Parser.isSeparator(bytes[p]) { p += 1 }
          guard p > start else {
            complain(line: line, column: 1, "expected source, target and weight")
            p += 1
            continue
          }
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
          if let x = Double(text), x.isFinite, x >= 0 {
            weight = x
          } else {
            complain(line: line, column: start - lineStart + 1, "weight \"\(text)\" is not a finite non-negative number")
          }
        }
        while p < n, bytes[p] != 0x0A { p += 1 }
        p += 1
        if edgeCount == capacity {
          capacity *= 2
          sourceColumn = EdgeList.grow(sourceColumn, from: edgeCount, to: capacity)
          targetColumn = EdgeList.grow(targetColumn, from: edgeCount, to: capacity)
        }
        sourceColumn[edgeCount] = source
        targetColumn[edgeCount] = target
        edgeCount += 1
        if weighted { weights.append(weight) }
      }
      sources = Array(UnsafeBufferPointer(start: sourceColumn, count: edgeCount))
      targets = Array(UnsafeBufferPointer(start: targetColumn, count: edgeCount))
      monitor?.report("reading edges", 1)
    }

    mutating func complain(line: Int, column: Int, _ message: String) {
      problems.append(DatasetProblem(path: "", position: SourcePosition(line: line, column: column), message: message))
    }

    /// Reads the name at `p` (up to a separator or the line end) and returns its index.
    @inline(__always) mutating func node(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Int32 {
      let start = p
      var number = 0
      while p < bytes.count {
        let d = bytes[p] &- 48
        if d > 9 { break }
        number = number &* 10 &+ Int(d)
        p += 1
      }
      // A name that does not end after its digits is not a number.
      var numeric = p > start
      if p < bytes.count, bytes[p] != 0x0A, !Parser.isSeparator(bytes[p]) {
        numeric = false
        while p < bytes.count, bytes[p] != 0x0A, !Parser.isSeparator(bytes[p]) { p += 1 }
      }
      let length = p - start
      // Plain integers without a leading zero ("01" is a name of its own) up to 18 digits.
      if numeric, length <= 18, bytes[start] != 48 || length == 1 {
        if number < denseLimit {
          if number >= dense.count { dense += repeatElement(0, count: max(number + 1, 2 * dense.count) - dense.count) }
          let slot = dense[number]
          if slot > 0 { return slot - 1 }
          let k = Int32(nameNumbers.count)
          dense[number] = k + 1
          nameNumbers.append(number)
          return k
        }
        if let k = numberIndex[number] { return k }
        let k = Int32(nameNumbers.count)
        numberIndex[number] = k
        nameNumbers.append(number)
        return k
      }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
      if let k = textIndex[name] { return k }
      let k = Int32(nameNumbers.count)
      textIndex[name] = k
      textNames.append(name)
      nameNumbers.append(-textNames.count)
      return k
    }
  }
}
