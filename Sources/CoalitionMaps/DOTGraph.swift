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
  /// `true` or `false`.
  case bool(Bool)
}

/// A `name=value` pair in a DOT attribute list.
public struct DOTAttribute: Hashable, Sendable {
  /// The attribute's name, e.g. `color`.
  public var name: String
  /// Its value.
  public var value: DOTValue
  /// An attribute.
  public init(_ name: String, _ value: DOTValue) {
    self.name = name
    self.value = value
  }
}

/// A node statement.
public struct DOTNode: Hashable, Sendable {
  /// The node's name (its identifier in edges).
  public var name: String
  /// Its attributes, in order.
  public var attributes: [DOTAttribute]
  /// A node.
  public init(_ name: String, _ attributes: [DOTAttribute] = []) {
    self.name = name
    self.attributes = attributes
  }
}

/// An edge statement between two named nodes.
public struct DOTEdge: Hashable, Sendable {
  /// The name of the node the edge leaves.
  public var tail: String
  /// The name of the node the edge reaches.
  public var head: String
  /// Its attributes, in order.
  public var attributes: [DOTAttribute]
  /// An edge.
  public init(_ tail: String, _ head: String, _ attributes: [DOTAttribute] = []) {
    self.tail = tail
    self.head = head
    self.attributes = attributes
  }
}

/// A subgraph; a name starting with `cluster` makes Graphviz draw it as a box.
public struct DOTSubgraph: Hashable, Sendable {
  /// The subgraph's name; a name starting with `cluster` draws a box.
  public var name: String
  /// Its attributes, in order.
  public var attributes: [DOTAttribute]
  /// Nodes declared inside it.
  public var nodes: [DOTNode]
  /// Subgraphs nested in it.
  public var subgraphs: [DOTSubgraph]
  /// A subgraph.
  public init(_ name: String, attributes: [DOTAttribute] = [], nodes: [DOTNode] = [], subgraphs: [DOTSubgraph] = []) {
    self.name = name
    self.attributes = attributes
    self.nodes = nodes
    self.subgraphs = subgraphs
  }
}

/// A whole DOT document. ``DOTWriter`` turns it into text; statements keep the order given.
public struct DOTGraph: Hashable, Sendable {
  /// The graph's name.
  public var name: String
  /// `digraph` (true) or `graph`.
  public var directed: Bool
  /// Merge parallel edges (`strict`).
  public var strict: Bool
  /// Graph attributes.
  public var attributes: [DOTAttribute]
  /// Attributes every node gets unless it sets its own.
  public var nodeDefaults: [DOTAttribute]
  /// Attributes every edge gets unless it sets its own.
  public var edgeDefaults: [DOTAttribute]
  /// Subgraphs and clusters.
  public var subgraphs: [DOTSubgraph]
  /// Nodes outside any subgraph.
  public var nodes: [DOTNode]
  /// Every edge.
  public var edges: [DOTEdge]

  /// A graph.
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
