import CoalitionGraph

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
  public init(rollCalls: [RollCall], votes: [(state: String, rollCall: Int, vote: Vote)]) {
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

  private var observed: Double { Double(same + bothAbstained) / Double(jointVotes) }

  private func shares() -> (a: [Double], b: [Double]) {
    let n = Double(jointVotes)
    let a = (0..<3).map { r in Double(table[r * 3] + table[r * 3 + 1] + table[r * 3 + 2]) / n }
    let b = (0..<3).map { c in Double(table[c] + table[3 + c] + table[6 + c]) / n }
    return (a, b)
  }

  /// Cohen's κ over yes, abstain and no.
  public var kappa: Double {
    guard jointVotes > 0 else { return .nan }
    let (a, b) = shares()
    let chance = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    return chance >= 1 ? .nan : (observed - chance) / (1 - chance)
  }

  /// Scott's π over yes, abstain and no.
  public var pi: Double {
    guard jointVotes > 0 else { return .nan }
    let (a, b) = shares()
    let chance = zip(a, b).reduce(0) { $0 + (($1.0 + $1.1) / 2) * (($1.0 + $1.1) / 2) }
    return chance >= 1 ? .nan : (observed - chance) / (1 - chance)
  }

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
