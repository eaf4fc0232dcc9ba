import CZlib
import CoalitionGraph
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One GDELT file to read: plain text, gzip, or a zip archive (GDELT's own packaging) whose files
/// are read in the order of their names.
public struct GDELTInput: Sendable, Hashable, Comparable {
  /// How the file is packed.
  public enum Packing: String, Sendable, Hashable {
    /// Tab-separated text.
    case plain
    /// Gzip: one member, or several back to back.
    case gzip
    /// A zip archive.
    case zip
  }
  /// The path as given (or as found in a directory or by a pattern).
  public var path: String
  /// How it is packed, from its name: `.zip`, `.gz`, otherwise plain.
  public var packing: Packing
  /// Its size on disk.
  public var size: Int

  /// An input for `path`, packed as its name says.
  public init(path: String, size: Int) {
    self.path = path
    self.size = size
    let lower = path.lowercased()
    packing = lower.hasSuffix(".zip") ? .zip : lower.hasSuffix(".gz") ? .gzip : .plain
  }

  /// The file's last path component: what the ledger of an appended dataset records.
  public var name: String { (path as NSString).lastPathComponent }

  public static func < (a: GDELTInput, b: GDELTInput) -> Bool { (a.name, a.path) < (b.name, b.path) }
}

/// The files a list of paths, directories and patterns stands for.
public struct GDELTInputList: Sendable {
  /// The files to read, sorted by name (then path): the result does not depend on the order they
  /// were given in.
  public var inputs: [GDELTInput]
  /// Files in the directories given that hold other GDELT tables (mentions, GKG) or other data,
  /// left out.
  public var skipped: [String]
}

extension GDELT {
  /// Expands files, directories (searched recursively) and glob patterns (`*`, `?`, `[…]`, for
  /// when the shell's argument list would be too long) into the files to read.
  ///
  /// In a directory, files named `*.csv`, `*.tsv`, `*.txt`, `*.zip` or `*.gz` (any case) are read,
  /// except GDELT's mentions and GKG tables (`.mentions.`, `.gkg.` in the name), which are listed
  /// in ``GDELTInputList/skipped``. A file named outright is always read. The same file named twice
  /// is read once.
  /// - Throws: ``ImportError`` for a path that does not exist or a pattern that matches nothing.
  public static func inputs(_ arguments: [String]) throws(ImportError) -> GDELTInputList {
    var found: [String: GDELTInput] = [:]
    var skipped: [String] = []
    let files = FileManager.default
    func add(_ path: String) {
      let canonical = (path as NSString).standardizingPath
      var info = stat()
      guard stat(canonical, &info) == 0 else { return }
      found[canonical] = GDELTInput(path: path, size: Int(info.st_size))
    }
    func walk(_ directory: String) throws(ImportError) {
      guard let names = try? files.contentsOfDirectory(atPath: directory) else {
        throw ImportError(file: directory, line: 0, "cannot list the directory")
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
          try walk(path)
          continue
        }
        let lower = name.lowercased()
        let readable = [".csv", ".tsv", ".txt", ".zip", ".gz"].contains { lower.hasSuffix($0) }
        if readable, !lower.contains(".mentions."), !lower.contains(".gkg.") { add(path) } else { skipped.append(path) }
      }
    }
    for argument in arguments {
      var isDirectory: ObjCBool = false
      if files.fileExists(atPath: argument, isDirectory: &isDirectory) {
        if isDirectory.boolValue { try walk(argument) } else { add(argument) }
      } else if argument.contains(where: { "*?[".contains($0) }) {
        let matches = expandPattern(argument)
        if matches.isEmpty { throw ImportError(file: argument, line: 0, "no file matches this pattern") }
        for m in matches {
          if files.fileExists(atPath: m, isDirectory: &isDirectory), isDirectory.boolValue { try walk(m) } else { add(m) }
        }
      } else {
        throw ImportError(file: argument, line: 0, "cannot open: \(String(cString: strerror(ENOENT)))")
      }
    }
    return GDELTInputList(inputs: found.values.sorted(), skipped: skipped.sorted())
  }
}

/// A run of whole lines cut from one file, waiting to be scanned.
struct GDELTRawBlock {
  var bytes: [UInt8]
  /// The file the lines come from (an archive's member is `archive.zip:member`).
  var file: String
  /// Whether the block starts that file (its first line may be a header).
  var fileStart: Bool
  /// How much of the input (0–1) has been read once this block is through, for progress.
  var through: Double = 0
}

/// Cuts a stream of bytes into blocks of whole lines, about `size` bytes each, and hands each on.
struct LineCutter {
  let size: Int
  /// A line longer than this is an error, not a reason to hold the whole file in memory.
  static let longestLine = 16 << 20
  var file: String
  /// The reader's progress through its input (0–1), passed on with each block.
  var through = 0.0
  private var carry: [UInt8] = []
  private var started = false
  /// Lines handed on so far in this file: where a line too long to hold starts.
  private var linesBefore = 0
  private var emit: (GDELTRawBlock) throws -> Void

