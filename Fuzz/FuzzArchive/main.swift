import CoalitionGraph
import CoalitionInterchange
import FuzzDriver
import Foundation

// libFuzzer target: the zip and gzip readers of GDELT imports (our zip container reader, zlib's
// inflate) on arbitrary bytes, written to a scratch file and read both as .zip and as .gz. Any
// input may be refused; none may crash, hang or leak (the address sanitizer is on).
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-fuzz-archive-\(getpid())")
try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = Data(fuzzBytes(data, size))
  for name in ["fuzz.export.CSV.zip", "fuzz.export.CSV.gz"] {
    let url = scratch.appendingPathComponent(name)
    guard (try? bytes.write(to: url)) != nil else { continue }
    var options = GDELTOptions()
    options.threads = 1
    _ = try? GDELT.read(inputs: [GDELTInput(path: url.path, size: bytes.count)], options: options)
  }
}

runFuzzer()
