import ArgumentParser
import CommandSupport
import Exposition
import Foundation
import Harness
import Ingest
import MetricStore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `infertop-bench scrape`: the live-ingest speed claims, measured. Part 1 scrapes many ~40 KB targets
/// served in-process on loopback every second and reports lateness and the scraper's CPU share. Part 2
/// fetches and parses one 10 MB page beside a real Prometheus scraping the same page, and compares with
/// the `scrape_duration_seconds` Prometheus reports.
struct BenchScrapeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrape",
        abstract: "Scrape N loopback targets every second; fetch+parse a 10 MB page beside Prometheus.",
        discussion: "Build with `swift build -c release`. Needs /usr/bin/prometheus for part 2 (else it is skipped, and says so)."
    )

    private static let targetsRange = SettingRange(0, 16384, .count)
    @Option(
        name: .long, help: "Targets in part 1 (0 skips it; \(Self.targetsRange.text)).",
        transform: FlagValue.int(Self.targetsRange)) var targets = 256
    private static let pageBytesRange = SettingRange(1, 100_000_000, .count)
    @Option(
        name: .long, help: "Bytes per page in part 1 (\(Self.pageBytesRange.text)).",
        transform: FlagValue.int(Self.pageBytesRange)) var pageBytes = 40_000
    private static let secondsRange = SettingRange(1, 3600, .count)
    @Option(
        name: .long, help: "Seconds measured in part 1 (after a 2 s warm-up; \(Self.secondsRange.text)).",
        transform: FlagValue.int(Self.secondsRange)) var seconds = 10
    private static let bigBytesRange = SettingRange(1, 1_000_000_000, .count)
    @Option(
        name: .long, help: "Bytes of the big page in part 2 (\(Self.bigBytesRange.text)).",
        transform: FlagValue.int(Self.bigBytesRange)) var bigBytes = 10_000_000
    @Option(name: .long, help: "The Prometheus server binary for part 2.") var prometheus = "/usr/bin/prometheus"

    func run() async throws {
        if targets > 0 { try await manyTargets() }
        try await bigPage()
    }

    /// What the sink saw during the measured window.
    private struct Tally: Sendable {
        var measuring = false
        var durations: [Double] = []
        var failures: [String] = []
        var perTarget: [String: Int] = [:]
    }

    private func manyTargets() async throws {
        // Each target answers with two pages in turn: the same lines, new values.
        let pages = (0..<targets).map { target in
            (0..<2).map { SyntheticPage.vllm(bytes: pageBytes, seed: UInt64(target), tick: $0) }
        }
        let server = try LoopbackPageServer(variants: pages)
        server.start()
        defer { server.stop() }
        let configuration = IngestConfiguration(
            targets: try server.ports.map { try ScrapeTarget(address: "127.0.0.1:\($0)") },
            intervalSeconds: 1, timeoutSeconds: 1)
        let tally = Mutex(Tally())
        let scraper = try Scraper(configuration: configuration) { result in
            tally.withLock { tally in
                guard tally.measuring else { return }
                tally.durations.append(result.durationSeconds)
                tally.perTarget[result.target, default: 0] += 1
                if let error = result.error { tally.failures.append(error) }
            }
        }
        await scraper.start()
        try await Task.sleep(for: .seconds(2))
        let (cpuStart, serverStart, wallStart) = (Self.processCPU(), server.cpuSeconds, ContinuousClock.now)
        tally.withLock { $0.measuring = true }
        try await Task.sleep(for: .seconds(seconds))
        tally.withLock { $0.measuring = false }
        let wall = (ContinuousClock.now - wallStart).seconds
        let scraperCPU = (Self.processCPU() - cpuStart) - (server.cpuSeconds - serverStart)
        await scraper.stop()
        let result = tally.withLock { $0 }
        let durations = result.durations.sorted()
        let counts = configuration.targets.map { result.perTarget[$0.id] ?? 0 }
        let late = durations.filter { $0 >= 1 }.count
        print(
            """
            part 1: \(targets) targets × \(pages.first?.first?.count ?? 0) bytes, interval 1 s, \(String(format: "%.1f", wall)) s measured
              scrapes: \(durations.count) (expected ≈ \(targets * seconds)), failures: \(result.failures.count)\(result.failures.first.map { " (first: \($0))" } ?? "")
              scrapes per target: min \(counts.min() ?? 0), max \(counts.max() ?? 0)
              scrape duration (fetch+parse): p50 \(Self.ms(Self.quantile(durations, 0.5))), p99 \(Self.ms(Self.quantile(durations, 0.99))), max \(Self.ms(durations.last ?? 0)); over 1 s: \(late)
              scraper CPU: \(String(format: "%.1f", scraperCPU / wall * 100)) % of one core (process \(String(format: "%.2f", scraperCPU + server.cpuSeconds - serverStart)) s minus loopback server \(String(format: "%.2f", server.cpuSeconds - serverStart)) s)
            """)
    }

    private func bigPage() async throws {
        // Successive answers carry new values on the same lines, as an exporter's successive pages do.
        let variants = (0..<4).map { SyntheticPage.vllm(bytes: bigBytes, seed: 99, tick: $0) }
        let page = variants[0]
        let server = try LoopbackPageServer(variants: [variants])
        server.start()
        defer { server.stop() }
        let address = "127.0.0.1:\(server.ports[0])"
        let configuration = IngestConfiguration(intervalSeconds: 2, timeoutSeconds: 10)
        let fetcher = try HTTPFetcher(configuration: configuration)
        defer { Task { await fetcher.shutdown() } }
        let prometheusRun =
            FileManager.default.isExecutableFile(atPath: prometheus)
            ? try PrometheusProcess(binary: prometheus, job: "bench", targets: [address], intervalSeconds: 2) : nil
        defer { prometheusRun?.stop() }
        if let prometheusRun { try await Self.waitUntilScraped(prometheusRun, fetcher: fetcher) }

        // Fetched, parsed and stored, as a live scrape is: successive scrapes of one target into one store.
        var store = MetricStore(configuration: StoreConfiguration(scrapeIntervalMs: 2000))
        var parser = RepeatingPageParser()  // the target's own, as the Scraper keeps one per target
        var phases = BigPagePhases()
        var samples = 0
        for round in 0..<9 {
            let start = ContinuousClock.now
            let fetched = try await fetcher.fetch(URL(string: "http://\(address)/metrics")!, timeout: .seconds(10))
            let received = ContinuousClock.now
            let parsed = try PageIntake.read(fetched.bytes, contentType: fetched.contentType, parser: &parser).get()
            let read = ContinuousClock.now
            store.ingest(target: address, page: parsed, atMs: Int64(round) * 2000, bytes: fetched.bytes.count)
            let stored = ContinuousClock.now
            phases.add(fetch: received - start, parse: read - received, store: stored - read)
            samples = parsed.sampleCount
            try await Task.sleep(for: .milliseconds(300))
        }
        let ours = phases.median(\.total)
        print(
            "part 2: one page of \(page.count) bytes, \(samples) samples, \(phases.total.count) scrapes (the first parsed in full, \(parser.reusedPages) reusing its names and labels)"
        )
        print(
            "  infertop fetch+parse+store: median \(Self.ms(ours)) (min \(Self.ms(phases.total.min() ?? 0)), max \(Self.ms(phases.total.max() ?? 0))); medians: fetch \(Self.ms(phases.median(\.fetch))), parse \(Self.ms(phases.median(\.parse))), store \(Self.ms(phases.median(\.store)))"
        )
        print(
            "  first scrape (full parse, every series new): fetch \(Self.ms(phases.fetch[0])), parse \(Self.ms(phases.parse[0])), store \(Self.ms(phases.store[0]))"
        )
        guard let prometheusRun else {
            print("  Prometheus: \(prometheus) not found, comparison skipped (apt-get install prometheus)")
            return
        }
        let theirs = try await Self.scrapeDurations(prometheusRun, fetcher: fetcher)
        let median = Self.quantile(theirs.sorted(), 0.5)
        print("  Prometheus scrape_duration_seconds: median \(Self.ms(median)) of \(theirs.count) scrapes")
        print("  ratio infertop / Prometheus: \(String(format: "%.2f", ours / median)) (target ≤ 0.5)")
    }

    /// Waits (at most 60 s) until Prometheus has scraped the page once.
    static func waitUntilScraped(_ server: PrometheusProcess, fetcher: HTTPFetcher) async throws {
        for _ in 0..<120 {
            if let values = try? await server.values(of: "up{job=\"bench\"}", fetcher: fetcher), values.contains(1) { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw ValidationError("Prometheus did not scrape the page within 60 s")
    }

    /// Waits for at least five scrapes, then returns their `scrape_duration_seconds`.
    static func scrapeDurations(_ server: PrometheusProcess, fetcher: HTTPFetcher) async throws -> [Double] {
        for _ in 0..<60 {
            let values = try await server.values(of: "scrape_duration_seconds{job=\"bench\"}[60s]", fetcher: fetcher)
            if values.count >= 5 { return values }
            try await Task.sleep(for: .seconds(1))
        }
        throw ValidationError("Prometheus recorded fewer than 5 scrapes in 60 s")
    }

    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q + 0.5))]
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}

/// The 10 MB page's timings per scrape, by phase, in seconds.
private struct BigPagePhases {
    var fetch: [Double] = []
    var parse: [Double] = []
    var store: [Double] = []
    var total: [Double] = []

    mutating func add(fetch: Duration, parse: Duration, store: Duration) {
        self.fetch.append(fetch.seconds)
        self.parse.append(parse.seconds)
        self.store.append(store.seconds)
        total.append((fetch + parse + store).seconds)
    }

    func median(_ phase: KeyPath<BigPagePhases, [Double]>) -> Double {
        BenchScrapeCommand.quantile(self[keyPath: phase].sorted(), 0.5)
    }
}
