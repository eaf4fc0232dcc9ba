import CoalitionGraph
import Foundation

/// A vote in a roll call of the UN General Assembly.
public enum Vote: Int8, Sendable, Hashable, CaseIterable {
  /// In favour.
  case yes = 1
  /// Abstained.
  case abstain = 2
  /// Against.
  case no = 3
}

/// One recorded vote of the UN General Assembly (Voeten's roll-call data).
public struct RollCall: Sendable, Hashable {
  /// The roll-call identifier (`rcid`).
  public var id: Int
  /// The session (70 for 2015–16).
  public var session: Int
  /// The day of the vote.
  public var date: PartialDate?
  /// Marked important by the US State Department's "Voting Practices in the United Nations".
  public var important: Bool
  /// A vote on an amendment.
  public var amendment: Bool
  /// A vote on a paragraph.
  public var paragraph: Bool
  /// Issue codes (`me` Palestinian conflict, `nu` nuclear weapons, `di` arms control, `hr` human
  /// rights, `co` colonialism, `ec` economic development).
  public var issues: Set<String>
  /// The resolution, e.g. `R/70/5`.
  public var resolution: String?
  /// What was voted on.
  public var title: String?

  /// A roll call.
  public init(
    id: Int, session: Int, date: PartialDate?, important: Bool = false, amendment: Bool = false, paragraph: Bool = false,
    issues: Set<String> = [], resolution: String? = nil, title: String? = nil
  ) {
    self.id = id
    self.session = session
    self.date = date
    self.important = important
    self.amendment = amendment
    self.paragraph = paragraph
    self.issues = issues
    self.resolution = resolution
    self.title = title
  }
}

/// Which roll calls to keep.
public struct RollCallFilter: Sendable, Hashable {
  /// First day kept; `nil` for no lower bound.
  public var from: PartialDate?
  /// Last day kept; `nil` for no upper bound.
  public var to: PartialDate?
  /// Sessions kept; `nil` keeps all.
  public var sessions: Set<Int>?
  /// Keep roll calls with at least one of these issue codes; `nil` keeps all.
  public var issues: Set<String>?
  /// Keep only the votes the State Department marked important.
  public var importantOnly: Bool
  /// Leave out votes on amendments.
  public var excludeAmendments: Bool
  /// Leave out votes on paragraphs.
  public var excludeParagraphs: Bool

  /// A filter; the defaults keep every roll call.
  public init(
    from: PartialDate? = nil, to: PartialDate? = nil, sessions: Set<Int>? = nil, issues: Set<String>? = nil, importantOnly: Bool = false,
    excludeAmendments: Bool = false, excludeParagraphs: Bool = false
  ) {
    self.from = from
    self.to = to
    self.sessions = sessions
    self.issues = issues
    self.importantOnly = importantOnly
    self.excludeAmendments = excludeAmendments
    self.excludeParagraphs = excludeParagraphs
  }

  /// Whether `r` passes. A roll call without a date fails a date bound.
  public func keeps(_ r: RollCall) -> Bool {
    if let from, (r.date?.lastDay ?? .min) < from.firstDay { return false }
    if let to, (r.date?.firstDay ?? .max) > to.lastDay { return false }
    if let sessions, !sessions.contains(r.session) { return false }
    if let issues, r.issues.isDisjoint(with: issues) { return false }
    if importantOnly && !r.important { return false }
    if excludeAmendments && r.amendment { return false }
    if excludeParagraphs && r.paragraph { return false }
    return true
  }
}

/// States × roll calls: who voted how. A state that did not vote (absent, not a member) has no
/// vote; the unvotes data record no absences at all.
public struct VoteMatrix: Sendable {
  /// State identifiers (ISO alpha-3), sorted.
  public let states: [String]
  /// The roll calls, by date then id.
  public let rollCalls: [RollCall]
  /// Row-major states × roll calls; 0 for no vote, else a ``Vote`` raw value.
  let cells: [Int8]
  private let lookup: [String: Int]

