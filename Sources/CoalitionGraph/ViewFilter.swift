import Foundation

/// A closed range of days for time views, either end open.
public struct DateWindow: Hashable, Sendable, CustomStringConvertible {
  /// The first day kept; `nil` for no lower bound.
  public var from: PartialDate?
  /// The last day kept; `nil` for no upper bound.
  public var to: PartialDate?
  /// A window; either end may be open.
  public init(from: PartialDate? = nil, to: PartialDate? = nil) {
    self.from = from
    self.to = to
  }
  /// Everything that held at some time on or before `date` (valid time). For the record as known
  /// on a day, use ``ViewFilter/knownBy`` instead, which also honours ``TieObservation/recorded``.
  public static func asOf(_ date: PartialDate) -> DateWindow { DateWindow(to: date) }
  /// What was in force on `date`: relations that held on some day of it (every day of a month or
  /// year given as `2018-05` or `2018`). An open spell — ongoing at the end of its source — stays
  /// in force.
  public static func inForce(_ date: PartialDate) -> DateWindow { DateWindow(from: date, to: date) }

  var firstDay: Int32 { from?.firstDay ?? .min }
  var lastDay: Int32 { to?.lastDay ?? .max }

  public var description: String {
    switch (from, to) {
    case (nil, let to?): return "up to \(to)"
    case (let from?, let to?) where from == to: return "in force in \(to)"
    case (let from?, nil): return "from \(from)"
    case (let from?, let to?): return "\(from) to \(to)"
    case (nil, nil): return "all dates"
    }
  }
}

/// How one date selects observations: what held then, or what was known by then.
public enum TimeReading: String, CaseIterable, Sendable, Hashable {
  /// What held on the date (valid time, ``DateWindow/inForce(_:)``): an alliance signed in 1992
  /// and in force until today counts in 2018; one that ended in 2005 does not.
  case inForce = "in-force"
  /// What was on record by the date (record time, ``ViewFilter/knownBy``): every alliance
  /// signed by 2018, ended or not.
  case knownBy = "known-by"
}

extension ViewFilter {
  /// This filter read at one `date`: ``TimeReading/inForce`` sets ``window`` to the date,
  /// ``TimeReading/knownBy`` clears ``window`` and sets ``knownBy`` (keeping an earlier one).
  public func at(_ date: PartialDate, reading: TimeReading) -> ViewFilter {
    var f = self
    switch reading {
    case .inForce: f.window = .inForce(date)
    case .knownBy:
      f.window = nil
      f.knownBy = knownBy.map { $0.lastDay < date.lastDay ? $0 : date } ?? date
    }
    return f
  }

  /// What the filter's dates select, in words: `in force in 2018`, `known by 2018`, `2015 to 2019`.
  public var timeLabel: String {
    switch (window, knownBy) {
    case (nil, nil): return "all dates"
    case (let w?, nil): return w.description
    case (nil, let k?): return "known by \(k)"
    case (let w?, let k?): return "\(w.description), known by \(k)"
    }
  }
}

/// How the observations of one (source, target, kind) are combined into a tie weight.
public enum Aggregation: String, CaseIterable, Sendable, Hashable {
  /// Number of observations.
  case count
  /// Sum of observation weights.
  case sum
  /// Largest observation weight.
  case max
}

/// Exponential fading of older observations: an observation that ended `d` days before
/// ``reference`` counts with weight × 0.5^(d / ``halfLifeDays``); observations still under way on the
/// reference day, or later, count fully.
public struct Decay: Hashable, Sendable {
  /// Days after which an observation counts half.
  public var halfLifeDays: Double
  /// The date ages are measured from (usually the end of the window).
  public var reference: PartialDate

  /// - Precondition: `halfLifeDays` is positive and finite.
  public init(halfLifeDays: Double, reference: PartialDate) {
    precondition(halfLifeDays > 0 && halfLifeDays.isFinite, "half-life must be a positive number of days")
    self.halfLifeDays = halfLifeDays
    self.reference = reference
  }

  /// The factor for an observation whose last day is `lastDay`.
  public func factor(lastDay: Int32) -> Double {
    let age = Double(reference.lastDay) - Double(lastDay)
    return age <= 0 ? 1 : exp2(-age / halfLifeDays)
  }
}

