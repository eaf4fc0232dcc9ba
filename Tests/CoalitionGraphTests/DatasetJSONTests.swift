import Foundation
import Testing

@testable import CoalitionGraph

/// A minimal valid document with one observation whose members can be replaced.
private func document(observation: String, actors: String = #"["RUS", "CHN", "PRK"]"#, extra: String = "") -> String {
  """
  {
    "format": "coalitiongraph-dataset", "version": 1,\(extra)
    "sources": [{"id": "s", "title": "A source"}],
    "actors": \(actors),
    "observations": [
      {"source": "RUS", "target": "CHN", "kind": "diplomatic", "date": "2024-03-19"},
      \(observation)
    ]
  }
  """
}

private func problems(_ text: String) -> [DatasetProblem] {
  do {
    _ = try Dataset(json: Array(text.utf8), file: "t.json")
    return []
  } catch let error as DatasetError {
    return error.problems
  } catch {
    Issue.record("not a DatasetError: \(error)")
    return []
  }
}

struct BadInputCase: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let path: String
  let message: String
  var testDescription: String { name }
}

private let observationCases: [BadInputCase] = [
  .init(
    name: "unknown actor with suggestion", text: document(observation: #"{"source": "RUS", "target": "PRKK", "kind": "military", "date": "2024"}"#),
    path: "observations[1].target", message: #"unknown actor "PRKK" (did you mean "PRK"?)"#),
  .init(
    name: "unknown kind", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "miltary", "date": "2024"}"#),
    path: "observations[1].kind", message: #"unknown kind "miltary" (did you mean "military"?)"#),
  .init(
    name: "self-tie", text: document(observation: #"{"source": "RUS", "target": "RUS", "kind": "military", "date": "2024"}"#),
    path: "observations[1].target", message: "self-tie"),
  .init(
    name: "impossible day", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2023-02-29"}"#),
    path: "observations[1].date", message: "no such day exists"),
  .init(
    name: "month 13", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024-13"}"#),
    path: "observations[1].date", message: "is not a date"),
  .init(
    name: "range backwards", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "from": "2024-05", "to": "2024-03-01"}"#),
    path: "observations[1].to", message: "range ends (2024-03-01) before it starts (2024-05)"),
  .init(
    name: "ongoing before start", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "from": "2025", "asOf": "2024-03-01"}"#),
    path: "observations[1].asOf", message: "said to start later"),
  .init(
    name: "no time", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military"}"#),
    path: "observations[1]", message: "missing a time"),
  .init(
    name: "date and range", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "to": "2025"}"#),
    path: "observations[1].date", message: "cannot be combined"),
  .init(
    name: "negative weight", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "weight": -2}"#),
    path: "observations[1].weight", message: "must not be negative"),
  .init(
    name: "infinite weight", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "weight": 1e999}"#),
    path: "observations[1].weight", message: "finite"),
  .init(
    name: "weight as string", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "weight": "NaN"}"#),
    path: "observations[1].weight", message: "expected a number, found a string"),
  .init(
    name: "target wrong type", text: document(observation: #"{"source": "RUS", "target": 42, "kind": "military", "date": "2024"}"#),
    path: "observations[1].target", message: "expected a string, found a number"),
  .init(
    name: "missing target", text: document(observation: #"{"source": "RUS", "kind": "military", "date": "2024"}"#),
    path: "observations[1]", message: #"missing required member "target""#),
  .init(
    name: "unknown member", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "confidance": "alleged"}"#),
    path: "observations[1].confidance", message: #"unknown member "confidance" (did you mean "confidence"?)"#),
  .init(
    name: "bad confidence", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "confidence": "rumoured"}"#),
    path: "observations[1].confidence", message: #""rumoured" is not one of"#),
  .init(
    name: "duplicate observation ids", text: document(observation: #"{"id": "x", "source": "RUS", "target": "PRK", "kind": "military", "date": "2024"}, {"id": "x", "source": "RUS", "target": "PRK", "kind": "military", "date": "2024"}"#),
    path: "observations[2].id", message: #"duplicate observation id "x""#),
  .init(
    name: "unknown evidence source", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024", "evidence": [{"source": "isw"}]}"#),
    path: "observations[1].evidence[0].source", message: #"unknown source "isw""#),
  .init(
    name: "duplicate actor ids", text: document(observation: "{}", actors: #"["RUS", "CHN", "RUS"]"#),
    path: "actors[2].id", message: #"duplicate actor id "RUS""#),
  .init(
    name: "not an ISO state", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024"}"#, actors: #"["RUS", "CHN", "RUX"]"#),
    path: "actors[2].id", message: "is not an ISO 3166-1 alpha-3 code"),
  .init(
    name: "duplicate member", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024"}"#, extra: #" "blocs": [{"id": "b", "members": ["RUS", "RUS"]}],"#),
    path: "blocs[0].members[1]", message: "listed twice"),
  .init(
    name: "built-in kind redeclared", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "military", "date": "2024"}"#, extra: #" "kinds": [{"id": "war", "polarity": "hostile", "materiality": "material", "directed": true}],"#),
    path: "kinds[0].id", message: "built-in kind"),
  .init(
    name: "directed not boolean", text: document(observation: #"{"source": "RUS", "target": "PRK", "kind": "x", "date": "2024"}"#, extra: #" "kinds": [{"id": "x", "polarity": "hostile", "materiality": "material", "directed": "yes"}],"#),
    path: "kinds[0].directed", message: "expected true or false"),
]

@Test(arguments: observationCases)
func badInputGivesLocatedError(_ c: BadInputCase) {
  let found = problems(c.text)
  #expect(
    found.contains { $0.path == c.path && $0.message.contains(c.message) && $0.position != nil },
    "\(c.name): got \(found.map(\.description))")
}

@Test func everyProblemIsReportedNotJustTheFirst() {
  let text = document(
    observation: #"{"source": "RUX", "target": "PRKK", "kind": "miltary", "date": "2024-02-30", "weight": -1}"#)
  let found = problems(text)
  let paths = Set(found.map(\.path))
  // The bad date is a shape problem and stops the observation, so semantic checks need a clean one:
  #expect(paths.contains("observations[1].date"))
  let text2 = document(observation: #"{"source": "RUX", "target": "PRKK", "kind": "miltary", "date": "2024", "weight": -1}"#)
  let found2 = problems(text2)
  #expect(Set(found2.map(\.path)) == ["observations[1].source", "observations[1].target", "observations[1].kind", "observations[1].weight"])
}

@Test func problemsCarryLineAndColumn() throws {
  let text = document(observation: #"{"source": "RUS", "target": "PRKK", "kind": "military", "date": "2024"}"#)
  let p = try #require(problems(text).first)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let line = try #require(p.position?.line)
  #expect(lines[line - 1].contains("PRKK"))
  let description = DatasetError(file: "t.json", problems: [p]).description
  #expect(description.hasPrefix("t.json:\(line):"))
  #expect(description.contains(#"observations[1].target: unknown actor "PRKK" (did you mean "PRK"?)"#))
}

@Test(arguments: [
  ("", "the file is empty"),
  ("{", "unexpected end of file"),
  (#"{"format": "coalitiongraph-dataset", "observations": [{"source": "RUS""#, "unexpected end of file"),
  (#"{"format": "coalitiongraph-dataset", "title": "unterminated"#, "is the file truncated"),
  (#"{"a": 1,}"#, "expected a member name"),
  ("[1, 2", "unexpected end of file"),
  (#"{"a": tru}"#, "expected 'true'"),
  (#"{"a": 01}"#, "expected ',' or '}'"),
  (#"{"a": "\x"}"#, "invalid escape"),
  (#"{"a": "\ud800"}"#, "lone UTF-16 surrogate"),
  ("{\"a\": \"tab\there\"}", "control character"),
  ("[]", "expected an object, found an array"),
  (#"{"format": "coalitiongraph-dataset", "version": 1} trailing"#, "unexpected text after the end"),
  (#"{"format": "something-else", "version": 1}"#, "expected \"coalitiongraph-dataset\""),
  (#"{"format": "coalitiongraph-dataset", "version": 2}"#, "reads version 1"),
  (#"{"format": "coalitiongraph-dataset", "version": 1, "version": 1}"#, "appears twice"),
])
func malformedDocumentsAreRejectedWithReason(_ text: String, _ message: String) {
  let found = problems(text)
  #expect(found.contains { $0.message.contains(message) }, "\(found.map(\.description))")
}

@Test func deepNestingIsAnErrorNotAStackOverflow() {
  let found = problems(String(repeating: "[", count: 100_000))
  #expect(found.count == 1 && found[0].message.contains("nesting deeper"))
}

@Test func invalidUTF8IsAnErrorNotACrash() {
  var bytes = Array(#"{"format": "coalitiongraph-dataset", "version": 1, "title": "x"#.utf8)
  bytes += [0xFF, 0xFE]
  bytes += Array(#""}"#.utf8)
  #expect(throws: DatasetError.self) { try Dataset(json: bytes) }
}

@Test func missingFileIsReported() {
  #expect {
    try Dataset(contentsOf: "/nonexistent/dir/data.json")
  } throws: { error in
    (error as? DatasetError)?.description.contains("no such file") == true
  }
}

/// Every prefix and a seeded set of byte mutations of the seed file must fail cleanly or load.
@Test func truncatedAndMutatedSeedNeverCrashes() {
  let bytes = Array(Dataset.seedJSON.utf8)
  var failures = 0
  for cut in stride(from: 0, to: bytes.count, by: 13) {
    do { _ = try Dataset(json: bytes[0..<cut]) } catch { failures += 1 }
  }
  #expect(failures == (bytes.count + 12) / 13)  // no proper prefix is a complete document
  var rng = SplitMix64(seed: 20_240_320)
  let alphabet = Array(#"{}[]",:0123456789-eE.truefalsnul\ "#.utf8) + [0x00, 0xFF, 0x0A]
  for _ in 0..<300 {
    var m = bytes
    for _ in 0..<3 {
      let at = Int(rng.next() % UInt64(m.count))
      m[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
    }
    do { _ = try Dataset(json: m) } catch { #expect(!((error as? DatasetError)?.problems.isEmpty ?? true)) }
  }
}

@Test func seedFileIsCanonicalAndRoundTripsExactly() throws {
  let fileText = try String(contentsOf: repositoryFile("seeds/isw-2024-03-20.json"), encoding: .utf8)
  #expect(fileText == Dataset.seedJSON, "run scripts/embed-seed.sh")
  let seed = try Dataset(json: Array(fileText.utf8))
  #expect(seed.jsonText() == fileText)
  #expect(try Dataset(json: Array(seed.jsonText().utf8)) == seed)
}

/// A dataset built in code that uses every member of the format, with hostile strings in its text.
func everyFieldDataset() -> Dataset {
  let hostile = "quote \" backslash \\ trailing\\ newline\n tab\t nul-free ünïcødé 🛰 <&>"
  return Dataset(
    title: hostile, description: "d",
    sources: [Source(id: "s1", title: hostile, publisher: "p", date: PartialDate("2024-03"), url: "https://example.org/?a=1&b=2")],
    kinds: [Kind(id: "cyber", label: "Cyber ops", polarity: .hostile, materiality: .material, directed: true, color: "#112233")],
    actors: [
      CoalitionActor(id: "RUS"), CoalitionActor(id: "WAGNER", name: hostile, type: .group, affiliation: "RUS", note: hostile),
      CoalitionActor(id: "XKX", name: "Kosovo"),
    ],
    blocs: [Bloc(id: "b", name: hostile, members: ["RUS", "WAGNER"], color: "#aabbcc", basis: .assessment, note: "n")],
    observations: [
      TieObservation(id: "a", source: "WAGNER", target: "UKR", kind: "cyber", time: .on(PartialDate("2023-02-28")!), confidence: .alleged, basis: .assessment, weight: 0.1, detail: hostile, evidence: [Evidence(source: "s1", note: hostile, via: [hostile, "x"], url: "u")]),
      TieObservation(source: "RUS", target: "XKX", kind: "sanction", time: .between(from: nil, to: PartialDate("2020"))),
      TieObservation(source: "RUS", target: "XKX", kind: "rivalry", time: .between(from: PartialDate("2019-12"), to: nil), weight: 2.5e-7),
      TieObservation(source: "XKX", target: "RUS", kind: "economic", time: .ongoing(asOf: PartialDate("2024-01-02")!, since: nil), confidence: .assessed, weight: 12345678.9),
      TieObservation(source: "XKX", target: "RUS", kind: "war", time: .ongoing(asOf: PartialDate("2024-01-02")!, since: PartialDate("1999")), weight: 0),
    ], weightUnit: "TIV (millions)", provenance: ImportProvenance(importer: "gdelt", options: hostile, sources: ["s1"], files: 3, filesFingerprint: "0123456789abcdef"))
}

@Test func codeBuiltDatasetRoundTripsWithHostileStrings() throws {
  let d = everyFieldDataset()
  #expect(d.validate().isEmpty, "\(d.validate())")
  let text = d.jsonText()
  let back = try Dataset(json: Array(text.utf8))
  #expect(back == d)
  #expect(back.jsonText() == text)
}

/// One rule for text: control characters other than tab and line feed, and noncharacters, are
/// refused in every text field, with the place named; tab, line feed and every other character pass.
@Test func controlCharactersAreRefusedInEveryTextField() throws {
  for bad in ["\u{0}", "\u{1}", "\r", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFF}", "\u{FFFE}", "\u{1FFFF}"] {
    var d = Dataset(title: "t\(bad)", sources: [Source(id: "s", title: "x\(bad)")])
    d.actors = [CoalitionActor(id: "AAA", name: "a\(bad)", type: .group, note: bad)]
    d.blocs = [Bloc(id: "b", name: bad, members: ["AAA"])]
    d.observations = [
      TieObservation(
        source: "AAA", target: "RUS", kind: "diplomatic", time: .on(PartialDate("2024")!), detail: bad,
        evidence: [Evidence(source: "s", note: bad, via: ["ok", bad], url: "https://x.org/\(bad)")])
    ]
    let paths = d.validate().map(\.path)
    #expect(
      paths == [
        "title", "sources[0].title", "actors[0].name", "actors[0].note", "blocs[0].name", "observations[0].detail",
        "observations[0].evidence[0].note", "observations[0].evidence[0].url", "observations[0].evidence[0].via[1]",
      ], "U+\(String(bad.unicodeScalars.first!.value, radix: 16)): \(paths)")
  }
  var fine = Dataset(title: "tab\there, line\nbreak, \u{202E}rtl, zero\u{200B}width, emoji 👩‍👩‍👧, \u{A0}nbsp")
  fine.actors = [CoalitionActor(id: "AAA", name: fine.title!, type: .group)]
  #expect(fine.validate().isEmpty)
  // From a file: the position of the value is given, and the character is named, not echoed.
  let text = #"{"format": "coalitiongraph-dataset", "version": 1, "title": "a\u0000b", "actors": [], "observations": []}"#
  do {
    _ = try Dataset(json: Array(text.utf8), file: "nul.json")
    Issue.record("a NUL passed")
  } catch {
    #expect("\(error)" == "nul.json:1:61: title: contains the control character U+0000 at character 2; remove it")
  }
}

/// A bad date, confidence or weight does not hide the observation's other problems: one run lists them all.
@Test func everyProblemOfAnObservationInOneRun() {
  let found = problems(
    document(
      observation: #"{"source": "RUS", "target": "PRKK", "kind": "wars", "date": "2024-02-30", "confidence": "rumoured", "weight": "x", "evidence": [{"source": "nope"}]}"#
    ))
  #expect(found.map(\.path).sorted() == [
    "observations[1].confidence", "observations[1].date", "observations[1].evidence[0].source", "observations[1].kind",
    "observations[1].target", "observations[1].weight",
  ], "\(found)")
  // The stand-in time of an unreadable range adds no problem of its own.
  let range = problems(document(observation: #"{"source": "RUS", "target": "PRK", "kind": "war", "from": "2024-13", "to": "2023"}"#))
  #expect(range.map(\.path) == ["observations[1].from"], "\(range)")
}

/// The article spells China's special representative "Liu Xiaomin"; the seed keeps its spelling and
/// says who the official is wherever the name appears.
@Test func seedNamesLiuXiaomingWhereTheArticleMisspellsHim() {
  let via = Dataset.seed.observations.flatMap { $0.evidence.flatMap(\.via) }.filter { $0.contains("Liu Xiaomin") }
  #expect(via.count == 3)
  #expect(via.allSatisfy { $0.contains("the official is Liu Xiaoming") }, "\(via)")
}

/// Positions are found from the problem's path in the parsed document, only when there is a
/// problem: each must point at the value the path names, also under arrays of objects, for a
/// member whose name contains "." or "[", and for the second of two equal names.
@Test func problemPositionsPointAtTheValueTheirPathNames() throws {
  let text = """
    {"format": "coalitiongraph-dataset", "version": 1,
     "sources": [{"id": "s", "title": "A source"}],
     "actors": ["RUS", "CHN", "RUX", {"id": "PRK", "typ": "state"}],
     "a.b[0]": 1,
     "observations": [
       {"source": "RUS", "target": "CHN", "kind": "diplomatic", "date": "2024"},
       {"source": "RUS", "target": "CHN", "kind": "diplomatic", "date": "2024",
        "evidence": [{"source": "s"}, {"source": "isw"}]},
       {"source": "RUS", "target": "CHN", "kind": "diplomatic", "date": "2024", "date": "2025"}
     ]}
    """
  let found = problems(text)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  /// The text at a problem's position, up to the end of its line.
  func at(_ path: String) throws -> String {
    let p = try #require(found.first { $0.path == path }, "no problem at \(path): \(found.map(\.description))")
    let position = try #require(p.position)
    return String(lines[position.line - 1].dropFirst(position.column - 1))
  }
  #expect(try at("actors[2].id").hasPrefix(#""RUX""#))
  #expect(try at("actors[3].typ").hasPrefix(#""state""#))
  #expect(try at("a.b[0]").hasPrefix("1,"))
  #expect(try at("observations[1].evidence[1].source").hasPrefix(#""isw""#))
  #expect(try at("observations[2].date").hasPrefix(#""2025""#))
}
