import CoalitionGraph
import CoalitionMetrics

/// UN General Assembly roll-call votes as the `unvotes` package lays out Voeten's data: three CSV
/// files joined on `rcid`.
///
/// - votes: `rcid, country, country_code, vote` — ISO alpha-2 codes (Namibia is `NA`, read as a
///   code, never as a missing value; Serbia keeps Yugoslavia's `YU`, as Voeten codes it, and is
///   read as Serbia, `SRB`); `vote` is `yes`, `no` or `abstain` (Voeten's numeric codes
///   1, 3 and 2 too; 8 absent and 9 not a member count as no vote). Absences are not recorded.
/// - roll calls: `rcid, session, importantvote, date, unres, amend, para, short, descr`.
/// - issues (optional): `rcid, short_name, issue`, one row per issue of a roll call.
///
/// The UN Digital Library's own export is read too, from one file, when its header has `ms_code`
/// and `ms_vote`: one row per member state and resolution, with `undl_id` (the record, used as
/// the roll-call id; else `resolution`), `ms_code` (ISO alpha-3), `ms_vote` (`Y`, `N`, `A`; empty,
/// `X` or `NV` for not voting), `date`, `session`, `resolution` and `title`.
///
/// Votes of unknown countries or roll calls, and malformed rows, are reported with their line
/// and left out (or stop the read under ``ErrorPolicy/strict``).
public enum UNVotes {
  /// What a read gives: the matrix and what was left out.
  public struct Result: Sendable {
    /// States × roll calls.
    public var matrix: VoteMatrix
    /// Problems, with file and line, in file order.
    public var issues: [String]
    /// Vote rows read.
    public var votesRead: Int
    /// Vote rows kept.
    public var votesKept: Int
  }

  /// Reads the three files (issues optional).
  /// - Throws: ``ImportError`` for an unreadable file, a missing column, or any bad row under
  ///   ``ErrorPolicy/strict``.
  public static func read(votes: String, rollCalls: String?, issues: String? = nil, policy: ErrorPolicy = .skip) throws -> Result {
    // One pass over the votes file: its header says which layout it is.
    let reader = try RecordReader(path: votes, delimiter: UInt8(ascii: ","), quoting: true)
    var record = Record()
    let header = try reader.header(into: &record)
    if let result = try readDigitalLibrary(reader, header: header, policy: policy) { return result }
    guard let rollCalls else {
      throw ImportError(file: votes, line: 1, "a votes file in the unvotes layout needs its roll-call file (the UN Digital Library layout has ms_code and ms_vote columns)")
    }
    var problems: [String] = []
    var calls = try readRollCalls(try RecordReader(path: rollCalls, delimiter: UInt8(ascii: ","), quoting: true), policy: policy, problems: &problems)
    if let issues {
      let tags = try readIssues(try RecordReader(path: issues, delimiter: UInt8(ascii: ","), quoting: true), policy: policy, problems: &problems)
      for (id, set) in tags { calls[id]?.issues.formUnion(set) }
    }
    var log = IssueLog(file: reader.file, policy: policy)
    let (cRC, cCode, cVote) = (
      try reader.column("rcid", in: header), try reader.column("country_code", in: header), try reader.column("vote", in: header)
    )
    var rows: [StateVote] = []
    var read = 0
    while try reader.next(into: &record) {
      read += 1
      guard try log.matchesHeader(record, width: header.count) else { continue }
      guard let rc = record.int(cRC), calls[rc] != nil else {
        try log.add(line: record.line, column: record.columns[cRC], "rcid \"\(record.text(cRC).clipped())\" is not a roll call of the roll-call file")
        continue
      }
      let code = record.text(cCode)
      guard let country = CountryTable.country(alpha2: code == "YU" ? "RS" : code) else {
        try log.add(line: record.line, column: record.columns[cCode], "\"\(code.clipped())\" is not an ISO alpha-2 country code")
        continue
      }
      let text = record.text(cVote).lowercased()
      let vote: Vote?
      switch text {
      case "yes", "y", "1": vote = .yes
      case "abstain", "a", "2": vote = .abstain
      case "no", "n", "3": vote = .no
      case "8", "9", "absent", "nv": vote = nil
      default:
        try log.add(line: record.line, column: record.columns[cVote], "vote \"\(text.clipped())\" is not yes, no or abstain")
        continue
      }
      if let vote { rows.append(StateVote(state: country.alpha3, rollCall: rc, vote: vote)) }
    }
    problems += log.issues.map { "\(reader.file.visible):\($0)" }
    return Result(matrix: VoteMatrix(rollCalls: Array(calls.values), votes: rows), issues: problems, votesRead: read, votesKept: rows.count)
  }

