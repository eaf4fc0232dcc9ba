import CoalitionGraph
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation
import FuzzDriver

// libFuzzer target: arbitrary bytes read as a dataset; a valid dataset of at most 30 actors and
// 120 observations goes through the HTML report as `coalition report --format html` makes it
// (map drawn by Graphviz's dot). The page must then hold exactly its two script elements, no
// event-handler attribute anywhere, and a JSON data block that returns every actor's name exactly.
@_cdecl("coalition_fuzz_target")
func target(_ data: UnsafePointer<UInt8>?, _ size: Int) {
  guard let view = smallDatasetView(data, size) else { return }
  var report = CoalitionReport(view: view)
  report.permutations = 200
  report.rankDraws = 0
  guard let document = try? report.document() else { return }
  var page = HTMLReport(document: document, view: view, mapSVG: nil, measures: (try? view.scores([.degree, .betweenness])) ?? [])
  if let drawn = try? GraphvizRenderer.shared.pageMap(CoalitionMap(view: view), engine: .dot) {
    page.mapSVG = String(decoding: drawn.drawing.bytes, as: UTF8.self)
    page.legendSVG = drawn.legend.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
  let html: String
  do { html = try page.html() } catch { fatalError("no page for a valid dataset: \(error)") }
  check(html, view)
}

/// The page's properties; any failure stops the fuzzer with the input saved.
func check(_ html: String, _ view: NetworkView) {
  let bytes = Array(html.utf8)
  let scripts = occurrences(of: Array("<script".utf8), in: bytes)
  guard scripts.count == 2, occurrences(of: Array("</script>".utf8), in: bytes).count == 2 else {
    fatalError("expected 2 script elements, found \(scripts.count)")
  }
  if let handler = eventHandler(in: bytes) { fatalError("an event-handler attribute: \(handler)") }
  // The JSON data block gives back every actor's name as the dataset has it.
  let open = Array("<script type=\"application/json\" id=\"coalition-data\">".utf8)
  guard let start = occurrences(of: open, in: bytes).first else { fatalError("no data block") }
  let body = start + open.count
  guard let end = occurrences(of: Array("</script>".utf8), in: bytes).first(where: { $0 > body }),
    let json = try? JSONSerialization.jsonObject(with: Data(bytes[body..<end])) as? [String: Any],
    let actors = json["actors"] as? [[String: Any]]
  else { fatalError("the data block is not the expected JSON") }
  var names: [String: String] = [:]
  for a in actors { if let id = a["id"] as? String, let name = a["name"] as? String { names[id] = name } }
  for v in 0..<view.nodeCount {
    let actor = view.actor(v)
    guard names[actor.id] == actor.name else { fatalError("actor \(actor.id): the page says \(names[actor.id] ?? "nothing"), not \(actor.name)") }
  }
}

/// Start offsets of `needle` in `haystack`.
func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
  guard needle.count <= haystack.count else { return [] }
  var out: [Int] = []
  var i = 0
  while i + needle.count <= haystack.count {
    if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { out.append(i) }
    i += 1
  }
  return out
}

/// The first attribute named on… inside a tag (outside script bodies, comments and quoted
/// values), with its tag's start, or nil.
func eventHandler(in b: [UInt8]) -> String? {
  var i = 0
  let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
  while i < b.count {
    guard b[i] == lt else {
      i += 1
      continue
    }
    // Comments and script bodies hold no attributes.
    if b[i...].starts(with: Array("<!--".utf8)) {
      i = (occurrences(of: Array("-->".utf8), in: Array(b[i...])).first.map { i + $0 + 3 }) ?? b.count
      continue
    }
    let tagStart = i
    i += 1
    var quote: UInt8? = nil
    var afterSpace = false
    while i < b.count {
      let c = b[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == gt {
        break
      } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: "/") {
        afterSpace = true
        i += 1
        continue
      } else if afterSpace, c | 0x20 == UInt8(ascii: "o"), i + 2 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "n"), (b[i + 2] | 0x20) >= UInt8(ascii: "a"), (b[i + 2] | 0x20) <= UInt8(ascii: "z") {
        var j = i
        while j < b.count, (b[j] | 0x20) >= UInt8(ascii: "a"), (b[j] | 0x20) <= UInt8(ascii: "z") { j += 1 }
        while j < b.count, b[j] == 0x20 { j += 1 }
        if j < b.count, b[j] == UInt8(ascii: "=") { return String(decoding: b[tagStart..<min(b.count, tagStart + 120)], as: UTF8.self) }
      }
      afterSpace = false
      i += 1
    }
    let name = String(decoding: b[tagStart..<min(b.count, tagStart + 8)], as: UTF8.self).lowercased()
    i += 1
    if name.hasPrefix("<script") {
      // Skip to the end of the script element.
      let rest = Array(b[i...])
      i = (occurrences(of: Array("</script>".utf8), in: rest).first.map { i + $0 }) ?? b.count
    }
  }
  return nil
}

runFuzzer()
