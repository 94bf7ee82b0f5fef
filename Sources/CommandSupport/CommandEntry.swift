import ArgumentParser
import Foundation

/// How an infertop executable starts and ends: `infertop` and `infertop-bench` both begin here, so that each
/// raises the open-file limit and refuses a bad flag in the same single line.
package enum CommandEntry {
    /// Parses and runs `Root`, and alone decides how the process ends. A flag or argument that cannot be used
    /// exits 64 with one line naming it, the value and what is accepted (not the whole usage: the line is what a
    /// script's log keeps), prefixed with the command's name; everything else ends as the argument parser ends
    /// it, with the exit code the command threw (`ExitCode(128 + signal)` after an interrupted dashboard has
    /// restored the terminal).
    package static func run<Root: AsyncParsableCommand>(_ root: Root.Type) async {
        OpenFileLimit.raiseToHard()
        do {
            var command = try await root.asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if root.exitCode(for: error) == .validationFailure {
                let name = root.configuration.commandName ?? "infertop"
                FileHandle.standardError.write(Data("\(name): \(root.message(for: error))\n".utf8))
                root.exit(withError: ExitCode.validationFailure)
            }
            root.exit(withError: error)
        }
    }
}
