import CoalitionGraph
import CoalitionMetrics

/// A view as two spreadsheet tables: one row per actor with measure columns, one row per tie.
public enum CSVTables {
  /// Measures written as node columns by default.
  public static let defaultMeasures: [CentralityMeasure] = [.degree, .strength, .betweenness, .closeness, .pagerank, .eigenvector, .core]

  /// `id, name, type, blocs`, then one column per measure, computed on the view with direction
  /// ignored and hop-count path lengths (conventions in `convention`). A measure
  /// that does not converge gets empty cells.
  public static func nodes(_ view: NetworkView, measures: [CentralityMeasure] = defaultMeasures) -> String {
    let g = view.simpleGraph(directed: false)
    let columns = measures.map { (try? $0.values(on: g, length: .hops)) }
    var out = CSVText.row(["id", "name", "type", "blocs"] + measures.map(\.rawValue))
    for v in 0..<view.nodeCount {
      let a = view.actor(v)
      let blocs = view.graph.blocs(of: view.nodes[v]).map { view.graph.blocs[$0].bloc.id }.joined(separator: ";")
      out += CSVText.row([a.id, a.name, a.type.rawValue, blocs] + columns.map { $0.map { JSONWriter.number($0[v]) } ?? "" })
    }
    return out
  }

  /// `source, target, kind, polarity, directed, weight, observations, confidence, first, last`: one
  /// row per tie; dates are the first and last day its observations cover (empty when open).
  public static func edges(_ view: NetworkView) -> String {
    let g = view.graph
    var out = CSVText.row(["source", "target", "kind", "polarity", "directed", "weight", "observations", "confidence", "first", "last"])
    for t in view.ties {
      let kind = g[t.kind]
      let (first, last) = view.days(of: t)
      out += CSVText.row([
        g[t.source].id, g[t.target].id, kind.id, kind.polarity.rawValue, t.directed ? "true" : "false", JSONWriter.number(t.weight),
        String(t.count), t.confidence.rawValue, first?.description ?? "", last?.description ?? "",
      ])
    }
    return out
  }
}

extension NetworkView {
  /// The first and last day a tie's observations cover; `nil` for an open end.
  func days(of t: Tie) -> (first: PartialDate?, last: PartialDate?) {
    let first = t.observations.map { graph.observation($0).time.firstDay }.min() ?? .min
    let last = t.observations.map { graph.observation($0).time.lastDay }.max() ?? .max
    return (PartialDate(dayNumber: first), PartialDate(dayNumber: last))
  }
}
