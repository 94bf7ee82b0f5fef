import Foundation
import Ingest
import Testing
import TestSupport

/// End to end, with real processes only: `infertop sim --serve` serves a seeded cluster; Debian's Prometheus
/// scrapes it through the simulator's file_sd listing; then `infertop snapshot --prometheus` and `infertop
/// snapshot --file-sd` (scraping the simulator directly), run at the same moment, must tell the same cluster.
@Suite(.serialized) struct SnapshotEndToEndTests {
    static let prometheus = "/usr/bin/prometheus"

    @Test(.timeLimit(.minutes(2)))
    func prometheusAndDirectScrapeAgree() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.prometheus),
                     "prometheus is missing: install Debian's prometheus package (apt-get install -y prometheus)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-snapshot-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = folder.appendingPathComponent("targets.json")
        // At 3× real time the steady load has built up (about 30 s of virtual time) once Prometheus has scraped
        // every target three times; from a cold start it is still ramping.
        let sim = try InfertopProcess(["sim", "--serve", "127.0.0.1:0", "--sd-file", listing.path, "--scenario", "steady",
                                       "--sim-seed", "7", "--nodes", "2", "--gpus-per-node", "2", "--speed", "3"],
                                      name: "sim", folder: folder)
        defer { sim.stop() }
        let listed = await Polling.until(timeout: .seconds(20)) { (try? Data(contentsOf: listing))?.isEmpty == false }
        try #require(listed, "the simulator wrote no file_sd listing within 20 s: \(sim.output) \(sim.errors)")
        let targetCount = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: listing)) as? [Any]).count

        // Each target's instance is its simulator id, and its node label travels with every series, so the
        // Prometheus side names targets and nodes as the direct scrape does (which reads the same listing).
        let server = try PrometheusProcess(configuration: """
            global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: sim
                file_sd_configs: [{files: ['\(listing.path)'], refresh_interval: 5s}]
                relabel_configs: [{source_labels: [sim_target], target_label: instance}]
            """)
        defer { server.stop() }
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        // The first scrape lands 8–9 s after start; three scrapes of every target give a rate window to read.
        let scraped = await Polling.until(timeout: .seconds(60), interval: .milliseconds(500)) {
            let ready = try? await server.values(of: "count_over_time(up[1m]) >= 3 and on(instance) up == 1", fetcher: fetcher)
            return ready?.count == targetCount
        }
        await fetcher.shutdown()
        try #require(scraped, "Prometheus did not scrape all \(targetCount) targets 3 times within 60 s")

        // The direct read first: five rounds 1 s apart (a 4.5 s rate window). Then at once the Prometheus one,
        // whose 5 s window of history ends where the direct read ended, give or take one scrape interval.
        let direct = try InfertopProcess(["snapshot", "--file-sd", listing.path, "--rounds", "5", "--format", "json"],
                                         name: "direct", folder: folder)
        #expect(await direct.finish(within: .seconds(30)) == 0, "snapshot --file-sd failed: \(direct.errors)")
        let viaPrometheus = try InfertopProcess(["snapshot", "--prometheus", server.url, "--window", "5", "--format", "json"],
                                                name: "prometheus", folder: folder)
        #expect(await viaPrometheus.finish(within: .seconds(30)) == 0, "snapshot --prometheus failed: \(viaPrometheus.errors)")
        let fromPrometheus = try SnapshotReading(json: viaPrometheus.output)
        let fromTargets = try SnapshotReading(json: direct.output)
        Self.compare(fromPrometheus, fromTargets, targetCount: targetCount)
    }

    @Test("snapshot of the simulator, of a recording at a moment, and of a dead target (exit status 1, the target named)")
    func otherSources() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-snapshot-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let simulated = try InfertopProcess(["snapshot", "--sim", "--nodes", "2", "--gpus-per-node", "4", "--at", "30s",
                                             "--format", "json"], name: "sim", folder: folder)
        #expect(await simulated.finish(within: .seconds(60)) == 0, "\(simulated.errors)")
        let fromSimulator = try SnapshotReading(json: simulated.output)
        #expect(fromSimulator.gpuCount == 8 && fromSimulator.generationTokensPerSecond.map { $0 > 0 } == true)

        let recording = folder.appendingPathComponent("run.rec").path
        let record = try InfertopProcess(["sim", "--nodes", "1", "--gpus-per-node", "2", "--duration", "20s", "--out", recording],
                                         name: "record", folder: folder)
        #expect(await record.finish(within: .seconds(60)) == 0, "\(record.errors)")
        let replayed = try InfertopProcess(["snapshot", recording, "--at", "10s", "--format", "json"], name: "replay", folder: folder)
        #expect(await replayed.finish(within: .seconds(60)) == 0, "\(replayed.errors)")
        let fromRecording = try SnapshotReading(json: replayed.output)
        #expect(fromRecording.gpuCount == 2 && fromRecording.targetsUp == 3)

        let port = try LoopbackPageServer.freePort()  // free a moment ago: nothing listens there
        let dead = try InfertopProcess(["snapshot", "127.0.0.1:\(port)", "--rounds", "1", "--format", "json"], name: "dead", folder: folder)
        #expect(await dead.finish(within: .seconds(30)) == 1)
        #expect(dead.errors.contains("http://127.0.0.1:\(port)/metrics: connection refused"), "\(dead.errors)")
        #expect(try SnapshotReading(json: dead.output).targetsUp == 0)
    }

    static func compare(_ prometheus: SnapshotReading, _ direct: SnapshotReading, targetCount: Int) {
        #expect(prometheus.targetsUp == targetCount && direct.targetsUp == targetCount,
                "targets up: Prometheus \(prometheus.targetsUp), direct \(direct.targetsUp), of \(targetCount)")
        #expect(prometheus.gpuCount == 4 && direct.gpuCount == 4)
        // VRAM of a loaded engine is its weights plus the KV pool it reserved at start: constant, so exact.
        #expect(!direct.gpus.isEmpty && prometheus.gpus == direct.gpus, "GPUs (node/index → used, total) differ")
        #expect(Set(prometheus.instances.keys) == Set(direct.instances.keys), "instances differ")
        for (key, viaServer) in prometheus.instances.sorted(by: { $0.key < $1.key }) {
            guard let scraped = direct.instances[key] else { continue }
            #expect(viaServer.state == scraped.state && viaServer.model == scraped.model, "\(key): state or model differ")
            // Gauges: Prometheus holds the value of its last scrape, which lands up to a 1 s interval (more on a
            // loaded machine) before or after the direct read's last round: 3–6 s of virtual time at --speed 3,
            // in which one instance's batch was seen to move by a quarter and its KV use by 0.11 (a burst of
            // long prompts). Wrong joins or units would be off by far more.
            #expect(Self.near(viaServer.running, scraped.running, relative: 0.35, absolute: 10),
                    "\(key): running \(String(describing: viaServer.running)) vs \(String(describing: scraped.running))")
            #expect(Self.near(viaServer.waiting, scraped.waiting, relative: 0.35, absolute: 10),
                    "\(key): waiting \(String(describing: viaServer.waiting)) vs \(String(describing: scraped.waiting))")
            #expect(Self.near(viaServer.kvUsage, scraped.kvUsage, relative: 0, absolute: 0.15),
                    "\(key): KV use \(String(describing: viaServer.kvUsage)) vs \(String(describing: scraped.kvUsage))")
        }
        // Rates: the direct read's window is its 4.5 s of rounds, the Prometheus one the last 5 s of the server's
        // history; they end up to one 1 s scrape interval apart, so they share most of their span. Generation
        // tokens/s (the sum over ~200 decoding sequences) differed by at most 8 % in repeated runs; 20 % leaves
        // room for a loaded machine stretching the direct rounds.
        #expect(Self.near(prometheus.generationTokensPerSecond, direct.generationTokensPerSecond, relative: 0.2, absolute: 0),
                "generation tokens/s: Prometheus \(String(describing: prometheus.generationTokensPerSecond)), direct \(String(describing: direct.generationTokensPerSecond))")
    }

    /// Whether two present values differ by at most `absolute` or `relative` of the larger.
    static func near(_ a: Double?, _ b: Double?, relative: Double, absolute: Double) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
    }
}