  /// A matrix from votes keyed by (state, roll-call id); states are sorted and roll calls ordered
  /// by date, then id. Votes for roll calls not in `rollCalls` are ignored.
  public init(rollCalls: [RollCall], votes: [StateVote]) {
    let calls = rollCalls.sorted { ($0.date?.firstDay ?? .min, $0.id) < ($1.date?.firstDay ?? .min, $1.id) }
    let states = Array(Set(votes.map(\.state))).sorted()
    let column = Dictionary(calls.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let row = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
    var cells = [Int8](repeating: 0, count: states.count * calls.count)
    for v in votes {
      guard let c = column[v.rollCall], let r = row[v.state] else { continue }
      cells[r * calls.count + c] = v.vote.rawValue
    }
    self.init(states: states, rollCalls: calls, cells: cells)
  }

  init(states: [String], rollCalls: [RollCall], cells: [Int8]) {
    self.states = states
    self.rollCalls = rollCalls
    self.cells = cells
    lookup = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
  }

  /// The row of state `id`, or `nil`.
  public func index(of id: String) -> Int? { lookup[id] }

  /// How `state` voted in roll call number `k` (an index into ``rollCalls``), or `nil`.
  public func vote(state: Int, rollCall k: Int) -> Vote? { Vote(rawValue: cells[state * rollCalls.count + k]) }

  /// The roll calls `filter` keeps, with every state's votes on them; states left without a vote
  /// are dropped.
  public func filtered(_ filter: RollCallFilter) -> VoteMatrix {
    let keep = rollCalls.indices.filter { filter.keeps(rollCalls[$0]) }
    let n = rollCalls.count
    var states: [String] = []
    var cells: [Int8] = []
    for (s, id) in self.states.enumerated() {
      let row = keep.map { self.cells[s * n + $0] }
      guard row.contains(where: { $0 != 0 }) else { continue }
      states.append(id)
      cells += row
    }
    return VoteMatrix(states: states, rollCalls: keep.map { rollCalls[$0] }, cells: cells)
  }

  /// How states `a` and `b` (row indices) voted against each other, over the roll calls both
  /// voted in.
  public func agreement(_ a: Int, _ b: Int) -> VoteAgreement {
    let n = rollCalls.count
    var table = [Int](repeating: 0, count: 9)  // [vote of a − 1][vote of b − 1]
    for k in 0..<n {
      let (x, y) = (Int(cells[a * n + k]), Int(cells[b * n + k]))
      if x != 0 && y != 0 { table[(x - 1) * 3 + (y - 1)] += 1 }
    }
    return VoteAgreement(table: table)
  }
}

/// How two states voted against each other over the roll calls both voted in, with the
/// similarity measures of the field.
///
/// - ``coincidence``: the US State Department's voting coincidence ("Voting Practices in the
///   United Nations"): (same + partial / 2) / (same + opposite + partial), where *same* is yes–yes
///   or no–no, *opposite* yes–no, *partial* one abstention; votes where both abstain are left out.
/// - ``agreement``: Voeten's agreement score: 1 for the same vote (both abstaining included), ½
///   when one abstains, 0 for yes against no, averaged over the joint votes.
/// - ``kappa``: Cohen's κ over the three categories yes, abstain, no (nominal): (p_o − p_e) /
///   (1 − p_e) with p_e = Σ_k p_a(k)·p_b(k) from each state's own shares (Häge 2011).
/// - ``pi``: Scott's π: the same with p_e = Σ_k ((p_a(k) + p_b(k)) / 2)², shared shares.
///
/// A measure with nothing to divide by (no joint vote; κ and π when chance agreement is 1) is NaN.
public struct VoteAgreement: Sendable, Hashable {
  /// Counts [vote of the first − 1][vote of the second − 1], yes, abstain, no, row-major.
  public let table: [Int]

  /// From a 3 × 3 table of counts, row-major (yes, abstain, no).
  public init(table: [Int]) {
    precondition(table.count == 9, "a 3 × 3 table")
    self.table = table
  }

  private func count(_ a: Vote, _ b: Vote) -> Int { table[(Int(a.rawValue) - 1) * 3 + Int(b.rawValue) - 1] }

  /// Roll calls both states voted in.
  public var jointVotes: Int { table.reduce(0, +) }
  /// Both yes or both no.
  public var same: Int { count(.yes, .yes) + count(.no, .no) }
  /// Both abstained.
  public var bothAbstained: Int { count(.abstain, .abstain) }
  /// One yes, the other no.
  public var opposite: Int { count(.yes, .no) + count(.no, .yes) }
  /// One abstained, the other voted yes or no.
  public var partial: Int { count(.abstain, .yes) + count(.abstain, .no) + count(.yes, .abstain) + count(.no, .abstain) }

  /// The State Department's voting coincidence, 0…1.
  public var coincidence: Double {
    let d = same + opposite + partial
    return d == 0 ? .nan : (Double(same) + Double(partial) / 2) / Double(d)
  }

