// Builds a small coalition graph in code, prints a degree table and renders a coalition map,
// the way a program using CoalitionGraph as a package would.
//
//   swift run coalition-example [OUTPUT.svg]
//
// The ties are a subset of the seed case (ISW assessment reported on 2024-03-20).
import CoalitionGraph
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation

let isw = Source(
  id: "isw", title: "ISW assessment reported on 2024-03-20", publisher: "Institute for the Study of War",
  date: PartialDate("2024-03-20"))
let reportDate = PartialDate("2024-03-20")!
let talks = PartialDate("2024-03-19")!

var dataset = Dataset(title: "Russia, North Korea and Iran, March 2024 (subset of the seed case)", sources: [isw])
dataset.actors = ["RUS", "PRK", "IRN", "USA"].map { CoalitionActor(id: $0) }  // ISO codes; names come from the built-in table
dataset.blocs = [
  Bloc(id: "coalition", name: "Coalition Russia is building", members: ["RUS", "PRK", "IRN"]),
  Bloc(id: "us", name: "The US and its allies", members: ["USA"]),
]
dataset.observations = [
  TieObservation(
    source: "PRK", target: "RUS", kind: Kind.armsTransfer.id, time: .ongoing(asOf: reportDate, since: nil),
    basis: .event, detail: "ballistic missiles and artillery shells",
    evidence: [Evidence(source: "isw", note: "North Korea is sending missiles and shells to Russia.")]),
  TieObservation(
    source: "RUS", target: "PRK", kind: Kind.technology.id, time: .ongoing(asOf: reportDate, since: nil),
    confidence: .alleged, basis: .assessment,
    evidence: [Evidence(source: "isw", note: "Russia is said to pay with technology; the report calls it alleged.")]),
  TieObservation(
    source: "IRN", target: "RUS", kind: Kind.diplomatic.id, time: .on(talks), basis: .event,
    evidence: [Evidence(source: "isw", note: "The two presidents spoke about cooperation.")]),
  TieObservation(
    source: "RUS", target: "USA", kind: Kind.accusation.id, time: .on(talks), basis: .statement,
    evidence: [Evidence(source: "isw", note: "Russia blamed the US for tension in Northeast Asia.")]),
]

do {
  let graph = try CoalitionNetwork(dataset)  // validates: every problem is reported at once
  let everything = graph.view()
  print(DegreeReport(view: everything).table().formatted(.text))

  let reportedOnly = graph.view(ViewFilter(minimumConfidence: .reported))
  print("Ties reported as fact: \(reportedOnly.ties.count) of \(everything.ties.count)")

  var style = MapStyle()
  style.kindColors[Kind.accusation.id] = "#B2182B"  // any style choice can be overridden
  let map = CoalitionMap(view: everything, style: style)
  let output = try GraphvizRenderer.shared.render(try map.dot(), engine: .dot, format: .svg)
  let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "example-map.svg"
  try Data(output.bytes).write(to: URL(fileURLWithPath: path))
  print("wrote \(path) (\(output.bytes.count) bytes)")
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}