/// The numbers the comparison reads from `infertop snapshot --format json` (docs/MODEL.md).
struct SnapshotReading {
    struct Instance: Equatable {
        var model: String?
        var state: String?
        var running: Double?
        var waiting: Double?
        var kvUsage: Double?
    }

    var gpuCount: Int
    var targetsUp: Int
    var generationTokensPerSecond: Double?
    /// "node/index" → (VRAM used, VRAM total) in bytes.
    var gpus: [String: [Double?]]
    /// Instance by where it was scraped: the simulator target's path, `/node-00/vllm-0`.
    var instances: [String: Instance]

    init(json: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let totals = root["totals"] as? [String: Any] else {
            throw ProcessFailure("not a snapshot JSON object: \(json.prefix(200))")
        }
        gpuCount = totals["gpuCount"] as? Int ?? -1
        generationTokensPerSecond = totals["generationTokensPerSecond"] as? Double
        targetsUp = (root["targets"] as? [[String: Any]] ?? []).filter { $0["up"] as? Bool == true }.count
        var gpus: [String: [Double?]] = [:]
        for gpu in root["gpus"] as? [[String: Any]] ?? [] {
            gpus["\(gpu["node"] ?? "?")/\(gpu["index"] ?? "?")"] = [gpu["vramUsedBytes"] as? Double, gpu["vramTotalBytes"] as? Double]
        }
        self.gpus = gpus
        var instances: [String: Instance] = [:]
        for instance in root["instances"] as? [[String: Any]] ?? [] {
            instances[Self.path(of: instance["target"] as? String ?? "")] = Instance(
                model: instance["model"] as? String, state: instance["state"] as? String,
                running: instance["running"] as? Double, waiting: instance["waiting"] as? Double,
                kvUsage: instance["kvCacheUsage"] as? Double)
        }
        self.instances = instances
    }

    /// `sim://node-00/vllm-0` (Prometheus' instance) and `http://127.0.0.1:PORT/node-00/vllm-0/metrics` (a
    /// direct target) both become `/node-00/vllm-0`.
    static func path(of target: String) -> String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if target.hasPrefix("http") { rest = rest.drop { $0 != "/" } } else { rest = "/" + rest }
        return rest.hasSuffix("/metrics") ? String(rest.dropLast("/metrics".count)) : String(rest)
    }
}
