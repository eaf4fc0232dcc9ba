// (c) Import a GDELT event file through the library and rank states by PageRank.
//     swift run GDELTPageRank EXPORT.CSV [SECONDS]      (in examples/Consumer)
// The import and the measure run as async tasks; if they take longer than SECONDS (default 60),
// the work is cancelled and stops cleanly at its next check point.
import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let file = arguments.first else {
  print("usage: GDELTPageRank EXPORT.CSV [SECONDS]")
  exit(2)
}
let deadline = Double(arguments.dropFirst().first ?? "60") ?? 60

/// Imports the events and ranks the states that take part in them (cooperative and hostile
/// events alike; PageRank follows the direction of directed kinds).
func rankStates(in url: URL) async throws -> (ImportResult, ActorScores) {
  let imported = try await GDELT.read(contentsOf: url)
  let network = try CoalitionNetwork(imported.dataset)
  let states = try network.view(ViewFilter(dropIsolates: true, actorTypes: [.state]))
  return (imported, try await states.scores(.pagerank, directed: true))
}

let work = Task { try await rankStates(in: URL(fileURLWithPath: file)) }
let watchdog = Task {
  try await Task.sleep(for: .seconds(deadline))
  work.cancel()
}
do {
  let (imported, pagerank) = try await work.value
  watchdog.cancel()
  print("\(file): \(imported.summary)")
  print("PageRank of \(pagerank.actors.count) states (damping 0.85, directed):")
  for s in pagerank.ranked().prefix(10) {
    print("  \(s.rank). \(s.actor)  \(String(format: "%.4f", s.value))")
  }
} catch is CancellationError {
  print("stopped: the import and ranking took longer than \(deadline) s")
  exit(3)
} catch {
  print("error: \(error.localizedDescription)")
  exit(1)
}
