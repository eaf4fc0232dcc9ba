import Foundation
import Testing

@testable import CoalitionMaps

@Test func plainNamesStayBareEverythingElseIsQuoted() throws {
  #expect(try DOTWriter.identifier("RUS") == "RUS")
  #expect(try DOTWriter.identifier("_a1") == "_a1")
  #expect(try DOTWriter.identifier("Türkiye") == "Türkiye")  // UTF-8 bytes count as letters in DOT
  #expect(try DOTWriter.identifier("graph") == "\"graph\"")
  #expect(try DOTWriter.identifier("Subgraph") == "\"Subgraph\"")  // keywords are case-insensitive
  #expect(try DOTWriter.identifier("1abc") == "\"1abc\"")
  #expect(try DOTWriter.identifier("") == "\"\"")
  #expect(try DOTWriter.identifier("a b") == "\"a b\"")
  #expect(try DOTWriter.identifier("say \"hi\"") == "\"say \\\"hi\\\"\"")
  #expect(try DOTWriter.identifier("a\\b") == "\"a\\b\"")
  #expect(try DOTWriter.identifier("a\\\\") == "\"a\\\\\"")  // an even run before the closing quote is safe
}

@Test func backslashBeforeQuoteOrEndUsesHTMLForm() throws {
  #expect(try DOTWriter.identifier("ends with \\") == "<ends with \\>")
  #expect(try DOTWriter.identifier("a\\\"b") == "<a\\\"b>")
  #expect(try DOTWriter.identifier("line\\\nbreak") == "<line\\\nbreak>")
  #expect(throws: DOTError.self) { try DOTWriter.identifier("<unbalanced \\") }
}

@Test func textEscapesBackslashesQuotesAndLineBreaks() {
  #expect(DOTWriter.text("a\\N") == "\"a\\\\N\"")  // never expands to the node name
  #expect(DOTWriter.text("two\nlines") == "\"two\\nlines\"")
  #expect(DOTWriter.text("crlf\r\nline") == "\"crlf\\nline\"")
  #expect(DOTWriter.text("q\"") == "\"q\\\"\"")
  #expect(DOTWriter.text("trailing\\") == "\"trailing\\\\\"")
  #expect(DOTWriter.text("&amp; & co") == "\"&amp;amp; &amp; co\"")  // Graphviz decodes entities in labels
}

@Test func htmlLabelsEscapeTextAndAttributeValues() {
  let label = HTMLLabel.font([HTMLAttribute("COLOR", "#ff0000\"><B>")], .text("A & B <i>\"q\"</i>\u{7}"))
  #expect(label.markup == "<FONT COLOR=\"#ff0000&quot;&gt;&lt;B&gt;\">A &amp; B &lt;i&gt;&quot;q&quot;&lt;/i&gt;</FONT>")
  #expect(HTMLLabel.lineBreak.markup == "<BR/>")
  #expect(HTMLLabel.font([HTMLAttribute("COLOR", "red")], .text("")).markup.isEmpty)  // Graphviz rejects an empty FONT
  #expect(HTMLLabel.cell(.text("")).markup == "<TD></TD>")
}

@Test func writerEmitsStatementsInOrder() throws {
  let g = DOTGraph(
    name: "g", directed: false, strict: true, attributes: [DOTAttribute("label", .text("L"))],
    nodeDefaults: [DOTAttribute("shape", .id("box"))],
    subgraphs: [DOTSubgraph("cluster_0", attributes: [DOTAttribute("label", .text("C"))], nodes: [DOTNode("a")])],
    nodes: [DOTNode("b", [DOTAttribute("width", .number(0.5)), DOTAttribute("fixedsize", .bool(true))])],
    edges: [DOTEdge("a", "b", [DOTAttribute("penwidth", .number(1.23456789))])])
  let expected = """
    strict graph g {
      graph [label="L"];
      node [shape=box];
      subgraph cluster_0 {
        label="C";
        a;
      }
      b [width=0.5, fixedsize=true];
      a -- b [penwidth=1.2346];
    }

    """
  #expect(try DOTWriter.write(g) == expected)
}

/// Names cgraph keeps for anonymous objects (a leading `%`, after any underscores) get one more
/// underscore; every other name is written as it is, and the reported name maps back.
@Test func graphvizReservedNamesGetOneMoreUnderscore() throws {
  #expect(try DOTWriter.objectName("%x") == "\"_%x\"")
  #expect(try DOTWriter.objectName("_%x") == "\"__%x\"")
  #expect(try DOTWriter.objectName("%Russia's coalition") == "\"_%Russia's coalition\"")
  #expect(try DOTWriter.objectName("x%") == "\"x%\"")
  #expect(try DOTWriter.objectName("_x") == "_x")
  // An ampersand Graphviz would copy into SVG as an entity is written as &amp;; others stay.
  #expect(try DOTWriter.objectName("A&b;") == "\"A&amp;b;\"")
  #expect(try DOTWriter.objectName("&;") == "\"&amp;;\"")
  #expect(try DOTWriter.objectName("a & b") == "\"a & b\"")
  #expect(try DOTWriter.objectName("x&amp") == "\"x&amp\"")
  for name in ["%x", "_%x", "__%", "x%", "_x", "RUS", "%", "", "A&b;", "&;", "&#12;", "&#x;", "&#X1f;", "x&amp;", "x&amp", "a&&b;", "%&q;", "& ;"] {
    #expect(DOTWriter.objectName(reported: try DOTWriter.objectName(name).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) == name, "\(name)")
  }
}
