import ArgumentParser
import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import CoalitionReports
import Foundation

struct PanelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "panel",
    abstract: "Actor-period or dyad-period panels, keyed by COW and ISO codes, one table for R, Stata or pandas.",
    discussion: """
      Each period reads what was in force in it (an alliance spell counts in every year it covers). Actor rows: actor, name, ccode, iso3, year (or period_start, period_end), the measures (as coalition metrics computes them on the period's view), the five brokerage roles and their total, bloc and community. Dyad rows (--dyads): ccode1, ccode2, actor1, actor2, the period, per kind its summed weight and observation count, first and last day, and with --votes/--roll-calls the pair's UN vote coincidence in the period, with --atop its alliance-portfolio S, with --contiguity its COW contiguity type. Periods without a tie give no rows; a note names them.
      """)

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Periods: year, month, or a window length such as 5y or 6m.")
  var by: String = "year"
  @Option(name: .customLong("measure"), help: "A measure of the actor panel (repeat; default: degree, in-strength, out-strength, betweenness, eigenvector, pagerank, core, clustering).")
  var measures: [CentralityMeasure] = []
  @Option(help: "Normalised values (true) or raw ones (false), as metrics.")
  var normalized = true
  @Flag(help: "Dyad-period rows instead of actor-period rows.")
  var dyads = false
  @Option(help: "Dyad rows: UN General Assembly votes (with --roll-calls) for a vote_coincidence column per period.")
  var votes: String?
  @Option(help: "Dyad rows: the roll calls of --votes.")
  var rollCalls: String?
  @Option(help: "Dyad rows: an ATOP dyad-year file for a portfolio_s column: Signorino and Ritter's S of the pair's alliance portfolios in each year (yearly panels).")
  var atop: String?
  @Option(help: "Dyad rows: COW direct contiguity (contdir) for a contiguity column: the closest type in force in the period (1 land … 5 water up to 400 miles), 0 for none, empty beyond the file's years.")
  var contiguity: String?
  @Option(help: "csv, tsv or jsonl (one JSON object per line).")
  var format: PanelFormat = .csv
  @OptionGroup var output: OutputOption

  enum PanelFormat: String, ExpressibleByArgument, CaseIterable { case csv, tsv, jsonl }

  func validate() throws {
    if unit == nil { throw ValidationError("--by \(by): expected year, month or a length such as 5y, 6m, 30d") }
    if dyads, !measures.isEmpty { throw ValidationError("--measure applies to actor rows; dyad rows carry the ties, not measures (leave out --dyads or --measure)") }
    if !dyads, votes != nil || contiguity != nil || atop != nil { throw ValidationError("--votes, --atop and --contiguity add dyad columns; give --dyads") }
    if atop != nil, by != "year" { throw ValidationError("--atop portfolios are yearly; give --by year") }
    if (votes == nil) != (rollCalls == nil) { throw ValidationError("give --votes and --roll-calls together") }
  }

  var unit: PanelUnit? {
    switch by {
    case "year": return .year
    case "month": return .month
    default: return TimeSpan(by).map { .span($0) }
    }
  }

  func run() throws {
    let dataset = try input.load()
    let graph: CoalitionNetwork
    do { graph = try CoalitionNetwork(dataset) } catch { throw ToolError("\(error)") }
    let filter = try view.filter(for: graph)
    try graph.check(filter)
    let periods: [DateWindow]
    do { periods = try Panel.periods(of: dataset, filter: filter, by: unit!) } catch { throw ToolError("--by \(by): \(error)") }
    var panel = Panel(graph: graph, filter: filter, periods: periods, yearly: unit == .year)
    if !measures.isEmpty { panel.measures = measures }
    panel.options = MeasureOptions(threads: ProcessInfo.processInfo.activeProcessorCount, normalized: normalized)
    panel.pathPolarity = view.pathPolarity
    let result: PanelTable
    var covariates: [DyadCovariate] = []
    do {
      if let votes, let rollCalls {
        covariates.append(.voteCoincidence(try UNVotes.read(votes: votes, rollCalls: rollCalls).matrix))
      }
      if let atop {
        // Each year's portfolios, read once (ATOP's dyad-years; years it lacks give no value).
        var byYear: [Int: AlliancePortfolios] = [:]
        for w in periods {
          guard let y = w.from?.year else { continue }
          if let p = try? ATOP.portfolios(path: atop, year: Int(y)), !p.states.isEmpty { byYear[Int(y)] = p }
        }
        let portfolios = byYear
        covariates.append(
          DyadCovariate(name: "portfolio_s") { a, b, period in
            guard let y = period.from?.year, let p = portfolios[Int(y)], let i = p.index(of: a), let j = p.index(of: b) else { return nil }
            return p.similarity(i, j).s
          })
      }
      if let contiguity {
        // The closest type of any spell of the pair overlapping the period.
        let all = try ContiguitySpell.read(path: contiguity)
        let spells = Dictionary(grouping: all) { [$0.first, $0.second].sorted().joined(separator: " ") }
        let (start, end) = (all.map(\.firstDay).min() ?? .max, all.map(\.lastDay).max() ?? .min)
        covariates.append(
          DyadCovariate(name: "contiguity") { a, b, period in
            let (lo, hi) = (period.from?.firstDay ?? .min, period.to?.lastDay ?? .max)
            // Beyond the data's years nothing is known: undefined, not 0.
            guard lo <= end, hi >= start else { return nil }
            let types = (spells[[a, b].sorted().joined(separator: " ")] ?? []).filter { $0.firstDay <= hi && $0.lastDay >= lo }.map(\.type)
            return Double(types.min() ?? 0)
          })
      }
    } catch { throw ToolError("\(error)") }
    do { result = dyads ? panel.dyads(covariates: covariates) : try panel.actors() } catch { throw ToolError("\(error)") }
    if !result.emptyPeriods.isEmpty {
      let listed = result.emptyPeriods.prefix(12).map { unit == .year ? String($0.from?.year ?? 0) : $0.description }.joined(separator: ", ")
      output.note("note: \(result.emptyPeriods.count) of \(periods.count) periods have no tie and no rows: \(listed)\(result.emptyPeriods.count > 12 ? ", …" : "")")
    }
    switch format {
    case .csv: try output.write(result.table.formatted(.csv))
    case .tsv: try output.write(result.table.tsv())
    case .jsonl: try output.write(result.table.jsonLines())
    }
    if let path = output.path { output.note("wrote \(path) (\(result.table.rows.count) rows over \(periods.count) periods)") }
  }
}
