import CoalitionGraph

extension NetworkView {
  /// Distinct partners of each actor in each kind present: a row per local node, a column per
  /// entry of `kindsPresent`. Direction is ignored.
  /// - Complexity: O(n·K + m).
  public func degreeByKind() -> [[Int]] {
    let kinds = kindsPresent
    let column = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    var table = [[Int]](repeating: [Int](repeating: 0, count: kinds.count), count: nodeCount)
    var seen = Set<[Int]>()  // (node, partner, kind) already counted: a tie of a kind can appear once per direction
    for v in 0..<nodeCount {
      for e in undirected.arcs(of: v) {
        let tie = ties[Int(undirected.tie[e])]
        let w = Int(undirected.target[e])
        if seen.insert([v, w, tie.kind.int]).inserted { table[v][column[tie.kind]!] += 1 }
      }
    }
    return table
  }

  /// Overlapping degree: the sum over kinds of the actor's partners in that kind, o_i = Σ_α k_i^α
  /// (Battiston, Nicosia and Latora 2014, doi:10.1103/PhysRevE.89.032804).
  public func overlappingDegree() -> [Int] { degreeByKind().map { $0.reduce(0, +) } }

  /// Multiplex participation coefficient, P_i = K/(K−1) · [1 − Σ_α (k_i^α / o_i)²] over the K kinds
  /// present (Battiston et al. 2014): 1 when an actor's ties spread evenly over every kind, 0 when
  /// they all lie in one kind (and for actors without ties).
  public func participationCoefficient() -> [Double] {
    let table = degreeByKind()
    let k = Double(kindsPresent.count)
    guard k > 1 else { return [Double](repeating: 0, count: nodeCount) }
    return table.map { row in
      let o = Double(row.reduce(0, +))
      guard o > 0 else { return 0 }
      return k / (k - 1) * (1 - row.reduce(0) { $0 + (Double($1) / o) * (Double($1) / o) })
    }
  }

  /// Number of kinds tying each pair of actors that has at least one tie (direction ignored),
  /// pairs as (lower, higher) local nodes, ascending.
  public func dyadMultiplexity() -> [DyadMultiplexity] {
    var kindsOf: [Int: Set<Int32>] = [:]
    for t in ties {
      let (a, b) = (node(of: t.source)!, node(of: t.target)!)
      kindsOf[min(a, b) * nodeCount + max(a, b), default: []].insert(t.kind.rawValue)
    }
    return kindsOf.keys.sorted().map { DyadMultiplexity(first: $0 / nodeCount, second: $0 % nodeCount, kinds: kindsOf[$0]!.count) }
  }

  /// Jaccard overlap of the kinds' tie sets, |E_α ∩ E_β| / |E_α ∪ E_β|, for each pair of kinds
  /// present (Bianconi 2013 calls the intersection edge overlap). Undirected compares unordered
  /// pairs; `directed` compares arcs, an undirected tie counting as arcs both ways.
  /// - Returns: A K × K symmetric matrix over `kindsPresent`; the diagonal is 1.
  public func layerOverlap(directed: Bool = false) -> [[Double]] {
    let kinds = kindsPresent
    var sets = [Set<Int>](repeating: [], count: kinds.count)
    let column = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    for t in ties {
      let (a, b) = (node(of: t.source)!, node(of: t.target)!)
      let c = column[t.kind]!
      if directed {
        sets[c].insert(a * nodeCount + b)
        if !t.directed { sets[c].insert(b * nodeCount + a) }
      } else {
        sets[c].insert(min(a, b) * nodeCount + max(a, b))
      }
    }
    return sets.map { x in sets.map { y in x.union(y).isEmpty ? .nan : Double(x.intersection(y).count) / Double(x.union(y).count) } }
  }
}

/// A directed tie answered by a directed tie of another kind in the opposite direction: arms for
/// technology, aid for access.
public struct Exchange: Hashable, Sendable {
  /// The first kind's index in the view's network.
  public let first: Int
  /// The kind that answers it.
  public let second: Int
  /// Kind of the tie first → second.
  public let given: KindIndex
  /// Kind of the tie second → first.
  public let returned: KindIndex
  /// The weaker confidence of the two ties.
  public let confidence: Confidence
}

extension NetworkView {
  /// The largest gap, in days, between the two halves of an exchange by default: two years.
  public static let exchangeGapDays = 730

  /// Cross-kind exchanges: every pair of directed ties A → B of one kind and B → A of another
  /// kind, listed once per combination of kinds, A being the actor with the lower index — when
  /// some observation of the one and some observation of the other lie within `gapDays` days of
  /// each other (overlapping times count as 0 days apart), so that a delivery of 2017 is not
  /// "answered" by a pledge of 2024. Only `Kind.exchangeable` kinds take part (material ones
  /// unless the dataset says otherwise): one statement does not "answer" another.
  /// - Parameter gapDays: The largest gap; `nil` pairs ties whatever their dates.
  public func exchanges(within gapDays: Int? = NetworkView.exchangeGapDays) -> [Exchange] {
    let directedTies = ties.filter { $0.directed && graph[$0.kind].exchangeable }
    // Directed ties by (source, target), so that each tie finds its answers in one look-up.
    var byPair: [Int64: [Int]] = [:]
    for (k, t) in directedTies.enumerated() { byPair[Int64(t.source.rawValue) << 32 | Int64(t.target.rawValue), default: []].append(k) }
    var out: [Exchange] = []
    for t in directedTies where t.source < t.target {
      for k in byPair[Int64(t.target.rawValue) << 32 | Int64(t.source.rawValue)] ?? [] where directedTies[k].kind != t.kind {
        let u = directedTies[k]
        if let gapDays, !withinGap(t, u, gapDays) { continue }
        out.append(Exchange(first: node(of: t.source)!, second: node(of: t.target)!, given: t.kind, returned: u.kind, confidence: min(t.confidence, u.confidence)))
      }
    }
    return out
  }

  /// Whether some observation of `a` and some of `b` are at most `gap` days apart.
  private func withinGap(_ a: Tie, _ b: Tie, _ gap: Int) -> Bool {
    let spans = { (t: Tie) in t.observations.map { (graph.observation($0).time.firstDay, graph.observation($0).time.lastDay) } }
    let (sa, sb) = (spans(a), spans(b))
    for x in sa {
      for y in sb {
        // Days between the spans, 0 when they overlap; open ends (Int32.min / .max) reach anything.
        let apart = max(0, Int64(y.0) - Int64(x.1), Int64(x.0) - Int64(y.1))
        if apart <= Int64(gap) { return true }
      }
    }
    return false
  }
}

extension SimpleGraph {
  /// Reciprocity of Garlaschelli and Loffredo (2004, doi:10.1103/PhysRevLett.93.268701):
  /// ρ = (r − ā) / (1 − ā), with r the share of reciprocated edges and ā the density; positive when
  /// edges are returned more often than chance, negative when less.
  public func reciprocityGarlaschelliLoffredo() -> Double {
    let a = density()
    return a >= 1 ? 1 : (reciprocity() - a) / (1 - a)
  }
}

/// How many kinds tie one pair of actors.
public struct DyadMultiplexity: Hashable, Sendable {
  /// The lower local node.
  public var first: Int
  /// The higher local node.
  public var second: Int
  /// Kinds with a tie between them.
  public var kinds: Int
}

