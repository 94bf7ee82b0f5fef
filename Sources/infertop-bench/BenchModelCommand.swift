import ArgumentParser
import ClusterModel
import CommandSupport
import Exposition
import Foundation
import Ingest
import Insights
import MetricStore

#if canImport(Glibc)
    import Glibc
#endif

/// `infertop-bench model`: the cost of the store and the cluster model on the large generated cluster —
/// per-frame derived values (every counter rate, p50/p90/p95/p99 of every histogram per instance and
/// merged, every GPU gauge), the alert rules over each frame, and the memory of 15 minutes of 1-second history.
struct BenchModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Time per frame of the derived values, and store memory for the 10 MB cluster page.",
        discussion: """
            Build with `swift build -c release`. Pages come from gen_exposition.py (--tick 1…N, 1 s apart); the \
            history is then filled to --history scrapes by continuing each counter's growth and cycling the \
            gauges of those pages, so the stored values compress as real ones do.
            """
    )

    @OptionGroup var page: GeneratorOptions
    private static let ticksRange = SettingRange(2, 100, .count)
    @Option(name: .long, help: "Generated pages (ticks; \(Self.ticksRange.text)).", transform: FlagValue.int(Self.ticksRange))
    var ticks = 3
    private static let framesRange = SettingRange(1, 100000, .count)
    @Option(name: .long, help: "Timed frames (\(Self.framesRange.text)).", transform: FlagValue.int(Self.framesRange))
    var frames = 30
    private static let historyRange = SettingRange(0, 100000, .count)
    @Option(
        name: .long, help: "Scrapes of history to fill (900 = 15 min at 1 s; \(Self.historyRange.text)).",
        transform: FlagValue.int(Self.historyRange))
    var history = 900

    @Option(
        name: .customLong("page"),
        help:
            "A page generated beforehand (gen_exposition.py --tick 1, 2, …, in order; repeat the option) instead of running the generator."
    )
    var pageFiles: [String] = []

    func validate() throws {
        guard ticks >= 2, frames >= 1, history >= ticks else {
            throw ValidationError("need --ticks ≥ 2, --frames ≥ 1, --history ≥ --ticks")
        }
        if pageFiles.isEmpty { try page.validateScript() }
    }

    func run() throws {
        let cluster =
            try pageFiles.isEmpty
            ? page.pages(ticks: ticks)
            : BenchClusterPages(
                texts: pageFiles.map { path in
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw ValidationError("cannot read \(path): no such file or not readable")
                    }
                    return [UInt8](data)
                })
        let pages = cluster.pages
        print("page: \(pages[0].sampleCount) samples, \(pages[0].families.count) families (\(page.size) bytes, ticks 1…\(ticks))")

        var store = MetricStore(configuration: StoreConfiguration(retentionMs: Int64(history) * 1000, scrapeIntervalMs: 1000))
        var builder = ClusterBuilder(configuration: ModelConfiguration(rateWindowMs: 10_000))
        let clock = ContinuousClock()
        var ingest: [Double] = []
        var scrape = 0
        func ingestNext() {
            let page = cluster.page(scrape)
            let start = clock.now
            store.ingest(target: "cluster", page: page, atMs: 1_800_000_000_000 + Int64(scrape) * 1000)
            ingest.append((clock.now - start).milliseconds)
            scrape += 1
        }
        var snapshot = ClusterSnapshot.empty
        let memory = PeakMemory.extraBytes {
            for _ in 0..<history { ingestNext() }
        }
        let filledBytes = store.approximateBytes
        let planStart = clock.now
        snapshot = builder.snapshot(from: store)
        let planMs = (clock.now - planStart).milliseconds
        var timings: [Double] = []
        var cpuTimings: [Double] = []
        // The alert rules run on every frame the pipeline publishes, after the snapshot; timed apart, as they are
        // not derived values, from a first evaluation that starts their trends.
        var alerts = AlertEngine()
        _ = alerts.evaluate(snapshot)
        var alertTimings: [Double] = []
        var transitions = 0
        for _ in 0..<frames {
            ingestNext()
            let start = clock.now
            let cpuStart = Self.threadCPUMilliseconds()
            snapshot = builder.snapshot(from: store)
            cpuTimings.append(Self.threadCPUMilliseconds() - cpuStart)
            timings.append((clock.now - start).milliseconds)
            let alertStart = Self.threadCPUMilliseconds()
            transitions += alerts.evaluate(snapshot).count
            alertTimings.append(Self.threadCPUMilliseconds() - alertStart)
        }
        timings.sort()
        cpuTimings.sort()
        alertTimings.sort()
        ingest.sort()
        let histograms = snapshot.instances.reduce(0) { count, instance in
            count + [instance.ttft, instance.itl, instance.e2e, instance.queueTime].filter { !$0.isEmpty }.count
        }
        print(
            "cluster: \(snapshot.nodes.count) nodes, \(snapshot.gpus.count) GPUs, \(snapshot.instances.count) instances, "
                + "\(store.seriesCount) series; \(histograms) instance histograms per frame + merged per model, GPU type and cluster"
        )
        print(
            "per-frame derived values: median \(Self.fixed(timings[timings.count / 2])) ms wall, "
                + "\(Self.fixed(cpuTimings[cpuTimings.count / 2])) ms thread CPU; p90 \(Self.fixed(timings[timings.count * 9 / 10])) ms "
                + "wall, \(Self.fixed(cpuTimings[cpuTimings.count * 9 / 10])) ms CPU; over \(frames) frames (goal ≤ 2 ms); "
                + "plan build once \(Self.fixed(planMs)) ms")
        print(
            "alert rules per frame: median \(Self.fixed(alertTimings[alertTimings.count / 2])) ms thread CPU, p90 "
                + "\(Self.fixed(alertTimings[alertTimings.count * 9 / 10])) ms; \(transitions) transitions over \(frames) frames")
        print(
            "ingest of one parsed page: median \(Self.fixed(ingest[ingest.count / 2])) ms, "
                + "max \(Self.fixed(ingest.last!)) ms (when the scrape seals a block of every series)")
        let mib = 1_048_576.0
        print(
            "store memory for \(history) scrapes of \(store.seriesCount) series: "
                + "\(Self.fixed(Double(filledBytes) / mib)) MiB counted once filled, "
                + (memory.map { "\(Self.fixed(Double($0) / mib)) MiB peak RSS added while filling" } ?? "RSS not measurable here")
                + ", \(Self.fixed(Double(store.approximateBytes) / mib)) MiB counted after \(frames) more scrapes (target < 150 MiB)"
        )
        let parts = store.memory
        print(
            "  by part, MiB: raw recent slots \(Self.fixed(Double(parts.recentSlots) / mib)), compressed blocks "
                + "\(Self.fixed(Double(parts.blocks) / mib)) (data \(Self.fixed(Double(parts.blockPayload) / mib))), records "
                + "\(Self.fixed(Double(parts.records) / mib)), labels \(Self.fixed(Double(parts.labels) / mib)), targets "
                + "\(Self.fixed(Double(parts.targets) / mib)); \(Self.fixed(Double(parts.blockPayload) / Double(store.seriesCount * history))) "
                + "bytes per stored point")
        if let tps = snapshot.totals.generationTokensPerSecond, let p95 = snapshot.totals.ttft.p95 {
            print("check: cluster generation \(Self.fixed(tps)) tok/s, merged TTFT p95 \(Self.fixed(p95 * 1000)) ms")
        }
        // The thread's CPU, not wall time: a frame preempted by the machine's other work is not slower code.
        BenchRow(
            name: "frame", figure: cpuTimings[cpuTimings.count / 2], unit: "ms", reference: 2, referenceName: "goal",
            better: .lower
        ).print()
    }

    /// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
    private static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}
