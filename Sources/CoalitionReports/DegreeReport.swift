import CoalitionGraph
import CoalitionMetrics

/// A ranked table of actors by degree and strength in a view: the first centrality report.
///
/// Columns: `rank` (competition rank by total degree, ties share a rank, then by strength),
/// `actor`, `name`, `bloc`, `degree` (distinct partners), `degree_normalized` (÷ n−1),
/// `out_degree`, `in_degree` (undirected ties count both ways), `ties` (one per partner and kind),
/// `strength` (sum of tie weights). Rows run from the highest rank; equal rows keep actor order.
public struct DegreeReport: Sendable {
  /// The view the table describes.
  public let view: NetworkView

  /// A degree report on `view`.
  public init(view: NetworkView) { self.view = view }

  /// The report as a table, ready for any ``ReportFormat``.
  public func table() -> ReportTable {
    let degree = view.degree(.total)
    let normalized = view.degree(.total, normalized: true)
    let outDegree = view.degree(.out)
    let inDegree = view.degree(.in)
    let strength = view.strength(.total)
    let ties = view.tieCount(.total)
    let order = (0..<view.nodeCount).sorted { a, b in
      (degree[a], strength[a], b) > (degree[b], strength[b], a)
    }
    var rows: [[Cell]] = []
    var rank = 0
    for (k, v) in order.enumerated() {
      if k == 0 || degree[v] != degree[order[k - 1]] || strength[v] != strength[order[k - 1]] { rank = k + 1 }
      let blocs = view.graph.blocs(of: view.nodes[v]).map { view.graph.blocs[$0].bloc.name }
      rows.append([
        .integer(rank), .text(view.actor(v).id), .text(view.actor(v).name), .text(blocs.joined(separator: "; ")),
        .integer(Int(degree[v])), .number(normalized[v]), .integer(Int(outDegree[v])), .integer(Int(inDegree[v])),
        .integer(Int(ties[v])), .number(strength[v]),
      ])
    }
    let d = view.graph.dataset
    var notes = ["View: \(view.filter.summary). \(view.nodeCount) actors, \(view.ties.count) ties from \(view.ties.reduce(0) { $0 + $1.count }) observations."]
    notes.append("degree = distinct partners; normalised by n−1 = \(max(view.nodeCount - 1, 0)); strength = sum of tie weights (\(view.filter.aggregation.rawValue) of observation weights).")
    if !d.sources.isEmpty { notes.append("Source: " + d.sources.map(\.citation).joined(separator: "; ")) }
    return ReportTable(
      title: "Degree and strength — \(d.title ?? "coalition")",
      columns: ["rank", "actor", "name", "bloc", "degree", "degree_normalized", "out_degree", "in_degree", "ties", "strength"],
      headings: ["Rank", "Actor", "Name", "Bloc", "Degree", "Degree (norm.)", "Out", "In", "Ties", "Strength"],
      rows: rows, notes: notes)
  }
}
