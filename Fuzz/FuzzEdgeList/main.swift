import CoalitionInterchange
import FuzzDriver

// libFuzzer target: the EdgeList reader on arbitrary bytes. Any input may be refused with an
// error; none may crash, hang or leak (the address sanitizer is on).
@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = fuzzBytes(data, size)
  _ = try? EdgeList(bytes: bytes, weighted: true, file: "fuzz.txt")
  _ = try? EdgeList(bytes: bytes, weighted: false, file: "fuzz.txt")
}

runFuzzer()
