/// How firmly a source asserts an observation. Ordered: `alleged < assessed < reported`.
public enum Confidence: String, CaseIterable, Sendable, Hashable, Comparable {
  /// The source calls it alleged, claimed or unconfirmed.
  case alleged
  /// The source's own judgement or inference.
  case assessed
  /// The source states it as fact.
  case reported

  var rank: Int { Confidence.allCases.firstIndex(of: self)! }
  public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
}

/// What an observation rests on.
public enum Basis: String, CaseIterable, Sendable, Hashable {
  /// Something that happened: a meeting, a call, a delivery.
  case event
  /// Something an actor said.
  case statement
  /// An analyst's judgement.
  case assessment
  /// Common knowledge the source takes for granted but does not state.
  case background
}

/// When an observation held, with the precision the source gives.
///
/// Each form covers an interval of days, used by time views:
/// - ``on(_:)``: a dated event; covers the days of the date (a whole month for `2024-03`).
/// - ``between(from:to:)``: a spell; a missing end is open (ongoing), a missing start is unknown.
/// - ``ongoing(asOf:since:)``: the source describes it as under way on `asOf` and may not say since
///   when; covers `since` (or `asOf`) onwards.
public enum ObservationTime: Hashable, Sendable {
  /// A single event, dated to the day, month or year.
  case on(PartialDate)
  /// A relation that held over a range; either end may be open.
  case between(from: PartialDate?, to: PartialDate?)
  /// A relation still under way as of a date, since an optional start.
  case ongoing(asOf: PartialDate, since: PartialDate? = nil)

  /// First day covered (days since 1970-01-01), `Int32.min` when unbounded.
  public var firstDay: Int32 {
    switch self {
    case .on(let d): return d.firstDay
    case .between(let from, _): return from?.firstDay ?? .min
    case .ongoing(let asOf, let since): return (since ?? asOf).firstDay
    }
  }

  /// Last day covered (days since 1970-01-01), `Int32.max` when open.
  public var lastDay: Int32 {
    switch self {
    case .on(let d): return d.lastDay
    case .between(_, let to): return to?.lastDay ?? .max
    case .ongoing: return .max
    }
  }

  /// The latest date the time names: an event's date, a range's end (its start when the end is
  /// open), an ongoing relation's "as of".
  public var latestDate: PartialDate? {
    switch self {
    case .on(let d): return d
    case .between(let from, let to): return to ?? from
    case .ongoing(let asOf, _): return asOf
    }
  }

  /// Short human-readable form: `2024-03-19`, `2022-02-24 – 2024-03-20`, `ongoing as of 2024-03-20`.
  public var text: String {
    switch self {
    case .on(let d): return d.description
    case .between(let from, let to): return "\(from?.description ?? "…") – \(to?.description ?? "…")"
    case .ongoing(let asOf, let since):
      return since.map { "since \($0), ongoing as of \(asOf)" } ?? "ongoing as of \(asOf)"
    }
  }
}

/// Where an observation comes from.
public struct Evidence: Hashable, Sendable {
  /// Identifier of a ``Source`` declared in the dataset.
  public var source: String
  /// What the source says, in the analyst's own words.
  public var note: String?
  /// People or bodies through whom the tie ran (officials who met, agencies).
  public var via: [String]
  /// Link to the exact place in the source, if any. Written as a link only when it is a
  /// ``SafeLink`` (http, https or mailto); anything else is shown as text.
  public var url: String?

  /// ``url`` as it may be written as a link in SVG or HTML (see ``SafeLink/href(_:)``), else `nil`.
  public var safeURL: String? { url.flatMap(SafeLink.href) }

  /// Evidence from the source with id `source`.
  public init(source: String, note: String? = nil, via: [String] = [], url: String? = nil) {
    self.source = source
    self.note = note
    self.via = via
    self.url = url
  }
}

