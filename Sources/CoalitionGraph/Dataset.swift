/// A coalition dataset as the analyst writes it: sources, kinds, actors, blocs and observations.
///
/// A `Dataset` is a plain, editable value. ``validate()`` lists everything wrong with it;
/// ``CoalitionNetwork/init(_:)`` freezes a valid one into index storage for analysis.
/// Datasets are read from and written to JSON with ``Dataset/init(json:file:)`` and ``jsonText()``;
/// the format is documented in `docs/dataset-format.md`.
public struct Dataset: Hashable, Sendable {
  /// A short title, used in map legends and report headings.
  public var title: String?
  /// What the dataset covers and how it was coded.
  public var description: String?
  /// What an observation's weight measures, in words a report can write after a number:
  /// `TIV (millions)` for SIPRI, `|Goldstein|` for GDELT, `events`. `nil` when weights are plain
  /// counts or not stated.
  public var weightUnit: String?
  /// How an importer made the dataset (``ImportProvenance``), read by programs that add to it;
  /// `nil` for a dataset written by hand.
  public var provenance: ImportProvenance?
  /// The documents the evidence cites.
  public var sources: [Source]
  /// Kinds declared by this dataset in addition to ``Kind/builtIn``.
  public var kinds: [Kind]
  /// Declared actors; observations may also name any ISO state without declaring it.
  public var actors: [CoalitionActor]
  /// Named sets of actors, such as a coalition and the side it opposes.
  public var blocs: [Bloc]
  /// The recorded ties, in the analyst's order.
  public var observations: [TieObservation]

  /// A dataset from its parts; nothing is checked until ``validate()``.
  public init(
    title: String? = nil, description: String? = nil, sources: [Source] = [], kinds: [Kind] = [],
    actors: [CoalitionActor] = [], blocs: [Bloc] = [], observations: [TieObservation] = [], weightUnit: String? = nil,
    provenance: ImportProvenance? = nil
  ) {
    self.provenance = provenance
    self.title = title
    self.description = description
    self.weightUnit = weightUnit
    self.sources = sources
    self.kinds = kinds
    self.actors = actors
    self.blocs = blocs
    self.observations = observations
  }

  /// Built-in kinds followed by the dataset's own.
  public var allKinds: [Kind] { Kind.builtIn + kinds }

  /// Lists every problem: duplicate identifiers, unknown actors, kinds, sources or bloc members,
  /// self-ties, impossible ranges, negative or non-finite weights.
  ///
  /// Observations may name any ISO 3166-1 alpha-3 state without declaring it.
  /// - Returns: The problems in document order; empty when the dataset is valid.
  public func validate() -> [DatasetProblem] { validate(origins: Origins()) }

  /// Where each entry of the dataset's lists sits in the source document. A decoder that skips
  /// malformed entries passes these so that paths keep the document's numbering.
  struct Origins {
    var sources: [Int]?
    var kinds: [Int]?
    var actors: [Int]?
    var blocs: [Int]?
    var observations: [Int]?
  }

