import ArgumentParser
import ClusterModel
import CommandSupport
import Dashboard
import Formatting
import Ingest

/// `infertop-bench render`: time to draw one overview frame (header, GPU table, instances, charts) for a large
/// synthetic cluster, from snapshot and history to a finished `Canvas` — the part that runs on every redraw.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the overview N times for a large synthetic cluster; print ms/frame (budget: 2 ms at 200x60).",
        discussion: "Build with `swift build -c release`. The cluster has 8 GPUs per node and a history of --history frames."
    )

    private static let gpusRange = SettingRange(1, 100000, .count)
    @Option(help: "GPUs in the synthetic cluster (8 per node; \(Self.gpusRange.text)).", transform: FlagValue.int(Self.gpusRange))
    var gpus = 2352
    private static let instancesRange = SettingRange(0, 100000, .count)
    @Option(help: "Engine instances (\(Self.instancesRange.text)).", transform: FlagValue.int(Self.instancesRange))
    var instances = 588
    @Option(help: "Screen width in cells (\(FlagRange.columns.text)).", transform: FlagValue.int(FlagRange.columns)) var width =
        200
    @Option(help: "Screen height in cells (\(FlagRange.rows.text)).", transform: FlagValue.int(FlagRange.rows)) var height = 60
    private static let framesRange = SettingRange(1, 100000, .count)
    @Option(help: "Frames to time (\(Self.framesRange.text)).", transform: FlagValue.int(Self.framesRange)) var frames = 300
    private static let historyRange = SettingRange(0, 100000, .count)
    @Option(
        help: "Snapshots of history behind the sparklines and charts (\(Self.historyRange.text)).",
        transform: FlagValue.int(Self.historyRange)) var history = 300

    func run() throws {
        let (frame, appendTimes) = Self.syntheticFrame(gpus: gpus, instances: instances, frames: history)
        let size = Size(width: width, height: height)
        var cases: [(String, UIState)] = [("overview, grouped by node", UIState())]
        var sorted = UIState()
        sorted.sort[.gpus] = UIState.Sort(column: 1, descending: true)
        sorted.sort[.instances] = UIState.Sort(column: 2, descending: true)
        cases.append(("overview, sorted by VRAM and queue", sorted))
        var filtered = UIState()
        filtered.filter = "node-1"
        cases.append(("overview, filtered", filtered))
        var compact = UIState()
        compact.compact = true
        cases.append(("overview, compact tiles", compact))
        cases += ScreenID.benchmarkCases
        print(
            "render \(width)x\(height): \(gpus) GPUs, \(instances) instances, \(history) frames of history, \(frames) frames each"
        )
        // Each frame the pipeline also appends its snapshot to the history the charts draw from.
        let appendMs = appendTimes.sorted()
        if !appendMs.isEmpty {
            print(
                "  history append: p50 \(Format.fixed(appendMs[appendMs.count / 2], 3)) ms, "
                    + "p99 \(Format.fixed(appendMs[appendMs.count * 99 / 100], 3)) ms per frame")
        }
        for (name, state) in cases {
            var timings: [Double] = []
            let clock = ContinuousClock()
            var cells = 0
            for _ in 0..<max(1, frames) {
                let start = clock.now
                let canvas = DashboardView.render(frame, state: state, size: size, glyphs: .braille)
                let elapsed = clock.now - start
                cells &+= canvas.cells.count
                timings.append(elapsed.milliseconds)
            }
            timings.sort()
            let mean = timings.reduce(0, +) / Double(timings.count)
            print(
                "  \(name): mean \(Format.fixed(mean, 3)) ms, p50 \(Format.fixed(timings[timings.count / 2], 3)) ms, "
                    + "p99 \(Format.fixed(timings[timings.count * 99 / 100], 3)) ms per frame")
        }
    }

    /// A deterministic cluster: values are formulas of the indices and the frame number, VRAM from 20 % to 99 %.
    /// The frame, and the time each snapshot took to append to the history.
    static func syntheticFrame(gpus gpuCount: Int, instances instanceCount: Int, frames: Int) -> (DashboardFrame, [Double]) {
        let gib = 1_073_741_824.0
        let nodes = max(1, (gpuCount + 7) / 8)
        var history = ClusterHistory(capacity: max(1, frames))
        let clock = ContinuousClock()
        var appendMs: [Double] = []
        var snapshot = ClusterSnapshot.empty
        for f in 0..<max(1, frames) {
            let gpus = (0..<gpuCount).map { k -> GPU in
                let fraction: Double = 0.2 + Double((k * 31 + f) % 80) / 100
                let utilization = Double((k + f) % 100) / 100
                let temperature = 40 + Double(k % 45)
                let power = 200 + Double(k % 500)
                return GPU(
                    id: "node-\(k / 8)/\(k % 8)", node: "node-\(k / 8)", index: k % 8, modelName: "NVIDIA H100 80GB HBM3",
                    vramUsedBytes: fraction * 80 * gib, vramTotalBytes: 80 * gib, utilization: utilization,
                    temperatureC: temperature, powerWatts: power, powerLimitWatts: 700)
            }
            let instances = (0..<instanceCount).map { k -> EngineInstance in
                let running = Double((k + f) % 64)
                let waiting = Double((k * 3 + f) % 10)
                let ttft = Quantiles(p50: 0.05, p95: 0.2 + Double(k % 10) / 10)
                let generation = Double(400 + (k + f) % 300)
                return EngineInstance(
                    id: "i\(k)", target: "http://node-\(k % nodes):8000/metrics",
                    engine: k % 2 == 0 ? .vllm : .sglang, model: "model-\(k % 12)", node: "node-\(k % nodes)",
                    running: running, waiting: waiting, kvCacheUsage: Double(k % 100) / 100, ttft: ttft,
                    itl: Quantiles(p50: 0.015), promptTokensPerSecond: Double(1000 + k),
                    generationTokensPerSecond: generation)
            }
            let vramUsed: Double = gpus.reduce(0) { $0 + ($1.vramUsedBytes ?? 0) }
            let generation: Double = instances.reduce(0) { $0 + ($1.generationTokensPerSecond ?? 0) }
            let running: Double = instances.reduce(0) { $0 + ($1.running ?? 0) }
            let waiting: Double = instances.reduce(0) { $0 + ($1.waiting ?? 0) }
            let totals = ClusterTotals(
                gpuCount: gpus.count, instanceCount: instances.count, vramUsedBytes: vramUsed,
                vramTotalBytes: Double(gpuCount) * 80 * gib, generationTokensPerSecond: generation,
                running: running, waiting: waiting, ttft: Quantiles(p95: 0.5))
            let targets = (0..<nodes).map {
                TargetHealth(id: "http://node-\($0):9400/metrics", up: true, lastScrapeMs: Int64(f) * 1000)
            }
            snapshot = ClusterSnapshot(
                timeMs: 1_764_000_000_000 + Int64(f) * 1000, gpus: gpus, instances: instances,
                targets: targets, totals: totals)
            let start = clock.now
            history.append(snapshot)
            appendMs.append((clock.now - start).milliseconds)
        }
        let frame = DashboardFrame(
            snapshot: snapshot, history: history, source: "synthetic", intervalSeconds: 1, generation: frames)
        return (frame, appendMs)
    }
}
