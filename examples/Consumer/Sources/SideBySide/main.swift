// Every CoalitionGraph product imported next to Foundation, Observation and Swift Concurrency,
// with the library's names used unqualified, and the usual ways of catching its errors. If a name
// collided (as `Actor`, `View`, `Observation` and the class `CoalitionGraph` once did), this file
// would not compile.
import CoalitionGraph
import CoalitionInterchange
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation
import Observation

/// A model object as a SwiftUI app would keep it. `@Observable` expands to code that names the
/// Observation module; a library type called `Observation` broke it.
@Observable final class CoalitionModel {
  var dataset = Dataset.seed
  var ranking: [ActorScore] = []
  var map: RenderOutput?
}

/// Swift's own `Actor` protocol, unshadowed.
actor RankCache {
  private var cache: [String: ActorScores] = [:]
  func scores(for measure: CentralityMeasure, in view: NetworkView) async throws -> ActorScores {
    if let hit = cache[measure.rawValue] { return hit }
    let fresh = try await view.scores(measure)
    cache[measure.rawValue] = fresh
    return fresh
  }
}
func isolated<A: Actor>(_ a: A) -> A { a }

// The module name qualifies its types again.
let qualified: CoalitionGraph.Dataset = CoalitionGraph.Dataset.seed
let network = try CoalitionNetwork(qualified)
let view: NetworkView = try network.view(ViewFilter(polarity: .cooperative))
let model = CoalitionModel()
let cache = isolated(RankCache())
model.ranking = try await cache.scores(for: .betweenness, in: view).ranked()
/// Renders from async code: the async overload waits on the renderer's queue, not on a cooperative thread.
func drawMap(of view: NetworkView) async throws -> RenderOutput {
  try await GraphvizRenderer.shared.render(try CoalitionMap(view: view).dot())
}
model.map = try await drawMap(of: view)
let first: TieObservation = model.dataset.observations[0]
print("\(first.source) → \(first.target) (\(first.kind)); top: \(model.ranking[0].actor); map: \(model.map?.bytes.count ?? 0) bytes")

// The usual ways of catching the library's errors, at top level and in functions.
let broken = Data(#"{"format": "coalitiongraph-dataset", "version": 1, "observations": [{"source": "RUS"}]}"#.utf8)
let loaded: Dataset
do {
  loaded = try Dataset(json: broken, file: "broken.json")
} catch let error as DatasetError {
  print("caught DatasetError with \(error.problems.count) problem(s): \(error.localizedDescription)")
  loaded = .seed
}
let again = try CoalitionNetwork(loaded)  // a plain top-level `try` after the do/catch

struct AppError: Error { let message: String }
func typed() throws(AppError) -> Int {
  do { return try CentralityMeasure.katz.values(on: SimpleGraph(nodeCount: 2, edges: [WeightedEdge(0, 1, 1)], directed: false), length: .hops).count }
  catch let error as MetricError { throw AppError(message: error.localizedDescription) }
  catch { throw AppError(message: error.localizedDescription) }
}
func untyped() throws -> String {
  do { return try GDELT.read(text: "not a GDELT file").summary }
  catch let error as ImportError { return "caught ImportError: \(error.localizedDescription)" }
}
print(try typed(), try untyped().prefix(60), again.actorCount)
