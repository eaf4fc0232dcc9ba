import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

// The edge-list reader (moved here from CoalitionGraph with the other readers).

@Test func edgeListsParseWithCommentsWeightsAndErrors() throws {
  let text = "# comment\nRUS PRK 2\nPRK,RUS,0.5\n\n% other comment\nRUS\tIRN 1e0\r\n"
  let list = try EdgeList(bytes: Array(text.utf8), weighted: true)
  #expect(list.names == ["RUS", "PRK", "IRN"])
  #expect(list.edges.map { [Double($0.source), Double($0.target), $0.weight] } == [[0, 1, 2], [1, 0, 0.5], [0, 2, 1]])
  let mixed = try EdgeList(bytes: Array("1 01\n01 a\n10 1\n0 a\n".utf8), weighted: false)
  #expect(mixed.names == ["1", "01", "a", "10", "0"])  // "01" is a name of its own, not the number 1
  #expect(mixed.edges.map { [$0.source, $0.target] } == [[0, 1], [1, 2], [3, 0], [4, 2]])
  let unweighted = try EdgeList(bytes: Array("a b 7\n".utf8), weighted: false)
  #expect(unweighted.edges.first?.weight == 1)
  #expect {
    try EdgeList(bytes: Array("a b\nc\nd e -1\nf g nan\n".utf8), weighted: true, file: "g.txt")
  } throws: { error in
    let d = (error as? DatasetError)?.description ?? ""
    return d.contains("g.txt:1:1: expected source, target and weight") && d.contains("g.txt:2:1:")
      && d.contains("g.txt:3:5: weight \"-1\"") && d.contains("g.txt:4:5: weight \"nan\"")
  }
}

/// Integer names are numbered in numeric order whatever the order of the lines, by every path:
/// small numbers (bit marks), numbers with gaps (rank table), 1…n (shift), large numbers (through
/// the dictionary, then renumbered); a single other name switches to first appearance.
@Test func edgeListNumbersIntegerNamesInNumericOrder() throws {
  let large = try EdgeList(bytes: Array("5000000000 1\n1 70000\n70000 5000000000\n2 1\n".utf8), weighted: false)
  #expect(large.names == ["1", "2", "70000", "5000000000"])
  #expect(large.edges.map { [$0.source, $0.target] } == [[3, 0], [0, 2], [2, 3], [1, 0]])
  let gaps = try EdgeList(bytes: Array("9 4\n4 0\n0 9\n".utf8), weighted: false)
  #expect(gaps.names == ["0", "4", "9"] && gaps.sources == [2, 1, 0] && gaps.targets == [1, 0, 2])
  let oneBased = try EdgeList(bytes: Array("3 1\n2 3\n".utf8), weighted: false)
  #expect(oneBased.names == ["1", "2", "3"] && oneBased.sources == [2, 1] && oneBased.targets == [0, 2])
  // Shuffled lines: the same numbering, so the same rows.
  var rng = SplitMix64(seed: 3)
  var lines = (0..<300).map { _ in "\(rng.next() % 500 + 7) \(rng.next() % 500 + 7)" }
  let first = try EdgeList(bytes: Array(lines.joined(separator: "\n").utf8), weighted: false)
  for i in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
  let second = try EdgeList(bytes: Array(lines.joined(separator: "\n").utf8), weighted: false)
  #expect(first.names == second.names && first.names == first.names.sorted { Int($0)! < Int($1)! })
  #expect(Set(first.edges.map { "\($0.source) \($0.target)" }) == Set(second.edges.map { "\($0.source) \($0.target)" }))
  // A late text name: first appearance for everything, the numbers read before it included.
  let mixed = try EdgeList(bytes: Array("5 3\n3 x\n1 5\n".utf8), weighted: false)
  #expect(mixed.names == ["5", "3", "x", "1"] && mixed.sources == [0, 1, 3] && mixed.targets == [1, 2, 0])
}

/// The fast decimal path gives exactly what `Double(String)` gives.
@Test func edgeListWeightsMatchTheStandardConversion() throws {
  var rng = SplitMix64(seed: 8)
  var texts = ["0", "7", "0.1", "0.3", "2.675", "1.", ".5", "123456789012345", "1234567890123456", "0.000000000000001", "3.14159265358979", "1e-3", "1E+2", "99999999999999.9"]
  for _ in 0..<300 {
    let digits = String(rng.next() % 1_000_000_000_000)
    let cut = Int(rng.next() % UInt64(digits.count + 1))
    texts.append(cut == digits.count ? digits : String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut)))
  }
  let file = texts.enumerated().map { "\($0.offset) \($0.offset + 1) \($0.element)" }.joined(separator: "\n")
  let list = try EdgeList(bytes: Array(file.utf8), weighted: true)
  for (k, text) in texts.enumerated() { #expect(list.weights?[k] == Double(text), "\(text)") }
}