  init(file: String, size: Int = 1 << 20, emit: @escaping (GDELTRawBlock) throws -> Void) {
    self.file = file
    self.size = size
    self.emit = emit
    carry.reserveCapacity(size + (size >> 2))
  }

  /// Starts another file (a zip archive's next member).
  mutating func startFile(_ name: String) throws {
    try finish()
    file = name
    started = false
    linesBefore = 0
  }

  mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
    var bytes = chunk.bindMemory(to: UInt8.self)
    if !started, carry.isEmpty, !bytes.isEmpty {
      // A UTF-8 byte-order mark is skipped; UTF-16 is refused.
      if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
      if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
        throw ImportError(
          file: file, line: 1, column: 1,
          "the file is UTF-16 (with a byte-order mark); GDELT files are UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8")
      }
    }
    carry.append(contentsOf: bytes)
    guard carry.count >= size else { return }
    guard let lastLF = carry.lastIndex(of: 0x0A) else {
      if carry.count > LineCutter.longestLine {
        throw ImportError(file: file, line: linesBefore + 1, "a line longer than \(LineCutter.longestLine >> 20) MB: this is not a GDELT event file")
      }
      return
    }
    let block = Array(carry[...lastLF])
    carry.removeSubrange(...lastLF)
    linesBefore += block.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    try emit(GDELTRawBlock(bytes: block, file: file, fileStart: !started, through: through))
    started = true
  }

  /// Hands on what is left (a last line without a line feed).
  mutating func finish() throws {
    if !carry.isEmpty {
      try emit(GDELTRawBlock(bytes: carry, file: file, fileStart: !started, through: 1))
      carry = []
    }
    started = true
  }
}

extension GDELTInput {
  /// Reads the file and cuts it into blocks of whole lines. Blocks (and buffers) are sized to
  /// the file: a small file does not pay for megabyte buffers.
  func read(blockSize largest: Int = 1 << 20, _ emit: @escaping (GDELTRawBlock) throws -> Void) throws {
    // Compressed files grow when inflated; four times the file's size, at least 64 KB, is room enough.
    let blockSize = min(largest, max(1 << 16, size.multipliedReportingOverflow(by: 4).overflow ? largest : size * 4))
    var cutter = LineCutter(file: path, size: blockSize, emit: emit)
    switch packing {
    case .plain:
      let file = try PositionedFile(path)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
      defer { buffer.deallocate() }
      var done = 0
      while case let n = try file.read(at: done, count: blockSize, into: buffer.baseAddress!), n > 0 {
        done += n
        cutter.through = Double(done) / Double(max(1, file.size))
        try cutter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      }
    case .gzip:
      let file = try PositionedFile(path)
      _ = try Inflater.inflate(file, from: 0, count: file.size, format: .gzip, name: path, chunk: blockSize) { piece, through in
        cutter.through = through
        try cutter.feed(piece)
      }
    case .zip:
      let file = try PositionedFile(path)
      let members = try ZipDirectory.members(of: file)
      if members.isEmpty { throw ImportError(file: path, line: 0, "the zip archive holds no file") }
      let total = max(1, members.reduce(0) { $0 + $1.size })
      var done = 0
      for member in members {
        let name = members.count == 1 ? path : "\(path):\(member.name)"
        try cutter.startFile(name)
        let start = try ZipDirectory.dataOffset(of: member, in: file)
        guard start + member.compressedSize <= file.size else {
          throw ImportError(file: name, line: 0, "the zip member runs past the end of the file: the archive is cut off")
        }
        let consume = { (piece: UnsafeRawBufferPointer, _: Double) throws in
          done += piece.count
          cutter.through = Double(done) / Double(total)
          try cutter.feed(piece)
        }
        var crc: UInt32, length: Int
        if member.method == 8 {
          (crc, length) = try Inflater.inflate(file, from: start, count: member.compressedSize, format: .rawDeflate, name: name, chunk: blockSize, consume)
        } else {
          let bytes = try file.bytes(at: start, count: member.compressedSize, "the stored member")
          crc = bytes.withUnsafeBytes { UInt32(crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count))) }
          length = bytes.count
          try bytes.withUnsafeBytes { try consume($0, 1) }
        }
        guard crc == member.crc, length == member.size else {
          throw ImportError(file: name, line: 0, "the zip member's checksum or size does not match: the archive is damaged")
        }
      }
    }
    try cutter.finish()
  }
}

/// The paths a glob(3) pattern matches, sorted.
private func expandPattern(_ pattern: String) -> [String] {
  var g = glob_t()
  defer { globfree(&g) }
  guard glob(pattern, 0, nil, &g) == 0 else { return [] }
  return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
}