  /// The rest of a file in the UN Digital Library layout, or `nil` (nothing read) when `header`
  /// is not that layout.
  static func readDigitalLibrary(_ reader: RecordReader, header: [String], policy: ErrorPolicy) throws(ImportError) -> Result? {
    var record = Record()
    guard let cCode = header.firstIndex(of: "ms_code"), let cVote = header.firstIndex(of: "ms_vote") else { return nil }
    guard let cKey = header.firstIndex(of: "undl_id") ?? header.firstIndex(of: "resolution") else {
      throw ImportError(file: reader.file, line: 1, "no undl_id or resolution column to tell the roll calls apart")
    }
    func optional(_ name: String) -> Int? { header.firstIndex(of: name) }
    let (cDate, cSession, cRes, cTitle) = (optional("date"), optional("session"), optional("resolution"), optional("title"))
    var log = IssueLog(file: reader.file, policy: policy)
    var calls: [String: RollCall] = [:]
    var rows: [StateVote] = []
    var read = 0
    while try reader.next(into: &record) {
      read += 1
      guard try log.matchesHeader(record, width: header.count) else { continue }
      let key = record.text(cKey)
      guard !key.isEmpty else {
        try log.add(line: record.line, column: record.columns[cKey], "\(header[cKey]) is empty")
        continue
      }
      if calls[key] == nil {
        let dateText = cDate.map { record.text($0) } ?? ""
        let date = PartialDate(flexible: String(dateText.prefix(10)))
        if date == nil, !dateText.isEmpty {
          try log.add(line: record.line, column: cDate.map { record.columns[$0] }, "date \"\(dateText.clipped())\" is not a date")
          continue
        }
        let sessionText = cSession.map { record.text($0) } ?? ""
        let id = Int(key) ?? (calls.count + 1)
        calls[key] = RollCall(
          id: id, session: Int(sessionText.prefix { $0.isNumber }) ?? 0, date: date,
          resolution: cRes.flatMap { record.text($0).isEmpty ? nil : record.text($0) },
          title: cTitle.flatMap { record.text($0).isEmpty ? nil : record.text($0) })
      }
      let code = record.text(cCode).uppercased()
      guard let country = CountryTable.country(alpha3: code) else {
        try log.add(line: record.line, column: record.columns[cCode], "\"\(code.clipped())\" is not an ISO alpha-3 country code")
        continue
      }
      switch record.text(cVote).uppercased() {
      case "Y": rows.append(StateVote(state: country.alpha3, rollCall: calls[key]!.id, vote: .yes))
      case "N": rows.append(StateVote(state: country.alpha3, rollCall: calls[key]!.id, vote: .no))
      case "A": rows.append(StateVote(state: country.alpha3, rollCall: calls[key]!.id, vote: .abstain))
      case "", "X", "NV": break
      case let other: try log.add(line: record.line, column: record.columns[cVote], "ms_vote \"\(other.clipped())\" is not Y, N, A or empty")
      }
    }
    return Result(
      matrix: VoteMatrix(rollCalls: Array(calls.values), votes: rows), issues: log.issues.map { "\(reader.file.visible):\($0)" },
      votesRead: read, votesKept: rows.count)
  }

  static func readRollCalls(_ reader: RecordReader, policy: ErrorPolicy, problems: inout [String]) throws(ImportError) -> [Int: RollCall] {
    var log = IssueLog(file: reader.file, policy: policy)
    var record = Record()
    let header = try reader.header(into: &record)
    let (cRC, cSession, cDate) = (try reader.column("rcid", in: header), try reader.column("session", in: header), try reader.column("date", in: header))
    func optional(_ name: String) -> Int? { header.firstIndex(of: name) }
    let (cImportant, cAmend, cPara, cRes, cTitle) = (optional("importantvote"), optional("amend"), optional("para"), optional("unres"), optional("descr"))
    var out: [Int: RollCall] = [:]
    while try reader.next(into: &record) {
      guard try log.matchesHeader(record, width: header.count) else { continue }
      guard let rc = record.int(cRC) else {
        try log.add(line: record.line, column: record.columns[cRC], "rcid \"\(record.text(cRC).clipped())\" is not a number")
        continue
      }
      guard out[rc] == nil else {
        try log.add(line: record.line, column: record.columns[cRC], "roll call \(rc) is listed twice")
        continue
      }
      guard let session = record.int(cSession) else {
        try log.add(line: record.line, column: record.columns[cSession], "session \"\(record.text(cSession).clipped())\" is not a number")
        continue
      }
      let dateText = record.text(cDate)
      let date = PartialDate(flexible: dateText)
      if date == nil, !dateText.isEmpty {
        try log.add(line: record.line, column: record.columns[cDate], "date \"\(dateText.clipped())\" is not a date")
        continue
      }
      func flag(_ c: Int?) -> Bool { c.map { record.int($0) == 1 } ?? false }
      func text(_ c: Int?) -> String? { c.flatMap { record.text($0).isEmpty ? nil : record.text($0) } }
      out[rc] = RollCall(
        id: rc, session: session, date: date, important: flag(cImportant), amendment: flag(cAmend), paragraph: flag(cPara),
        resolution: text(cRes), title: text(cTitle))
    }
    problems += log.issues.map { "\(reader.file.visible):\($0)" }
    return out
  }

  static func readIssues(_ reader: RecordReader, policy: ErrorPolicy, problems: inout [String]) throws(ImportError) -> [Int: Set<String>] {
    var log = IssueLog(file: reader.file, policy: policy)
    var record = Record()
    let header = try reader.header(into: &record)
    let (cRC, cShort) = (try reader.column("rcid", in: header), try reader.column("short_name", in: header))
    var out: [Int: Set<String>] = [:]
    while try reader.next(into: &record) {
      guard try log.matchesHeader(record, width: header.count) else { continue }
      guard let rc = record.int(cRC) else {
        try log.add(line: record.line, column: record.columns[cRC], "rcid \"\(record.text(cRC).clipped())\" is not a number")
        continue
      }
      out[rc, default: []].insert(record.text(cShort))
    }
    problems += log.issues.map { "\(reader.file.visible):\($0)" }
    return out
  }
}