  /// Voeten's agreement score, 0…1.
  public var agreement: Double {
    let n = jointVotes
    return n == 0 ? .nan : (Double(same + bothAbstained) + Double(partial) / 2) / Double(n)
  }

  /// Cohen's κ over yes, abstain and no.
  public var kappa: Double { ChanceCorrected.agreement(table, categories: 3, scott: false) }

  /// Scott's π over yes, abstain and no.
  public var pi: Double { ChanceCorrected.agreement(table, categories: 3, scott: true) }

  /// The value of `measure`.
  public func value(_ measure: VoteMeasure) -> Double {
    switch measure {
    case .coincidence: return coincidence
    case .agreement: return agreement
    case .kappa: return kappa
    case .pi: return pi
    }
  }
}

/// Chance-corrected agreement of two raters over a k × k table of counts (row-major, first rater
/// by row): (p_o − p_e) / (1 − p_e), with p_e = Σ p_a(c)·p_b(c) (Cohen's κ) or Σ ((p_a(c) +
/// p_b(c)) / 2)² (Scott's π). NaN for an empty table or when chance agreement is 1.
enum ChanceCorrected {
  static func agreement(_ table: [Int], categories k: Int, scott: Bool) -> Double {
    let total = table.reduce(0, +)
    guard total > 0 else { return .nan }
    let n = Double(total)
    let observed = Double((0..<k).reduce(0) { $0 + table[$1 * k + $1] }) / n
    var chance = 0.0
    for c in 0..<k {
      let a = Double((0..<k).reduce(0) { $0 + table[c * k + $1] }) / n
      let b = Double((0..<k).reduce(0) { $0 + table[$1 * k + c] }) / n
      chance += scott ? ((a + b) / 2) * ((a + b) / 2) : a * b
    }
    return chance >= 1 ? .nan : (observed - chance) / (1 - chance)
  }
}

/// The vote-similarity measures of ``VoteAgreement``.
public enum VoteMeasure: String, CaseIterable, Sendable, Hashable {
  /// The State Department's voting coincidence.
  case coincidence
  /// Voeten's agreement score.
  case agreement
  /// Cohen's κ.
  case kappa
  /// Scott's π.
  case pi
}

/// Alliance portfolios of one year (Bueno de Mesquita 1975; Signorino and Ritter 1999): for each
/// state i and each state k of the year's data, the strongest commitment between them — 3 a
/// defence or offence pact, 2 neutrality or non-aggression, 1 consultation, 0 none — and 3 for i
/// itself.
public struct AlliancePortfolios: Sendable {
  /// State identifiers, sorted: every state of the year's data.
  public let states: [String]
  /// Row-major states × states levels 0…3.
  let levels: [UInt8]
  private let lookup: [String: Int]

  /// Portfolios from the strongest level of each pair (either order; a pair given twice keeps
  /// its higher level) over `states`; the diagonal is 3.
  public init(states: [String], pairs: [AllianceLevel]) {
    let sorted = Array(Set(states)).sorted()
    let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
    let n = sorted.count
    var levels = [UInt8](repeating: 0, count: n * n)
    for i in 0..<n { levels[i * n + i] = 3 }
    for p in pairs {
      guard let i = index[p.a], let j = index[p.b], i != j else { continue }
      let l = UInt8(max(0, min(3, p.level)))
      levels[i * n + j] = max(levels[i * n + j], l)
      levels[j * n + i] = max(levels[j * n + i], l)
    }
    self.states = sorted
    self.levels = levels
    lookup = index
  }

  /// The row of state `id`, or `nil`.
  public func index(of id: String) -> Int? { lookup[id] }

  /// The level (0…3) of `k` in `i`'s portfolio.
  public func level(_ i: Int, _ k: Int) -> Int { Int(levels[i * states.count + k]) }

