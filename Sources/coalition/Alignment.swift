import ArgumentParser
import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import CoalitionReports
import Foundation


struct Alignment: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How far states line up in the UN General Assembly: vote coincidence, agreement, Cohen's kappa, Scott's pi.",
    discussion: """
      UN votes: Voeten's roll-call data as the unvotes package lays it out (--votes, --roll-calls, optionally --issues); measures coincidence (the default), agreement, kappa, pi. Alliances: --atop FILE --year Y (an ATOP dyad-year file); measures s (the default), s-squared, kappa, pi. With --with ISO3, every state against that one, ranked by --measure (as the US State Department's "Voting Practices in the United Nations" gives it); otherwise every pair among the --actor states (all states when none is given). Counts (joint votes, same, opposite, partial, both abstained) come with every measure; csv and json are exact.
      """)

  @Option(help: "The votes file: rcid, country, country_code (ISO alpha-2), vote — or the UN Digital Library's export (ms_code, ms_vote, …), which needs no --roll-calls.")
  var votes: String?
  @Option(help: "The roll-call file: rcid, session, importantvote, date, unres, amend, para, short, descr.")
  var rollCalls: String?
  @Option(help: "An ATOP dyad-year file: alliance-portfolio similarity instead of votes (with --year).")
  var atop: String?
  @Option(help: "With --atop: the year of the portfolios.")
  var year: Int?
  @Option(help: "The issues file: rcid, short_name, issue (needed for --issue).")
  var issues: String?
  @Option(help: "First day of the roll calls kept (YYYY, YYYY-MM or YYYY-MM-DD).")
  var from: String?
  @Option(help: "Last day of the roll calls kept.")
  var to: String?
  @Option(help: "Keep only this session (repeat for several).")
  var session: [Int] = []
  @Option(help: "Keep only roll calls on this issue code: me, nu, di, hr, co, ec (repeat for several; needs --issues).")
  var issue: [String] = []
  @Flag(help: "Keep only the votes the State Department marked important.")
  var important = false
  @Flag(help: "Leave out votes on amendments.")
  var noAmendments = false
  @Option(help: "Rank by: coincidence, agreement, kappa or pi (votes); s, s-squared, kappa or pi (alliances).")
  var measure: String?
  @Option(name: .customLong("with"), help: "Every state against this one (ISO alpha-3, e.g. USA).")
  var counterpart: String?
  @Option(name: .customLong("actor"), help: "Pairs among these states (ISO alpha-3; repeat).")
  var actors: [String] = []
  @Flag(help: "Write the similarities as a dataset (JSON) of weighted, undirected ties — vote-alignment or alliance-similarity — for render, report and the HTML report.")
  var ties = false
  @Option(help: "With --ties: keep the pairs whose --measure is at least this.")
  var threshold: Double?
  @Option(help: "With --ties: keep the disparity-filter backbone at this significance (e.g. 0.05). Similarities of almost every pair are alike, so the backbone keeps few ties; a threshold often says more.")
  var backbone: Double?
  @Option(help: "With --ties: copy the blocs of this dataset (members that are states of the data), so that the report compares them with the communities found.")
  var blocs: String?
  @OptionGroup var table: TableFormatOptions
  @OptionGroup var output: OutputOption

  func validate() throws {
    if !ties, threshold != nil || backbone != nil || blocs != nil { throw ValidationError("--threshold, --backbone and --blocs apply to --ties") }
    if threshold != nil, backbone != nil { throw ValidationError("give --threshold or --backbone, not both") }
    if ties, threshold == nil, backbone == nil {
      throw ValidationError("--ties needs a rule for which pairs become ties: --threshold X (e.g. 0.9 for coincidence) or --backbone ALPHA (e.g. 0.05)")
    }
    try checkRange("--threshold", threshold, -1...1, "must be a similarity from -1 to 1")
    try checkRange("--year", year, 1...9999, "must be a year from 1 to 9999")
    if let backbone, !(backbone > 0 && backbone < 1) { throw ValidationError("--backbone must be a significance between 0 and 1, e.g. 0.05") }
    if ties, counterpart != nil { throw ValidationError("--ties writes the pairs among every state (or the --actor states); --with makes a table") }
    if atop != nil {
      guard votes == nil, rollCalls == nil else { throw ValidationError("give --votes and --roll-calls, or --atop, not both") }
      guard year != nil else { throw ValidationError("--atop needs --year") }
      if let measure, PortfolioMeasure(rawValue: measure) == nil {
        throw ValidationError("--measure \(measure): alliances are compared by \(PortfolioMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if from != nil || to != nil || !session.isEmpty || !issue.isEmpty || important || noAmendments {
        throw ValidationError("--from, --to, --session, --issue, --important and --no-amendments select roll calls; with --atop give --year")
      }
    } else {
      guard votes != nil else { throw ValidationError("give --votes FILE --roll-calls FILE (UN votes; the UN Digital Library's export needs no --roll-calls) or --atop FILE --year Y (alliances)") }
      if let measure, VoteMeasure(rawValue: measure) == nil {
        throw ValidationError("--measure \(measure): votes are compared by \(VoteMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, PartialDate(value) == nil { throw ValidationError("\(name) \(value): not a date of the form YYYY, YYYY-MM or YYYY-MM-DD") }
    }
    if !issue.isEmpty && issues == nil { throw ValidationError("--issue needs the issues file (--issues FILE)") }
    if counterpart != nil && !actors.isEmpty { throw ValidationError("give --with (every state against one) or --actor (pairs among them), not both") }
    if actors.count == 1 { throw ValidationError("--actor needs at least two states to pair; for every state against one, use --with \(actors[0])") }
  }

  func run() throws {
    if let atop, let year {
      let portfolios: AlliancePortfolios
      do { portfolios = try ATOP.portfolios(path: atop, year: year) } catch { throw ToolError("\(error)") }
      let chosen = measure.flatMap(PortfolioMeasure.init) ?? .s
      if ties {
        let rows = try subset(portfolios.states) { portfolios.index(of: $0) }
        let d = AlignmentDataset.make(
          title: "Alliance-portfolio similarity, \(year)",
          description: "Signorino–Ritter \(chosen.rawValue) of ATOP alliance portfolios in \(year), \(tieWords); written by coalition alignment.",
          states: rows.map { portfolios.states[$0] }, kind: AlignmentDataset.allianceKind,
          source: Source(id: "atop-5.1", title: "Alliance Treaty Obligations and Provisions (ATOP) 5.1", publisher: "Leeds, Ritter, Mitchell and Long", url: "http://www.atopdata.org/"),
          time: .on(PartialDate(year: year)!), selection: selection,
          similarity: { portfolios.similarity(rows[$0], rows[$1]).value(chosen) },
          note: { i, j in
            let p = portfolios.similarity(rows[i], rows[j])
            return "S \(JSONWriter.number(p.s)), S squared \(JSONWriter.number(p.sSquared)), kappa \(JSONWriter.number(p.kappa)), pi \(JSONWriter.number(p.pi)) over \(p.states) states"
          })
        return try writeTies(d)
      }
      let report = PortfolioReport(portfolios: portfolios, year: year, measure: chosen)
      let result: ReportTable
      do {
        result = try counterpart.map { try report.against($0.uppercased()) } ?? report.pairs(among: actors.map { $0.uppercased() })
      } catch { throw ToolError("\(error)") }
      output.note("\(portfolios.states.count) states in the alliance data of \(year)")
      return try output.write(table.text(result))
    }
    guard let votes else { return }
    let read: UNVotes.Result
    do { read = try UNVotes.read(votes: votes, rollCalls: rollCalls, issues: issues) } catch { throw ToolError("\(error)") }
    for line in read.issues.prefix(20) { printError("warning: \(line)") }
    if read.issues.count > 20 { printError("warning: … and \(read.issues.count - 20) more problems") }
    let filter = RollCallFilter(
      from: from.flatMap(PartialDate.init), to: to.flatMap(PartialDate.init), sessions: session.isEmpty ? nil : Set(session),
      issues: issue.isEmpty ? nil : Set(issue), importantOnly: important, excludeAmendments: noAmendments)
    let matrix = read.matrix.filtered(filter)
    guard !matrix.rollCalls.isEmpty else { throw ToolError("no roll call is left after the filters") }
    var words: [String] = []
    if let from { words.append("from \(from)") }
    if let to { words.append("to \(to)") }
    if !session.isEmpty { words.append("sessions " + session.map(String.init).joined(separator: ", ")) }
    if !issue.isEmpty { words.append("issues " + issue.joined(separator: ", ")) }
    if important { words.append("important votes only") }
    if noAmendments { words.append("no amendments") }
    let selected = words.isEmpty ? "all roll calls" : words.joined(separator: "; ")
    let chosen = measure.flatMap(VoteMeasure.init) ?? .coincidence
    if ties {
      let dates = matrix.rollCalls.compactMap(\.date)
      let rows = try subset(matrix.states) { matrix.index(of: $0) }
      let d = AlignmentDataset.make(
        title: "UN General Assembly vote alignment", description: "\(chosen.rawValue) of UN General Assembly votes (\(selected), \(matrix.rollCalls.count) roll calls), \(tieWords); written by coalition alignment.",
        states: rows.map { matrix.states[$0] }, kind: AlignmentDataset.voteKind,
        source: Source(id: "unvotes", title: "United Nations General Assembly voting data (Voeten), via the unvotes package", publisher: "Erik Voeten; David Robinson", url: "https://dataverse.harvard.edu/dataverse/Voeten"),
        time: .between(from: dates.min(), to: dates.max()), selection: selection,
        similarity: { matrix.agreement(rows[$0], rows[$1]).value(chosen) },
        note: { i, j in
          let a = matrix.agreement(rows[i], rows[j])
          return "\(a.jointVotes) joint votes: \(a.same) same, \(a.opposite) opposite, \(a.partial) partial, \(a.bothAbstained) both abstained; coincidence \(JSONWriter.number(a.coincidence)), agreement \(JSONWriter.number(a.agreement)), kappa \(JSONWriter.number(a.kappa)), pi \(JSONWriter.number(a.pi))"
        })
      return try writeTies(d)
    }
    let report = AlignmentReport(matrix: matrix, measure: chosen, selection: selected)
    let result: ReportTable
    do {
      result = try counterpart.map { try report.against($0.uppercased()) } ?? report.pairs(among: actors.map { $0.uppercased() })
    } catch { throw ToolError("\(error)") }
    output.note("\(read.votesKept) votes of \(read.votesRead) read; \(matrix.rollCalls.count) roll calls kept")
    try output.write(table.text(result))
  }

  /// The rows of the --actor states (every state when none is given).
  func subset(_ all: [String], _ index: (String) -> Int?) throws -> [Int] {
    guard !actors.isEmpty else { return Array(all.indices) }
    return try actors.map { id in
      guard let i = index(id.uppercased()) else { throw ToolError("\(id.uppercased()) is not in the data; states are ISO alpha-3 codes such as USA, RUS, CHN") }
      return i
    }
  }

  var selection: AlignmentTieSelection { threshold.map { .threshold($0) } ?? .backbone(alpha: backbone ?? 1) }

  var tieWords: String {
    switch selection {
    case .threshold(let t): return "pairs at \(JSONWriter.number(t)) or more"
    case .backbone(let a): return "the disparity-filter backbone at alpha \(JSONWriter.number(a))"
    }
  }

  /// Writes the alignment dataset, with the blocs of `--blocs` restricted to its states.
  func writeTies(_ dataset: Dataset) throws {
    var d = dataset
    if let blocs {
      let source: Dataset
      do { source = try Dataset(contentsOf: blocs) } catch { throw ToolError("\(error)") }
      let present = Set(d.actors.map(\.id))
      for var b in source.blocs {
        b.members = b.members.filter(present.contains)
        if !b.members.isEmpty { d.blocs.append(b) }
      }
    }
    if d.observations.isEmpty { printError("warning: no pair passes \(tieWords): the dataset has states but no ties") }
    let problems = d.validate()
    guard problems.isEmpty else { throw ToolError(problems.map(\.description).joined(separator: "\n")) }
    try output.write(d.jsonText())
    if let path = output.path { output.note("wrote \(path) (\(d.actors.count) states, \(d.observations.count) ties, \(d.blocs.count) blocs)") }
  }
}
