import CoalitionGraph

/// Brokerage roles of Gould and Fernandez (1989, doi:10.2307/270949): for every open two-path
/// a → b → c (a ≠ c, no edge a → c) the middle node b brokers, in a role set by the groups of the
/// three nodes.
public struct BrokerageRoles: Hashable, Sendable {
  /// All three in one group (A → A → A).
  public var coordinator = 0
  /// The ends share a group the broker is not in (A → B → A), also called itinerant broker.
  public var consultant = 0
  /// The broker and the receiver share a group; the sender is outside (A → B → B).
  public var gatekeeper = 0
  /// The sender and the broker share a group; the receiver is outside (A → A → B).
  public var representative = 0
  /// Three different groups (A → B → C).
  public var liaison = 0

  /// Every role together: the number of pairs the node brokers.
  public var total: Int { coordinator + consultant + gatekeeper + representative + liaison }
}

extension SimpleGraph {
  /// Gould–Fernandez brokerage counts per node (see ``BrokerageRoles``), on the directed graph
  /// (an undirected edge counts in both directions).
  /// - Parameter groups: A group label per node.
  /// - Complexity: O(Σ in·out degree · log d).
  public func brokerage(groups: [Int]) -> [BrokerageRoles] {
    precondition(groups.count == nodeCount, "one group per node")
    var out = [BrokerageRoles](repeating: BrokerageRoles(), count: nodeCount)
    for b in 0..<nodeCount {
      for i in Int(inRowStart[b])..<Int(inRowStart[b + 1]) {
        let a = Int(inTarget[i])
        for o in Int(rowStart[b])..<Int(rowStart[b + 1]) {
          let c = Int(target[o])
          guard c != a, !hasEdge(a, c) else { continue }
          let (ga, gb, gc) = (groups[a], groups[b], groups[c])
          switch (ga == gb, gb == gc, ga == gc) {
          case (true, true, _): out[b].coordinator += 1
          case (false, false, true): out[b].consultant += 1
          case (false, true, _): out[b].gatekeeper += 1
          case (true, false, _): out[b].representative += 1
          default: out[b].liaison += 1
          }
        }
      }
    }
    return out
  }

  /// Mutual weights normalised by row: p(u, v) = (a_uv + a_vu) / Σ_w (a_uw + a_wu), direction ignored.
  private func proportionalTies(weighted: Bool) -> (rows: SimpleGraph, share: [Double]) {
    var edges: [WeightedEdge] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) { edges.append(WeightedEdge(v, Int(target[e]), weighted ? weight[e] : 1)) }
    }
    let mutual = SimpleGraph(nodeCount: nodeCount, edges: edges, directed: false)
    var share = Array(mutual.weight)
    for v in 0..<nodeCount {
      let row = Int(mutual.rowStart[v])..<Int(mutual.rowStart[v + 1])
      let sum = row.reduce(0) { $0 + mutual.weight[$1] }
      for e in row { share[e] = sum > 0 ? mutual.weight[e] / sum : 0 }
    }
    return (mutual, share)
  }

  /// Burt's constraint (1992): how much an actor's contacts are tied to one another, so that the
  /// actor has few structural holes to exploit. c(u) = Σ_v (p_uv + Σ_w p_uw·p_wv)² over u's contacts,
  /// with p the proportional mutual tie strength. Matches NetworkX 3.6 `constraint`; NaN for isolates.
  /// - Complexity: O(Σ deg²).
  public func constraint(weighted: Bool = false) -> [Double] {
    let (m, p) = proportionalTies(weighted: weighted)
    var local = [Double](repeating: 0, count: nodeCount)
    var isContact = [Bool](repeating: false, count: nodeCount)
    var out = [Double](repeating: .nan, count: nodeCount)
    for u in 0..<nodeCount {
      let row = Int(m.rowStart[u])..<Int(m.rowStart[u + 1])
      guard !row.isEmpty else { continue }
      for e in row {
        isContact[Int(m.target[e])] = true
        local[Int(m.target[e])] = p[e]
      }
      for e in row {
        let w = Int(m.target[e])
        for f in Int(m.rowStart[w])..<Int(m.rowStart[w + 1]) where isContact[Int(m.target[f])] {
          local[Int(m.target[f])] += p[e] * p[f]
        }
      }
      var c = 0.0
      for e in row {
        let v = Int(m.target[e])
        c += local[v] * local[v]
        isContact[v] = false
      }
      out[u] = c
    }
    return out
  }

  /// Burt's effective size (1992): the number of contacts minus their redundancy,
  /// Σ_v (1 − Σ_w p_uw·m_vw), with m the mutual tie strength divided by the contact's strongest
  /// tie. Equals n − 2t/n on unweighted undirected graphs (Borgatti 1997). Matches NetworkX 3.6
  /// `effective_size` computed node by node; NaN for isolates. (NetworkX 3.6.1's whole-graph fast
  /// path divides by the other node's strongest tie, so its weighted and directed values differ;
  /// its per-node path calls a node with only incoming edges isolated, where this gives a value.)
  /// - Complexity: O(Σ deg²).
  public func effectiveSize(weighted: Bool = false) -> [Double] {
    let (m, p) = proportionalTies(weighted: weighted)
    var strongest = [Double](repeating: 0, count: nodeCount)
    for v in 0..<nodeCount {
      strongest[v] = (Int(m.rowStart[v])..<Int(m.rowStart[v + 1])).reduce(0) { max($0, m.weight[$1]) }
    }
    var shareOfU = [Double](repeating: 0, count: nodeCount)
    var out = [Double](repeating: .nan, count: nodeCount)
    for u in 0..<nodeCount {
      let row = Int(m.rowStart[u])..<Int(m.rowStart[u + 1])
      guard !row.isEmpty else { continue }
      for e in row { shareOfU[Int(m.target[e])] = p[e] }
      var size = 0.0
      for e in row {
        let v = Int(m.target[e])
        var redundancy = 0.0
        for f in Int(m.rowStart[v])..<Int(m.rowStart[v + 1]) {
          redundancy += shareOfU[Int(m.target[f])] * m.weight[f] / strongest[v]
        }
        size += 1 - redundancy
      }
      for e in row { shareOfU[Int(m.target[e])] = 0 }
      out[u] = size
    }
    return out
  }
}

extension NetworkView {
  /// Gould–Fernandez brokerage of each actor between the declared blocs (actors in no bloc each
  /// form a group of their own), on the directed view, over the ties of `polarity` (`nil`: all).
  public func brokerage(polarity: Polarity? = nil) -> [BrokerageRoles] {
    simpleGraph(directed: true, polarity: polarity).brokerage(groups: BlocAssignment(view: self).group)
  }
}
