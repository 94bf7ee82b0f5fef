import ClusterModel
import Exposition
import Ingest
import Insights
import Pipeline
import Testing

/// Every alert kind fires from exposition pages — a vLLM engine and a DCGM exporter on one node, scraped once a
/// second through the parser, store, dialects and pipeline — and clears again, with the default rules. The
/// arguments are `AlertRuleKind.allCases`, so a new kind without a script here fails.
@Suite struct AlertsFromPagesTests {
    /// The engine and GPU readings a script changes second by second, written as pages.
    struct Cluster {
        static let engineTarget = "http://node-a:8000/metrics"
        static let dcgmTarget = "http://node-a:9400/metrics"
        static let ttftBounds = ["0.1", "0.5", "1", "2.5", "5", "+Inf"]

        var running = 8.0, waiting = 0.0, kvCache = 0.4
        var preemptions = 0.0, generated = 0.0
        /// Cumulative TTFT observations per bucket of `ttftBounds`, and what each second adds (seconds).
        var ttftCounts = [Double](repeating: 0, count: 6)
        var ttftPerSecond = 0.05
        var processStart = 1_700_000_000.0
        /// Off: the engine's scrape fails. Not serving: it answers with an empty page (loading its weights).
        var engineUp = true, engineServes = true
        var vramUsedMiB = [40_000.0, 40_000, 40_000, 40_000]
        var temperatures = [60.0, 60, 60, 60]
        var smClocks = [1_980.0, 1_980, 1_980, 1_980]

        /// A restart: the process starts again, every counter from zero.
        mutating func restart(atSeconds seconds: Double) {
            preemptions = 0
            generated = 0
            ttftCounts = ttftCounts.map { _ in 0 }
            processStart = seconds
        }

        /// One second of serving: tokens and four first tokens at `ttftPerSecond`.
        mutating func serveOneSecond() {
            generated += 1_000
            for (index, bound) in Self.ttftBounds.enumerated() where ttftPerSecond <= (Double(bound) ?? .infinity) {
                ttftCounts[index] += 4
            }
        }

        func enginePage() -> String {
            guard engineServes else { return "" }
            let labels = #"engine="0",model_name="m""#
            var text = "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds \(processStart)\n"
            for (name, value) in [
                ("num_requests_running", running), ("num_requests_waiting", waiting),
                ("kv_cache_usage_perc", kvCache),
            ] {
                text += "# TYPE vllm:\(name) gauge\nvllm:\(name){\(labels)} \(value)\n"
            }
            for (name, value) in [("num_preemptions", preemptions), ("generation_tokens", generated)] {
                text += "# TYPE vllm:\(name) counter\nvllm:\(name)_total{\(labels)} \(value)\n"
            }
            text += "# TYPE vllm:time_to_first_token_seconds histogram\n"
            for (bound, count) in zip(Self.ttftBounds, ttftCounts) {
                text += "vllm:time_to_first_token_seconds_bucket{\(labels),le=\"\(bound)\"} \(count)\n"
            }
            text += "vllm:time_to_first_token_seconds_count{\(labels)} \(ttftCounts.last!)\n"
            return text
        }

        func dcgmPage() -> String {
            var text = ""
            let fields: [(String, (Int) -> Double)] = [
                ("DCGM_FI_DEV_FB_USED", { vramUsedMiB[$0] }), ("DCGM_FI_DEV_FB_FREE", { 81_559 - vramUsedMiB[$0] }),
                ("DCGM_FI_DEV_GPU_UTIL", { _ in 90 }), ("DCGM_FI_DEV_GPU_TEMP", { temperatures[$0] }),
                ("DCGM_FI_DEV_SM_CLOCK", { smClocks[$0] }), ("DCGM_FI_DEV_POWER_USAGE", { _ in 400 }),
            ]
            for (name, value) in fields {
                text += "# TYPE \(name) gauge\n"
                for gpu in 0..<4 {
                    text +=
                        "\(name){gpu=\"\(gpu)\",UUID=\"GPU-\(gpu)\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"node-a\"} \(value(gpu))\n"
                }
            }
            return text
        }
    }

    /// A pipeline fed with `cluster`'s pages once a (simulated) second.
    struct Script {
        var cluster = Cluster()
        var pipeline = ClusterPipeline()
        var timeMs: Int64 = 1_700_000_000_000

        /// Runs `seconds` seconds, calling `change` before each scrape.
        mutating func run(_ seconds: Int, _ change: (inout Cluster) -> Void = { _ in }) {
            for _ in 0..<seconds {
                timeMs += 1_000
                change(&cluster)
                cluster.serveOneSecond()
                if cluster.engineUp {
                    pipeline.ingest(Self.result(Cluster.engineTarget, timeMs, cluster.enginePage()))
                } else {
                    pipeline.ingest(
                        ScrapeResult(
                            target: Cluster.engineTarget, timeMs: timeMs, durationSeconds: 0,
                            error: "connection refused"))
                }
                pipeline.ingest(Self.result(Cluster.dcgmTarget, timeMs, cluster.dcgmPage()))
                pipeline.frame()
            }
        }

