import Foundation
import TestSupport
import Testing

/// Issue 14, class 2: every numeric flag of every command has a documented range. The real binaries (`infertop`
/// and the benchmarks' `infertop-bench`), given a value no range accepts, exit 64 with one line naming the flag,
/// the value and what is accepted: never a trap (132, 134, 139), never a hang, never a screen of usage.
///
/// The flags are not listed here: they are read from the binary's own description of its interface
/// (`--experimental-dump-help`), so a numeric flag added later is swept without anyone remembering to add it,
/// and an option that takes text must be named in `textOptions` to be left out.
@Suite(.serialized) struct FlagRangeTests {
    static let recording = Fixtures.repositoryRoot.appendingPathComponent("SampleData/steady.rec").path
    /// Options whose value is text (a name, a path, a URL, a choice), not a number.
    static let textOptions: Set<String> = [
        "--config", "--prometheus", "--selector", "--file-sd", "--bearer-token-file", "--bearer-token-env",
        "--basic-auth-user", "--basic-auth-password-file", "--ca-file", "--scenario", "--theme", "--glyphs", "--color",
        "--log", "--record", "--format", "--out", "--serve", "--sd-file", "--target", "--node", "--generator", "--dumps",
        "--instance-labels", "--peer", "--page",
    ]
    /// What a command needs besides the flag for the parser to reach it.
    static let required: [String: [String]] = [
        "infertop replay": [recording], "infertop record": ["--out", "/nonexistent/never-written.rec"],
        "infertop-bench parse": ["x.prom"],
    ]
    /// The executables swept, by the name each prefixes its refusals with.
    static let programs: [(name: String, binary: URL?)] = [
        ("infertop", InfertopProcess.binary), ("infertop-bench", InfertopProcess.benchBinary),
    ]
    /// Numeric flags whose range starts at 0 (every other one refuses 0 as well).
    static let zeroAccepted: Set<String> = [
        "--seed", "--sim-seed", "--load-scale", "--duration", "--at", "--history", "--targets", "--seeks",
        "--vllm-per-node", "--instances",
    ]
    /// Values outside every range, and garbage: each must be refused by every numeric flag.
    static let hostile = ["nan", "inf", "-inf", "1e308", "-1e308", "-1", "99999999999999999999999", "x1", "1e300x1e300"]

    /// One numeric option of one command of one program.
    struct NumericFlag: CustomStringConvertible {
        var program: String
        var binary: URL?
        var command: [String]
        var flag: String
        var help: String
        var description: String { ([program] + command + [flag]).joined(separator: " ") }
        /// The key of `required`.
        var commandLine: String { ([program] + command).joined(separator: " ") }
    }

    /// Every numeric option of every command of every program, from each binary's interface description.
    static func numericFlags(folder: URL) async throws -> [NumericFlag] {
        var flags: [NumericFlag] = []
        for (program, binary) in programs {
            let dump = try InfertopProcess(
                ["--experimental-dump-help"], name: "dump-help-\(program)", folder: folder,
                binary: binary)
            #expect(await dump.finish(within: .seconds(20)) == 0)
            let root = try JSONDecoder().decode(HelpDump.self, from: Data(dump.output.utf8)).command
            func walk(_ command: HelpDump.Command, path: [String]) {
                for argument in command.arguments ?? [] where argument.kind == "option" {
                    guard let name = argument.names?.first(where: { $0.kind == "long" })?.name,
                        !textOptions.contains("--" + name)
                    else { continue }
                    // The dashboard is the default command: its flags are given without a command name.
                    flags.append(
                        NumericFlag(
                            program: program, binary: binary, command: path == ["watch"] ? [] : path,
                            flag: "--" + name, help: argument.abstract ?? ""))
                }
                for sub in command.subcommands ?? [] { walk(sub, path: path + [sub.commandName]) }
            }
            walk(root, path: [])
        }
        #expect(Set(flags.map(\.program)) == Set(programs.map(\.name)), "a program without numeric flags: \(flags)")
        return flags
    }

    @Test func everyNumericFlagDocumentsItsRangeInItsHelp() async throws {
        let folder = try TemporaryFolder("flag-ranges")
        let flags = try await Self.numericFlags(folder: folder.url)
        #expect(flags.count > 50, "only \(flags.count) numeric flags found: \(flags)")
        for flag in flags {
            // "1 to 2048", "50ms to 1h", "0.25× to 64×", "within ±10,000 years", "0 to 18446744073709551615".
            #expect(flag.help.contains(" to ") || flag.help.contains("within ±"), "\(flag): \(flag.help)")
        }
    }

    @Test(arguments: hostile + ["0"])
    func everyNumericFlagRefusesOutOfRangeValuesInOneLine(value: String) async throws {
        let folder = try TemporaryFolder("flag-ranges")
        let flags = try await Self.numericFlags(folder: folder.url).filter {
            value != "0" || !Self.zeroAccepted.contains($0.flag)
        }
        // A few at a time: each run is a process start, and sixty of them one after another are most of the wait.
        for start in stride(from: 0, to: flags.count, by: 8) {
            let batch = try flags[start..<min(start + 8, flags.count)].enumerated().map { offset, entry in
                // `--flag=value`, so that "-1" is read as the flag's value and not as an option of its own.
                let arguments = entry.command + (Self.required[entry.commandLine] ?? []) + ["\(entry.flag)=\(value)"]
                return (
                    entry, arguments,
                    try InfertopProcess(
                        arguments, name: "run\(start + offset)", folder: folder.url,
                        binary: entry.binary)
                )
            }
            for (entry, arguments, run) in batch {
                let status = await run.finish(within: .seconds(30))
                let lines = run.errors.split(separator: "\n")
                let shown = ([entry.program] + arguments).joined(separator: " ")
                #expect(status == 64, "\(shown) exited \(status): \(run.errors)")
                #expect(lines.count == 1, "\(shown): \(run.errors)")
                #expect(lines.first?.hasPrefix("\(entry.program): ") == true, "\(shown): \(run.errors)")
                #expect(
                    lines.first?.contains(entry.flag) == true && lines.first?.contains(value) == true,
                    "\(arguments): \(run.errors)")
            }
        }
    }

    @Test func theRefusalSaysTheRange() async throws {
        let folder = try TemporaryFolder("flag-ranges")
        let run = try InfertopProcess(["--nodes", "100000"], name: "nodes", folder: folder.url)
        #expect(await run.finish(within: .seconds(20)) == 64)
        #expect(run.errors == "infertop: The value '100000' is invalid for '--nodes <nodes>': expected 1 to 2048\n")
        let product = try InfertopProcess(["--nodes", "2048", "--gpus-per-node", "16"], name: "product", folder: folder.url)
        #expect(await product.finish(within: .seconds(20)) == 64)
        #expect(product.errors.contains("32768 simulated GPUs; expected at most 16384"))
    }

    /// The parts of argument-parser's `--experimental-dump-help` JSON that the sweep reads.
    struct HelpDump: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        struct Argument: Decodable {
            var kind: String
            var names: [Name]?
            var abstract: String?
        }

        struct Command: Decodable {
            var commandName: String
            var arguments: [Argument]?
            var subcommands: [Command]?
        }

        var command: Command
    }
}
