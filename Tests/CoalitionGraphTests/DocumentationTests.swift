import Foundation
import Testing

@testable import CoalitionGraph

/// The complete example in docs/dataset-format.md must load, and say what the page says it says.
@Test func datasetFormatExampleLoads() throws {
  let page = try String(contentsOf: repositoryFile("docs/dataset-format.md"), encoding: .utf8)
  let start = try #require(page.range(of: "```json\n"))
  let end = try #require(page.range(of: "\n```", range: start.upperBound..<page.endIndex))
  let json = String(page[start.upperBound..<end.lowerBound])
  let d = try Dataset(json: Array(json.utf8), file: "docs/dataset-format.md")
  #expect(d.observations.count == 4)
  #expect(d.actors.first?.name == "Russia")
  #expect(d.observations[2].time == .ongoing(asOf: PartialDate("2024-03-20")!, since: PartialDate("2022-02-24")))
  let g = try CoalitionNetwork(d)
  #expect(g.index(ofActor: "UKR") != nil)  // undeclared ISO state, added with its name
  #expect(g[g.index(ofActor: "UKR")!].name == "Ukraine")
  #expect(g.kinds.last?.id == "munitions-payment")
  #expect(try Dataset(json: Array(d.jsonText().utf8)) == d)
}

/// The README shows consumer program (a) in full; the copy must be the file CI builds and runs.
@Test func readmeShowsTheConsumerProgramAsItIs() throws {
  let readme = try String(contentsOf: repositoryFile("README.md"), encoding: .utf8)
  let program = try String(contentsOf: repositoryFile("examples/Consumer/Sources/BuildAndRender/main.swift"), encoding: .utf8)
  let marker = try #require(readme.range(of: "<!-- examples/Consumer/Sources/BuildAndRender/main.swift -->\n```swift\n"))
  let end = try #require(readme.range(of: "```\n", range: marker.upperBound..<readme.endIndex))
  #expect(String(readme[marker.upperBound..<end.lowerBound]) == program)
}
