import CoalitionGraph
import CoalitionInterchange
import FuzzDriver

// libFuzzer target: the dyad-table reader on arbitrary bytes. Any input may be refused with an
// error; none may crash, hang or leak (the address sanitizer is on).
@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  _ = try? DyadTable.read(bytes: fuzzBytes(data, size), name: "fuzz.csv")
}

runFuzzer()
