/// Whether ties of a kind bring two actors together or set them against each other.
public enum Polarity: String, CaseIterable, Sendable, Hashable, Codable {
  /// Cooperation: the tie draws the two actors together.
  case cooperative
  /// Hostility: the tie sets them against each other.
  case hostile

  /// +1 for cooperative, −1 for hostile.
  public var sign: Int { self == .cooperative ? 1 : -1 }
}

/// Whether ties of a kind are words (talks, statements, accusations) or deeds (transfers, sanctions, fighting).
public enum Materiality: String, CaseIterable, Sendable, Hashable, Codable {
  /// Words: statements, accusations, diplomatic contact.
  case verbal
  /// Deeds and goods: arms, money, troops, sanctions.
  case material
}

/// A kind of tie: one layer of the coalition graph.
///
/// The taxonomy is open. ``builtIn`` lists the kinds every dataset knows; a dataset may declare
/// more. Every kind states its ``polarity``, its ``materiality`` and whether its ties have a
/// direction (an arms transfer goes from supplier to recipient; talks do not).
public struct Kind: Hashable, Sendable {
  /// Stable identifier used in datasets, e.g. `arms-transfer`.
  public var id: String
  /// Human-readable name for legends and reports, e.g. `Arms transfer`.
  public var label: String
  /// Cooperative or hostile.
  public var polarity: Polarity
  /// Verbal or material.
  public var materiality: Materiality
  /// `true` when a tie runs from source to target (supplier → recipient, accuser → accused).
  public var directed: Bool
  /// Preferred map colour as `#RRGGBB`, or `nil` to take one from the palette.
  public var color: String?
  /// Whether a tie of this kind can answer, or be answered by, a tie of another kind in an
  /// exchange (arms for technology, aid for access). Material kinds can by default and verbal ones
  /// cannot: a statement does not "answer" an appeal. A dataset may declare a verbal kind
  /// exchangeable (`"exchangeable": true`) or a material one not.
  public var exchangeable: Bool

  /// A kind; `label` defaults to the id, `exchangeable` to whether the kind is material.
  public init(
    id: String, label: String? = nil, polarity: Polarity, materiality: Materiality, directed: Bool,
    color: String? = nil, exchangeable: Bool? = nil
  ) {
    self.id = id
    self.label = label ?? id
    self.polarity = polarity
    self.materiality = materiality
    self.directed = directed
    self.color = color
    self.exchangeable = exchangeable ?? (materiality == .material)
  }

  /// Whether ``exchangeable`` differs from its default (and so is written out).
  public var declaresExchangeable: Bool { exchangeable != (materiality == .material) }

  /// Whether the kind is one of ``builtIn``.
  public var isBuiltIn: Bool { Kind.builtInByID[id] == self }
}

extension Kind {
  /// Talks, visits, calls and agreements between governments. Undirected.
  public static let diplomatic = Kind(
    id: "diplomatic", label: "Diplomatic", polarity: .cooperative, materiality: .verbal, directed: false)
  /// Joint exercises, basing, defence cooperation. Undirected.
  public static let military = Kind(
    id: "military", label: "Military", polarity: .cooperative, materiality: .material, directed: false)
  /// Weapons or munitions supplied. Directed: supplier → recipient.
  public static let armsTransfer = Kind(
    id: "arms-transfer", label: "Arms transfer", polarity: .cooperative, materiality: .material, directed: true)
  /// Technology shared or supplied. Directed: provider → recipient.
  public static let technology = Kind(
    id: "technology", label: "Technology", polarity: .cooperative, materiality: .material, directed: true)
  /// Cooperation between state media and information agencies. Undirected.
  public static let media = Kind(
    id: "media", label: "Media", polarity: .cooperative, materiality: .verbal, directed: false)
  /// Trade, investment, finance. Undirected.
  public static let economic = Kind(
    id: "economic", label: "Economic", polarity: .cooperative, materiality: .material, directed: false)
  /// Security help offered or given (stabilisation, protection, intelligence). Directed: provider → beneficiary.
  public static let security = Kind(
    id: "security", label: "Security", polarity: .cooperative, materiality: .material, directed: true)
  /// Other or unspecified support. Directed: provider → beneficiary.
  public static let support = Kind(
    id: "support", label: "Other support", polarity: .cooperative, materiality: .material, directed: true)
  /// Public accusation or blame. Directed: accuser → accused.
  public static let accusation = Kind(
    id: "accusation", label: "Accusation", polarity: .hostile, materiality: .verbal, directed: true)
  /// Sanctions or other economic coercion. Directed: sanctioning → sanctioned.
  public static let sanction = Kind(
    id: "sanction", label: "Sanction", polarity: .hostile, materiality: .material, directed: true)
  /// Strategic rivalry or declared opposition. Undirected.
  public static let rivalry = Kind(
    id: "rivalry", label: "Rivalry", polarity: .hostile, materiality: .verbal, directed: false)
  /// Armed conflict. Directed: attacker → attacked.
  public static let war = Kind(
    id: "war", label: "War", polarity: .hostile, materiality: .material, directed: true)

  /// The kinds every dataset knows, cooperative first.
  public static let builtIn: [Kind] = [
    .diplomatic, .military, .armsTransfer, .technology, .media, .economic, .security, .support,
    .accusation, .sanction, .rivalry, .war,
  ]

  static let builtInByID: [String: Kind] = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.id, $0) })

  /// The built-in kind with this identifier, or `nil`.
  public static func builtIn(_ id: String) -> Kind? { builtInByID[id] }
}
