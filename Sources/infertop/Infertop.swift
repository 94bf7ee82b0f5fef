import ArgumentParser

/// The `infertop` command: the dashboard by default, and the headless subcommands beside it.
@main
struct Infertop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infertop",
        abstract: "A terminal dashboard for LLM inference clusters.",
        version: InfertopVersion.current,
        subcommands: [DashboardCommand.self, ReplayCommand.self, RecordCommand.self, SimCommand.self, SnapshotCommand.self, BenchCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
