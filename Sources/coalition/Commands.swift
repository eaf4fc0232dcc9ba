import ArgumentParser
import CoalitionGraph
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation

extension RenderFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Loads, freezes and filters the dataset given on the command line.
func loadView(_ input: DatasetArgument, _ options: ViewOptions) throws -> View {
  let dataset = try input.load()
  let graph: CoalitionGraph
  do { graph = try CoalitionGraph(dataset) } catch { throw ToolError(error.description) }
  return graph.view(try options.filter(for: graph))
}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a coalition map (SVG by default) through Graphviz, in process.",
    discussion: "The format follows --format, else the extension of -o, else SVG.")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: RenderFormat?
  @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
  var engine: LayoutEngine = .dot
  @Option(help: "Heading of the legend (default: the dataset title).")
  var title: String?
  @Flag(help: "Leave out the legend and caption.")
  var noLegend = false
  @Option(help: "Node size by: degree (distinct partners), strength (sum of tie weights) or ties.")
  var sizeBy: NodeSize = .degree
  @OptionGroup var output: OutputOption

  enum NodeSize: String, ExpressibleByArgument, CaseIterable {
    case degree, strength, ties
  }

  func run() throws {
    let format = self.format ?? output.output.flatMap { path in
      RenderFormat.allCases.first { path.lowercased().hasSuffix("." + $0.fileExtension) }
    } ?? .svg
    var style = MapStyle()
    style.showLegend = !noLegend
    style.showCaption = !noLegend
    let selected = try loadView(input, view)
    let scores: NodeScores
    switch sizeBy {
    case .degree: scores = selected.degree(.total)
    case .strength: scores = selected.strength(.total)
    case .ties: scores = selected.tieCount(.total)
    }
    let map = CoalitionMap(view: selected, style: style, sizeBy: scores, title: title)
    let result = try GraphvizRenderer.shared.render(try map.dot(), engine: engine, format: format)
    for w in result.warnings { FileHandle.standardError.write(Data("warning: graphviz: \(w)\n".utf8)) }
    try output.write(result.bytes, binary: format == .png || format == .pdf)
    if let path = output.output {
      FileHandle.standardError.write(Data("wrote \(path) (\(format.rawValue), \(engine.rawValue), \(result.bytes.count) bytes)\n".utf8))
    }
  }
}

struct Dot: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Write the coalition map as DOT text (no layout).")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Heading of the legend (default: the dataset title).")
  var title: String?
  @OptionGroup var output: OutputOption

  func run() throws {
    try output.write(try CoalitionMap(view: try loadView(input, view), title: title).dot())
  }
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a dataset and list every problem with its line, column and path.")

  @OptionGroup var input: DatasetArgument

  func run() throws {
    let dataset = try input.load()
    let graph = try CoalitionGraph(dataset)
    let blocs = graph.blocs.map { "\($0.bloc.name) (\($0.members.count))" }.joined(separator: ", ")
    print("\(input.displayName): valid")
    print("  \(graph.actorCount) actors, \(dataset.observations.count) observations, \(graph.view().ties.count) ties, \(dataset.kinds.count) own kinds")
    if !blocs.isEmpty { print("  blocs: \(blocs)") }
  }
}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rank actors by degree and strength.",
    discussion: "A first centrality report; the full centrality and coalition reports are planned.")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Output format: text, markdown, csv or json.")
  var format: ReportFormat = .text
  @OptionGroup var output: OutputOption

  func run() throws {
    try output.write(DegreeReport(view: try loadView(input, view)).table().formatted(format))
  }
}

struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rewrite a dataset in the canonical JSON layout (validated first).")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var output: OutputOption

  func run() throws {
    try output.write(try input.load().jsonText())
  }
}
