import ArgumentParser
import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import CoalitionReports
import Foundation

extension QAPModel: ExpressibleByArgument {}
extension QAPMethod: ExpressibleByArgument {}
extension QAPMode: ExpressibleByArgument {}

struct QAPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "qap",
    abstract: "Regress one relation among actors on others, tested by permuting actors (QAP, MR-QAP).",
    discussion: """
      Each relation is FILE[:WHAT]. A CSV or TSV table, FILE[:COLUMN[:CODES]] (a,b,value — the first two columns name the actors; COLUMN is the value column, default `value` or the third, e.g. alignment.csv:coincidence from `coalition alignment --format csv`; CODES how its actors are coded, as --codes, e.g. contiguity.csv:land:cow), or a dataset (DATASET.json[:KIND[:weight]] — 1 where a tie of that kind, or of any kind, joins the pair, else 0; `weight` sums the ties' weights). The actors are those in any relation (--population union, the default), the dependent's (dependent) or those in every relation (common); a pair a relation does not give is refused unless --missing zero. Models as sna's netlm (linear, t-values), netlogit (logistic, z-values) and qaptest of gcor (correlation); the default test is Dekker's double semi-partialling (--method spp); p-values are shares of --reps permutations drawn from --seed, the same on any thread count.
      """)

  @Option(help: "The dependent relation: FILE[:COLUMN] or DATASET.json[:KIND[:weight]].")
  var dependent: String
  @Option(help: "A covariate, as --dependent (repeat for several).")
  var covariate: [String] = []
  @Option(help: "linear (OLS, t-values), logistic (a 0/1 dependent, z-values) or correlation (one covariate).")
  var model: QAPModel = .linear
  @Option(help: "spp (Dekker's double semi-partialling) or y (permute the dependent).")
  var method: QAPMethod = .spp
  @Option(help: "digraph (ordered pairs) or graph (each unordered pair once).")
  var mode: QAPMode = .digraph
  @Option(help: "Permutations per coefficient.")
  var reps: Int = 1000
  @Option(help: "Seed of the permutations.")
  var seed: UInt64 = 1
  @Option(help: "The actors: union (those in any relation), dependent (the dependent relation's) or common (those in every relation).")
  var population: Population = .union
  @Option(help: "refuse (a pair a relation does not give is an error) or zero (it counts 0).")
  var missing: Missing = .refuse
  @Option(help: "How the actor columns of tables are coded, unless a relation says (FILE:COLUMN:CODES): auto, alpha3, alpha2, numeric or cow (default: taken as they are).")
  var codes: CountryCodeScheme?
  @Option(help: "The year coded tables are read for, where a code meant different states over time (COW 345: Yugoslavia until 2006, Serbia after).")
  var year: Int?
  @Option(help: "Threads for the permutations (default: every core; results do not depend on it).")
  var threads: Int?
  @OptionGroup var table: TableFormatOptions
  @OptionGroup var output: OutputOption

  enum Population: String, ExpressibleByArgument, CaseIterable { case union, dependent, common }
  enum Missing: String, ExpressibleByArgument, CaseIterable { case refuse, zero }

  func validate() throws {
    try checkRange("--reps", reps, 1...10_000_000, "must be from 1 to 10,000,000")
    try checkRange("--threads", threads, threadsRange, "must be from 1 to 4,096 (more than the machine's cores are not used)")
    if covariate.isEmpty { throw ValidationError("give at least one --covariate") }
    if table.format == .html { throw ValidationError("--format html is for reports; qap writes text, markdown, csv or json") }
  }

  /// A relation as given on the command line, read.
  enum Relation {
    case table(RelationTable)
    case view(NetworkView, name: String, weighted: Bool, file: String)

    var actors: [String] {
      switch self {
      case .table(let t): return t.actors
      case .view(let v, _, _, _): return (0..<v.nodeCount).map { v.actor($0).id }.sorted()
      }
    }

    func matrix(over actors: [String], mode: QAPMode, missing: Double?) -> DyadMatrix {
      switch self {
      case .table(let t): return t.matrix(over: actors, mode: mode, missing: missing)
      case .view(let v, let name, let weighted, _): return v.dyadMatrix(name: name, over: actors, mode: mode, weighted: weighted, missing: missing)
      }
    }

    var file: String {
      switch self {
      case .table(let t): return t.file
      case .view(_, _, _, let file): return file
      }
    }
  }

  func read(_ spec: String) throws -> Relation {
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let path = parts[0]
    guard FileManager.default.fileExists(atPath: path) else { throw ToolError("\(path): no such file (in \(spec))") }
    if path.lowercased().hasSuffix(".json") {
      let graph: CoalitionNetwork
      do { graph = try CoalitionNetwork(try loadDataset(path)) } catch { throw ToolError("\(error)") }
      let kind = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
      let weighted = parts.count > 2 && parts[2] == "weight"
      if parts.count > 2, parts[2] != "weight" { throw ToolError("\(spec): after the kind, only ':weight' may follow") }
      let view: NetworkView
      do { view = try graph.view(ViewFilter(kinds: kind.map { [$0] })) } catch { throw ToolError("\(path): \(error)") }
      return .view(view, name: kind ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, weighted: weighted, file: path)
    }
    guard parts.count <= 3 else { throw ToolError("\(spec): a table takes FILE[:COLUMN[:CODES]]") }
    var scheme = codes
    if parts.count == 3 {
      guard let given = CountryCodeScheme(rawValue: parts[2]) else {
        throw ToolError("\(spec): \(parts[2].debugDescription) is no code scheme; one of \(CountryCodeScheme.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      scheme = given
    }
    do {
      return .table(try RelationTable.read(path: path, column: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, codes: scheme, year: year, mode: mode))
    } catch { throw ToolError("\(error)") }
  }

  func run() throws {
    let relations = try ([dependent] + covariate).map(read)
    var actors = relations[0].actors
    switch population {
    case .union: actors = Set(relations.flatMap(\.actors)).sorted()
    case .common:
      for r in relations.dropFirst() {
        let present = Set(r.actors)
        actors = actors.filter(present.contains)
      }
    case .dependent: break
    }
    let fill: Double? = missing == .zero ? 0 : nil
    let matrices = relations.map { $0.matrix(over: actors, mode: mode, missing: fill) }
    // A pair no relation gives is named, with the way out.
    for (r, m) in zip(relations, matrices) where fill == nil {
      let n = actors.count
      if let k = m.values.indices.first(where: { $0 / n != $0 % n && m.values[$0].isNaN && (mode == .digraph || $0 / n > $0 % n) }) {
        throw ToolError(
          "\(r.file): no value for \(actors[k / n]) – \(actors[k % n]) (\(m.values.indices.filter { $0 / n != $0 % n && m.values[$0].isNaN }.count) pairs missing); give --missing zero to count a pair it does not list as 0, or --population common")
      }
    }
    let options = QAPOptions(
      model: model, method: method, mode: mode, reps: reps, seed: seed, threads: clampedThreads(threads ?? ProcessInfo.processInfo.activeProcessorCount))
    let result: QAPResult
    do { result = try QAP.regression(dependent: matrices[0], covariates: Array(matrices.dropFirst()), options: options) } catch {
      throw ToolError("\(error)")
    }
    let title = model == .correlation
      ? "QAP correlation of \(matrices[0].name) and \(matrices[1].name)"
      : "QAP \(model.rawValue) regression of \(matrices[0].name) on \(matrices.dropFirst().map(\.name).joined(separator: ", "))"
    let provenance = "Relations: " + ([dependent] + covariate).joined(separator: "; ") + " · CoalitionGraph \(CoalitionGraphVersion.current)"
    if table.format == .json {
      try output.write(result.jsonText(title: title, provenance: provenance))
    } else {
      try table.write(result.document(title: title, provenance: provenance), to: output)
    }
  }
}
