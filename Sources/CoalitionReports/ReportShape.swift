import CoalitionGraph

/// What kind of network a view is, which decides the findings a report gives: shortest paths mean
/// nothing in a network of deliveries, and "who is the hub" says little about an alliance system.
///
/// ``detect(_:)`` decides from the kinds present in the view — their declared polarity, direction
/// and materiality — from the weights, and from whether blocs are declared:
/// 1. ``alignment``: every kind is one of the similarity kinds `coalition alignment --ties` writes;
/// 2. ``flows``: every kind is cooperative, directed and material, and the ties carry weights
///    (some observation weighs other than 1): arms transfers, aid, trade;
/// 3. ``alliances``: every kind is cooperative and undirected: pacts, memberships;
/// 4. ``coalition``: blocs are declared, or the view is not signed: the multiplex, signed coalition
///    of the seed;
/// 5. ``events``: cooperative and hostile kinds without declared blocs: machine-coded event data
///    such as GDELT.
public enum ReportShape: String, CaseIterable, Sendable, Hashable {
  /// A multiplex, signed coalition with declared blocs (the seed): hubs, bloc cohesion, balance,
  /// exchanges.
  case coalition
  /// Directed material flows with weights: volumes, shares, concentration, routes, dependence.
  case flows
  /// Undirected cooperative ties such as alliances: communities, the actors that bridge them, the
  /// densest core.
  case alliances
  /// Signed event data: the balance of cooperation and conflict, the most hostile and most
  /// cooperative dyads, camps, change over the span.
  case events
  /// Similarity ties from UN votes or alliance portfolios: camps, and who sits between them.
  case alignment

  /// The ids of the kinds that `coalition alignment --ties` writes.
  public static let alignmentKinds: Set<String> = [AlignmentDataset.voteKind.id, AlignmentDataset.allianceKind.id]

  /// The shape of `view` (see the type's documentation for the rules).
  public static func detect(_ view: NetworkView) -> ReportShape {
    let g = view.graph
    let kinds = view.kindsPresent.map { g[$0] }
    guard !kinds.isEmpty else { return .coalition }
    if kinds.allSatisfy({ alignmentKinds.contains($0.id) }) { return .alignment }
    let cooperative = kinds.allSatisfy { $0.polarity == .cooperative }
    if cooperative, kinds.allSatisfy({ $0.directed && $0.materiality == .material }),
      view.ties.contains(where: { t in t.observations.contains { g.obsWeight[$0] != 1 } })
    {
      return .flows
    }
    if cooperative, kinds.allSatisfy({ !$0.directed }) { return .alliances }
    let signed = kinds.contains { $0.polarity == .hostile } && kinds.contains { $0.polarity == .cooperative }
    if signed, g.blocs.isEmpty { return .events }
    return .coalition
  }

  /// How a report of this shape reads the view, in words.
  public var reading: String {
    switch self {
    case .coalition: return "a coalition: several kinds of tie, cooperative and hostile, between declared blocs"
    case .flows: return "flows: directed material ties with volumes (shares, concentration, routes, dependence)"
    case .alliances: return "alliances: undirected cooperative ties (communities, bridges, the densest core)"
    case .events: return "events: cooperative and hostile events between actors (balance of cooperation and conflict, dyads, camps, change)"
    case .alignment: return "alignment: similarity ties (camps, and who sits between them)"
    }
  }
}
