import CoalitionGraph

/// How ``CoalitionGraph/NetworkView/collapsed(_:)`` groups actors.
public enum ActorGrouping: String, Sendable, Hashable, CaseIterable {
  /// The first declared bloc that lists the actor; actors in none form one group of their own.
  case blocs
  /// The communities the Louvain method finds in the view (direction ignored, weighted, seed 1).
  case communities
}

extension NetworkView {
  /// The view with its actors merged into groups: a dataset with one aggregate actor per group
  /// and, per pair of groups and kind, one observation whose weight is the density of that kind
  /// between them — the ties present over the ties possible (|A|·|B| pairs, counted both ways for
  /// directed kinds: A→B over |A|·|B|). Within-group ties are left out (a group's cohesion is in
  /// its actor's note). Each observation spans the dates of the ties behind it and takes the
  /// firmest confidence among them, as ties do.
  ///
  /// For a bloc-level map of a large view: `CoalitionNetwork(view.collapsed(.blocs)).view()`.
  public func collapsed(_ grouping: ActorGrouping) -> Dataset {
    let g = graph
    var groupOf = [Int](repeating: -1, count: nodeCount)
    var names: [String] = []
    var ids: [String] = []
    switch grouping {
    case .blocs:
      for (b, entry) in g.blocs.enumerated() {
        var used = false
        for a in entry.members {
          if let v = node(of: a), groupOf[v] < 0 {
            groupOf[v] = ids.count
            used = true
          }
        }
        if used {
          ids.append("bloc-\(b + 1)")
          names.append(entry.bloc.name)
        }
      }
      if groupOf.contains(-1) {
        for v in 0..<nodeCount where groupOf[v] < 0 { groupOf[v] = ids.count }
        ids.append("no-bloc")
        names.append("In no bloc")
      }
    case .communities:
      let partition = simpleGraph(directed: false).louvain().partition
      var number: [Int: Int] = [:]
      for v in 0..<nodeCount {
        if number[partition[v]] == nil {
          number[partition[v]] = ids.count
          ids.append("community-\(ids.count + 1)")
          names.append("")
        }
        groupOf[v] = number[partition[v]]!
      }
    }
    let groups = ids.indices.map { k in (0..<nodeCount).filter { groupOf[$0] == k } }
    if grouping == .communities {
      // Named by their largest members (by degree): "Community 2: USA, CAN, MEX …".
      let degree = self.degree(.total)
      for k in groups.indices {
        let lead = groups[k].sorted { (-degree[$0], $0) < (-degree[$1], $1) }.prefix(3).map { actor($0).id }
        names[k] = "Community \(k + 1): " + lead.joined(separator: ", ") + (groups[k].count > 3 ? " …" : "")
      }
    }
    var d = Dataset(title: "\(g.dataset.title ?? "Coalition") — by \(grouping == .blocs ? "bloc" : "community")", sources: g.dataset.sources)
    d.kinds = g.dataset.kinds
    d.actors = ids.indices.map { k in
      let members = groups[k].map { actor($0).id }
      let inside = ties.filter { groupOf[node(of: $0.source)!] == k && groupOf[node(of: $0.target)!] == k }.count
      return CoalitionActor(
        id: ids[k], name: names[k], type: .aggregate,
        note: "\(members.count) actors: \(members.joined(separator: ", ")); \(inside) ties among them")
    }
    // Ties between groups, by (from, to, kind); undirected kinds with the lower group first.
    struct Key: Hashable { let a: Int, b: Int, kind: KindIndex }
    var bundles: [Key: [Tie]] = [:]
    for t in ties {
      var (a, b) = (groupOf[node(of: t.source)!], groupOf[node(of: t.target)!])
      guard a != b else { continue }
      if !t.directed, a > b { swap(&a, &b) }
      bundles[Key(a: a, b: b, kind: t.kind), default: []].append(t)
    }
    for key in bundles.keys.sorted(by: { ($0.a, $0.b, $0.kind) < ($1.a, $1.b, $1.kind) }) {
      let bundle = bundles[key]!
      let times = bundle.flatMap(\.observations).map { g.observation($0).time }
      let first = times.map(\.firstDay).min()!
      let last = times.compactMap(\.latestDate).max()
      let possible = Double(groups[key.a].count * groups[key.b].count)
      let pairs = Set(bundle.map { [$0.source, $0.target] }).count
      d.observations.append(
        TieObservation(
          source: ids[key.a], target: ids[key.b], kind: g[key.kind].id,
          time: .between(from: first == .min ? nil : PartialDate(dayNumber: first), to: last ?? PartialDate(dayNumber: first)),
          confidence: bundle.map(\.confidence).max()!, weight: Double(pairs) / possible,
          detail: "\(pairs) of \(Int(possible)) possible ties (density)"))
    }
    return d
  }
}
