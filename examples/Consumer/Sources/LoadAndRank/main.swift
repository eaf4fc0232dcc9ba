// (b) Load a dataset file and print a centrality table sorted by betweenness.
//     swift run LoadAndRank DATASET.json      (in examples/Consumer)
import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Foundation

/// An error of this program, wrapping the library's (typed throws here, plain throws in the library).
enum RankingError: Error {
  case invalidDataset(DatasetError)
  case measure(String)
}

/// Loads and validates the dataset. Catching the library's error by type inside a typed-throws
/// function is the form that crashed Swift 6.3.1 when the library itself threw typed errors.
func loadNetwork(_ path: String) throws(RankingError) -> CoalitionNetwork {
  do {
    return try CoalitionNetwork(try Dataset(contentsOf: URL(fileURLWithPath: path)))
  } catch let error as DatasetError {
    throw .invalidDataset(error)
  } catch {
    throw .measure("\(error)")
  }
}

guard CommandLine.arguments.count == 2 else {
  print("usage: LoadAndRank DATASET.json")
  exit(2)
}
let network: CoalitionNetwork
do {
  network = try loadNetwork(CommandLine.arguments[1])
} catch .invalidDataset(let error) {
  // Every problem of the file, each with its line and column.
  print("error: \(error.problems.count) problem(s)\n\(error.localizedDescription)")
  exit(1)
} catch {
  print("error: \(error)")
  exit(1)
}

var report = CentralityReport(view: try network.view(), directed: false, measures: [.degree, .betweenness, .pagerank], length: .hops)
report.sortBy = .betweenness
let table = try report.table()
print(table.formatted(.text))

// The same numbers keyed by actor.
let betweenness = try network.view().scores(.betweenness)
if let top = betweenness.ranked().first { print("most between: \(top.actor) (\(top.value))") }
