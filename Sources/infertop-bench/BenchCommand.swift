import ArgumentParser
import CommandSupport

/// `infertop-bench …`: release-mode benchmarks that print numbers. A separate executable from `infertop`, so
/// the shipped binary carries none of the benchmarks or the loopback servers and peers they start.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infertop-bench",
        abstract: "infertop's benchmarks (build with -c release).",
        version: InfertopVersion.described,
        subcommands: [
            BenchParseCommand.self, BenchSimCommand.self, BenchRecordingCommand.self, BenchRenderCommand.self,
            BenchScrapeCommand.self, BenchModelCommand.self, BenchMemoryCommand.self,
        ]
    )

    static func main() async { await CommandEntry.run(self) }
}
