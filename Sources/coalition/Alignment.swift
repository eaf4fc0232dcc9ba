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

  @Option(help: "The votes file: rcid, country, country_code (ISO alpha-2), vote.")
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
  @OptionGroup var table: TableFormatOptions
  @OptionGroup var output: OutputOption

  func validate() throws {
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
      guard votes != nil, rollCalls != nil else { throw ValidationError("give --votes FILE --roll-calls FILE (UN votes) or --atop FILE --year Y (alliances)") }
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
      let report = PortfolioReport(portfolios: portfolios, year: year, measure: measure.flatMap(PortfolioMeasure.init) ?? .s)
      let result: ReportTable
      do {
        result = try counterpart.map { try report.against($0.uppercased()) } ?? report.pairs(among: actors.map { $0.uppercased() })
      } catch { throw ToolError("\(error)") }
      output.note("\(portfolios.states.count) states in the alliance data of \(year)")
      return try output.write(table.text(result))
    }
    guard let votes, let rollCalls else { return }
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
    let report = AlignmentReport(matrix: matrix, measure: measure.flatMap(VoteMeasure.init) ?? .coincidence, selection: words.isEmpty ? "all roll calls" : words.joined(separator: "; "))
    let result: ReportTable
    do {
      result = try counterpart.map { try report.against($0.uppercased()) } ?? report.pairs(among: actors.map { $0.uppercased() })
    } catch { throw ToolError("\(error)") }
    output.note("\(read.votesKept) votes of \(read.votesRead) read; \(matrix.rollCalls.count) roll calls kept")
    try output.write(table.text(result))
  }
}
