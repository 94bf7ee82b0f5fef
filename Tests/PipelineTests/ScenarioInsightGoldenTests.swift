import ClusterModel
import Dashboard
import Foundation
import Insights
import Pipeline
import Simulator
import TestSupport
import Testing

/// Golden frames of the insight screens from the simulator's scenarios, run through the real pipeline (pages →
/// parser → store → cluster picture → alert engine) in virtual time: the proof that each screen shows its
/// situation — GPU types on `mixed-gpus`, the alert strip and the event log on `kv-pressure` and `burst`, a load in
/// progress on `cold-start`, and a GPU, an instance and its batching trade-off during a burst — at 120×40 and
/// 200×60. `INFERTOP_UPDATE_GOLDEN=1` rewrites the files in `InsightGolden/` after an intended change.
@Suite struct ScenarioInsightGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/PipelineTests/InsightGolden")
    static let burstInstance = "sim://node-00/vllm-0|vllm|meta-llama/Llama-3.1-8B-Instruct"
    static let loadingInstance = "sim://node-01/vllm-0"

    /// The screens compared with golden files: a scenario at its moment and the screen that shows it (nil: the
    /// overview, for its alert strip). The runs are reached through closures, so listing the cases (which the
    /// test library does before running anything) does not simulate them.
    static let cases: [String: (run: @Sendable () -> ScenarioRun, screen: ScreenID?)] = [
        "mixed-gpus-gpu-types": ({ .mixedGPUs }, .gpuTypes),
        "kv-pressure-overview": ({ .kvPressure }, nil),
        "kv-pressure-events": ({ .kvPressure }, .events),
        "burst-overview": ({ .burst }, nil),
        "burst-events": ({ .burst }, .events),
        "cold-start-cold-starts": ({ .coldStart }, .coldStarts),
        "burst-gpu": ({ .burst }, .gpu("node-00/0")),
        "burst-instance": ({ .burst }, .instance(burstInstance)),
        "burst-batching": ({ .burst }, .batching(instanceID: burstInstance)),
    ]

    /// The state that shows `screen`, with the one-minute chart window: the runs are short, so a minute of
    /// history fills the charts. The batching trade-off takes the five-minute window, the whole run: the quiet
    /// minute before the burst gives the small batches, the burst the large ones.
    static func state(_ screen: ScreenID?) -> UIState {
        var state = UIState(showing: screen ?? .overview)
        if case .batching = screen { state.chartWindowIndex = 1 } else { state.chartWindowIndex = 0 }
        return state
    }

    static func render(_ run: ScenarioRun, _ screen: ScreenID?, _ size: Size) -> Canvas {
        DashboardView.render(run.frame, state: state(screen), size: size, glyphs: .braille)
    }

    @Test(arguments: cases.keys.sorted(), sizes)
    func matchesGolden(name: String, size: Size) throws {
        let (run, screen) = try #require(Self.cases[name])
        let text = Self.render(run(), screen, size).plainText + "\n"
        let url = Self.folder.appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
        let golden = try GoldenFile.expected(text, at: url)
        #expect(text == golden, "frame differs from \(url.lastPathComponent); rerun with INFERTOP_UPDATE_GOLDEN=1 if intended")
    }

    /// The rows of `canvas` whose text contains every one of `parts`.
    static func rows(_ canvas: Canvas, containing parts: String...) -> [Int] {
        (0..<canvas.height).filter { y in parts.allSatisfy { canvas.line(y).contains($0) } }
    }

    @Test func kvPressureFiresTheKVAlertAfterThirtySecondsAboveNinetyPercent() throws {
        let alerts = try #require(ScenarioRun.kvPressure.frame.alerts)
        let kv = alerts.active.filter { $0.rule == .kvCache }
        #expect(!kv.isEmpty)
        #expect(kv.allSatisfy { $0.firedMs - $0.sinceMs >= 30_000 && $0.peak > 0.9 })
        let overview = Self.render(.kvPressure, nil, Size(width: 200, height: 60))
        let strip = try #require(Self.rows(overview, containing: "▲", "alerts").last)
        #expect(overview.roles(row: strip).contains(.critical) || overview.roles(row: strip).contains(.warn))
        let events = Self.render(.kvPressure, .events, Size(width: 200, height: 60))
        let ongoing = Self.rows(events, containing: "KV cache high", "ongoing")
        #expect(!ongoing.isEmpty)
        #expect(ongoing.allSatisfy { events.roles(row: $0).contains(.critical) || events.roles(row: $0).contains(.warn) })
    }

    @Test func aBurstRaisesACriticalTTFTAlertOnTheOverviewAndInTheLog() throws {
        let alerts = try #require(ScenarioRun.burst.frame.alerts)
        #expect(alerts.active.contains { $0.rule == .ttftSLO && $0.severity == .critical })
        let overview = Self.render(.burst, nil, Size(width: 120, height: 40))
        let strip = try #require(Self.rows(overview, containing: "▲", "alerts").last)
        #expect(overview.roles(row: strip).contains(.critical))
        let events = Self.render(.burst, .events, Size(width: 200, height: 60))
        let active = Self.rows(events, containing: "critical", "TTFT")
        #expect(!active.isEmpty)
        #expect(active.allSatisfy { events.roles(row: $0).contains(.critical) })
    }

    @Test func coldStartShowsTheSeventyBLoadingWithTimeSpentAndVRAMSoFar() throws {
        let frame = ScenarioRun.coldStart.frame
        let load = try #require(frame.alerts?.loads.active[Self.loadingInstance])
        let elapsed = Int((frame.snapshot.timeMs - load.startMs) / 1000)
        #expect(elapsed >= 50 && load.startKnown)
        let screen = Self.render(.coldStart, .coldStarts, Size(width: 200, height: 60))
        // Loading (the selected row): its time so far and the VRAM its GPUs hold already.
        #expect(!Self.rows(screen, containing: "node-01/vllm-0", "\(elapsed)s").isEmpty)
        let vram = try #require(
            frame.alerts?.loads.active[Self.loadingInstance].flatMap { _ in
                SnapshotIndex(frame.snapshot).vramUsed(of: frame.snapshot.instance(id: Self.loadingInstance)!)
            })
        #expect(vram > 40 * 1_073_741_824)
        // The 8B that started at 0:20 is a past load: ready, under the id it got once it served, with its model.
        let past = try #require(frame.alerts?.loads.history.first)
        #expect(past.outcome == .ready && past.model == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(!Self.rows(screen, containing: "node-00/vllm-1", "Llama-3.1-8B", "ready").isEmpty)
    }

    /// vLLM and SGLang instances of one model use different TTFT buckets: the cluster p95 is interpolated from the
    /// mixture of their histograms, and the screen marks it so — "~" in the header, "interpolated" on the chart.
    @Test func mixedEnginesShowAnInterpolatedClusterTTFT() throws {
        #expect(ScenarioRun.mixedGPUs.frame.snapshot.totals.ttft.interpolated)
        let canvas = Self.render(.mixedGPUs, nil, Size(width: 200, height: 60))
        #expect(canvas.line(1).contains("TTFT p95 ~"), "\(canvas.line(1))")
        #expect(canvas.plainText.contains("TTFT p95 interpolated"))
    }

    /// The failure scenario crashes an engine at 1:00 and starts it again 20 s later: while it is down its target
    /// fails, and when it serves again its counters start from zero. That is a restart, and its alert fires.
    @Test func theFailureScenariosCrashFiresTheEngineRestartAlert() throws {
        let run = ScenarioRun(.failure, skipSeconds: 30, scrapedSeconds: 150)
        let restarts = run.frame.alerts?.log.events.filter { $0.rule == .engineRestart } ?? []
        #expect(restarts.count == 1, "\(restarts)")
        let restarted = try #require(run.frame.snapshot.instances.first { $0.id == restarts.first?.subject.id })
        let restartMs = try #require(restarted.restartedAtMs)
        #expect(restarts.first?.startMs == restartMs)
        // Down from the crash for the 20 s before the process started again; then it answered empty pages while
        // it loaded (its series dropped meanwhile), and served again with its counters from zero.
        let down = try #require(
            run.frame.alerts?.log.events.first { $0.rule == .targetDown && $0.subject.id == restarted.target })
        let downEnd = try #require(down.endMs)
        #expect(downEnd - down.startMs >= 19_000 && downEnd < restartMs, "down \(down.startMs)–\(downEnd), restart \(restartMs)")
    }

    @Test func mixedGPUsComparesTheH100AndTheA10GServingTheSameModel() throws {
        let snapshot = ScenarioRun.mixedGPUs.frame.snapshot
        let comparison = GPUTypeComparison.build(snapshot)
        let types = comparison.rows.filter { $0.model == nil }.map(\.gpuType)
        #expect(types.contains { $0.contains("H100") })
        #expect(types.contains { $0.contains("A10G") })
        let text = Self.render(.mixedGPUs, .gpuTypes, Size(width: 120, height: 40)).plainText
        #expect(text.contains("H100") && text.contains("A10G") && text.contains("Llama-3.1-8B"))
    }
}

