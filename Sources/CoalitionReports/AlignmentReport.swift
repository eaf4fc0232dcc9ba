import CoalitionGraph
import CoalitionMetrics

/// UN General Assembly voting alignment as a table: every state against one (as the US State
/// Department publishes it), or every pair among chosen states.
///
/// Columns: `rank` (by ``measure``, highest first, NaN last; only against one state), `state`,
/// `name` — or `state_a`, `state_b` for pairs — then `joint_votes`, `same`, `opposite`,
/// `partial`, `both_abstained`, `coincidence`, `agreement`, `kappa`, `pi` (see `VoteAgreement`).
public struct AlignmentReport: Sendable {
  /// The votes, already filtered.
  public let matrix: VoteMatrix
  /// The measure rows are ranked by.
  public let measure: VoteMeasure
  /// What the roll calls were filtered by, in words, for the notes.
  public var selection: String

  /// A report on `matrix`, ranked by `measure`.
  public init(matrix: VoteMatrix, measure: VoteMeasure = .coincidence, selection: String = "all roll calls") {
    self.matrix = matrix
    self.measure = measure
    self.selection = selection
  }

  static let measureColumns = ["joint_votes", "same", "opposite", "partial", "both_abstained", "coincidence", "agreement", "kappa", "pi"]

  static func cells(_ a: VoteAgreement) -> [Cell] {
    [
      .integer(a.jointVotes), .integer(a.same), .integer(a.opposite), .integer(a.partial), .integer(a.bothAbstained),
      .number(a.coincidence), .number(a.agreement), .number(a.kappa), .number(a.pi),
    ]
  }

  static func name(_ id: String) -> String { CountryTable.country(alpha3: id)?.name ?? id }

  var notes: [String] {
    [
      "\(matrix.rollCalls.count) roll calls (\(selection)); \(matrix.states.count) states voted in at least one.",
      "same: both yes or both no; opposite: yes against no; partial: one abstained; joint_votes counts the roll calls both voted in (absences are not recorded).",
      "coincidence (US State Department): (same + partial/2) / (same + opposite + partial), both-abstained votes left out; agreement (Voeten): 1 same vote, ½ one abstention, 0 yes against no, averaged; kappa (Cohen) and pi (Scott): chance-corrected agreement over yes, abstain, no.",
    ]
  }

  /// Every other state against `state`, ranked by ``measure``.
  /// - Throws: ``AlignmentError`` when `state` cast no vote in the selection.
  public func against(_ state: String) throws -> ReportTable {
    guard let s = matrix.index(of: state) else { throw AlignmentError.noVotes(state: state, selection: selection) }
    let others = matrix.states.indices.filter { $0 != s }
    let results = others.map { matrix.agreement($0, s) }
    let key = results.map { $0.value(measure) }
    let ranks = Ranking.ranks(key)
    let rows: [[Cell]] = Ranking.order(key).map { k in
      let id = matrix.states[others[k]]
      return [.integer(ranks[k]), .text(id), .text(AlignmentReport.name(id))] + AlignmentReport.cells(results[k])
    }
    return ReportTable(
      title: "alignment with \(state)", columns: ["rank", "state", "name"] + AlignmentReport.measureColumns, rows: rows,
      notes: notes + ["Ranked by \(measure.rawValue) with \(state) (\(AlignmentReport.name(state)))."])
  }

  /// Every pair among `states` (all states when empty), in the order given.
  /// - Throws: ``AlignmentError`` when one of `states` cast no vote in the selection.
  public func pairs(among states: [String] = []) throws -> ReportTable {
    var rows: [Int] = []
    for id in states {
      guard let s = matrix.index(of: id) else { throw AlignmentError.noVotes(state: id, selection: selection) }
      rows.append(s)
    }
    if states.isEmpty { rows = Array(matrix.states.indices) }
    var out: [[Cell]] = []
    for i in rows.indices {
      for j in rows.indices where j > i {
        let (a, b) = (matrix.states[rows[i]], matrix.states[rows[j]])
        out.append([.text(a), .text(b)] + AlignmentReport.cells(matrix.agreement(rows[i], rows[j])))
      }
    }
    return ReportTable(title: "alignment between pairs", columns: ["state_a", "state_b"] + AlignmentReport.measureColumns, rows: out, notes: notes)
  }
}

/// Why an alignment table cannot be made.
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The state cast no vote among the selected roll calls (or is not in the files).
  case noVotes(state: String, selection: String)

  public var description: String {
    switch self {
    case .noVotes(let state, let selection):
      return "\(state) cast no vote in the selected roll calls (\(selection)); states are ISO alpha-3 codes such as USA, RUS, CHN"
    }
  }
}