        static func result(_ target: String, _ timeMs: Int64, _ text: String) -> ScrapeResult {
            ScrapeResult(
                target: target, timeMs: timeMs, durationSeconds: 0.01, body: Array(text.utf8),
                page: ExpositionParser.parse(Array(text.utf8)))
        }

        func firing(_ kind: AlertRuleKind) -> Alert? { pipeline.alerts.active.first { $0.rule == kind } }
        func ended(_ kind: AlertRuleKind) -> [AlertEvent] {
            pipeline.alerts.log.events.filter { $0.rule == kind && !$0.isOngoing }
        }
    }

    /// What makes each kind fire (run for the seconds given), then what clears it.
    typealias Phase = (seconds: Int, change: (inout Cluster) -> Void)
    static func script(_ kind: AlertRuleKind) -> (fire: Phase, clear: Phase) {
        switch kind {
        case .vram:
            return ((3, { $0.vramUsedMiB[0] = 79_000 }), (3, { $0.vramUsedMiB[0] = 60_000 }))
        case .kvCache:  // for 30 s
            return ((35, { $0.kvCache = 0.95 }), (3, { $0.kvCache = 0.5 }))
        case .queueGrowing:  // a slope known after half the 30 s trend window, then held for 60 s
            return ((90, { $0.waiting += 1 }), (20, { $0.waiting = max(0, $0.waiting - 5) }))
        case .ttftSLO:  // p95 over the 10 s rate window; slow first tokens, then fast ones again
            return ((5, { $0.ttftPerSecond = 3 }), (15, { $0.ttftPerSecond = 0.05 }))
        case .preemptions:
            return ((5, { $0.preemptions += 5 }), (15, { _ in }))
        case .targetDown:
            return ((2, { $0.engineUp = false }), (2, { $0.engineUp = true }))
        case .engineRestart:  // killed, started again 9 s later with its counters at zero; held for 2 minutes
            var second = 0
            return (
                (
                    12,
                    { cluster in
                        second += 1
                        cluster.engineUp = second > 9
                        if second == 10 { cluster.restart(atSeconds: 1_700_000_100) }
                    }
                ), (125, { _ in })
            )
        case .slowLoad:  // more than 10 minutes answering with an empty page
            // (its series go stale, and are dropped after the store's 14 s, before it is known to be loading)
            return ((625, { $0.engineServes = false }), (2, { $0.engineServes = true }))
        case .gpuThrottling:  // for 15 s while busy, against the median of the node's other H100s
            return ((18, { $0.smClocks[3] = 1_200 }), (3, { $0.smClocks[3] = 1_980 }))
        case .gpuTemperature:
            // The node's other GPUs warm up too, so it is hot, not hotter than its peers.
            return ((2, { $0.temperatures = [80, 88, 80, 80] }), (2, { $0.temperatures = [60, 70, 60, 60] }))
        case .gpuHotterThanPeers:
            return ((2, { $0.temperatures[2] = 80 }), (2, { $0.temperatures[2] = 65 }))
        }
    }

    @Test(arguments: AlertRuleKind.allCases)
    func firesFromPagesAndClears(_ kind: AlertRuleKind) throws {
        var script = Script()
        script.run(15)  // a healthy start: rates and the queue trend have their windows
        let early = script.pipeline.alerts.active.map(\.rule)
        #expect(early.isEmpty, "\(kind): \(early)")
        let (fire, clear) = Self.script(kind)
        script.run(fire.seconds, fire.change)
        let firing = script.firing(kind)
        let alert = try #require(firing, "\(kind) did not fire")
        let others = script.pipeline.alerts.active.map(\.rule).filter {
            $0 != kind && !($0 == .targetDown && kind == .engineRestart)
        }
        #expect(others.isEmpty, "\(kind) fired others: \(others)")
        script.run(clear.seconds, clear.change)
        let stillFiring = script.firing(kind) != nil
        #expect(!stillFiring, "\(kind) did not clear")
        let ended = script.ended(kind).contains { $0.id == alert.eventID }
        #expect(ended, "\(kind): its event did not end")
    }

    /// The dashboard shows a restart's state as well as its alert: `restarted` over the rate window after the
    /// restart, `ready` after it, and when it happened all along.
    @Test func aRestartAcrossAGapIsShownAsRestarted() throws {
        var script = Script()
        script.run(15)
        script.run(5) { $0.engineUp = false }
        script.run(1) {
            $0.engineUp = true
            $0.restart(atSeconds: 1_700_000_100)
        }
        let restarted = try #require(script.pipeline.latest.instances.first { $0.target == Cluster.engineTarget })
        #expect(restarted.state == .restarted)
        #expect(restarted.restartedAtMs == script.timeMs)
        script.run(12)
        let later = try #require(script.pipeline.latest.instances.first { $0.target == Cluster.engineTarget })
        #expect(later.state == .ready)
        #expect(later.restartedAtMs == script.timeMs - 12_000)
    }
}
