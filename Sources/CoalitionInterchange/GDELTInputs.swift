import CoalitionGraph
import Foundation
import ZIPFoundation

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
    /// One gzip member.
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
        let matches = glob(argument)
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

  private static func glob(_ pattern: String) -> [String] {
    var g = glob_t()
    defer { globfree(&g) }
    guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
    return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }
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
        throw ImportError(file: file, line: 0, "a line longer than \(LineCutter.longestLine >> 20) MB: this is not a GDELT event file")
      }
      return
    }
    let block = Array(carry[...lastLF])
    carry.removeSubrange(...lastLF)
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
  /// Reads the file and cuts it into blocks of whole lines.
  func read(blockSize: Int = 1 << 20, _ emit: @escaping (GDELTRawBlock) throws -> Void) throws {
    var cutter = LineCutter(file: path, size: blockSize, emit: emit)
    switch packing {
    case .plain:
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { throw ImportError(file: path, line: 0, "cannot open: \(String(cString: strerror(errno)))") }
      defer { close(fd) }
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
      defer { buffer.deallocate() }
      var done = 0
      while true {
        let n = Glibc.read(fd, buffer.baseAddress, blockSize)
        if n < 0 {
          if errno == EINTR { continue }
          throw ImportError(file: path, line: 0, "read failed: \(String(cString: strerror(errno)))")
        }
        if n == 0 { break }
        done += n
        cutter.through = Double(done) / Double(max(1, size))
        try cutter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      }
    case .gzip:
      try readGzip(into: &cutter, blockSize: blockSize)
    case .zip:
      let archive: Archive
      do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
        throw ImportError(file: path, line: 0, "not a readable zip archive (\(error))")
      }
      let members = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
      if members.isEmpty { throw ImportError(file: path, line: 0, "the zip archive holds no file") }
      let total = max(1, members.reduce(0) { $0 + Int($1.uncompressedSize) })
      var done = 0
      for member in members {
        let name = members.count == 1 ? path : "\(path):\(member.path)"
        try cutter.startFile(name)
        var crc = CRC32Checksum()
        do {
          _ = try archive.extract(member, bufferSize: blockSize, skipCRC32: true) { data in
            done += data.count
            cutter.through = Double(done) / Double(total)
            try data.withUnsafeBytes { bytes in
              crc.update(bytes)
              try cutter.feed(bytes)
            }
          }
        } catch let e as ImportError {
          throw e
        } catch {
          throw ImportError(file: name, line: 0, "the zip member cannot be inflated: the archive is damaged (\(error))")
        }
        if crc.value != member.checksum {
          throw ImportError(file: name, line: 0, "the zip member's checksum does not match: the archive is damaged")
        }
      }
    }
    try cutter.finish()
  }

  /// A gzip file (RFC 1952, one member): its header is read here, its deflate stream by
  /// ZIPFoundation (zlib), and the checksum and length in its trailer are checked.
  private func readGzip(into cutter: inout LineCutter, blockSize: Int) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ImportError(file: path, line: 0, "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    let damaged = { (why: String) in ImportError(file: path, line: 0, "not a readable gzip file: \(why)") }
    let head = [UInt8](try handle.read(upToCount: 64 << 10) ?? Data())
    guard head.count >= 18, head[0] == 0x1F, head[1] == 0x8B, head[2] == 8 else { throw damaged("no gzip header") }
    let flags = head[3]
    var offset = 10
    if flags & 4 != 0 {
      guard offset + 2 <= head.count else { throw damaged("a cut header") }
      offset += 2 + Int(head[offset]) + Int(head[offset + 1]) << 8
    }
    for bit: UInt8 in [8, 16] where flags & bit != 0 {
      while offset < head.count, head[offset] != 0 { offset += 1 }
      offset += 1
    }
    if flags & 2 != 0 { offset += 2 }
    guard offset + 8 <= size else { throw damaged("a cut header") }
    let streamEnd = size - 8
    try handle.seek(toOffset: UInt64(streamEnd))
    let trailer = [UInt8](try handle.read(upToCount: 8) ?? Data())
    guard trailer.count == 8 else { throw damaged("no trailer") }
    let expectedCRC = trailer[0..<4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let expectedLength = trailer[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    var length: UInt64 = 0
    var crc = CRC32Checksum()
    do {
      _ = try Data.decompress(
        size: Int64(streamEnd - offset), bufferSize: blockSize, skipCRC32: true,
        provider: { position, count in
          let start = offset + Int(position)
          // zlib asks again until the stream ends: a cut file must end the loop.
          guard start < streamEnd else { throw damaged("the compressed data end early") }
          try handle.seek(toOffset: UInt64(start))
          return try handle.read(upToCount: min(count, streamEnd - start)) ?? Data()
        },
        consumer: { data in
          length += UInt64(data.count)
          cutter.through = Double(length) / Double(max(1, expectedLength))
          try data.withUnsafeBytes { bytes in
            crc.update(bytes)
            try cutter.feed(bytes)
          }
        })
    } catch let e as ImportError {
      throw e
    } catch {
      throw damaged("\(error)")
    }
    guard crc.value == expectedCRC, UInt32(truncatingIfNeeded: length) == expectedLength else {
      throw damaged("the checksum or length in its trailer does not match (several gzip members are not read)")
    }
  }
}

/// CRC-32 (the IEEE polynomial of zip and gzip), eight bytes at a time with eight tables
/// ("slicing-by-8"). ZIPFoundation's own, on Linux, goes a byte at a time and took a third of the
/// time of reading a zipped GDELT file; its check is switched off and this one used instead.
struct CRC32Checksum {
  private(set) var value: UInt32 = 0

  private static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      t[i] = c
    }
    for i in 0..<256 {
      for k in 1..<8 { t[k * 256 + i] = (t[(k - 1) * 256 + i] >> 8) ^ t[Int(t[(k - 1) * 256 + i] & 0xFF)] }
    }
    return t
  }()

  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var c = ~value
    var i = 0
    let n = bytes.count
    CRC32Checksum.tables.withUnsafeBufferPointer { t in
      while i + 8 <= n {
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let lo = UInt32(truncatingIfNeeded: word) ^ c, hi = UInt32(truncatingIfNeeded: word >> 32)
        c = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)] ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)] ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    value = ~c
  }
}
