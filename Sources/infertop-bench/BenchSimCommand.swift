import ArgumentParser
import CommandSupport
import Foundation
import Ingest
import Simulator

#if canImport(Glibc)
    import Glibc
#endif

/// `infertop-bench sim`: what the simulator costs. Live: CPU share of one core to keep a large cluster in
/// real time and render every page once per scrape interval. Fast-forward: seconds to run an hour.
struct BenchSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Simulator cost: live CPU share at a 1 s scrape, and the time to fast-forward an hour."
    )

    @Option(help: "Scenario of both runs.")
    var scenario: Scenario = .steady
    @Option(help: "Nodes of the live run (\(FlagRange.simulatedNodes.text)).", transform: FlagValue.int(FlagRange.simulatedNodes))
    var nodes = 64
    @Option(
        name: .customLong("gpus-per-node"), help: "GPUs per node in both runs (\(FlagRange.gpusPerNode.text)).",
        transform: FlagValue.int(FlagRange.gpusPerNode))
    var gpusPerNode = 8
    private static let secondsRange = SettingRange(1, 86400, .count)
    @Option(
        help: "Virtual seconds measured in the live run (after 30 s of warm-up; \(Self.secondsRange.text)).",
        transform: FlagValue.int(Self.secondsRange))
    var seconds = 60
    @Option(
        name: .customLong("fast-forward-nodes"), help: "Nodes of the fast-forward run (\(FlagRange.simulatedNodes.text)).",
        transform: FlagValue.int(FlagRange.simulatedNodes))
    var fastForwardNodes = 8
    @Option(
        name: .customLong("fast-forward-interval"),
        help:
            "Scrape intervals of the fast-forward runs, seconds (\(FlagRange.simulatorInterval.text); repeat the option for several runs).",
        transform: FlagValue.seconds(FlagRange.simulatorInterval))
    var fastForwardIntervals: [Double] = [15, 1]

    /// CPU seconds this process has used.
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func run() throws {
        #if DEBUG
            print("warning: a debug build; build with -c release for meaningful numbers")
        #endif
        try live()
        for interval in fastForwardIntervals { try fastForward(interval: interval) }
    }

    private func live() throws {
        var simulator = ClusterSimulator(
            options: SimulationOptions(
                scenario: scenario, nodes: nodes,
                gpusPerNode: gpusPerNode))
        simulator.advance(byMs: 30_000)
        var simulate = 0.0
        var render = 0.0
        var bytes = 0
        for _ in 0..<seconds {
            let start = Self.cpuSeconds()
            simulator.advance(byMs: 1_000)
            let simulated = Self.cpuSeconds()
            for target in simulator.targets { bytes += simulator.page(for: target)?.count ?? 0 }
            simulate += simulated - start
            render += Self.cpuSeconds() - simulated
        }
        let share = (simulate + render) / Double(seconds) * 100
        print(
            String(
                format: "live: %d nodes × %d GPUs, %d targets, %@: %.2f %% of a core "
                    + "(simulate %.2f %%, render %.2f %%; %.1f MB of pages per second) — target ≤ 5 %%: %@",
                nodes, gpusPerNode, simulator.targets.count, scenario.rawValue, share,
                simulate / Double(seconds) * 100, render / Double(seconds) * 100,
                Double(bytes) / Double(seconds) / 1e6, share <= 5 ? "ok" : "MISSED"))
    }

    private func fastForward(interval: Double) throws {
        var simulator = ClusterSimulator(
            options: SimulationOptions(
                scenario: scenario, nodes: fastForwardNodes,
                gpusPerNode: gpusPerNode))
        let clock = ContinuousClock()
        let cpu = Self.cpuSeconds()
        var pages = 0
        var bytes = 0
        let elapsed = clock.measure {
            simulator.fastForward(durationMs: 3_600_000, intervalMs: Int64(interval * 1000)) { scrape in
                if let page = scrape.bytes {
                    pages += 1
                    bytes += page.count
                }
            }
        }
        let seconds = elapsed.seconds
        print(
            String(
                format: "fast-forward: 1 h of %d GPUs (%d targets) at a %.0f s interval: %.2f s wall, "
                    + "%.2f s CPU, %d pages, %.0f MB — target ≤ 10 s: %@",
                fastForwardNodes * gpusPerNode, simulator.targets.count, interval, seconds,
                Self.cpuSeconds() - cpu, pages, Double(bytes) / 1e6, seconds <= 10 ? "ok" : "MISSED"))
    }
}
