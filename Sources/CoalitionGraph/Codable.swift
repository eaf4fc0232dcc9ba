// Codable conformances that follow the dataset format of docs/dataset-format.md member by member,
// so that `JSONEncoder` output is a dataset file and `JSONDecoder` reads one. `Dataset(json:)` stays
// the reader for files: it reports every problem with its line and column and validates, where
// `JSONDecoder` stops at the first problem and ignores unknown members. Optional members are left
// out when absent, as the canonical writer does; key order is the encoder's.

extension PartialDate: Codable {
  /// Decodes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; any other string is a data-corrupted error.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    guard let d = PartialDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "\"\(text.visible)\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, or no such day exists")
    }
    self = d
  }

  /// Encodes the canonical text form.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

extension Confidence: Codable {}
extension Basis: Codable {}
extension ActorType: Codable {}



extension Kind: Codable, Identifiable {
  private enum Key: String, CodingKey { case id, label, polarity, materiality, directed, color, exchangeable }

  /// Decodes a kind declaration; `label` defaults to the id, `exchangeable` to whether it is material.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), label: try c.decodeIfPresent(String.self, forKey: .label),
      polarity: try c.decode(Polarity.self, forKey: .polarity), materiality: try c.decode(Materiality.self, forKey: .materiality),
      directed: try c.decode(Bool.self, forKey: .directed), color: try c.decodeIfPresent(String.self, forKey: .color),
      exchangeable: try c.decodeIfPresent(Bool.self, forKey: .exchangeable))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(id, forKey: .id)
    try c.encode(label, forKey: .label)
    try c.encode(polarity, forKey: .polarity)
    try c.encode(materiality, forKey: .materiality)
    try c.encode(directed, forKey: .directed)
    try c.encodeIfPresent(color, forKey: .color)
    if declaresExchangeable { try c.encode(exchangeable, forKey: .exchangeable) }
  }
}

extension CoalitionActor: Codable, Identifiable {
  private enum Key: String, CodingKey { case id, name, type, affiliation, note }

  /// Decodes an actor object, or the shorthand string `"RUS"` for a state from the ISO table.
  /// `name` defaults to the ISO name (or the id), `type` to `state`.
  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer(), let id = try? single.decode(String.self) {
      self.init(id: id)
      return
    }
    let c = try decoder.container(keyedBy: Key.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), name: try c.decodeIfPresent(String.self, forKey: .name),
      type: try c.decodeIfPresent(ActorType.self, forKey: .type) ?? .state,
      affiliation: try c.decodeIfPresent(String.self, forKey: .affiliation), note: try c.decodeIfPresent(String.self, forKey: .note))
  }

  /// Encodes an object; the name only when it differs from the ISO table's, the type only when
  /// it is not `state`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(id, forKey: .id)
    if !hasDefaultName { try c.encode(name, forKey: .name) }
    if type != .state { try c.encode(type, forKey: .type) }
    try c.encodeIfPresent(affiliation, forKey: .affiliation)
    try c.encodeIfPresent(note, forKey: .note)
  }
}

extension Bloc: Codable, Identifiable {
  private enum Key: String, CodingKey { case id, name, members, color, basis, note }

  /// Decodes a bloc; `name` defaults to the id.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), name: try c.decodeIfPresent(String.self, forKey: .name),
      members: try c.decode([String].self, forKey: .members), color: try c.decodeIfPresent(String.self, forKey: .color),
      basis: try c.decodeIfPresent(Basis.self, forKey: .basis), note: try c.decodeIfPresent(String.self, forKey: .note))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(members, forKey: .members)
    try c.encodeIfPresent(color, forKey: .color)
    try c.encodeIfPresent(basis, forKey: .basis)
    try c.encodeIfPresent(note, forKey: .note)
  }
}

extension Evidence: Codable {
  private enum Key: String, CodingKey { case source, note, via, url }

  /// Decodes a piece of evidence; `via` defaults to none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    self.init(
      source: try c.decode(String.self, forKey: .source), note: try c.decodeIfPresent(String.self, forKey: .note),
      via: try c.decodeIfPresent([String].self, forKey: .via) ?? [], url: try c.decodeIfPresent(String.self, forKey: .url))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(source, forKey: .source)
    try c.encodeIfPresent(note, forKey: .note)
    if !via.isEmpty { try c.encode(via, forKey: .via) }
    try c.encodeIfPresent(url, forKey: .url)
  }
}

extension TieObservation: Codable {
  private enum Key: String, CodingKey { case id, source, target, kind, date, from, to, asOf, recorded, confidence, basis, weight, detail, evidence }