  /// How alike the portfolios of states `i` and `j` are, over every state of the year.
  public func similarity(_ i: Int, _ j: Int) -> PortfolioSimilarity {
    let n = states.count
    var table = [Int](repeating: 0, count: 16)
    var absolute = 0, squared = 0
    for k in 0..<n {
      let (x, y) = (Int(levels[i * n + k]), Int(levels[j * n + k]))
      absolute += abs(x - y)
      squared += (x - y) * (x - y)
      table[x * 4 + y] += 1
    }
    return PortfolioSimilarity(states: n, absoluteDistance: absolute, squaredDistance: squared, table: table)
  }
}

/// The similarity of two alliance portfolios over the n states of a year.
///
/// - ``s``: Signorino and Ritter's S (1999, "Tau-b or not tau-b", ISQ 43), unweighted, with
///   absolute distances: 1 − 2·Σ_k |x_ik − x_jk| / (3n); 1 for identical portfolios, −1 for
///   portfolios as far apart as the scale allows.
/// - ``sSquared``: the same with squared distances: 1 − 2·Σ_k (x_ik − x_jk)² / (9n).
/// - ``kappa``, ``pi``: Cohen's κ and Scott's π over the four levels taken as categories (Häge
///   2011, "Choosing the right tool for the job", Political Analysis 19): (p_o − p_e) / (1 − p_e).
public struct PortfolioSimilarity: Sendable, Hashable {
  /// States of the year (n).
  public let states: Int
  /// Σ_k |x_ik − x_jk|.
  public let absoluteDistance: Int
  /// Σ_k (x_ik − x_jk)².
  public let squaredDistance: Int
  /// Counts [level of i][level of j], 4 × 4, row-major.
  public let table: [Int]

  /// S with absolute distances.
  public var s: Double { states == 0 ? .nan : 1 - 2 * Double(absoluteDistance) / (3 * Double(states)) }
  /// S with squared distances.
  public var sSquared: Double { states == 0 ? .nan : 1 - 2 * Double(squaredDistance) / (9 * Double(states)) }

  /// Cohen's κ over the four levels.
  public var kappa: Double { ChanceCorrected.agreement(table, categories: 4, scott: false) }
  /// Scott's π over the four levels.
  public var pi: Double { ChanceCorrected.agreement(table, categories: 4, scott: true) }
}

/// The portfolio-similarity measures of ``PortfolioSimilarity``.
public enum PortfolioMeasure: String, CaseIterable, Sendable, Hashable {
  /// Signorino and Ritter's S, absolute distances.
  case s
  /// S with squared distances.
  case sSquared = "s-squared"
  /// Cohen's κ over the four levels.
  case kappa
  /// Scott's π over the four levels.
  case pi
}

extension PortfolioSimilarity {
  /// The value of `measure`.
  public func value(_ measure: PortfolioMeasure) -> Double {
    switch measure {
    case .s: return s
    case .sSquared: return sSquared
    case .kappa: return kappa
    case .pi: return pi
    }
  }
}

/// The backbone of a weighted undirected graph by the disparity filter (Serrano, Boguñá and
/// Vespignani 2009, "Extracting the multiscale backbone of complex weighted networks", PNAS 106):
/// an edge is kept when, for at least one of its ends i with k_i > 1 edges and strength s_i, the
/// chance that a uniformly random split of s_i gives it a share of at least p = w / s_i,
/// α = (1 − p)^(k_i − 1), is below `alpha`. An edge of a node with one edge is kept only if
/// the other end keeps it.
public enum DisparityFilter {
  /// Which of `edges` (weight > 0) the filter keeps at significance `alpha`.
  public static func keeps(nodeCount: Int, edges: [WeightedEdge], alpha: Double) -> [Bool] {
    var degree = [Int](repeating: 0, count: nodeCount)
    var strength = [Double](repeating: 0, count: nodeCount)
    for e in edges where e.weight > 0 {
      degree[e.source] += 1
      degree[e.target] += 1
      strength[e.source] += e.weight
      strength[e.target] += e.weight
    }
    func significant(_ i: Int, _ w: Double) -> Bool {
      guard degree[i] > 1, strength[i] > 0 else { return false }
      return pow(1 - w / strength[i], Double(degree[i] - 1)) < alpha
    }
    return edges.map { $0.weight > 0 && (significant($0.source, $0.weight) || significant($0.target, $0.weight)) }
  }
}

/// One state's vote in one roll call.
public struct StateVote: Hashable, Sendable {
  /// The state (ISO alpha-3).
  public var state: String
  /// The roll call's id.
  public var rollCall: Int
  /// The vote.
  public var vote: Vote

  /// A vote.
  public init(state: String, rollCall: Int, vote: Vote) {
    self.state = state
    self.rollCall = rollCall
    self.vote = vote
  }
}

/// The strongest alliance commitment between two states, as a portfolio level: 3 defence or
/// offence, 2 neutrality or non-aggression, 1 consultation, 0 none.
public struct AllianceLevel: Hashable, Sendable {
  /// One state.
  public var a: String
  /// The other.
  public var b: String
  /// 0 to 3.
  public var level: Int

  /// The level between `a` and `b`.
  public init(_ a: String, _ b: String, level: Int) {
    self.a = a
    self.b = b
    self.level = level
  }
}

