import CoalitionGraph
import CoalitionMetrics

/// How likely each confidence level's observations are to be true, for the report's
/// evidence-thinning draws (``CoalitionReport/keepProbabilities``): a draw keeps each observation
/// with the probability of its confidence.
public struct KeepProbabilities: Hashable, Sendable {
  /// A reported observation (the source states it): 0.95 by default.
  public var reported: Double
  /// An assessed one (the source's own judgement): 0.8.
  public var assessed: Double
  /// An alleged one (the source calls it alleged or unconfirmed): 0.5.
  public var alleged: Double

  /// Probabilities per confidence; the defaults are a reading of the confidence levels, not
  /// measurements: change them where an analyst has better ones.
  public init(reported: Double = 0.95, assessed: Double = 0.8, alleged: Double = 0.5) {
    self.reported = reported
    self.assessed = assessed
    self.alleged = alleged
  }

  /// The probability for `confidence`.
  public subscript(confidence: Confidence) -> Double {
    switch confidence {
    case .reported: return reported
    case .assessed: return assessed
    case .alleged: return alleged
    }
  }

  /// "reported 0.95, assessed 0.8, alleged 0.5".
  public var description: String {
    "reported \(Cell.format(reported)), assessed \(Cell.format(assessed)), alleged \(Cell.format(alleged))"
  }
}

/// The ranking under thinned evidence: ranks over random draws of the observations, and with each
/// of the most cited sources left out.
struct RankRobustness {
  /// Draws made (0 when skipped).
  let draws: Int
  let probabilities: KeepProbabilities
  /// The 5th and 95th percentile of each node's rank over the draws.
  let low: [Int]
  let high: [Int]
  /// Per node, the share of draws in which it ranks first.
  let firstShare: [Double]
  /// Ranks without each of the most cited sources (at most five).
  let withoutSource: [SourceDrop]
  /// Why the draws were not made, when they were not.
  let skipped: String?

  struct SourceDrop {
    let id: String
    let title: String
    /// Each node's rank without the source; `nil` for an actor left with no tie.
    let ranks: [Int?]
  }
}

extension ReportBasis {
  /// The score actors are ranked by, on any view of the report's graph, and whether each node has
  /// a tie: volume (out- plus in-strength) for flows, else degree plus normalised betweenness on
  /// the path ties — the rule of the `actors` table's rank.
  static func rankScore(of v: NetworkView, flows: Bool, pathPolarity: Polarity?, threads: Int) -> (score: [Double], tied: [Bool]) {
    let degree = v.degree(.total)
    let tied = (0..<v.nodeCount).map { degree[$0] > 0 }
    if flows {
      let (out, inn) = (v.strength(.out), v.strength(.in))
      return ((0..<v.nodeCount).map { out[$0] + inn[$0] }, tied)
    }
    let betweenness = v.simpleGraph(directed: false, polarity: pathPolarity).betweenness(threads: threads)
    return ((0..<v.nodeCount).map { betweenness[$0] + degree[$0] }, tied)
  }

  /// Scores of `other` (a view of the same graph) on the report's nodes: 0 for a node it lacks.
  func scores(of other: NetworkView) -> (score: [Double], tied: [Bool]) {
    let (score, tied) = Self.rankScore(of: other, flows: shape == .flows, pathPolarity: pathPolarity, threads: 1)
    var outScore = [Double](repeating: 0, count: n), outTied = [Bool](repeating: false, count: n)
    for v in 0..<n {
      guard let r = other.node(of: view.nodes[v]) else { continue }
      outScore[v] = score[r]
      outTied[v] = tied[r]
    }
    return (outScore, outTied)
  }

