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
