import Exposition
import Foundation

/// Reads a Prometheus-compatible server (Prometheus, Thanos, VictoriaMetrics, Mimir) instead of scraping
/// targets: each refresh sends one batch of instant queries (one per dialect, concurrently) for the
/// families in `PrometheusFamilies`, and turns the answer into one `ScrapeResult` per `instance`, so the
/// rest of infertop cannot tell the two paths apart. At start, `backfill` fills history with `query_range`.
///
/// Failures (unreachable server, HTTP 4xx/5xx, `"status":"error"`, bad PromQL) become a result with an
/// error for the target named after the server; instances that Prometheus reports down (`up == 0`) or that
/// vanish from the answer become results with an error for that instance, so they show as down.
public actor PrometheusSource {
    public let settings: PrometheusSettings
    private let configuration: IngestConfiguration
    private let fetcher: HTTPFetcher
    private let clock: IngestClock
    private let families: [PrometheusFamily]
    private let matchers: String
    private var lastInstances: Set<String> = []
    /// Instance → the `node` label its series carry (a target label, e.g. from a file_sd listing).
    private var labelledNodes: [String: String] = [:]
    private var failures: [String: Int] = [:]

    /// The target id used for errors of the server itself.
    public nonisolated var serverTarget: String { "prometheus " + Redaction.url(settings.url) }

    public init(settings: PrometheusSettings, configuration: IngestConfiguration, fetcher: HTTPFetcher,
                clock: IngestClock = .live, families: [PrometheusFamily] = PrometheusFamilies.all) throws {
        self.settings = settings
        self.configuration = configuration
        self.fetcher = fetcher
        self.clock = clock
        self.families = families
        self.matchers = try PromQL.matchers(settings.selector)
    }

    /// The PromQL sent on each refresh: one selector per dialect, plus `up` for target health.
    public nonisolated var queries: [String] {
        var byDialect: [String: [String]] = [:]
        var order: [String] = []
        for family in families {
            if byDialect[family.dialect] == nil { order.append(family.dialect) }
            byDialect[family.dialect, default: []] += family.sampleNames
        }
        return order.map { PromQL.query(sampleNames: byDialect[$0] ?? [], matchers: matchers) }
            + [PromQL.query(sampleNames: ["up"], matchers: matchers)]
    }

    /// Reads every family now; one result per instance (or one error result for the server).
    public func refresh() async -> [ScrapeResult] {
        let timeMs = clock.wallMs()
        let started = clock.now()
        let time = String(format: "%.3f", Double(timeMs) / 1000)
        let answers = await run(queries.map { ("/api/v1/query", ["query": $0, "time": time]) })
        let duration = (clock.now() - started).seconds
        switch answers {
        case .failure(let error):
            return [failure(serverTarget, timeMs: timeMs, duration: duration, error: error.message)]
        case .success(let responses):
            let values = responses.flatMap(\.series).compactMap { series in
                series.points.last.map { PageSynthesizer.Value(labels: series.labels, value: $0.value) }
            }
            return results(values, timeMs: timeMs, duration: duration)
        }
    }

    /// History from `backfillSeconds` ago until now, one result per instance and step, oldest first.
    /// Empty when the backfill is off or the server fails (the live refreshes report the failure).
    public func backfill() async -> [ScrapeResult] {
        guard settings.backfillSeconds > 0 else { return [] }
        let nowMs = clock.wallMs()
        let step = max(configuration.intervalSeconds, 1)
        // The history stops one step short of now: the first refresh, a moment later, is its next point.
        // Ending at now would put two points a few milliseconds apart, which shrinks the average spacing
        // that Prometheus-style rate extrapolation judges the window's edges by (rates came out ~12 % low).
        let endMs = nowMs - Int64(step * 1000)
        let startMs = nowMs - Int64(settings.backfillSeconds * 1000)
        let parameters = ["start": String(format: "%.3f", Double(startMs) / 1000),
                          "end": String(format: "%.3f", Double(endMs) / 1000), "step": String(format: "%g", step)]
        guard case .success(let responses) = await run(queries.dropLast().map {
            ("/api/v1/query_range", parameters.merging(["query": $0]) { $1 })
        }) else { return [] }
        var byTime: [Int64: [PageSynthesizer.Value]] = [:]
        for series in responses.flatMap(\.series) {
            learnNode(series.labels)
            for point in series.points {
                byTime[point.timeMs, default: []].append(PageSynthesizer.Value(labels: series.labels, value: point.value))
            }
        }
        return byTime.keys.sorted().flatMap { time in
            PageSynthesizer.pages(from: byTime[time] ?? [], families: families).sorted { $0.key < $1.key }.map {
                ScrapeResult(target: $0.key, timeMs: time, durationSeconds: 0, page: $0.value, node: node($0.key))
            }
        }
    }

    /// Backfills, then refreshes every interval until the task is cancelled.
    public func run(sink: @Sendable (ScrapeResult) async -> Void) async {
        for result in await backfill() { await sink(result) }
        let interval = Duration.milliseconds(Int64(configuration.intervalSeconds * 1000))
        while !Task.isCancelled {
            let started = clock.now()
            for result in await refresh() { await sink(result) }
            do { try await clock.sleep(max(interval - (clock.now() - started), .zero)) } catch { return }
        }
    }

    private func results(_ values: [PageSynthesizer.Value], timeMs: Int64, duration: Double) -> [ScrapeResult] {
        for value in values { learnNode(value.labels) }
        let up = values.filter { $0.labels["__name__"] == "up" }
        let downInstances = Set(up.filter { $0.value != 1 }.compactMap { $0.labels["instance"] })
        let pages = PageSynthesizer.pages(from: values.filter { $0.labels["__name__"] != "up" }, families: families)
        var output: [ScrapeResult] = []
        var seen = Set<String>()
        for (instance, page) in pages.sorted(by: { $0.key < $1.key }) where !downInstances.contains(instance) {
            seen.insert(instance)
            failures[instance] = 0
            output.append(ScrapeResult(target: instance, timeMs: timeMs, durationSeconds: duration, page: page,
                                       node: node(instance)))
        }
        for instance in downInstances.sorted() {
            seen.insert(instance)
            output.append(failure(instance, timeMs: timeMs, duration: duration,
                                  error: "Prometheus reports this target down (up == 0): its last scrape failed"))
        }
        for instance in lastInstances.subtracting(seen).sorted() {
            output.append(failure(instance, timeMs: timeMs, duration: duration,
                                  error: "no longer in Prometheus' answer (target removed, or its series went stale)"))
        }
        lastInstances = seen
        failures[serverTarget] = 0
        return output
    }

    private func failure(_ target: String, timeMs: Int64, duration: Double, error: String) -> ScrapeResult {
        let count = (failures[target] ?? 0) + 1
        failures[target] = count
        return ScrapeResult(target: target, timeMs: timeMs, durationSeconds: duration,
                            error: Redaction.scrub(error, secrets: fetcher.secrets), consecutiveFailures: count,
                            node: target == serverTarget ? nil : node(target))
    }

    /// Remembers the `node` label of a series' instance, so that a target labelled with its node in the
    /// server's scrape configuration lands on that node, as it does when scraped directly.
    private func learnNode(_ labels: [String: String]) {
        if let node = labels["node"], let instance = labels["instance"] { labelledNodes[instance] = node }
    }

    /// The node of an instance: the explicit map, else its `node` label, else the host part of `host:port`.
    private func node(_ instance: String) -> String? {
        if let mapped = configuration.nodeMap[instance] { return mapped }
        if let labelled = labelledNodes[instance] { return labelled }
        let host = instance.split(separator: ":").dropLast().joined(separator: ":")
        if let mapped = configuration.nodeMap[host] { return mapped }
        return host.isEmpty ? instance : host
    }

    /// Sends the queries concurrently; the first failure wins.
    private func run(_ requests: [(String, [String: String])]) async -> Result<[PrometheusResponse], PrometheusQueryError> {
        let base = settings.url.hasSuffix("/") ? String(settings.url.dropLast()) : settings.url
        let timeout = Duration.milliseconds(Int64(configuration.timeoutSeconds * 1000))
        let fetcher = self.fetcher
        return await withTaskGroup(of: (Int, Result<PrometheusResponse, PrometheusQueryError>).self) { group in
            for (index, (path, parameters)) in requests.enumerated() {
                var components = URLComponents(string: base + path)
                components?.queryItems = parameters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                // '+' means a space in form encoding; PromQL needs a literal plus.
                let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
                components?.percentEncodedQuery = encoded
                guard let url = components?.url else {
                    return .failure(PrometheusQueryError(message: "\(base) is not a valid URL"))
                }
                group.addTask {
                    do {
                        let fetched = try await fetcher.fetch(url, accept: "application/json", timeout: timeout, anyStatus: true)
                        return (index, Result { () throws(PrometheusQueryError) in
                            try PrometheusResponse.decode(fetched.bytes, status: fetched.status)
                        })
                    } catch {
                        return (index, .failure(PrometheusQueryError(message: String(describing: error))))
                    }
                }
            }
            var responses = [PrometheusResponse?](repeating: nil, count: requests.count)
            for await (index, result) in group {
                switch result {
                case .success(let response): responses[index] = response
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                }
            }
            return .success(responses.compactMap { $0 })
        }
    }
}