  func validate(origins: Origins) -> [DatasetProblem] {
    var problems: [DatasetProblem] = []
    func report(_ path: String, _ message: String) { problems.append(DatasetProblem(path: path, message: message)) }

    var sourceIDs = Set<String>()
    for (i, s) in sources.enumerated() {
      checkIdentifier(s.id, at: "sources[\(origins.sources?[i] ?? i)].id", report)
      if !sourceIDs.insert(s.id).inserted { report("sources[\(origins.sources?[i] ?? i)].id", "duplicate source id \"\(s.id)\"") }
    }

    var kindIDs = Set(Kind.builtIn.map(\.id))
    for (i, k) in kinds.enumerated() {
      checkIdentifier(k.id, at: "kinds[\(origins.kinds?[i] ?? i)].id", report)
      if Kind.builtIn(k.id) != nil {
        report("kinds[\(origins.kinds?[i] ?? i)].id", "\"\(k.id)\" is a built-in kind; declare your own kind under another id")
      } else if !kindIDs.insert(k.id).inserted {
        report("kinds[\(origins.kinds?[i] ?? i)].id", "duplicate kind id \"\(k.id)\"")
      }
      if let c = k.color, !Dataset.isHexColor(c) { report("kinds[\(origins.kinds?[i] ?? i)].color", "\"\(c)\" is not a colour of the form #RRGGBB") }
    }

    var actorIDs = Set<String>()
    for (i, a) in actors.enumerated() {
      checkIdentifier(a.id, at: "actors[\(origins.actors?[i] ?? i)].id", report)
      if !actorIDs.insert(a.id).inserted { report("actors[\(origins.actors?[i] ?? i)].id", "duplicate actor id \"\(a.id)\"") }
      if a.type == .state, CountryTable.country(alpha3: a.id) == nil, a.name == a.id {
        report(
          "actors[\(origins.actors?[i] ?? i)].id",
          "\"\(a.id)\" is not an ISO 3166-1 alpha-3 code\(Suggestion.hint(for: a.id, in: CountryTable.alpha3Codes)); give the state a \"name\" or use another type")
      }
    }
    let known = { (id: String) in actorIDs.contains(id) || CountryTable.country(alpha3: id) != nil }
    let candidates = { actorIDs.union(CountryTable.alpha3Codes) }
    for (i, a) in actors.enumerated() {
      if let aff = a.affiliation {
        if aff == a.id {
          report("actors[\(origins.actors?[i] ?? i)].affiliation", "an actor cannot be affiliated to itself")
        } else if !known(aff) {
          report("actors[\(origins.actors?[i] ?? i)].affiliation", "unknown actor \"\(aff)\"\(Suggestion.hint(for: aff, in: candidates()))")
        }
      }
    }

    var blocIDs = Set<String>()
    for (i, b) in blocs.enumerated() {
      checkIdentifier(b.id, at: "blocs[\(origins.blocs?[i] ?? i)].id", report)
      if !blocIDs.insert(b.id).inserted { report("blocs[\(origins.blocs?[i] ?? i)].id", "duplicate bloc id \"\(b.id)\"") }
      var seen = Set<String>()
      for (j, m) in b.members.enumerated() {
        if !known(m) {
          report("blocs[\(origins.blocs?[i] ?? i)].members[\(j)]", "unknown actor \"\(m)\"\(Suggestion.hint(for: m, in: candidates()))")
        } else if !seen.insert(m).inserted {
          report("blocs[\(origins.blocs?[i] ?? i)].members[\(j)]", "\"\(m)\" is listed twice")
        }
      }
      if let c = b.color, !Dataset.isHexColor(c) { report("blocs[\(origins.blocs?[i] ?? i)].color", "\"\(c)\" is not a colour of the form #RRGGBB") }
    }

    var observationIDs = Set<String>()
    for (i, o) in observations.enumerated() {
      let at = "observations[\(origins.observations?[i] ?? i)]"
      if let id = o.id {
        checkIdentifier(id, at: "\(at).id", report)
        if !observationIDs.insert(id).inserted { report("\(at).id", "duplicate observation id \"\(id)\"") }
      }
      if !known(o.source) { report("\(at).source", "unknown actor \"\(o.source)\"\(Suggestion.hint(for: o.source, in: candidates()))") }
      if !known(o.target) { report("\(at).target", "unknown actor \"\(o.target)\"\(Suggestion.hint(for: o.target, in: candidates()))") }
      if o.source == o.target { report("\(at).target", "self-tie: source and target are both \"\(o.source)\"") }
      if !kindIDs.contains(o.kind) { report("\(at).kind", "unknown kind \"\(o.kind)\"\(Suggestion.hint(for: o.kind, in: kindIDs))") }
      if !o.weight.isFinite {
        report("\(at).weight", "weight must be a finite number, not \(o.weight)")
      } else if o.weight < 0 {
        report("\(at).weight", "weight must not be negative (got \(Dataset.number(o.weight))); use a hostile kind for antagonism")
      }
      switch o.time {
      case .between(let from, let to):
        if from == nil && to == nil { report(at, "a range needs \"from\", \"to\" or both") }
        if let from, let to, from.firstDay > to.lastDay {
          report("\(at).to", "range ends (\(to)) before it starts (\(from))")
        }
      case .ongoing(let asOf, let since):
        if let since, since.firstDay > asOf.lastDay {
          report("\(at).asOf", "ongoing as of \(asOf) but said to start later (\(since))")
        }
      case .on: break
      }
      for (j, e) in o.evidence.enumerated() where !sourceIDs.contains(e.source) {
        report("\(at).evidence[\(j)].source", "unknown source \"\(e.source)\"\(Suggestion.hint(for: e.source, in: sourceIDs))")
      }
    }
    checkTexts(origins: origins, report)
    return problems
  }