  /// Decodes an observation. Its time is `date`, or a range `from`/`to`, or `asOf` (with an
  /// optional `from`) for something ongoing; other combinations are data-corrupted errors.
  /// `confidence` defaults to `reported`, `weight` to 1.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    let (on, from, to, asOf) = (
      try c.decodeIfPresent(PartialDate.self, forKey: .date), try c.decodeIfPresent(PartialDate.self, forKey: .from),
      try c.decodeIfPresent(PartialDate.self, forKey: .to), try c.decodeIfPresent(PartialDate.self, forKey: .asOf)
    )
    let time: ObservationTime
    switch (on, from, to, asOf) {
    case (let on?, nil, nil, nil): time = .on(on)
    case (nil, let since, nil, let asOf?): time = .ongoing(asOf: asOf, since: since)
    case (nil, let from, let to, nil) where from != nil || to != nil: time = .between(from: from, to: to)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .date, in: c,
        debugDescription: "give \"date\" alone, a range \"from\"/\"to\", or \"asOf\" (with an optional \"from\") for something ongoing")
    }
    self.init(
      id: try c.decodeIfPresent(String.self, forKey: .id), source: try c.decode(String.self, forKey: .source),
      target: try c.decode(String.self, forKey: .target), kind: try c.decode(String.self, forKey: .kind), time: time,
      confidence: try c.decodeIfPresent(Confidence.self, forKey: .confidence) ?? .reported,
      basis: try c.decodeIfPresent(Basis.self, forKey: .basis), weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
      detail: try c.decodeIfPresent(String.self, forKey: .detail), evidence: try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [],
      recorded: try c.decodeIfPresent(PartialDate.self, forKey: .recorded))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encodeIfPresent(id, forKey: .id)
    try c.encode(source, forKey: .source)
    try c.encode(target, forKey: .target)
    try c.encode(kind, forKey: .kind)
    switch time {
    case .on(let d): try c.encode(d, forKey: .date)
    case .between(let from, let to):
      try c.encodeIfPresent(from, forKey: .from)
      try c.encodeIfPresent(to, forKey: .to)
    case .ongoing(let asOf, let since):
      try c.encodeIfPresent(since, forKey: .from)
      try c.encode(asOf, forKey: .asOf)
    }
    try c.encodeIfPresent(recorded, forKey: .recorded)
    try c.encode(confidence, forKey: .confidence)
    try c.encodeIfPresent(basis, forKey: .basis)
    if weight != 1 { try c.encode(weight, forKey: .weight) }
    try c.encodeIfPresent(detail, forKey: .detail)
    if !evidence.isEmpty { try c.encode(evidence, forKey: .evidence) }
  }
}

extension Dataset: Codable {
  private enum Key: String, CodingKey {
    case format, version, title, description, weightUnit, provenance = "import", sources, kinds, actors, blocs, observations
  }

  /// Decodes a dataset document: `format` must be ``formatName`` and `version` ``formatVersion``;
  /// absent lists are empty. The result is not validated: call ``validate()`` or freeze it with
  /// ``CoalitionNetwork/init(_:)``, which does.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    let format = try c.decode(String.self, forKey: .format)
    guard format == Dataset.formatName else {
      throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: "expected \"\(Dataset.formatName)\", found \"\(format.visible)\"")
    }
    guard try c.decode(Int.self, forKey: .version) == Dataset.formatVersion else {
      throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "this library reads version \(Dataset.formatVersion) of the format")
    }
    self.init(
      title: try c.decodeIfPresent(String.self, forKey: .title), description: try c.decodeIfPresent(String.self, forKey: .description),
      sources: try c.decodeIfPresent([Source].self, forKey: .sources) ?? [], kinds: try c.decodeIfPresent([Kind].self, forKey: .kinds) ?? [],
      actors: try c.decodeIfPresent([CoalitionActor].self, forKey: .actors) ?? [],
      blocs: try c.decodeIfPresent([Bloc].self, forKey: .blocs) ?? [],
      observations: try c.decodeIfPresent([TieObservation].self, forKey: .observations) ?? [],
      weightUnit: try c.decodeIfPresent(String.self, forKey: .weightUnit))
    provenance = try c.decodeIfPresent(ImportProvenance.self, forKey: .provenance)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(Dataset.formatName, forKey: .format)
    try c.encode(Dataset.formatVersion, forKey: .version)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(description, forKey: .description)
    try c.encodeIfPresent(weightUnit, forKey: .weightUnit)
    try c.encodeIfPresent(provenance, forKey: .provenance)
    try c.encode(sources, forKey: .sources)
    try c.encode(kinds, forKey: .kinds)
    try c.encode(actors, forKey: .actors)
    try c.encode(blocs, forKey: .blocs)
    try c.encode(observations, forKey: .observations)
  }
}