/// One recorded event or assessment: who did what with whom, when, how sure, on what evidence.
///
/// Observations are the analyst's record and are never lost; ties are aggregated from them.
public struct TieObservation: Hashable, Sendable {
  /// Optional identifier, unique within a dataset.
  public var id: String?
  /// The acting actor's id.
  public var source: String
  /// The id of the actor acted on.
  public var target: String
  /// Identifier of a ``Kind``.
  public var kind: String
  /// When it happened or held.
  public var time: ObservationTime
  /// How firmly the source states it.
  public var confidence: Confidence
  /// What kind of knowledge it rests on.
  public var basis: Basis?
  /// Non-negative, finite weight; 1 unless stated.
  public var weight: Double
  /// What exactly was exchanged or said, e.g. `ballistic missiles`.
  public var detail: String?
  /// What supports it, each item citing a ``Source``.
  public var evidence: [Evidence]
  /// Record time: when the relation was first reported or recorded, as distinct from ``time``,
  /// when it held (valid time). A GDELT event of 2018 may be added to the record in 2019; an
  /// alliance may be made public after it was signed. `nil` when the source does not say: the
  /// relation is then taken to be known from the first day it held (``recordDay``).
  public var recorded: PartialDate?

  /// The first day the observation is on record (days since 1970-01-01): ``recorded``'s first day,
  /// else the first day of ``time`` (an undated start counts as always known).
  public var recordDay: Int32 { recorded?.firstDay ?? time.firstDay }

  /// An observation of the kind with id `kind`.
  public init(
    id: String? = nil, source: String, target: String, kind: String, time: ObservationTime,
    confidence: Confidence = .reported, basis: Basis? = nil, weight: Double = 1, detail: String? = nil,
    evidence: [Evidence] = [], recorded: PartialDate? = nil
  ) {
    self.recorded = recorded
    self.id = id
    self.source = source
    self.target = target
    self.kind = kind
    self.time = time
    self.confidence = confidence
    self.basis = basis
    self.weight = weight
    self.detail = detail
    self.evidence = evidence
  }
}

/// Which links may be written into files that readers open in a browser (SVG maps, HTML reports).
///
/// Source URLs are untrusted text (GDELT's come from crawled news sites): a `javascript:` or
/// `data:` link on a tie would run or load something when a reader clicks it. Only absolute
/// `http:`, `https:` and `mailto:` links are allowed, spelled exactly (any case) at the very start,
/// with no white space or control characters anywhere: browsers strip or skip those, so
/// `" javascript:…"` or `"java\tscript:…"` would otherwise pass a looser check.
extension TieObservation {
  /// An observation of one of the built-in (or any other) kinds, given as a ``Kind`` rather than
  /// its identifier: `TieObservation(source: "PRK", target: "RUS", kind: .armsTransfer, time: .on(date))`.
  public init(
    id: String? = nil, source: String, target: String, kind: Kind, time: ObservationTime, confidence: Confidence = .reported,
    basis: Basis? = nil, weight: Double = 1, detail: String? = nil, evidence: [Evidence] = [], recorded: PartialDate? = nil
  ) {
    self.init(
      id: id, source: source, target: target, kind: kind.id, time: time, confidence: confidence, basis: basis, weight: weight,
      detail: detail, evidence: evidence, recorded: recorded)
  }
}

/// Which URLs may become links in shared files: http, https and mailto only, without control
/// characters, white space or invisible formatting characters.
public enum SafeLink {
  /// The schemes that may become links.
  public static let schemes = ["http://", "https://", "mailto:"]

  /// Whether `url` may be written as a link.
  public static func isAllowed(_ url: String) -> Bool {
    guard !url.unicodeScalars.contains(where: { $0.isControlOrNoncharacter || $0.properties.isWhitespace || $0.properties.generalCategory == .format })
    else { return false }
    let lower = url.lowercased()
    return schemes.contains { lower.hasPrefix($0) && lower.count > $0.count }
  }

  /// `url` ready to be written as a link, or `nil` when it may not be one. Characters that RFC 3986
  /// does not allow raw in a URL and that would end or break out of an attribute (double and
  /// single quotes, `<`, `>`, the backtick and the backslash) are percent-encoded, which keeps the link's meaning: Graphviz writes
  /// `xlink:href` values without escaping quotes.
  public static func href(_ url: String) -> String? {
    guard isAllowed(url) else { return nil }
    var out = ""
    for u in url.unicodeScalars {
      switch u {
      case "\"", "'", "<", ">", "`", "\\": out += "%" + String(u.value, radix: 16, uppercase: true)
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