  /// The ranking under thinned evidence: `draws` random draws that keep each observation with the
  /// probability of its confidence (seeded; draw d has its own generator, so the result is the
  /// same on any thread count), and the ranks without each of the five most cited sources (when
  /// the view cites two or more). `draws` `nil` makes 200, unless the view is so large that they
  /// would take minutes (then the report says so); 0 makes none.
  func rankRobustness(draws asked: Int?, probabilities: KeepProbabilities, seed: UInt64) -> RankRobustness {
    let g = graph
    let observations = Set(view.ties.flatMap(\.observations)).sorted()
    let flows = shape == .flows
    let cost = Double(n) * Double(max(1, view.ties.count))
    var skipped: String?
    var draws = asked ?? 200
    if asked == nil, !flows, cost * 200 > 4e9 {
      skipped = "left out on a view this large (\(n) actors, \(view.ties.count) ties: 200 draws of betweenness would take minutes); --rank-draws N asks for them"
      draws = 0
    }
    if asked == 0 { skipped = "left out (--rank-draws 0)" }
    let confidences = g.obsConfidence
    let rows = SourceChunks.rows(count: draws, width: n, threads: threads) { range, out in
      for (row, d) in range.enumerated() {
        var rng = SplitMix64(seed: seed ^ 0xA076_1D64_78BD_642F &+ UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
        var keep = [Bool](repeating: false, count: confidences.count)
        for i in observations { keep[i] = Double(rng.next() >> 11) / Double(1 << 53) < probabilities[confidences[i]] }
        let score = scores(of: g.derivedView(view.filter, keeping: keep)).score
        out[row] = NodeScores(name: "", values: score).ranks.map(Double.init)
      }
    }
    var low = [Int](repeating: 0, count: n), high = [Int](repeating: 0, count: n), first = [Double](repeating: 0, count: n)
    if !rows.isEmpty {
      for v in 0..<n {
        let ranks = rows.map { Int($0[v]) }.sorted()
        low[v] = ranks[Int((0.05 * Double(ranks.count - 1)).rounded(.down))]
        high[v] = ranks[Int((0.95 * Double(ranks.count - 1)).rounded(.up))]
        first[v] = Double(ranks.filter { $0 == 1 }.count) / Double(ranks.count)
      }
    }
    // Sources, most cited first.
    var cited: [String: Int] = [:]
    for i in observations {
      for s in Set(g.dataset.observations[i].evidence.map(\.source)) { cited[s, default: 0] += 1 }
    }
    // Each of the five most cited sources left out in turn: independent passes, run in parallel
    // and gathered in order (the same result on any thread count).
    let dropped = cited.count >= 2 ? cited.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(5).map(\.key) : []
    let dropRows = SourceChunks.rows(count: dropped.count, width: 2 * n, threads: threads) { range, out in
      for (row, d) in range.enumerated() {
        let source = dropped[d]
        var keep = [Bool](repeating: false, count: confidences.count)
        for i in observations {
          let evidence = g.dataset.observations[i].evidence
          keep[i] = evidence.isEmpty || evidence.contains { $0.source != source }
        }
        let (score, tied) = scores(of: g.derivedView(view.filter, keeping: keep))
        let ranks = NodeScores(name: "", values: score).ranks
        out[row] = ranks.map(Double.init) + tied.map { $0 ? 1 : 0 }
      }
    }
    let drops = zip(dropped, dropRows).map { source, row in
      let title = g.dataset.sources.first { $0.id == source }?.title ?? source
      return RankRobustness.SourceDrop(id: source, title: title, ranks: (0..<n).map { row[n + $0] > 0 ? Int(row[$0]) : nil })
    }
    return RankRobustness(
      draws: rows.count, probabilities: probabilities, low: low, high: high, firstShare: first, withoutSource: drops, skipped: skipped)
  }

  /// Whether the top of the ranking holds when evidence is thinned, in words a reader can check.
  func robustnessFinding() -> Finding? {
    guard let top = order.first, robustness.draws > 0, rankAll[top] == 1 else { return nil }
    let share = robustness.firstShare[top]
    let fallen = robustness.withoutSource.filter { ($0.ranks[top] ?? Int.max) > 1 }
    let how = "of \(Words.amount(Double(robustness.draws))) draws that keep each observation with a probability set by its confidence (\(robustness.probabilities.description))"
    var text: String
    if share >= 0.95 && fallen.isEmpty {
      text = "\(names[top]) stays first when the evidence is thinned: in \(Words.percent(share)) \(how)"
      text += robustness.withoutSource.isEmpty ? "." : ", and without any one of the \(Words.count(robustness.withoutSource.count, "most cited source")) in turn."
    } else {
      let spread = robustness.low[top] == robustness.high[top]
        ? Words.ordinal(robustness.low[top]) : "\(Words.ordinal(robustness.low[top])) to \(Words.ordinal(robustness.high[top]))"
      text = "\(names[top]) is first in \(Words.percent(share)) \(how), and \(spread) in 90% of them"
      if let worst = fallen.max(by: { ($0.ranks[top] ?? Int.max) < ($1.ranks[top] ?? Int.max) }) {
        let place = worst.ranks[top].map { "falls to \(Words.ordinal($0))" } ?? "keeps no tie"
        text += "; without \(worst.title) it \(place)"
      }
      text += ": the first place rests on evidence that may not hold."
    }
    return Finding(id: "ranking.robustness", text: text, actors: [names[top]], rows: actorRows([top]))
  }
}
