import CZlib
import CoalitionGraph
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for reads at given offsets, with every short read or failure an ``ImportError``.
final class PositionedFile {
  let path: String
  let size: Int
  private let fd: Int32

  init(_ path: String) throws(ImportError) {
    self.path = path
    fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw ImportError(file: path, line: 0, "cannot open: \(String(cString: strerror(errno)))") }
    var info = stat()
    size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
  }

  deinit { close(fd) }

  /// Reads `count` bytes at `offset` into `buffer`; fewer only at the end of the file.
  func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) throws(ImportError) -> Int {
    var done = 0
    while done < count {
      let n = pread(fd, buffer + done, count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw ImportError(file: path, line: 0, "read failed: \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// `count` bytes at `offset`, all of them, or an error naming `what`.
  func bytes(at offset: Int, count: Int, _ what: String) throws(ImportError) -> [UInt8] {
    guard count > 0 else { return [] }
    guard offset >= 0 else { throw ImportError(file: path, line: 0, "not a readable archive: \(what) lies before the start of the file") }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
    defer { buffer.deallocate() }
    let n = try read(at: offset, count: count, into: buffer.baseAddress!)
    guard n == count else { throw ImportError(file: path, line: 0, "not a readable archive: \(what) is cut off") }
    return [UInt8](buffer)
  }
}

extension Array where Element == UInt8 {
  /// A little-endian unsigned integer of `width` bytes at `offset`.
  fileprivate func little(_ offset: Int, _ width: Int) -> UInt64 {
    var v: UInt64 = 0
    for k in (0..<width).reversed() { v = v << 8 | UInt64(self[offset + k]) }
    return v
  }
}

/// One file in a zip archive, as its central directory describes it.
struct ZipMember {
  var name: String
  var method: Int
  var crc: UInt32
  var compressedSize: Int
  var size: Int
  var localHeader: Int
}

/// The members of a zip archive (PKWARE's APPNOTE: the end-of-central-directory record, its ZIP64
/// form, and the central directory). Only stored and deflated members are read; encrypted ones
/// are refused.
enum ZipDirectory {
  static func members(of file: PositionedFile) throws(ImportError) -> [ZipMember] {
    let damaged = { (why: String) in ImportError(file: file.path, line: 0, "not a readable zip archive: \(why)") }
    // A ZIP64 field is 64 bits wide; one past any file's size is damage, not a number to trap on.
    func wide(_ v: UInt64) throws(ImportError) -> Int {
      guard v <= UInt64(Int.max >> 2) else { throw damaged("a ZIP64 size or offset of \(v) bytes") }
      return Int(v)
    }
    let tail = min(file.size, 22 + 65_535)
    let end = try file.bytes(at: file.size - tail, count: tail, "the end of the archive")
    guard let eocd = stride(from: end.count - 22, through: 0, by: -1).first(where: { end.little($0, 4) == 0x0605_4B50 }) else {
      throw damaged("no end-of-central-directory record")
    }
    var count = Int(end.little(eocd + 10, 2))
    var directorySize = Int(end.little(eocd + 12, 4))
    var directoryOffset = Int(end.little(eocd + 16, 4))
    if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      // ZIP64: a locator just before the record points at the ZIP64 end record.
      let locatorAt = file.size - tail + eocd - 20
      guard locatorAt >= 0 else { throw damaged("no ZIP64 locator") }
      let locator = try file.bytes(at: locatorAt, count: 20, "the ZIP64 locator")
      guard locator.little(0, 4) == 0x0706_4B50 else { throw damaged("no ZIP64 locator") }
      let record = try file.bytes(at: try wide(locator.little(8, 8)), count: 56, "the ZIP64 end record")
      guard record.little(0, 4) == 0x0606_4B50 else { throw damaged("no ZIP64 end record") }
      count = try wide(record.little(32, 8))
      directorySize = try wide(record.little(40, 8))
      directoryOffset = try wide(record.little(48, 8))
    }
    guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= file.size, directorySize <= file.size - directoryOffset,
      count <= directorySize / 46
    else {
      throw damaged("its central directory lies outside the file")
    }
    let directory = try file.bytes(at: directoryOffset, count: directorySize, "the central directory")
    var members: [ZipMember] = []
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= directory.count, directory.little(p, 4) == 0x0201_4B50 else { throw damaged("a central directory entry is broken") }
      let flags = Int(directory.little(p + 8, 2)), method = Int(directory.little(p + 10, 2))
      let crc = UInt32(directory.little(p + 16, 4))
      var compressed = Int(directory.little(p + 20, 4)), size = Int(directory.little(p + 24, 4))
      let nameLength = Int(directory.little(p + 28, 2)), extraLength = Int(directory.little(p + 30, 2))
      let commentLength = Int(directory.little(p + 32, 2))
      var local = Int(directory.little(p + 42, 4))
      guard p + 46 + nameLength + extraLength + commentLength <= directory.count else { throw damaged("a central directory entry is cut off") }
      let name = String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      // ZIP64 extra field: the 64-bit values of the fields that are all ones, in this order.
      var e = p + 46 + nameLength
      let extraEnd = e + extraLength
      while e + 4 <= extraEnd {
        let id = directory.little(e, 2), length = Int(directory.little(e + 2, 2))
        if id == 0x0001 {
          var q = e + 4
          for field in [0, 1, 2] where q + 8 <= e + 4 + length {
            let current = field == 0 ? size : field == 1 ? compressed : local
            guard current == 0xFFFF_FFFF else { continue }
            let v = try wide(directory.little(q, 8))
            switch field {
            case 0: size = v
            case 1: compressed = v
            default: local = v
            }
            q += 8
          }
        }
        e += 4 + length
      }
      p += 46 + nameLength + extraLength + commentLength
      if name.hasSuffix("/") { continue }  // a directory
      if flags & 1 != 0 { throw ImportError(file: "\(file.path):\(name)", line: 0, "the zip member is encrypted") }
      guard method == 0 || method == 8 else {
        throw ImportError(file: "\(file.path):\(name)", line: 0, "compression method \(method) is not read (only stored and deflate)")
      }
      members.append(ZipMember(name: name, method: method, crc: crc, compressedSize: compressed, size: size, localHeader: local))
    }
    return members.sorted { $0.name < $1.name }
  }

  /// Where a member's data start: after its local header, whose name and extra field may differ
  /// in length from the central directory's.
  static func dataOffset(of member: ZipMember, in file: PositionedFile) throws(ImportError) -> Int {
    let header = try file.bytes(at: member.localHeader, count: 30, "a local header")
    guard header.little(0, 4) == 0x0403_4B50 else {
      throw ImportError(file: "\(file.path):\(member.name)", line: 0, "not a readable zip archive: the member's local header is missing")
    }
    return member.localHeader + 30 + Int(header.little(26, 2)) + Int(header.little(28, 2))
  }
}

/// zlib's inflate over a byte range of a file, handing the output on in chunks, with the CRC-32 and
/// length of what it gave. Raw deflate for zip members; gzip (any number of members) for `.gz`.
struct Inflater {
  enum Format {
    case rawDeflate
    case gzip
  }

  /// Inflates `count` bytes of `file` from `offset`, handing on each piece of output with the share
  /// of the input (0–1) read so far; returns the CRC-32 and length of the output.
  /// - Throws: ``ImportError`` when the data are damaged or end before the stream does.
  static func inflate(
    _ file: PositionedFile, from offset: Int, count: Int, format: Format, name: String, chunk: Int = 1 << 20,
    _ consume: (UnsafeRawBufferPointer, Double) throws -> Void
  ) throws -> (crc: UInt32, length: Int) {
    var stream = z_stream()
    let bits: Int32 = format == .rawDeflate ? -MAX_WBITS : MAX_WBITS + 16
    guard inflateInit2_(&stream, bits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw ImportError(file: name, line: 0, "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    let input = UnsafeMutableRawBufferPointer.allocate(byteCount: min(chunk, max(1, count)), alignment: 16)
    let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
    defer {
      input.deallocate()
      output.deallocate()
    }
    let damaged = { (why: String) in ImportError(file: name, line: 0, "the compressed data are damaged (\(why))") }
    var crc = crc32(0, nil, 0)
    var length = 0
    var position = 0
    var ended = false
    while !ended || (format == .gzip && (stream.avail_in > 0 || position < count)) {
      if ended {
        // Another gzip member follows (`cat a.gz b.gz` is one gzip file).
        inflateReset(&stream)
        ended = false
      }
      if stream.avail_in == 0 {
        guard position < count else { throw damaged("they end before the stream does") }
        let n = try file.read(at: offset + position, count: min(input.count, count - position), into: input.baseAddress!)
        guard n > 0 else { throw damaged("the file is shorter than its archive says") }
        position += n
        stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(n)
      }
      stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
      stream.avail_out = uInt(output.count)
      let status = CZlib.inflate(&stream, Z_NO_FLUSH)
      switch status {
      case Z_OK, Z_BUF_ERROR: break
      case Z_STREAM_END: ended = true
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw damaged(message)
      }
      let produced = output.count - Int(stream.avail_out)
      if produced > 0 {
        let piece = UnsafeRawBufferPointer(rebasing: output[0..<produced])
        crc = crc32(crc, piece.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(produced))
        length += produced
        try consume(piece, Double(position - Int(stream.avail_in)) / Double(max(1, count)))
      } else if status == Z_BUF_ERROR, stream.avail_in > 0 {
        throw damaged("zlib made no progress")
      }
      if ended, format == .rawDeflate { break }
    }
    return (UInt32(crc), length)
  }
}
