/// Freeman centralisation: how far a graph is from having every score equal, relative to the most
/// centralised graph possible of its size (Freeman 1979, doi:10.1016/0378-8733(78)90021-7).
///
/// C = Σᵢ (max − cᵢ) / M, where M is that sum on the star graph with the same number of nodes,
/// which maximises it for degree, betweenness and closeness. 1 for a star, 0 when all scores are equal.
public enum Centralization {
  /// Centralisation of raw scores given the star's sum of differences `maximum`.
  public static func freeman(_ scores: [Double], maximum: Double) -> Double {
    guard let top = scores.max(), maximum > 0 else { return 0 }
    return scores.reduce(0) { $0 + (top - $1) } / maximum
  }

  /// Degree centralisation of an undirected graph from raw degrees: M = (n−1)(n−2).
  public static func degree(_ degrees: [Double]) -> Double {
    let n = Double(degrees.count)
    return freeman(degrees, maximum: (n - 1) * (n - 2))
  }

  /// Betweenness centralisation from normalised undirected betweenness (÷ (n−1)(n−2)/2): M = n−1.
  public static func betweenness(normalized scores: [Double]) -> Double {
    freeman(scores, maximum: Double(scores.count - 1))
  }

  /// Closeness centralisation from closeness normalised as (n−1)/Σd on a connected graph:
  /// M = (n−1)(n−2)/(2n−3).
  public static func closeness(normalized scores: [Double]) -> Double {
    let n = Double(scores.count)
    return freeman(scores, maximum: (n - 1) * (n - 2) / (2 * n - 3))
  }
}
