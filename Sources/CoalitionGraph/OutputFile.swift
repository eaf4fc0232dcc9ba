import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif

/// A file could not be written: which one and why.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
  /// The path as the caller gave it.
  public var path: String
  /// Why, in plain words.
  public var reason: String

  /// An error for `path`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `cannot write PATH: REASON`.
  public var description: String { "cannot write \(path): \(reason)" }
  public var errorDescription: String? { description }
}

/// Writes output files without ever leaving half of one, and without replacing what is not a
/// regular file.
///
/// - A regular file, or a path where nothing exists yet, is written whole beside its destination
///   and renamed into place: readers never see a half-written file, a failed write leaves the old
///   file as it was, and a replaced file keeps its permissions.
/// - A symbolic link is followed: its final target is written (by the rules here) and the link is
///   kept.
/// - A FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal) is written in place,
///   as a shell redirection would; renaming over it would replace the device node or pipe with a
///   regular file.
/// - A directory, a block device or a socket is refused.
public enum OutputFile {
  /// Writes `bytes` to the file at `url` (a `file:` URL).
  /// - Throws: ``FileWriteError`` naming the path and the reason.
  public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws {
    guard url.isFileURL else { throw FileWriteError(path: url.absoluteString, reason: "only file URLs can be written") }
    try write(Array(bytes), toPath: url.path)
  }

  /// Writes `text` as UTF-8 to the file at `url`; by the same rules.
  public static func write(_ text: String, to url: URL) throws { try write(Array(text.utf8), to: url) }

  /// Writes `bytes` to the file at `path`, by the rules of ``OutputFile``.
  /// - Throws: ``FileWriteError`` naming the path and the reason.
  public static func write(_ bytes: [UInt8], toPath path: String) throws {
    let destination = try resolveLinks(path)
    var info = stat()
    if lstat(destination, &info) != 0 {
      guard errno == ENOENT else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
      try replace(destination, with: bytes, mode: nil, shownAs: path)
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: try replace(destination, with: bytes, mode: info.st_mode & 0o7777, shownAs: path)
    case S_IFIFO, S_IFCHR: try writeInPlace(destination, bytes, shownAs: path)
    case S_IFDIR: throw FileWriteError(path: path, reason: "it is a directory")
    case S_IFBLK: throw FileWriteError(path: path, reason: "it is a block device; refusing to write over it")
    default: throw FileWriteError(path: path, reason: "it is not a regular file, a FIFO or a character device")
    }
  }

  /// The path a chain of symbolic links ends at (the path itself when it is not a link).
  static func resolveLinks(_ path: String) throws -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        throw FileWriteError(path: path, reason: "cannot read the symbolic link \(current)")
      }
      current = next.hasPrefix("/") ? next : (URL(fileURLWithPath: current).deletingLastPathComponent().path as NSString).appendingPathComponent(next)
    }
    throw FileWriteError(path: path, reason: "too many levels of symbolic links")
  }

  private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t?, shownAs shown: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var info = stat()
    guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw FileWriteError(path: shown, reason: "directory \(directory) does not exist")
    }
    let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw FileWriteError(path: shown, reason: String(cString: strerror(errno))) }
    var failure: String?
    if let reason = writeAll(fd, bytes) { failure = reason }
    if failure == nil, let mode, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw FileWriteError(path: shown, reason: failure)
    }
  }

  private static func writeInPlace(_ path: String, _ bytes: [UInt8], shownAs shown: String) throws {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileWriteError(path: shown, reason: String(cString: strerror(errno))) }
    let failure = writeAll(fd, bytes)
    close(fd)
    if let failure { throw FileWriteError(path: shown, reason: failure) }
  }

  /// Writes every byte, retrying short writes and interrupted calls; the error text, or `nil`.
  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += n
      }
      return nil
    }
  }
}
