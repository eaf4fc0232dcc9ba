// (a) Build a dataset in code with three kinds of ties and render an SVG coalition map.
//     swift run BuildAndRender [OUTPUT.svg]      (in examples/Consumer)
// The ties are a subset of the seed case: an ISW assessment reported on 2024-03-20.
import CoalitionGraph
import CoalitionMaps
import CoalitionRender
import Foundation

let isw = Source(id: "isw", title: "ISW assessment", publisher: "Institute for the Study of War", date: PartialDate("2024-03-20"))
let asOf = PartialDate("2024-03-20")!

var dataset = Dataset(title: "Russia, North Korea and Iran, March 2024", sources: [isw])
dataset.actors = ["RUS", "PRK", "IRN", "USA"].map { CoalitionActor(id: $0) }  // names from the ISO table
dataset.blocs = [Bloc(id: "coalition", name: "Coalition Russia is building", members: ["RUS", "PRK", "IRN"])]
dataset.observations = [
  TieObservation(
    source: "PRK", target: "RUS", kind: .armsTransfer, time: .ongoing(asOf: asOf), basis: .event,
    detail: "ballistic missiles and artillery shells", evidence: [Evidence(source: "isw")]),
  TieObservation(
    source: "RUS", target: "PRK", kind: .technology, time: .ongoing(asOf: asOf), confidence: .alleged,
    evidence: [Evidence(source: "isw", note: "payment in technology, which the report calls alleged")]),
  TieObservation(source: "RUS", target: "USA", kind: .accusation, time: .on(PartialDate("2024-03-19")!), basis: .statement),
]

do {
  let network = try CoalitionNetwork(dataset)  // validates first: every problem in one error
  var style = MapStyle()
  style.kindColors[Kind.accusation.id] = "#B2182B"  // every style choice can be overridden
  let view = try network.view()  // a kind or actor the network does not know is an error, not an empty view
  let map = CoalitionMap(view: view, style: style)
  let svg = try GraphvizRenderer.shared.render(try map.dot(), format: .svg)
  let path = CommandLine.arguments.dropFirst().first ?? "coalition-map.svg"
  try svg.write(to: URL(fileURLWithPath: path))
  print("wrote \(path): \(view.ties.count) ties, \(svg.bytes.count) bytes")
} catch {
  print("error: \(error.localizedDescription)")
  exit(1)
}
