import CoalitionGraph
import CoalitionInterchange
import FuzzDriver

// libFuzzer target: the GDELT reader on arbitrary bytes. Any input may be refused with an
// error; none may crash, hang or leak (the address sanitizer is on).
@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = fuzzBytes(data, size)
  _ = try? GDELT.read(text: String(decoding: bytes, as: UTF8.self), name: "fuzz.tsv")
}

runFuzzer()
