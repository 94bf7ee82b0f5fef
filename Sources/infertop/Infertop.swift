import ArgumentParser
import CommandSupport

/// The `infertop` command: the dashboard by default, and the headless subcommands beside it. The benchmarks
/// are a separate executable, `infertop-bench`, so the shipped binary holds only what users run.
@main
struct Infertop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infertop",
        abstract: "A terminal dashboard for LLM inference clusters.",
        version: InfertopVersion.described,
        subcommands: [DashboardCommand.self, ReplayCommand.self, RecordCommand.self, SimCommand.self, SnapshotCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() async { await CommandEntry.run(self) }
}