  /// Why `s` may not be text in a dataset, or `nil` when it may. The one rule for text: no control
  /// characters but tab and line feed (C0, DEL, C1 — NUL among them) and no noncharacters such as
  /// U+FFFF, in any text field. They are invisible, XML cannot
  /// hold most of them, and Graphviz stops at NUL; refusing them here means every writer (SVG, DOT,
  /// GraphML, GEXF, JSON, CSV, Markdown) and every reader agree on what a dataset says.
  public static func textProblem(_ s: String) -> String? {
    for u in s.unicodeScalars where u.isControlOrNoncharacter && u != "\t" && u != "\n" {
      let v = u.value
      let kind = u.properties.isNoncharacterCodePoint ? "noncharacter" : "control character"
      return "contains the \(kind) U+\(String(v, radix: 16, uppercase: true).leftPadded(to: 4))\(v == 0x0D ? " (carriage return; use \\n for line breaks)" : "") at character \(s.unicodeScalars.prefix { $0 != u }.count + 1); remove it"
    }
    return nil
  }

  private func checkTexts(origins: Origins, _ report: (String, String) -> Void) {
    func check(_ s: String?, _ path: @autoclosure () -> String) {
      if let s, let problem = Dataset.textProblem(s) { report(path(), problem) }
    }
    check(title, "title")
    check(description, "description")
    check(weightUnit, "weightUnit")
    for (i, x) in sources.enumerated() {
      let at = "sources[\(origins.sources?[i] ?? i)]"
      check(x.title, "\(at).title")
      check(x.publisher, "\(at).publisher")
      check(x.url, "\(at).url")
    }
    for (i, k) in kinds.enumerated() { check(k.label, "kinds[\(origins.kinds?[i] ?? i)].label") }
    for (i, a) in actors.enumerated() {
      let at = "actors[\(origins.actors?[i] ?? i)]"
      if a.name != a.id { check(a.name, "\(at).name") }  // a name defaulted from the id: the id's check says it
      check(a.note, "\(at).note")
    }
    for (i, b) in blocs.enumerated() {
      let at = "blocs[\(origins.blocs?[i] ?? i)]"
      check(b.name, "\(at).name")
      check(b.note, "\(at).note")
    }
    for (i, o) in observations.enumerated() {
      let at = "observations[\(origins.observations?[i] ?? i)]"
      check(o.detail, "\(at).detail")
      for (j, e) in o.evidence.enumerated() {
        check(e.note, "\(at).evidence[\(j)].note")
        check(e.url, "\(at).evidence[\(j)].url")
        for (k, v) in e.via.enumerated() { check(v, "\(at).evidence[\(j)].via[\(k)]") }
      }
    }
  }

  private func checkIdentifier(_ id: String, at path: String, _ report: (String, String) -> Void) {
    if id.isEmpty {
      report(path, "identifier is empty")
    } else if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isNoncharacterCodePoint }) {
      report(path, "identifier contains a control character (newline, tab…) or a noncharacter")
    } else if id.first!.isWhitespace || id.last!.isWhitespace {
      report(path, "identifier starts or ends with white space")
    }
  }

  static func isHexColor(_ s: String) -> Bool {
    let u = Array(s.utf8)
    return u.count == 7 && u[0] == UInt8(ascii: "#") && u.dropFirst().allSatisfy { $0.isHexDigit }
  }

  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 9e15 ? String(Int64(x)) : String(x)
  }
}

extension UInt8 {
  var isHexDigit: Bool {
    (48...57).contains(self) || (65...70).contains(self) || (97...102).contains(self)
  }
}
