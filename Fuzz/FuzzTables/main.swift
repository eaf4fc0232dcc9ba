import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import Foundation
import FuzzDriver

// libFuzzer target: the tables that `coalition qap`, `alignment` and `import --cameo-map` read, on
// arbitrary bytes: relation tables (a,b,value, in both QAP modes and two code schemes), CSV tables,
// COW direct contiguity, CAMEO mappings, and UN General Assembly votes (the input split at lines
// "%%" into the votes, roll-call and issue files). Any input may be refused; none may crash, hang
// or leak (the address sanitizer is on). The readers that take paths read scratch files in memory
// (/dev/shm) where there is one.
let scratch = ScratchFiles("tables")

/// The input cut at lines that hold only "%%".
func parts(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
  var out: [ArraySlice<UInt8>] = []
  var start = 0
  var i = 0
  let mark: [UInt8] = Array("\n%%\n".utf8)
  while i + mark.count <= bytes.count {
    if bytes[i] == mark[0], bytes[i..<(i + mark.count)].elementsEqual(mark) {
      out.append(bytes[start...i])
      i += mark.count
      start = i
    } else {
      i += 1
    }
  }
  out.append(bytes[start...])
  return out
}

@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  let bytes = fuzzBytes(data, size)
  _ = try? RelationTable.read(bytes: bytes, name: "fuzz.csv")
  _ = try? RelationTable.read(bytes: bytes, name: "fuzz.csv", column: "land", codes: .cow, year: 2016, mode: .graph)
  _ = try? CSVTable.read(bytes: bytes, name: "fuzz.csv")
  _ = try? CAMEOMapping.read(text: String(decoding: bytes, as: UTF8.self), name: "fuzz.csv")
  let files = parts(bytes)
  if let contiguity = scratch.put(files[0], "contdir.csv") { _ = try? ContiguitySpell.read(path: contiguity) }
  let names = ["votes.csv", "roll_calls.csv", "issues.csv"]
  let paths = zip(files.prefix(3), names).map { scratch.put($0, $1) }
  guard let votes = paths[0] else { return }
  let rollCalls = paths.count > 1 ? paths[1] : nil
  let issues = paths.count > 2 ? paths[2] : nil
  _ = try? UNVotes.read(votes: votes, rollCalls: rollCalls, issues: issues)
  _ = try? UNVotes.read(votes: votes, rollCalls: rollCalls, issues: issues, policy: .strict)
}

runFuzzer()
