/// One plain-language finding of a report, with what it rests on: the table rows its numbers come
/// from and the actors and ties it names, so that a page can link to the rows and light up the map.
///
/// Identifiers are stable across runs and versions for the same kind of finding (`flows.suppliers`,
/// `alliances.community.2`, `coalition.hub`), so that tests, scripts and the HTML page can refer to
/// one finding.
public struct Finding: Hashable, Sendable {
  /// A stable identifier: the shape, a dot, and what the finding is about.
  public var id: String
  /// The finding in plain words, with its numbers.
  public var text: String
  /// Identifiers of the actors the finding names, in the order it names them.
  public var actors: [String]
  /// The pairs of actors whose ties the finding speaks of (by identifier, in the tie's direction
  /// when it has one).
  public var pairs: [ActorPair]
  /// Where the numbers come from: a table of the same report and rows of it.
  public var rows: TableRows?

  /// A finding.
  public init(id: String, text: String, actors: [String] = [], pairs: [ActorPair] = [], rows: TableRows? = nil) {
    self.id = id
    self.text = text
    self.actors = actors
    self.pairs = pairs
    self.rows = rows
  }
}

/// Two actors, by identifier: a tie's ends as a finding names them, and the kind of tie when the
/// finding is about one kind only.
public struct ActorPair: Hashable, Sendable {
  /// The first actor (the source of a directed tie).
  public var source: String
  /// The second actor (the target of a directed tie).
  public var target: String
  /// The kind's id, or `nil` for every tie between the two.
  public var kind: String?

  /// A pair, with or without a kind.
  public init(_ source: String, _ target: String, kind: String? = nil) {
    self.source = source
    self.target = target
    self.kind = kind
  }
}

/// Rows of one table of a report.
public struct TableRows: Hashable, Sendable {
  /// The table's title (``ReportTable/title``).
  public var table: String
  /// Row indices, from 0, in the table's order; empty for the table as a whole.
  public var rows: [Int]

  /// Rows `rows` of the table titled `table`.
  public init(_ table: String, _ rows: [Int] = []) {
    self.table = table
    self.rows = rows
  }
}
