import ArgumentParser
import CoalitionGraph
import Foundation

@main
struct Coalition: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coalition",
    abstract: "Typed coalition graphs: validate datasets, draw coalition maps, rank actors.",
    discussion: """
      With no DATASET argument every command uses the built-in seed case: an ISW assessment, reported on 2024-03-20, of Russia building a coalition with China, North Korea and Iran. A file argument of '-' reads standard input; '-o -' (or no -o) writes standard output.

      Exit status: 0 done; 1 bad input (the message names the file, line and reason); 2 wrong usage; 124 --timeout reached; 125 --memory-limit reached; 130 interrupted (Ctrl-C). Nothing is written unless the command succeeds.
      """,
    version: CoalitionGraphVersion.current,
    subcommands: [Render.self, Dot.self, Validate.self, Report.self, Metrics.self, Alignment.self, QAPCommand.self, PanelCommand.self, Import.self, Export.self, Timeline.self, Format.self, Bench.self],
    defaultSubcommand: nil)

  /// Runs the tool; every failure is printed as `error: …` on stderr with a non-zero exit.
  static func main() {
    installInterruptHandler()
    notePeakMemoryAtExit()
    do {
      var command = try parseAsRoot()
      if command is Bench {
        try command.run()
      } else {
        try ProgressBar.around { try command.run() }
      }
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
      if !message.hasPrefix("error:") { message = "error: " + message }
      FileHandle.standardError.write(Data((message + "\n").utf8))
      // Usage errors exit with 2, as POSIX utilities do (the parser's own code is 64).
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 1 : code.rawValue)
    }
  }
}

/// With `COALITION_PEAK_MEMORY=FILE` in the environment, the tool writes its peak resident memory
/// in bytes (VmHWM of /proc/self/status) to FILE when it exits, whatever the exit status: how the
/// tests and the benchmarks check the memory bounds of one run. (A parent's wait4 would not do:
/// on Linux a spawned child's ru_maxrss starts from its parent's.)
func notePeakMemoryAtExit() {
  guard ProcessInfo.processInfo.environment["COALITION_PEAK_MEMORY"] != nil else { return }
  atexit {
    guard let path = ProcessInfo.processInfo.environment["COALITION_PEAK_MEMORY"],
      let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "")
    else { return }
    try? "\(kilobytes * 1024)\n".write(toFile: path, atomically: false, encoding: .utf8)
  }
}
