/// An attribute value in a DOT document.
public enum DOTValue: Hashable, Sendable {
  /// A plain value taken literally (colours, styles, shapes, numbers written as text).
  case id(String)
  /// Text shown to a reader (labels, tooltips, URLs): backslashes and newlines are escaped so that
  /// Graphviz's escape sequences (`\N`, `\n`, `\l` …) are never triggered by accident.
  case text(String)
  /// An HTML-like label, built and escaped by ``HTMLLabel``.
  case html(HTMLLabel)
  /// A number, written in plain decimal form.
  case number(Double)
  case bool(Bool)
}

/// A `name=value` pair in a DOT attribute list.
public struct DOTAttribute: Hashable, Sendable {
  public var name: String
  public var value: DOTValue
  public init(_ name: String, _ value: DOTValue) {
    self.name = name
    self.value = value
  }
}

/// A node statement.
public struct DOTNode: Hashable, Sendable {
  public var name: String
  public var attributes: [DOTAttribute]
  public init(_ name: String, _ attributes: [DOTAttribute] = []) {
    self.name = name
    self.attributes = attributes
  }
}

/// An edge statement between two named nodes.
public struct DOTEdge: Hashable, Sendable {
  public var tail: String
  public var head: String
  public var attributes: [DOTAttribute]
  public init(_ tail: String, _ head: String, _ attributes: [DOTAttribute] = []) {
    self.tail = tail
    self.head = head
    self.attributes = attributes
  }
}

/// A subgraph; a name starting with `cluster` makes Graphviz draw it as a box.
public struct DOTSubgraph: Hashable, Sendable {
  public var name: String
  public var attributes: [DOTAttribute]
  public var nodes: [DOTNode]
  public var subgraphs: [DOTSubgraph]
  public init(_ name: String, attributes: [DOTAttribute] = [], nodes: [DOTNode] = [], subgraphs: [DOTSubgraph] = []) {
    self.name = name
    self.attributes = attributes
    self.nodes = nodes
    self.subgraphs = subgraphs
  }
}

/// A whole DOT document. ``DOTWriter`` turns it into text; statements keep the order given.
public struct DOTGraph: Hashable, Sendable {
  public var name: String
  public var directed: Bool
  public var strict: Bool
  public var attributes: [DOTAttribute]
  public var nodeDefaults: [DOTAttribute]
  public var edgeDefaults: [DOTAttribute]
  public var subgraphs: [DOTSubgraph]
  public var nodes: [DOTNode]
  public var edges: [DOTEdge]

  public init(
    name: String, directed: Bool = true, strict: Bool = false, attributes: [DOTAttribute] = [],
    nodeDefaults: [DOTAttribute] = [], edgeDefaults: [DOTAttribute] = [], subgraphs: [DOTSubgraph] = [],
    nodes: [DOTNode] = [], edges: [DOTEdge] = []
  ) {
    self.name = name
    self.directed = directed
    self.strict = strict
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.subgraphs = subgraphs
    self.nodes = nodes
    self.edges = edges
  }
}
