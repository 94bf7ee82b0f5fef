import Foundation
import Harness
import Ingest
import TestSupport
import Testing

/// End to end, with real processes only: `infertop snapshot` of the simulator, of a recording at a moment and
/// of a dead target; and the comparison of two snapshots of one cluster that `QueryServerEndToEndTests` uses.
@Suite(.serialized) struct SnapshotEndToEndTests {
    @Test("snapshot of the simulator, of a recording at a moment, and of a dead target (exit status 1, the target named)")
    func otherSources() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "infertop-snapshot-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let simulated = try InfertopProcess(
            [
                "snapshot", "--sim", "--nodes", "2", "--gpus-per-node", "4", "--at", "30s",
                "--format", "json",
            ], name: "sim", folder: folder)
        #expect(await simulated.finish(within: .seconds(60)) == 0, "\(simulated.errors)")
        let fromSimulator = try SnapshotReading(json: simulated.output)
        #expect(fromSimulator.gpuCount == 8 && fromSimulator.generationTokensPerSecond.map { $0 > 0 } == true)

        let recording = folder.appendingPathComponent("run.rec").path
        let record = try InfertopProcess(
            ["sim", "--nodes", "1", "--gpus-per-node", "2", "--duration", "20s", "--out", recording],
            name: "record", folder: folder)
        #expect(await record.finish(within: .seconds(60)) == 0, "\(record.errors)")
        let replayed = try InfertopProcess(
            ["snapshot", recording, "--at", "10s", "--format", "json"], name: "replay", folder: folder)
        #expect(await replayed.finish(within: .seconds(60)) == 0, "\(replayed.errors)")
        let fromRecording = try SnapshotReading(json: replayed.output)
        #expect(fromRecording.gpuCount == 2 && fromRecording.targetsUp == 3)

        let port = try LoopbackPageServer.freePort()  // free a moment ago: nothing listens there
        let dead = try InfertopProcess(
            ["snapshot", "127.0.0.1:\(port)", "--rounds", "1", "--format", "json"], name: "dead", folder: folder)
        #expect(await dead.finish(within: .seconds(30)) == 1)
        #expect(dead.errors.contains("http://127.0.0.1:\(port)/metrics: connection refused"), "\(dead.errors)")
        #expect(try SnapshotReading(json: dead.output).targetsUp == 0)
    }

    /// The same cluster read through a query server and directly: the same targets, GPUs, instances, models and
    /// states; gauges, rates and quantiles within the tolerances explained below. `after` is a second direct read
    /// made once every server had been read: the servers' gauges were scraped between the two.
    static func compare(
        _ queried: SnapshotReading, _ direct: SnapshotReading, after: SnapshotReading, targetCount: Int, server: String
    ) {
        #expect(
            queried.targetsUp == targetCount && direct.targetsUp == targetCount,
            "\(server): targets up \(queried.targetsUp), direct \(direct.targetsUp), of \(targetCount)")
        #expect(queried.gpuCount == 4 && direct.gpuCount == 4, "\(server): \(queried.gpuCount) GPUs")
        // VRAM of a loaded engine is its weights plus the KV pool it reserved at start: constant, so exact.
        #expect(!direct.gpus.isEmpty && queried.gpus == direct.gpus, "\(server): GPUs (node/index → used, total) differ")
        #expect(
            Set(queried.instances.keys) == Set(direct.instances.keys),
            "\(server): instances \(queried.instances.keys.sorted()) vs \(direct.instances.keys.sorted())")
        for (key, viaServer) in queried.instances.sorted(by: { $0.key < $1.key }) {
            guard let scraped = direct.instances[key] else { continue }
            let later = after.instances[key]
            #expect(
                viaServer.state == scraped.state && viaServer.model == scraped.model, "\(server) \(key): state or model differ")
            // Gauges: the server holds the value of its last scrape, which lands up to a 1 s interval (more on a
            // loaded machine) before the direct read's last round, or after it up to the second direct read: 3–6 s of
            // virtual time at --speed 3 and more, in which one instance's batch was seen to move by a quarter and its
            // KV use by 0.11 (a burst of long prompts), and once, on a loaded machine, both by half. So a gauge is
            // right when it is near either direct read or between them. Wrong joins or units would be off by far
            // more, and off both reads alike.
            for (what, value, before, afterwards, relative, absolute) in [
                ("running", viaServer.running, scraped.running, later?.running, 0.35, 10.0),
                ("waiting", viaServer.waiting, scraped.waiting, later?.waiting, 0.35, 10.0),
                ("KV use", viaServer.kvUsage, scraped.kvUsage, later?.kvUsage, 0, 0.15),
            ] {
                #expect(
                    Self.within(value, before, afterwards, relative: relative, absolute: absolute),
                    "\(server) \(key): \(what) \(String(describing: value)), direct \(String(describing: before)) then \(String(describing: afterwards))"
                )
            }
        }
        // Rates: the direct read's window is its 4.5 s of rounds, the server's the last 5 s of its history; they
        // end up to one 1 s scrape interval apart, so they share most of their span. Generation and prompt
        // tokens/s (sums over ~200 sequences) differed by at most 8 % in repeated runs; 20 % leaves room for a
        // loaded machine stretching the direct rounds.
        for (what, a, b) in [
            ("generation tokens/s", queried.generationTokensPerSecond, direct.generationTokensPerSecond),
            ("prompt tokens/s", queried.promptTokensPerSecond, direct.promptTokensPerSecond),
        ] {
            #expect(
                Self.near(a, b, relative: 0.2, absolute: 0),
                "\(server): \(what) \(String(describing: a)), direct \(String(describing: b))")
        }
        // Quantiles of the cluster's merged TTFT buckets, from the same windows: the counts in a bucket move with
        // the window's edges and the quantile is interpolated inside its bucket, so they move more than the sums
        // (up to 15 % seen); 35 % still tells a bucket read wrong (the neighbours are 2–2.5× apart).
        for (what, a, b) in [("TTFT p50", queried.ttftP50, direct.ttftP50), ("TTFT p95", queried.ttftP95, direct.ttftP95)] {
            #expect(
                Self.near(a, b, relative: 0.35, absolute: 0.005),
                "\(server): \(what) \(String(describing: a)), direct \(String(describing: b))")
        }
    }

    /// Whether `value` is near `before` or `after` (as `near` says), or between them.
    static func within(_ value: Double?, _ before: Double?, _ after: Double?, relative: Double, absolute: Double) -> Bool {
        if near(value, before, relative: relative, absolute: absolute)
            || near(value, after, relative: relative, absolute: absolute)
        {
            return true
        }
        guard let value, let before, let after else { return false }
        return min(before, after) <= value && value <= max(before, after)
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
    var promptTokensPerSecond: Double?
    var ttftP50: Double?
    var ttftP95: Double?
    /// From the JSON's `source` (a query server): how old its data was, what it cost, its warnings.
    var dataAgeSeconds: Double?
    var queries: Int
    var warnings: [String]
    /// "node/index" → (VRAM used, VRAM total) in bytes.
    var gpus: [String: [Double?]]
    /// Instance by where it was scraped: the simulator target's path, `/node-00/vllm-0`.
    var instances: [String: Instance]

    init(json: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let totals = root["totals"] as? [String: Any]
        else {
            throw ProcessFailure("not a snapshot JSON object: \(json.prefix(200))")
        }
        gpuCount = totals["gpuCount"] as? Int ?? -1
        generationTokensPerSecond = totals["generationTokensPerSecond"] as? Double
        promptTokensPerSecond = totals["promptTokensPerSecond"] as? Double
        ttftP50 = (totals["ttft"] as? [String: Any])?["p50"] as? Double
        ttftP95 = (totals["ttft"] as? [String: Any])?["p95"] as? Double
        let source = root["source"] as? [String: Any]
        dataAgeSeconds = source?["dataAgeSeconds"] as? Double
        queries = source?["queries"] as? Int ?? 0
        warnings = source?["warnings"] as? [String] ?? []
        targetsUp = (root["targets"] as? [[String: Any]] ?? []).filter { $0["up"] as? Bool == true }.count
        var gpus: [String: [Double?]] = [:]
        for gpu in root["gpus"] as? [[String: Any]] ?? [] {
            gpus["\(gpu["node"] ?? "?")/\(gpu["index"] ?? "?")"] = [
                gpu["vramUsedBytes"] as? Double, gpu["vramTotalBytes"] as? Double,
            ]
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
