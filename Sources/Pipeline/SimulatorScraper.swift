import Exposition
import Ingest
import Parallel
import Simulator

/// Reads every simulated target's page in process, as a scrape round would fetch it: each target's page read by
/// a parser of its own that keeps the target's previous page, so lines which only changed their value are not
/// parsed again, and the targets read side by side on the machine's cores (a round's pages are independent,
/// and the simulator warms up 60 of them before the first frame).
package struct SimulatorScraper: Sendable {
    /// By target, in the simulator's target order.
    private var parsers: [RepeatingPageParser] = []

    package init() {}

    /// One scrape of every simulated target at the simulator's current time, in target order.
    ///
    /// A loading or starting engine answers with an empty page (its HTTP side is up, its engine is not), which
    /// the cluster model shows as loading; a down node, a crashed or not-yet-started process does not answer.
    package mutating func scrapes(of simulator: ClusterSimulator) -> [ScrapeResult] {
        let targets = simulator.targets
        if parsers.count != targets.count { parsers = Array(repeating: RepeatingPageParser(), count: targets.count) }
        return SideBySide.map(&parsers) { index, parser in Self.scrape(of: targets[index], in: simulator, parser: &parser) }
    }

    /// One target's scrape: its page, an empty page while its engine loads, or the refusal of a target that is down.
    private static func scrape(
        of target: SimTarget, in simulator: ClusterSimulator, parser: inout RepeatingPageParser
    ) -> ScrapeResult {
        var result: ScrapeResult
        if let bytes = simulator.page(for: target) {
            result = ScrapeResult.reading(
                bytes, target: target.id, timeMs: simulator.nowMs, durationSeconds: 0.002, parser: &parser)
            result.node = target.node
        } else {
            // `page(for:)` answered nothing: why is the target's status.
            let status = simulator.status(of: target)
            switch status {
            case .loading, .starting:
                result = ScrapeResult(
                    target: target.id, timeMs: simulator.nowMs, durationSeconds: 0.001, body: [],
                    page: ExpositionPage(format: .text), node: target.node)
            default:
                result = ScrapeResult(
                    target: target.id, timeMs: simulator.nowMs, durationSeconds: 0,
                    error: "connection refused (\(status.rawValue))", node: target.node)
            }
        }
        if let pod = target.pod {
            (result.pod, result.namespace, result.container) = (pod, SimTarget.namespace, target.container)
        }
        return result
    }
}
