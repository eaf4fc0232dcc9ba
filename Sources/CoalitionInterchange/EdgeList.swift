import CoalitionGraph
import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// A plain edge list: one edge per line, `source target [weight]`, separated by white space or
/// commas; `#` and `%` start comment lines; columns after the ones read are ignored. Node names are
/// any tokens without separators.
///
/// When every name is a plain integer (digits, no leading zero), nodes are indexed in numeric
/// order: names 0…n−1 keep their values as indices, 1…n become 0…n−1, and the order of the lines
/// does not change the numbering. Otherwise (any other name) indices follow the order of first
/// appearance.
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

  /// The edges in file order; the weight is 1 when the file has none or `weighted` is off.
  public var edges: [ListedEdge] {
    sources.indices.map { ListedEdge(source: sources[$0], target: targets[$0], weight: weights?[$0] ?? 1) }
  }

  /// Parses an edge list from bytes, in one pass over the raw bytes, without splitting the text into
  /// lines or making a string per token.
  /// - Parameters:
  ///   - bytes: The file content (UTF-8).
  ///   - weighted: Read the third column as the weight; it must then be present on every line.
  ///   - file: Name used in error messages.
  /// - Throws: `DatasetError` listing up to 20 bad lines (missing columns, a weight that is not a
  ///   finite non-negative number).
  public init(bytes: [UInt8], weighted: Bool, file: String? = nil) throws {
    var parser = Parser(weighted: weighted)
    bytes.withUnsafeBufferPointer { parser.parse($0) }
    guard parser.problems.isEmpty else { throw DatasetError(file: file, problems: parser.problems) }
    self.init(parser)
  }

  /// Reads an edge-list file: mapped into memory (read whole when it cannot be mapped) and parsed
  /// as bytes. Reports progress to `ProgressMonitor.current` as "reading edges".
  public init(contentsOf path: String, weighted: Bool) throws {
    var parser = Parser(weighted: weighted)
    guard EdgeList.withFileBytes(path, { parser.parse($0) }) else {
      throw DatasetError(file: path, problems: [DatasetProblem(path: "", message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")])
    }
    guard parser.problems.isEmpty else { throw DatasetError(file: path, problems: parser.problems) }
    self.init(parser)
  }

  private init(_ parser: Parser) {
    sources = parser.sources
    targets = parser.targets
    weights = parser.weighted ? parser.weights : nil
    nameNumbers = parser.nameNumbers
    textNames = parser.textNames
  }

  /// Calls `body` with the bytes of a regular file, mapped (no copy; the pages are read ahead) or,
  /// where mapping fails, read through `fread` in 16 MiB steps; `false` when the file cannot be read.
  private static func withFileBytes(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
    let size = Int(status.st_size)
    guard size > 0 else {
      body(UnsafeBufferPointer(start: nil, count: 0))
      return true
    }
    // Not populated up front: pages come in as the parser reaches them (read ahead by the
    // kernel), so a file refused at its first line costs only what was read of it.
    if let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED {
      defer { munmap(mapped, size) }
      _ = madvise(mapped, size, MADV_SEQUENTIAL)
      _ = madvise(mapped, size, MADV_WILLNEED)
      body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
      return true
    }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    defer { buffer.deallocate() }
    var count = 0
    while count < size {
      let got = systemRead(fd, buffer + count, min(1 << 24, size - count))
      if got <= 0 { break }
      count += got
    }
    guard count == size else { return false }
    body(UnsafeBufferPointer(start: buffer, count: size))
    return true
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
    /// While every name so far is an integer below `denseLimit`, the columns hold the numbers
    /// themselves: no table lookup per name.
    var numbersOnly = true
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
      denseLimit = min(max(1 << 16, bytes.count), Int(Int32.max))
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
          if monitor.isCancelled { break }  // cancelled: what was read is thrown away by the caller
          monitor.report("reading edges", Double(p) / Double(n))
          nextReport = p + (1 << 22)
        }
        // A line must end within ``longestLine`` bytes: a file without line ends (or binary data) is
        // refused there, not scanned to its end.
        let window = min(n - p, Parser.longestLine + 1)
        if window > Parser.longestLine, memchr(bytes.baseAddress! + p, 0x0A, window) == nil {
          complain(line: line, column: 1, "a line longer than \(Parser.longestLine >> 20) MB: is this an edge list?")
          break
        }
        while p < n, Parser.isSeparator(bytes[p]) { p += 1 }
        if p == n { break }
        if bytes[p] == 0x0A { p += 1; continue }
        if bytes[p] == UInt8(ascii: "#") || bytes[p] == UInt8(ascii: "%") {
          while p < n, bytes[p] != 0x0A { p += 1 }
          p += 1
          continue
        }
        let sourceStart = p
        let sourceNumber = Parser.scanName(bytes, &p)
        let sourceEnd = p
        while p < n, Parser.isSeparator(bytes[p]) { p += 1 }
        guard p < n, bytes[p] != 0x0A else {
          complain(line: line, column: 1, weighted ? "expected source, target and weight" : "expected source and target")
          p += 1
          continue
        }
        let targetStart = p
        let targetNumber = Parser.scanName(bytes, &p)
        let targetEnd = p
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
          let token = UnsafeBufferPointer(rebasing: bytes[start..<p])
          if let x = Parser.decimal(token) ?? Double(String(decoding: token, as: UTF8.self)), x.isFinite, x >= 0 {
            weight = x
          } else {
            complain(line: line, column: start - lineStart + 1, "weight \"\(String(decoding: token, as: UTF8.self))\" is not a finite non-negative number")
          }
        }
        while p < n, bytes[p] != 0x0A { p += 1 }
        p += 1
        if edgeCount == capacity {
          capacity *= 2
          sourceColumn = EdgeList.grow(sourceColumn, from: edgeCount, to: capacity)
          targetColumn = EdgeList.grow(targetColumn, from: edgeCount, to: capacity)
        }
        if numbersOnly, UInt(bitPattern: sourceNumber) < UInt(denseLimit), UInt(bitPattern: targetNumber) < UInt(denseLimit) {
          sourceColumn[edgeCount] = Int32(truncatingIfNeeded: sourceNumber)
          targetColumn[edgeCount] = Int32(truncatingIfNeeded: targetNumber)
        } else {
          if numbersOnly { leaveNumbersOnly(sourceColumn, targetColumn, count: edgeCount) }
          sourceColumn[edgeCount] = index(bytes, sourceStart..<sourceEnd, number: sourceNumber)
          targetColumn[edgeCount] = index(bytes, targetStart..<targetEnd, number: targetNumber)
        }
        edgeCount += 1
        if weighted { weights.append(weight) }
      }
      if numbersOnly {
        numberFromBits(sourceColumn, targetColumn, count: edgeCount)
      } else if textNames.isEmpty {
        renumberInOrder(sourceColumn, targetColumn, count: edgeCount)
      }
      sources = Array(UnsafeBufferPointer(start: sourceColumn, count: edgeCount))
      targets = Array(UnsafeBufferPointer(start: targetColumn, count: edgeCount))
      monitor?.report("reading edges", 1)
    }

    /// The longest line read, in bytes.
    static let longestLine = 16 << 20

    mutating func complain(line: Int, column: Int, _ message: String) {
      problems.append(DatasetProblem(path: "", position: SourcePosition(line: line, column: column), message: message))
    }

    /// Skips the name at `p` (up to a separator or the line end) and returns its value when it is a
    /// plain integer (digits only, no leading zero: "01" is a name of its own; at most 18 digits),
    /// else -1.
    @inline(__always) static func scanName(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Int {
      let start = p
      var number = 0
      while p < bytes.count {
        let d = bytes[p] &- 48
        if d > 9 { break }
        number = number &* 10 &+ Int(d)
        p += 1
      }
      var numeric = p > start
      if p < bytes.count, bytes[p] != 0x0A, !Parser.isSeparator(bytes[p]) {
        numeric = false
        while p < bytes.count, bytes[p] != 0x0A, !Parser.isSeparator(bytes[p]) { p += 1 }
      }
      let length = p - start
      return numeric && length <= 18 && (bytes[start] != 48 || length == 1) ? number : -1
    }

    /// A decimal without sign or exponent and with at most 15 significant digits, converted exactly
    /// as `Double(String)` would (the digits and the power of ten are exact doubles, so one
    /// correctly rounded division gives the correctly rounded value); `nil` for anything else.
    @inline(__always) static func decimal(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
      var mantissa = 0
      var digits = 0
      var fraction = -1
      for b in token {
        let d = b &- 48
        if d <= 9 {
          mantissa = mantissa &* 10 &+ Int(d)
          digits &+= 1
          if fraction >= 0 { fraction &+= 1 }
        } else if b == UInt8(ascii: "."), fraction < 0 {
          fraction = 0
        } else {
          return nil
        }
      }
      guard digits > 0, digits <= 15 else { return nil }
      return fraction <= 0 ? Double(mantissa) : Double(mantissa) / Parser.powersOfTen[fraction]
    }

    static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The index of a name: `number` is its value when it is a plain integer, -1 otherwise.
    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int) -> Int32 {
      if number >= 0 { return index(ofNumber: number) }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      if let k = textIndex[name] { return k }
      let k = Int32(nameNumbers.count)
      textIndex[name] = k
      textNames.append(name)
      nameNumbers.append(-textNames.count)
      return k
    }

    mutating func index(ofNumber number: Int) -> Int32 {
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

    /// A name that is not a small integer: the numbers read so far become indices in order of
    /// first appearance, as every later name will.
    mutating func leaveNumbersOnly(_ sources: UnsafeMutablePointer<Int32>, _ targets: UnsafeMutablePointer<Int32>, count: Int) {
      numbersOnly = false
      for k in 0..<count {
        sources[k] = index(ofNumber: Int(sources[k]))
        targets[k] = index(ofNumber: Int(targets[k]))
      }
    }

    /// All names were small integers: index i is the i-th smallest. Names 0…n−1 keep their values;
    /// k…k+n−1 are shifted; others go through a rank table.
    mutating func numberFromBits(_ sources: UnsafeMutablePointer<Int32>, _ targets: UnsafeMutablePointer<Int32>, count: Int) {
      // One bit per number that occurs.
      var high = -1
      for k in 0..<count { high = max(high, Int(sources[k]), Int(targets[k])) }
      var seenNumbers = [UInt64](repeating: 0, count: (high + 64) / 64)
      seenNumbers.withUnsafeMutableBufferPointer { bits in
        for k in 0..<count {
          let (u, v) = (Int(sources[k]), Int(targets[k]))
          bits[u >> 6] |= 1 << UInt64(u & 63)
          bits[v >> 6] |= 1 << UInt64(v & 63)
        }
      }
      for (w, word) in seenNumbers.enumerated() {
        var bits = word
        while bits != 0 {
          nameNumbers.append(w << 6 | bits.trailingZeroBitCount)
          bits &= bits &- 1
        }
      }
      guard let low = nameNumbers.first, let high = nameNumbers.last else { return }
      if high - low + 1 == nameNumbers.count {
        guard low > 0 else { return }
        let shift = Int32(low)
        for k in 0..<count {
          sources[k] &-= shift
          targets[k] &-= shift
        }
        return
      }
      var rank = [Int32](repeating: 0, count: high + 1)
      for (i, number) in nameNumbers.enumerated() { rank[number] = Int32(i) }
      for k in 0..<count {
        sources[k] = rank[Int(sources[k])]
        targets[k] = rank[Int(targets[k])]
      }
    }

    /// All names were integers, some large: indices are renumbered from first appearance to
    /// numeric order.
    mutating func renumberInOrder(_ sources: UnsafeMutablePointer<Int32>, _ targets: UnsafeMutablePointer<Int32>, count: Int) {
      let order = nameNumbers.indices.sorted { nameNumbers[$0] < nameNumbers[$1] }
      var position = [Int32](repeating: 0, count: order.count)
      for (i, old) in order.enumerated() { position[old] = Int32(i) }
      for k in 0..<count {
        sources[k] = position[Int(sources[k])]
        targets[k] = position[Int(targets[k])]
      }
      nameNumbers = order.map { nameNumbers[$0] }
    }
  }
}

/// One edge of an edge list: node indices and a weight.
public struct ListedEdge: Hashable, Sendable {
  /// The source node's index.
  public var source: Int32
  /// The target node's index.
  public var target: Int32
  /// The weight (1 when the list has none).
  public var weight: Double
}

