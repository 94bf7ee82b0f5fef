import ArgumentParser
import CommandSupport
import Exposition
import Foundation
import Harness
import Ingest
import MetricStore
import Synchronization

/// `infertop-bench memory`: the memory it takes to hold every series of the large generated cluster for a
/// stretch of history, against a real Prometheus server holding the same scrapes in the same run.
struct BenchMemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Resident memory to hold N scrapes of the 10 MB cluster page: the store against a real Prometheus.",
        discussion: """
            Both hold the same --scrapes successive pages (BenchClusterPages: counters keep growing, gauges cycle). \
            Ours: the resident memory the store adds while it ingests them (peak, after handing freed memory back). \
            Prometheus's: it scrapes a loopback server that answers with those pages one after the other, every \
            --interval-ms (points are points: what a series costs depends on how many it holds and on their values, \
            not on the time between them); its own process_resident_memory_bytes once it holds them, less the same \
            before its first page. Build with `swift build -c release`.
            """
    )

    @OptionGroup var page: GeneratorOptions
    private static let scrapesRange = SettingRange(2, 100000, .count)
    @Option(
        name: .long, help: "Scrapes held (900 = 15 min at 1 s; \(Self.scrapesRange.text)).",
        transform: FlagValue.int(Self.scrapesRange))
    var scrapes = 900
    private static let intervalRange = SettingRange(50, 10000, .count)
    @Option(
        name: .customLong("interval-ms"), help: "Prometheus's scrape interval, ms (\(Self.intervalRange.text)).",
        transform: FlagValue.int(Self.intervalRange))
    var intervalMs = 250
    @Option(name: .long, help: "The Prometheus server binary.") var prometheus = "/usr/bin/prometheus"

    func validate() throws {
        try page.validateScript()
        guard FileManager.default.isExecutableFile(atPath: prometheus) else {
            throw ValidationError("\(prometheus): not found; apt-get install prometheus (scripts/setup.sh --tests)")
        }
    }

    func run() async throws {
        let cluster = try page.pages(ticks: 3)
        let mib = 1_048_576.0
        var store = MetricStore(configuration: StoreConfiguration(retentionMs: Int64(scrapes) * 1000, scrapeIntervalMs: 1000))
        let ours = PeakMemory.extraBytes {
            for n in 0..<scrapes {
                store.ingest(target: "cluster", page: cluster.page(n), atMs: 1_800_000_000_000 + Int64(n) * 1000)
            }
        }
        guard let ours else { throw ValidationError("cannot read this process's resident memory (/proc/self)") }
        print(
            "infertop store: \(scrapes) scrapes of \(store.seriesCount) series, "
                + String(
                    format: "%.1f MiB resident added (%.1f MiB counted)", Double(ours) / mib,
                    Double(store.approximateBytes) / mib))
        let theirs = try await prometheusHolding(cluster)
        print(
            String(
                format: "Prometheus: %d series, %.0f samples appended, %.1f MiB resident added (%.1f idle, %.1f holding them)",
                theirs.series, theirs.samples, Double(theirs.held - theirs.idle) / mib, Double(theirs.idle) / mib,
                Double(theirs.held) / mib))
        BenchRow(
            name: "memory", figure: Double(ours) / mib, unit: "MiB", reference: Double(theirs.held - theirs.idle) / mib,
            referenceName: "prometheus", better: .lower
        ).print()
    }

    /// What Prometheus reported about itself: idle, then holding every scrape.
    private struct PrometheusReading {
        var idle = 0
        var held = 0
        var series = 0
        var samples = 0.0
    }

    private func prometheusHolding(_ cluster: BenchClusterPages) async throws -> PrometheusReading {
        let template = cluster.template
        let scrapes = self.scrapes
        // Empty pages until Prometheus's idle memory is read; then scrape n is the n-th page, as our store got.
        let firstPage = Atomic<Int>(Int.max)
        let server = try LoopbackPageServer { turn in
            let n = turn - firstPage.load(ordering: .relaxed)
            return n >= 0 && n < scrapes ? cluster.text(n, template: template) : []
        }
        server.start()
        defer { server.stop() }
        let peer = try PrometheusProcess(
            binary: prometheus,
            configuration: """
                global: {scrape_interval: \(intervalMs)ms, scrape_timeout: \(intervalMs)ms}
                scrape_configs: [{job_name: bench, static_configs: [{targets: ['127.0.0.1:\(server.ports[0])']}]}]
                """)
        defer { peer.stop() }
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 10))
        defer { Task { await fetcher.shutdown() } }
        try await BenchScrapeCommand.waitUntilScraped(peer, fetcher: fetcher)
        try await Task.sleep(for: .seconds(2))
        var reading = PrometheusReading()
        reading.idle = try await Self.selfReport(peer, fetcher: fetcher).resident
        let appendedBefore = try await Self.selfReport(peer, fetcher: fetcher).appended
        let expected = Double(scrapes * cluster.pages[0].sampleCount)
        firstPage.store(server.requestCount, ordering: .relaxed)
        // Bounded: every scrape at 20 times the interval would still fit.
        let deadline = ContinuousClock.now + .milliseconds(intervalMs * scrapes * 20) + .seconds(60)
        while true {
            let report = try await Self.selfReport(peer, fetcher: fetcher)
            if report.appended - appendedBefore >= expected {
                reading.samples = report.appended - appendedBefore
                reading.series = report.series
                break
            }
            guard ContinuousClock.now < deadline else {
                throw ValidationError(
                    "Prometheus appended \(Int(report.appended - appendedBefore)) of \(Int(expected)) samples in time; "
                        + "its scrapes time out? Try a longer --interval-ms")
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        // Its collector runs now and then: the most it held over the next seconds, as ours is a peak.
        for _ in 0..<6 {
            reading.held = max(reading.held, try await Self.selfReport(peer, fetcher: fetcher).resident)
            try await Task.sleep(for: .milliseconds(500))
        }
        return reading
    }

    /// Prometheus's own /metrics: its resident memory, samples appended to its head, series in its head.
    private static func selfReport(
        _ peer: PrometheusProcess, fetcher: HTTPFetcher
    ) async throws -> (resident: Int, appended: Double, series: Int) {
        let fetched = try await fetcher.fetch(URL(string: peer.url + "/metrics")!, timeout: .seconds(10))
        let page = ExpositionParser.parse(fetched.bytes)
        func value(_ name: String) -> Double {
            page.families.lazy.flatMap(\.samples).filter { $0.name == name }.reduce(0) { $0 + $1.value }
        }
        return (
            Int(value("process_resident_memory_bytes")), value("prometheus_tsdb_head_samples_appended_total"),
            Int(value("prometheus_tsdb_head_series"))
        )
    }
}