/// What a ``NetworkView`` keeps. Every criterion is optional; the default keeps everything.
///
/// An observation passes when its kind is in ``kinds``, its kind's polarity equals ``polarity``,
/// its confidence is at least ``minimumConfidence``, its time interval overlaps ``window``, it was
/// on record by ``knownBy`` and both its actors are in ``actors``.
///
/// Two times are kept apart. ``window`` is *valid time*: when the relation held (an alliance's
/// spell, an event's day); ``DateWindow/inForce(_:)`` keeps what held on one date. ``knownBy`` is
/// *record time*: what had been reported by a date (``TieObservation/recordDay``), whether or not
/// it still held.
public struct ViewFilter: Hashable, Sendable {
  /// Kind identifiers to keep; `nil` keeps all kinds.
  public var kinds: Set<String>?
  /// Keep only cooperative or only hostile kinds; `nil` keeps both.
  public var polarity: Polarity?
  /// `.reported` keeps reported ties only; `.alleged` (the default) keeps everything.
  public var minimumConfidence: Confidence
  /// Keep observations that hold at some time in the window (valid time); `nil` keeps every date.
  public var window: DateWindow?
  /// Keep observations on record by the last day of this date (record time: ``TieObservation/recordDay``);
  /// `nil` keeps every observation. The record as an analyst could have known it that day.
  public var knownBy: PartialDate?
  /// Actor identifiers to keep; `nil` keeps all actors. Other actors leave the view entirely.
  public var actors: Set<String>?
  /// Actor types to keep (e.g. `[.state]` for states only); `nil` keeps every type. Applies
  /// together with ``actors``: an actor must pass both.
  public var actorTypes: Set<ActorType>?
  /// How the observations of a tie combine into its weight.
  public var aggregation: Aggregation
  /// Leave out actors that have no tie in the view.
  public var dropIsolates: Bool
  /// Keep only ties whose aggregated weight is at least this (e.g. 100 million TIV of arms).
  public var minimumWeight: Double?
  /// Fade older observations before aggregating; with ``Aggregation/count`` each observation counts
  /// its decay factor.
  public var decay: Decay?

  /// A filter; the defaults keep everything.
  public init(
    kinds: Set<String>? = nil, polarity: Polarity? = nil, minimumConfidence: Confidence = .alleged,
    window: DateWindow? = nil, actors: Set<String>? = nil, aggregation: Aggregation = .sum, dropIsolates: Bool = false,
    decay: Decay? = nil, minimumWeight: Double? = nil, actorTypes: Set<ActorType>? = nil, knownBy: PartialDate? = nil
  ) {
    self.knownBy = knownBy
    self.actorTypes = actorTypes
    self.kinds = kinds
    self.polarity = polarity
    self.minimumConfidence = minimumConfidence
    self.window = window
    self.actors = actors
    self.aggregation = aggregation
    self.dropIsolates = dropIsolates
    self.decay = decay
    self.minimumWeight = minimumWeight
  }

  /// Plain-language summary for captions and report headers, e.g. `kinds: media, military; reported only; as of 2024-03-20`.
  public var summary: String {
    var parts: [String] = []
    if let kinds { parts.append("kinds: " + kinds.sorted().joined(separator: ", ")) }
    if let polarity { parts.append("\(polarity.rawValue) ties only") }
    switch minimumConfidence {
    case .reported: parts.append("reported only")
    case .assessed: parts.append("reported and assessed")
    case .alleged: break
    }
    if let window { parts.append(window.description) }
    if let knownBy { parts.append("known by \(knownBy)") }
    if let actors { parts.append("actors: " + actors.sorted().joined(separator: ", ")) }
    if let actorTypes { parts.append("actor types: " + actorTypes.map(\.rawValue).sorted().joined(separator: ", ")) }
    if let minimumWeight { parts.append("ties weighing at least \(JSONWriter.number(minimumWeight))") }
    if dropIsolates { parts.append("isolates dropped") }
    if let decay { parts.append("half-life \(JSONWriter.number(decay.halfLifeDays)) days before \(decay.reference)") }
    return parts.isEmpty ? "all ties" : parts.joined(separator: "; ")
  }
}
