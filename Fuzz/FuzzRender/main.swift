import CoalitionGraph
import CoalitionMaps
import CoalitionRender
import Foundation
import FoundationXML
import FuzzDriver

// libFuzzer target along the output path: arbitrary bytes read as a dataset; a valid dataset of
// at most 30 actors and 120 observations becomes a coalition map, its DOT goes through Graphviz's
// neato and dot in process, and each SVG must come back as well-formed XML. Refusing the bytes is
// fine; a valid dataset whose map Graphviz refuses, or whose SVG does not parse, is a failure
// (the DOT writer must quote whatever text a dataset holds), and so is any crash in our code.
@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  guard let view = smallDatasetView(data, size) else { return }
  let dot: String
  do { dot = try CoalitionMap(view: view).dot() } catch { return }  // e.g. nothing to draw
  for engine in [LayoutEngine.neato, .dot] {
    let svg: RenderOutput
    do { svg = try GraphvizRenderer.shared.render(dot, engine: engine, format: .svg) } catch {
      fatalError("Graphviz \(engine) refused the DOT of a valid dataset: \(error)\n\(dot)")
    }
    let parser = XMLParser(data: Data(svg.bytes))
    guard parser.parse() else { fatalError("the \(engine) SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
  }
}

runFuzzer()
