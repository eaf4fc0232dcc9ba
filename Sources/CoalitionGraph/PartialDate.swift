/// A calendar date known to the year, the month or the day: `2024`, `2024-03` or `2024-03-19`.
///
/// Sources often state only a month or a year; the precision is kept rather than invented.
/// A partial date covers a span of days, from ``firstDay`` to ``lastDay``.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public let year: Int
  /// The month, 1 to 12, when known.
  public let month: Int?
  /// The day of the month, when known (only with a month).
  public let day: Int?

  /// Makes a date, or returns `nil` if it does not exist (month 13, 30 February, a day without a month).
  public init?(year: Int, month: Int? = nil, day: Int? = nil) {
    guard (1...9999).contains(year) else { return nil }
    if let month, !(1...12).contains(month) { return nil }
    if let day {
      guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for any other text or an impossible date.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count) else { return nil }
    let widths = [4, 2, 2]
    var numbers: [Int] = []
    for (i, part) in parts.enumerated() {
      guard part.count == widths[i], part.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(part) else { return nil }
      numbers.append(v)
    }
    self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
  }

  /// The canonical text form, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var description: String {
    var s = String(year).leftPadded(to: 4)
    if let month { s += "-" + String(month).leftPadded(to: 2) }
    if let day { s += "-" + String(day).leftPadded(to: 2) }
    return s
  }

  /// Days since 1970-01-01 of the first day the date covers.
  public var firstDay: Int32 {
    PartialDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
  }

  /// Days since 1970-01-01 of the last day the date covers.
  public var lastDay: Int32 {
    let m = month ?? 12
    return PartialDate.dayNumber(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))
  }

  public static func < (a: PartialDate, b: PartialDate) -> Bool {
    (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
  }

  static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 in the proleptic Gregorian calendar (civil-to-days, era arithmetic).
  static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12  // March = 0
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int32(era * 146_097 + dayOfEra - 719_468)
  }
}

extension String {
  package func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}

extension PartialDate {
  /// The day with this number (days since 1970-01-01); `nil` for the open-end markers
  /// `Int32.min` and `Int32.max` and for days outside years 1–9999.
  public init?(dayNumber: Int32) {
    guard dayNumber != .min, dayNumber != .max else { return nil }
    // Proleptic Gregorian calendar from a day count, by 400-year eras (H. Hinnant, "chrono-Compatible
    // Low-Level Date Algorithms").
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: year, month: month, day: day)
  }
}
