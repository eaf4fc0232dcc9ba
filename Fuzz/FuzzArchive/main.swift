import CoalitionGraph
import CoalitionInterchange
import FuzzDriver
import Foundation

// libFuzzer target: the zip and gzip readers of GDELT imports (our zip container reader, zlib's
// inflate) on arbitrary bytes, written to a scratch file and read both as .zip and as .gz. Any
// input may be refused; none may crash, hang or leak (the address sanitizer is on).
// The scratch files live in memory (/dev/shm) where there is one, and are written without fsync:
// the reader is what is fuzzed, not the disk.
let scratch = ScratchFiles("archive")

@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = fuzzBytes(data, size)
  for name in ["fuzz.export.CSV.zip", "fuzz.export.CSV.gz"] {
    guard let path = scratch.put(bytes, name) else { continue }
    var options = GDELTOptions()
    options.threads = 1
    _ = try? GDELT.read(inputs: [GDELTInput(path: path, size: bytes.count)], options: options)
  }
}

runFuzzer()
