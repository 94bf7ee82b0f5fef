import ArgumentParser
import Foundation

/// The `infertop` command: the dashboard by default, and the headless subcommands beside it.
@main
struct Infertop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infertop",
        abstract: "A terminal dashboard for LLM inference clusters.",
        version: InfertopVersion.described,
        subcommands: [DashboardCommand.self, ReplayCommand.self, RecordCommand.self, SimCommand.self, SnapshotCommand.self, BenchCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses and runs the command, and alone decides how the process ends. A flag or argument that cannot be
    /// used exits 64 with one line naming it, the value and what is accepted (not the whole usage: the line is
    /// what a script's log keeps); everything else ends as the argument parser ends it, with the exit code the
    /// command threw (`ExitCode(128 + signal)` after an interrupted dashboard has restored the terminal).
    static func main() async {
        OpenFileLimit.raiseToHard()
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data("infertop: \(message(for: error))\n".utf8))
                exit(withError: ExitCode.validationFailure)
            }
            exit(withError: error)
        }
    }
}
