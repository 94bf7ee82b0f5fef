import Foundation
import Harness
import Ingest
import TestSupport
import Testing

/// End to end, with real processes only: `infertop sim --serve` serves a seeded cluster; Debian's Prometheus
/// and three VictoriaMetrics servers scrape it through the simulator's file_sd listing; then `infertop snapshot`
/// reads the simulator directly (`--file-sd`) and through each server (`--prometheus`), and they must tell the
/// same cluster. The servers cover the cases of issue 16:
/// - Prometheus, and VictoriaMetrics with its default flags, which answers instant queries 30 s in the past
///   (`-search.latencyOffset`): infertop must still read fresh data, and say how old it is;
/// - VictoriaMetrics without the relabelling, where every target has one `instance` and the engines fold
///   into one: infertop must say so, and with `--instance-labels instance,sim_target` read them apart;
/// - VictoriaMetrics with a series limit (`-search.maxUniqueTimeseries=30`) below the histograms' series:
///   infertop must split those queries by instance and still read everything;
/// - samples imported two minutes in the past: the age is read from the samples and warned about.
@Suite(.serialized) struct QueryServerEndToEndTests {
    static let relabel = "relabel_configs: [{source_labels: [sim_target], target_label: instance}]"

    @Test(.timeLimit(.minutes(3)))
    func serversAndDirectScrapeAgree() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/prometheus"),
            "prometheus is missing: install Debian's prometheus package (scripts/setup.sh)")
        try #require(
            FileManager.default.isExecutableFile(atPath: VictoriaMetricsProcess.defaultBinary),
            "victoria-metrics is missing: install Debian's victoria-metrics package (scripts/setup.sh)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-servers-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = folder.appendingPathComponent("targets.json")
        // At 3× real time the steady load has built up (about 30 s of virtual time) once the servers have scraped
        // every target three times; from a cold start it is still ramping.
        let sim = try InfertopProcess(
            [
                "sim", "--serve", "127.0.0.1:0", "--sd-file", listing.path, "--scenario", "steady",
                "--sim-seed", "7", "--nodes", "2", "--gpus-per-node", "2", "--speed", "3",
            ],
            name: "sim", folder: folder)
        defer { sim.stop() }
        let listed = await Polling.until(timeout: .seconds(20)) { (try? Data(contentsOf: listing))?.isEmpty == false }
        try #require(listed, "the simulator wrote no file_sd listing within 20 s: \(sim.output) \(sim.errors)")
        let targetCount = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: listing)) as? [Any]).count

        func scrapeConfiguration(relabelled: Bool) -> String {
            """
            global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: sim
                file_sd_configs: [{files: ['\(listing.path)'], refresh_interval: 5s}]
                \(relabelled ? Self.relabel : "")
            """
        }
        let prometheus = try PrometheusProcess(configuration: scrapeConfiguration(relabelled: true))
        defer { prometheus.stop() }
        let victoria = try VictoriaMetricsProcess(scrapeConfiguration: scrapeConfiguration(relabelled: true))
        defer { victoria.stop() }
        let folded = try VictoriaMetricsProcess(scrapeConfiguration: scrapeConfiguration(relabelled: false))
        defer { folded.stop() }
        let limited = try VictoriaMetricsProcess(
            scrapeConfiguration: scrapeConfiguration(relabelled: true),
            flags: ["-search.maxUniqueTimeseries=30"])
        defer { limited.stop() }

        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        do {
            try await Self.compareServers(
                prometheus: prometheus, victoria: victoria, folded: folded, limited: limited,
                listing: listing, targetCount: targetCount, folder: folder, fetcher: fetcher)
        } catch {
            await fetcher.shutdown()
            throw error
        }
        await fetcher.shutdown()
    }

    static func compareServers(
        prometheus: PrometheusProcess, victoria: VictoriaMetricsProcess, folded: VictoriaMetricsProcess,
        limited: VictoriaMetricsProcess, listing: URL, targetCount: Int, folder: URL,
        fetcher: HTTPFetcher
    ) async throws {
        // Prometheus' first scrape lands 8–9 s after start; three scrapes of every target give a rate window.
        // The folded server's targets share one `instance` but keep their other labels: still one `up` each.
        for (name, url) in [
            ("Prometheus", prometheus.url), ("VictoriaMetrics", victoria.url),
            ("VictoriaMetrics (limited)", limited.url), ("VictoriaMetrics (folded)", folded.url),
        ] {
            let scraped = await Polling.until(timeout: .seconds(60), interval: .milliseconds(500)) {
                let ready = try? await Self.query("count_over_time(up[1m]) >= 3 and up == 1", at: url, fetcher: fetcher)
                return ready?.count == targetCount
            }
            try #require(scraped, "\(name) did not scrape all \(targetCount) targets 3 times within 60 s")
        }
        // VictoriaMetrics' default -search.latencyOffset (30 s) hides the last 30 s from a plain instant query:
        // the case is real here (the server has run for less than that, so a plain query sees nothing yet).
        let plain = try await Self.query("up", at: victoria.url, fetcher: fetcher, fresh: false)
        #expect(plain.isEmpty, "VictoriaMetrics answered a plain query with data younger than its latency offset")

        // The direct read first: five rounds 1 s apart (a 4.5 s rate window). Then at once each server's, whose
        // 5 s window ends where the direct read ended, give or take one scrape interval.
        let direct = try InfertopProcess(
            ["snapshot", "--file-sd", listing.path, "--rounds", "5", "--format", "json"],
            name: "direct", folder: folder)
        #expect(await direct.finish(within: .seconds(30)) == 0, "snapshot --file-sd failed: \(direct.errors)")
        func snapshot(_ url: String, _ name: String, _ extra: [String] = []) async throws -> SnapshotReading {
            let process = try InfertopProcess(
                ["snapshot", "--prometheus", url, "--window", "5", "--format", "json"] + extra,
                name: name, folder: folder)
            #expect(await process.finish(within: .seconds(30)) == 0, "snapshot --prometheus (\(name)) failed: \(process.errors)")
            return try SnapshotReading(json: process.output)
        }
        let fromPrometheus = try await snapshot(prometheus.url, "prometheus")
        let fromVictoria = try await snapshot(victoria.url, "victoria")
        let fromLimited = try await snapshot(limited.url, "limited")
        let fromFolded = try await snapshot(folded.url, "folded")
        let unfolded = try await snapshot(folded.url, "unfolded", ["--instance-labels", "instance,sim_target"])
        let fromTargets = try SnapshotReading(json: direct.output)
        // And directly once more: each server's last scrape lies between the two direct reads.
        let directAfter = try InfertopProcess(
            ["snapshot", "--file-sd", listing.path, "--rounds", "2", "--format", "json"],
            name: "direct-after", folder: folder)
        #expect(await directAfter.finish(within: .seconds(30)) == 0, "snapshot --file-sd failed: \(directAfter.errors)")
        let fromTargetsAfter = try SnapshotReading(json: directAfter.output)

        for (name, reading) in [
            ("Prometheus", fromPrometheus), ("VictoriaMetrics", fromVictoria),
            ("VictoriaMetrics over its series limit", fromLimited),
            ("VictoriaMetrics with --instance-labels", unfolded),
        ] {
            SnapshotEndToEndTests.compare(
                reading, fromTargets, after: fromTargetsAfter, targetCount: targetCount, server: name)
            #expect(reading.warnings.isEmpty, "\(name): \(reading.warnings)")
            // Fresh data despite the latency offset: samples of the last scrape, a second apart at most.
            #expect((reading.dataAgeSeconds ?? 99) < 3, "\(name): data \(String(describing: reading.dataAgeSeconds)) s old")
        }
        // The limited server answered because the histogram queries were split by instance: more requests.
        #expect(
            fromLimited.queries > fromVictoria.queries, "queries: limited \(fromLimited.queries), default \(fromVictoria.queries)"
        )
        // Folded: one target, the engines of a model added into one instance; said, with the way out.
        #expect(
            fromFolded.targetsUp == 1 && fromFolded.instances.count < fromTargets.instances.count,
            "folded: \(fromFolded.targetsUp) targets, \(fromFolded.instances.count) instances")
        #expect(
            fromFolded.warnings.contains { $0.contains("fold into one") && $0.contains("--instance-labels instance,sim_target") },
            "\(fromFolded.warnings)")

        // Samples that end two minutes ago (imported, as from a remote writer that lags): the age is read from
        // the samples' timestamps, not the answer's, and is warned about with the flag to look at.
        let endMs = Int64(Date().timeIntervalSince1970 * 1000) - 120_000
        var lines = ""
        for step in 0..<5 {
            let time = endMs - Int64(4 - step) * 1000
            lines +=
                "up{job=\"old\",instance=\"old:1\"} 1 \(time)\nvllm:num_requests_running{job=\"old\",instance=\"old:1\",model_name=\"m\"} 3 \(time)\n"
        }
        let imported = try await fetcher.fetch(
            try #require(URL(string: folded.url + "/api/v1/import/prometheus")),
            accept: "*/*", timeout: .seconds(5), anyStatus: true, body: Array(lines.utf8))
        #expect((200..<300).contains(imported.status), "import: HTTP \(imported.status)")
        let visible = await Polling.until(timeout: .seconds(10), interval: .milliseconds(200)) {
            (try? await Self.query("up{job=\"old\"}", at: folded.url, fetcher: fetcher))?.isEmpty == false
        }
        try #require(visible, "the imported samples did not become visible within 10 s")
        let old = try await snapshot(folded.url, "old", ["--selector", "{job=\"old\"}"])
        #expect(old.instances.count == 1 && old.instances.values.first?.running == 3)
        #expect(
            (old.dataAgeSeconds ?? 0) > 100 && (old.dataAgeSeconds ?? 999) < 200, "age \(String(describing: old.dataAgeSeconds))")
        #expect(old.warnings.contains { $0.contains("-search.latencyOffset") }, "\(old.warnings)")
    }

    /// The values of an instant query; `fresh` asks VictoriaMetrics not to hold back its latest 30 s.
    static func query(_ promql: String, at url: String, fetcher: HTTPFetcher, fresh: Bool = true) async throws -> [Double] {
        let form = [("query", promql)] + (fresh ? [("nocache", "1")] : [])
        let fetched = try await fetcher.fetch(
            try #require(URL(string: url + "/api/v1/query")), accept: "application/json",
            timeout: .seconds(5), anyStatus: true, form: form)
        guard let root = try JSONSerialization.jsonObject(with: Data(fetched.bytes)) as? [String: Any],
            let data = root["data"] as? [String: Any], let result = data["result"] as? [[String: Any]]
        else {
            throw ProcessFailure("not a query answer: \(String(decoding: fetched.bytes.prefix(200), as: UTF8.self))")
        }
        return result.compactMap { (($0["value"] as? [Any])?.last as? String).flatMap(Double.init) }
    }
}