/// A scenario's history up to its moment: the simulator (2 nodes × 4 GPUs, seed 1) skips ahead without being
/// scraped — stepping it is cheap, reading its pages is not — then every target is scraped once a virtual second
/// and each round becomes a pipeline frame. No wall clock: the same frame on every run.
struct ScenarioRun: Sendable {
    let frame: DashboardFrame

    init(_ scenario: Scenario, skipSeconds: Int, scrapedSeconds: Int) {
        let options = SimulationOptions(scenario: scenario, seed: 1, nodes: 2, gpusPerNode: 4)
        var simulator = ClusterSimulator(options: options)
        simulator.advance(byMs: Int64(skipSeconds) * 1000)
        var pipeline = ClusterPipeline()
        for _ in 0..<scrapedSeconds {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) { pipeline.ingest(result) }
            pipeline.frame()
        }
        frame = DashboardFrame(
            snapshot: pipeline.latest, history: pipeline.history,
            source: SimulatorSource(options: options).description, intervalSeconds: 1,
            generation: scrapedSeconds, alerts: pipeline.alerts)
    }

    /// Two minutes in: the A10Gs overloaded by the same traffic the H100s serve easily.
    static let mixedGPUs = ScenarioRun(.mixedGPUs, skipSeconds: 60, scrapedSeconds: 60)
    /// Two minutes in: KV caches above 90 % for more than 30 s, requests preempted and queued.
    static let kvPressure = ScenarioRun(.kvPressure, skipSeconds: 30, scrapedSeconds: 90)
    /// 6:30, ninety seconds into the first burst (it starts at 5:00) after a quiet minute: TTFT past its SLO,
    /// queues growing for over a minute.
    static let burst = ScenarioRun(.burst, skipSeconds: 240, scrapedSeconds: 150)
    /// 1:20 in, watched from the start: one 8B load done, the 70B loading since 0:20.
    static let coldStart = ScenarioRun(.coldStart, skipSeconds: 0, scrapedSeconds: 80)
}
