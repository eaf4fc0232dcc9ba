import Foundation
import Testing

// Every numeric, date and duration option over values that once trapped, hung or were taken
// silently: zero, −1, the largest integer, overlong digit strings, NaN, the infinities, absurd
// units. The tool answers each with an exit status of 0, 1 or 2 — and a line starting "error:"
// when it refuses — never a signal and never a hang.

private let numbers = ["0", "-1", "9223372036854775807", "99999999999999999999999", "nan", "inf", "-inf", "1e308", "1e-320"]
private let spans = ["0d", "-1d", "2000000000000000000w", "3000000000000000000w", "100000y", "99999999999y", "1000000m", "1x", "nan"]
private let dates = ["0", "-1", "99999", "2020-13", "2020-02-30", "9223372036854775807", "nan"]

private func sweepCases() -> [[String]] {
  let atop = "Tests/Fixtures/data/atop5_1_ddyr_2018.csv", gdelt = "Tests/Fixtures/data/gdelt2_20191024143000.export.CSV"
  var cases: [[String]] = []
  for command in [["report"], ["metrics", "--measure", "degree"], ["timeline", "--window", "1y"]] {
    for option in ["--min-weight", "--digits", "--timeout"] { cases += numbers.map { command + [option, $0] } }
    for option in ["--in-force", "--known-by", "--from", "--to"] { cases += dates.map { command + [option, $0] } }
  }
  for option in ["--memory-limit", "--top", "--label-top"] { cases += numbers.map { ["render", "-o", "-", "--format", "dot", option, $0] } }
  for option in ["--window", "--step", "--half-life"] {
    cases += spans.map { ["timeline"] + (option == "--window" ? [] : ["--window", "1y"]) + [option, $0] }
  }
  for option in ["--window", "--step"] {
    cases += spans.map { ["report", "--format", "html", "-o", "-"] + (option == "--window" ? [] : ["--window", "1y"]) + [option, $0] }
  }
  cases += numbers.map { ["report", "--frustration-time-limit", $0] }
  cases += numbers.map { ["report", "--permutations", $0] } + numbers.map { ["report", "--seed", $0] } + numbers.map { ["report", "--rank-draws", $0] }
  cases += numbers.map { ["report", "--keep-probability", "alleged=" + $0] }
  for option in ["--reps", "--seed", "--threads", "--year"] {
    cases += numbers.map { ["qap", "--dependent", "Tests/Fixtures/data/cow_contdir_2016.csv", "--covariate", "Tests/Fixtures/data/cow_contdir_2016.csv:land", option, $0] }
  }
  for option in ["--threads", "--samples", "--tolerance"] { cases += numbers.map { ["metrics", "--measure", "betweenness", option, $0] } }
  cases += dates.map { ["timeline", "--diff", $0, "2024-03-20"] }
  for option in ["--threshold", "--backbone"] { cases += numbers.map { ["alignment", "--atop", atop, "--year", "2018", "--ties", option, $0, "-o", "-"] } }
  cases += numbers.map { ["alignment", "--atop", atop, "--year", $0] }
  for option in ["--min-sources", "--reported-at-sources", "--threads"] {
    cases += numbers.map { ["import", "--format", "gdelt", gdelt, option, $0, "-o", "-"] }
  }
  for option in ["--from-year", "--to-year"] { cases += numbers.map { ["import", "--format", "atop", atop, option, $0, "-o", "-"] } }
  return cases
}

@Test func noOptionValueTrapsOrHangs() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  var failures: [String] = []
  for arguments in sweepCases() {
    let run = try Run(arguments, in: root, timeLimit: 60)
    let refused = run.status != 0
    if run.signalled || ![0, 1, 2].contains(run.status) || (refused && !run.stderr.split(separator: "\n").contains { $0.hasPrefix("error:") }) {
      failures.append("\(arguments.joined(separator: " ")): status \(run.status)\(run.signalled ? " (signal)" : ""): \(run.stderr.prefix(200))")
    }
  }
  #expect(failures.isEmpty, "\(failures.count) options misbehaved:\n\(failures.joined(separator: "\n"))")
}

@Test func numbersOutsideTheirRangeAreRefusedByName() throws {
  for (arguments, message) in [
    (["report", "--min-weight", "nan"], "error: --min-weight nan: must be a finite number of 0 or more"),
    (["report", "--timeout", "inf"], "error: --timeout inf: must be a number of seconds from 0.001 to 1,000,000"),
    (["timeline", "--window", "2000000000000000000w"], "error: --window 2000000000000000000w:"),
    (["timeline", "--window", "1y", "--half-life", "100000y"], "error: --half-life 100000y:"),
    (["metrics", "--measure", "degree", "--threads", "100000"], "error: --threads 100000: must be from 1 to 4,096"),
  ] {
    let run = try Run(arguments, timeLimit: 60)
    #expect(run.status == 2 || run.status == 1, "\(arguments)")
    #expect(run.stderr.hasPrefix(message), "\(arguments): \(run.stderr)")
  }
}

/// A mistyped kind, actor or bloc names the nearest known spelling.
@Test func typosInViewOptionsSuggestTheNearestName() throws {
  let kind = try Run(["report", "--kind", "arms-transfers"], timeLimit: 60)
  #expect(kind.status != 0 && kind.stderr.hasPrefix("error: unknown kind \"arms-transfers\" (did you mean \"arms-transfer\"?)"), "\(kind.stderr)")
  let actor = try Run(["report", "--actor", "RSU"], timeLimit: 60)
  #expect(actor.status != 0 && actor.stderr.contains("unknown actor \"RSU\" (did you mean \"RUS\"?)"), "\(actor.stderr)")
}
