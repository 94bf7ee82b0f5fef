@testable import Simulator

/// Scrapes a simulation at a fixed interval and keeps the parsed pages, for tests that look at a run over time.
struct SimulatorRun: Sendable {
    struct Scrape: Sendable {
        let timeMs: Int64
        let target: SimTarget
        let reader: PageReader?
    }

    var scrapes: [Scrape] = []

    /// Runs the simulation off the concurrency pool (see `Offload`).
    static func make(
        _ options: SimulationOptions, durationMs: Int64, intervalMs: Int64,
        warmupMs: Int64 = 0
    ) async -> SimulatorRun {
        await Offload.run { SimulatorRun(options, durationMs: durationMs, intervalMs: intervalMs, warmupMs: warmupMs) }
    }

    init(_ options: SimulationOptions, durationMs: Int64, intervalMs: Int64, warmupMs: Int64 = 0) {
        var simulator = ClusterSimulator(options: options)
        simulator.advance(byMs: warmupMs)
        var collected: [Scrape] = []
        simulator.fastForward(durationMs: durationMs, intervalMs: intervalMs) { scrape in
            collected.append(Scrape(timeMs: scrape.timeMs, target: scrape.target, reader: scrape.bytes.map(PageReader.init)))
        }
        scrapes = collected
    }

    /// The values of `name` (first sample matching `labels`) on every answered scrape of `target`.
    func series(_ target: SimTarget, _ name: String, _ labels: [String: String] = [:]) -> [Double] {
        scrapes.filter { $0.target == target }.compactMap { $0.reader?.value(name, labels) }
    }

    /// The increase of a counter over the run on one target (last minus first answered scrape).
    func increase(_ target: SimTarget, _ name: String, _ labels: [String: String] = [:]) -> Double {
        let values = series(target, name, labels)
        guard let first = values.first, let last = values.last else { return 0 }
        return last - first
    }

    var engineTargets: [SimTarget] {
        var seen: [SimTarget] = []
        for scrape in scrapes where scrape.target.kind == .engine && !seen.contains(scrape.target) {
            seen.append(scrape.target)
        }
        return seen
    }

    /// Mean of `name` over every answered scrape of every engine target.
    func meanOverEngines(_ name: String) -> Double {
        let values = engineTargets.flatMap { series($0, name) }
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Mean of a histogram over the run, from the increases of `_sum` and `_count` of every engine target.
    func meanOfHistogram(_ name: String) -> Double {
        var sum = 0.0
        var count = 0.0
        for target in engineTargets {
            sum += increase(target, name + "_sum")
            count += increase(target, name + "_count")
        }
        return count > 0 ? sum / count : 0
    }
}
