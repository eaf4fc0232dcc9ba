/// What sort of actor a node stands for.
public enum ActorType: String, CaseIterable, Sendable, Hashable {
  /// A state, identified by its ISO 3166-1 alpha-3 code where it has one.
  case state
  /// A government agency, company, alliance or international organisation.
  case organization
  /// A non-state armed or political group.
  case group
  /// A named person.
  case person
  /// An unnamed collection of actors, such as "US allies" when a source names none.
  case aggregate
}

/// A node of the coalition graph: a state or a non-state actor.
public struct CoalitionActor: Hashable, Sendable {
  /// Identifier used by observations: an ISO alpha-3 code for states (`RUS`), any short text otherwise.
  public var id: String
  /// Display name. For ISO states it defaults to the built-in country name.
  public var name: String
  /// Whether the actor is a state, an organisation, a group, a person or an aggregate.
  public var type: ActorType
  /// The state (or other actor) a non-state actor belongs to, by identifier.
  public var affiliation: String?
  /// A note in the analyst's own words.
  public var note: String?

  /// An actor; `name` defaults to the ISO table's name for a state code, else to the id.
  public init(id: String, name: String? = nil, type: ActorType = .state, affiliation: String? = nil, note: String? = nil) {
    self.id = id
    self.name = name ?? CountryTable.country(alpha3: id)?.name ?? id
    self.type = type
    self.affiliation = affiliation
    self.note = note
  }

  /// A state from the built-in ISO table, or `nil` if the code is not an ISO 3166-1 alpha-3 code.
  public static func state(_ alpha3: String) -> CoalitionActor? {
    CountryTable.country(alpha3: alpha3).map { CoalitionActor(id: $0.alpha3, name: $0.name, type: .state) }
  }

  /// Whether the name is the one the ISO table gives for this id (and so need not be stored).
  var hasDefaultName: Bool { name == (CountryTable.country(alpha3: id)?.name ?? id) }
}

/// A named set of actors declared by the analyst, such as a coalition and the side it opposes.
public struct Bloc: Hashable, Sendable {
  public var id: String
  /// Display name, e.g. in map legends.
  public var name: String
  /// Actor identifiers, in the order the analyst gave them.
  public var members: [String]
  /// Preferred cluster colour as `#RRGGBB`, or `nil` for the palette.
  public var color: String?
  /// How the bloc is known, e.g. `.assessment` when a source judges who belongs.
  public var basis: Basis?
  /// A note in the analyst's own words.
  public var note: String?

  /// A bloc; `name` defaults to the id.
  public init(id: String, name: String? = nil, members: [String], color: String? = nil, basis: Basis? = nil, note: String? = nil) {
    self.id = id
    self.name = name ?? id
    self.members = members
    self.color = color
    self.basis = basis
    self.note = note
  }
}

/// A document the evidence cites.
public struct Source: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  /// The document's title.
  public var title: String
  /// Who published it, e.g. `Institute for the Study of War`.
  public var publisher: String?
  /// When it was published, to the day, month or year.
  public var date: PartialDate?
  /// Where it can be read (maps link only http, https and mailto URLs).
  public var url: String?

  /// A short citation: the publisher (or the title when no publisher is given) and the date,
  /// e.g. `Institute for the Study of War, 2024-03-20`.
  public var citation: String {
    [publisher ?? title, date?.description].compactMap { $0 }.joined(separator: ", ")
  }

  /// A source; `id` is what ``Evidence/source`` refers to.
  public init(id: String, title: String, publisher: String? = nil, date: PartialDate? = nil, url: String? = nil) {
    self.id = id
    self.title = title
    self.publisher = publisher
    self.date = date
    self.url = url
  }
}
