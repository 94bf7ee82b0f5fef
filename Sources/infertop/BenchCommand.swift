import ArgumentParser

/// `infertop bench …`: release-mode benchmarks that print numbers.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release).",
        subcommands: [BenchParseCommand.self, BenchSimCommand.self, BenchRecordingCommand.self, BenchRenderCommand.self, BenchScrapeCommand.self, BenchModelCommand.self]
    )
}
