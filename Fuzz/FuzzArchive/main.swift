import CoalitionGraph
import CoalitionInterchange
import FuzzDriver
import Foundation

// libFuzzer target: the zip and gzip readers of GDELT imports (our zip container reader, zlib's
// inflate) on arbitrary bytes, written to a scratch file and read both as .zip and as .gz. Any
// input may be refused; none may crash, hang or leak (the address sanitizer is on).
// The scratch files live in memory (/dev/shm) where there is one, and are written without fsync:
// the reader is what is fuzzed, not the disk.
let scratch = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
  .appendingPathComponent("coalition-fuzz-archive-\(getpid())")
try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

/// Writes `bytes` to `path` with plain POSIX calls.
func put(_ bytes: [UInt8], _ path: String) -> Bool {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { return false }
  defer { close(fd) }
  return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
}

@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = fuzzBytes(data, size)
  for name in ["fuzz.export.CSV.zip", "fuzz.export.CSV.gz"] {
    let url = scratch.appendingPathComponent(name)
    guard put(bytes, url.path) else { continue }
    var options = GDELTOptions()
    options.threads = 1
    _ = try? GDELT.read(inputs: [GDELTInput(path: url.path, size: bytes.count)], options: options)
  }
}

runFuzzer()
