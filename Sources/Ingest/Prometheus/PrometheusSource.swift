import Exposition
import Foundation

/// Reads a Prometheus-compatible server (Prometheus, Thanos, VictoriaMetrics, Mimir) instead of scraping
/// targets, asking it for what the screens show, aggregated there: per family, one query that keeps only the
/// instance identity and the labels the dialects read (`sum by (instance, model_name) (…)`), counters as
/// `rate()`, histograms as per-`le` bucket rates, GPU fields per device. The answers become one page per
/// identity, marked as holding rates, so the rest of infertop reads them like scrapes.
///
/// Each query stands alone: one that fails or times out leaves its family at its last answer (named, with
/// its age, in `status`) while the others are current; one over the server's series limit is split by
/// identity. A refresh starts only after the previous one ended, so a slow server stretches the interval
/// instead of piling queries up. Which families exist is asked first (`/api/v1/label/__name__/values`), so
/// only those are queried; the detail screens' families only while one is open.
package actor PrometheusSource {
    package let settings: PrometheusSettings
    private let configuration: IngestConfiguration
    private let client: PrometheusQueryClient
    private let clock: IngestClock
    private let families: [PrometheusFamily]
    private let matchers: String
    /// The shortest rate window: the model's (a server scraping slowly gets a longer one, see `windowSeconds`).
    private let minimumWindowSeconds: Int
    package private(set) var status: PrometheusStatus

    private var presentNames: Set<String>?
    private var discoveredAtMs: Int64 = .min
    /// When the server first listed a name infertop reads (nil: not yet).
    private var firstKnownMs: Int64?
    /// When the scrape interval was last measured.
    private var probedAtMs: Int64 = .min
    private var scrapeIntervalSeconds: Double?
    private var detail: Bool
    private var queries: [String: QueryState] = [:]
    private var lastTargets: Set<String> = []
    /// Identity → its `node` label (a target label, e.g. from a file_sd listing) and its `instance` address.
    private var nodes: [String: String] = [:]
    private var addresses: [String: String] = [:]
    private var failures: [String: Int] = [:]
    /// The values of the first identity label in the last `up` answer: the shards of a split query.
    private var identityValues: [String] = []
    private var lastStart: Duration?
    /// Backfill queries that failed: said with every refresh (their charts start empty).
    private var historyWarnings: [String] = []

    /// The answers kept between refreshes, and the scrapes they are from.
    private var held = HeldAnswers()

    /// How one query is asked, learnt from its answers.
    private struct QueryState {
        var shards = 1
        var timeoutSeconds: Double
        var lastDurationSeconds: Double?
    }

    /// The longest identity matcher one query carries (a shard's, or the identities scraped since): half of
    /// VictoriaMetrics' default `-search.maxQueryLen` (16 KiB), leaving room for the rest of the query.
    static let longestMatcherBytes = 8_000

    /// The longest a query may take, whatever the answers before it took.
    static let longestTimeoutSeconds = 60.0
    /// Requests in flight at once: below the default concurrency limits of the servers (VictoriaMetrics
    /// allows 2 per CPU before queueing), so a refresh does not crowd out other users of the server.
    static let concurrency = 4
    /// A failed query's last answer is shown for this long (at least ten intervals) before it goes absent.
    private var staleLimitMs: Int64 { max(60_000, Int64(configuration.intervalSeconds * 10_000)) }

    /// `families` are the ones to ask for (see `ReadFamily` in ClusterModel); `windowMs` is the model's rate
    /// window; with `detail` the detail screens' families are asked for from the start (a snapshot).
    package init(
        settings: PrometheusSettings, configuration: IngestConfiguration, families: [PrometheusFamily],
        windowMs: Int64, detail: Bool = false, clock: IngestClock = .live
    ) throws {
        self.settings = settings
        self.configuration = configuration
        self.families = families
        self.clock = clock
        self.detail = detail
        self.matchers = try PromQL.matchers(settings.selector)
        self.minimumWindowSeconds = max(1, Int((Double(windowMs) / 1000).rounded(.up)))
        // A query server may take longer than a scrape: the client's own read timeout must not cut it first.
        var server = configuration
        server.timeoutSeconds = Self.longestTimeoutSeconds + 5
        self.client = PrometheusQueryClient(url: settings.url, fetcher: try HTTPFetcher(configuration: server), clock: clock)
        self.status = PrometheusStatus(intervalSeconds: configuration.intervalSeconds)
    }

    /// Closes the connections; call once when done.
    package func shutdown() async {
        await client.shutdown()
    }

    /// Asks for the detail screens' families too (a detail screen opened) or no longer.
    package func showDetail(_ on: Bool) {
        detail = on
    }

    /// The rate window sent to the server: the model's, or four scrape intervals of the server when longer
    /// (`rate()` needs two samples inside the window; four is Prometheus' advice).
    var windowSeconds: Int {
        max(minimumWindowSeconds, Int((4 * (scrapeIntervalSeconds ?? 0)).rounded(.up)))
    }

    /// One refresh: every query once, then one result per identity (or none when the server failed: then
    /// `status.serverError` says why).
    package func refresh() async -> [ScrapeResult] {
        let started = clock.now()
        let nowMs = clock.wallMs()
        var cost = PrometheusQueryClient.Cost()
        status.warnings = historyWarnings
        // Asked again every minute, and at every refresh in the minute after the names first appear: a server
        // started with infertop lists a target's names as its first scrapes land, not all at once.
        let knowsAny = families.contains { (presentNames ?? []).contains($0.sampleName) }
        if knowsAny, firstKnownMs == nil { firstKnownMs = nowMs }
        if !knowsAny || nowMs - (firstKnownMs ?? nowMs) < 60_000 || nowMs - discoveredAtMs > 60_000 {
            if let error = await discover(nowMs: nowMs, cost: &cost) {
                status.serverError = error
                finish(cost, started: started, targets: 0)
                return []
            }
        }
        let time = Self.seconds(nowMs)
        let identity = settings.identity
        let keep = identity.labels.joined(separator: ",")
        let planned = families.filter { (presentNames ?? []).contains($0.sampleName) && (detail || !$0.detail) }
        if planned.isEmpty {
            status.warnings.append(
                "the server has none of the metric names infertop reads (vLLM, SGLang, TGI, Triton, "
                    + "llama.cpp, Dynamo, DCGM…)\(matchers.isEmpty ? "" : " under " + settings.selector): check that it scrapes the engines"
            )
        }
        var requests = [
            Request(key: "up", promql: PromQL.selector("up", matchers: [matchers])),
            Request(key: "timestamp(up)", promql: "max by (\(keep)) (timestamp(\(PromQL.selector("up", matchers: [matchers]))))"),
        ]
        // `up` first: its identities are the shards of a query that has to be split, from the first refresh on,
        // and the scrape times say which identities have anything new.
        var outcomes = await answer(requests, time: time, cost: &cost)
        if case .success(let up) = outcomes[0], let label = identity.labels.first {
            identityValues = Array(Set(up.series.compactMap { $0.labels[label] })).sorted()
            held.keepOnly(Set(up.series.compactMap { identity.key($0.labels) }))
        }
        var scraped: [String: (ms: Int64, first: String?)] = [:]
        var stampsKnown = false
        if case .success(let stamps) = outcomes[1] {
            stampsKnown = true
            for series in stamps.series {
                guard let key = identity.key(series.labels), let value = series.points.last?.value, value.isFinite else {
                    continue
                }
                scraped[key] = (Int64((value * 1000).rounded(.down)), identity.labels.first.flatMap { series.labels[$0] })
            }
        }
        let changed = held.changed(scraped) { $0.ms }
        // By identity while that is the smaller question: when nearly all are new (a refresh slower than the
        // server's scrapes), one query for all costs the server less than several carrying long matchers.
        let subset =
            stampsKnown && changed.count * 4 <= scraped.count * 3 && changed.values.allSatisfy { $0.first != nil }
            ? Array(Set(changed.values.compactMap(\.first))).sorted() : nil
        var byIdentity = Set<String>()
        status.identitiesAsked = nil
        for family in planned {
            let labels = Array(Set(identity.labels + family.labels + ["node", "exported_instance"])).sorted()
            let partial = subset != nil && held.canAskByIdentity(family.name, scraped: scraped, nowMs: nowMs)
            if partial {
                status.identitiesAsked = changed.count
                if subset?.isEmpty == true { continue }
                byIdentity.insert(family.name)
            }
            requests.append(
                Request(
                    key: family.name, family: family, subset: partial ? subset : nil,
                    promql: PromQL.aggregate(family, keep: labels, matchers: [matchers], windowSeconds: windowSeconds)))
        }
        outcomes += await answer(Array(requests.dropFirst(2)), time: time, cost: &cost)

        var answers: [PageSynthesizer.Answer] = []
        var upSeries: [[String: String]] = []
        var upFailed: String?
        var newest: Int64?
        var failedQueries = 0
        for (request, outcome) in zip(requests, outcomes) {
            switch (request.key, outcome) {
            case ("up", .success(let response)):
                // `__up` cannot clash with a label: names starting with `__` are reserved.
                upSeries = response.series.map { $0.labels.merging(["__up": $0.points.last?.value == 1 ? "1" : "0"]) { $1 } }
            case ("up", .failure(let error)):
                upFailed = error.message
                failedQueries += 1
            case ("timestamp(up)", .success(let response)):
                newest = response.series.compactMap { $0.points.last.map { Int64(($0.value * 1000).rounded(.down)) } }.max()
            case ("timestamp(up)", .failure):
                failedQueries += 1
            case (_, .success(let response)):
                guard request.family != nil else { continue }
                held.hold(
                    response, family: request.key, identity: identity,
                    changed: request.subset == nil ? nil : Set(changed.keys), nowMs: nowMs)
            case (_, .failure(let error)):
                guard let family = request.family else { continue }
                failedQueries += 1
                if let age = held.keepAfterFailure(request.key, nowMs: nowMs, limitMs: staleLimitMs) {
                    status.warnings.append("\(family.name): showing the answer of \(Self.age(age)) ago; \(error.message)")
                } else {
                    status.warnings.append("\(family.name): no answer; \(error.message)")
                }
            }
        }
        for family in planned {
            guard let values = held.values(of: family.name) else { continue }
            answers.append(PageSynthesizer.Answer(family: family, values: values))
        }
        // The identities asked for are answered up to the scrape seen, unless a family failed (asked again).
        if failedQueries == 0 { held.answered((byIdentity.isEmpty ? scraped : changed).mapValues(\.ms)) }
        if failedQueries == requests.count {
            status.serverError = "every query failed: " + (upFailed ?? "no answer")
            finish(cost, started: started, targets: 0)
            return []
        }
        status.serverError = nil
        status.dataAgeSeconds = newest.map { max(0, Double(nowMs - $0) / 1000) }
        status.serverScrapeSeconds = scrapeIntervalSeconds
        let results = results(
            answers: answers, up: upSeries, upKnown: upFailed == nil, timeMs: nowMs,
            duration: (clock.now() - started).seconds)
        if status.isOld, let age = status.dataAgeSeconds {
            let scrapes = scrapeIntervalSeconds.map { " (it scrapes every \(Self.age(Int64($0 * 1000))))" } ?? ""
            status.warnings.append(
                "the newest samples are \(Self.age(Int64(age * 1000))) old: the server answers from "
                    + "the past (VictoriaMetrics: -search.latencyOffset) or its scrapes are late\(scrapes)")
        }
        finish(cost, started: started, targets: lastTargets.count)
        return results
    }

    // MARK: - Results

    private func results(
        answers: [PageSynthesizer.Answer], up: [[String: String]], upKnown: Bool, timeMs: Int64,
        duration: Double
    ) -> [ScrapeResult] {
        let identity = settings.identity
        var upByTarget: [String: Bool] = [:]
        for labels in up {
            guard let key = identity.key(labels) else { continue }
            upByTarget[key] = (upByTarget[key] ?? false) || labels["__up"] == "1"
            if let node = labels["node"] { nodes[key] = node }
            if let instance = labels["instance"] { addresses[key] = instance }
        }
        for fold in PrometheusIdentity.folds(up.map { $0.filter { $0.key != "__up" } }, identity: identity) {
            status.warnings.append(fold.warning(identity: identity))
        }
        for answer in answers {
            for (labels, _) in answer.values {
                guard let key = identity.key(labels) else { continue }
                if nodes[key] == nil, let node = labels["node"] { nodes[key] = node }
            }
        }
        let pages = PageSynthesizer.pages(answers, identity: identity)
        var output: [ScrapeResult] = []
        var seen = Set<String>()
        for (key, page) in pages.sorted(by: { $0.key < $1.key }) where !upKnown || upByTarget[key] != false {
            seen.insert(key)
            failures[key] = 0
            var result = ScrapeResult(target: key, timeMs: timeMs, durationSeconds: duration, page: page, node: node(key))
            result.givenRateWindowMs = Int64(windowSeconds) * 1000
            output.append(withPod(result, key: key))
        }
        for (key, up) in upByTarget.sorted(by: { $0.key < $1.key }) where !up {
            seen.insert(key)
            output.append(
                failure(
                    key, timeMs: timeMs, duration: duration,
                    error: "the server's last scrape of this target failed (up == 0)"))
        }
        for key in lastTargets.subtracting(seen).sorted() {
            output.append(
                failure(
                    key, timeMs: timeMs, duration: duration,
                    error: "no longer in the server's answer (target removed, or its series went stale)"))
        }
        lastTargets = seen
        return output
    }

    private func failure(_ target: String, timeMs: Int64, duration: Double, error: String) -> ScrapeResult {
        let count = (failures[target] ?? 0) + 1
        failures[target] = count
        return withPod(
            ScrapeResult(
                target: target, timeMs: timeMs, durationSeconds: duration, error: error,
                consecutiveFailures: count, node: node(target)), key: target)
    }

    /// With identity labels `pod` and `namespace`, the target is that pod (engines join their GPUs by it).
    private func withPod(_ result: ScrapeResult, key: String) -> ScrapeResult {
        let labels = settings.identity.labels
        guard let podIndex = labels.firstIndex(of: "pod") else { return result }
        let values = labels.count == 1 ? [key] : key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard values.count == labels.count else { return result }
        var result = result
        result.pod = values[podIndex]
        result.namespace = labels.firstIndex(of: "namespace").map { values[$0] }
        return result
    }

    /// The node of a target: the explicit map, else its `node` label, else the host of its address.
    private func node(_ target: String) -> String? {
        if let mapped = configuration.nodeMap[target] { return mapped }
        if let labelled = nodes[target] { return labelled }
        let address = addresses[target] ?? target
        if let mapped = configuration.nodeMap[address] { return mapped }
        let host = address.split(separator: ":").dropLast().joined(separator: ":")
        if let mapped = configuration.nodeMap[host] { return mapped }
        return host.isEmpty ? address : host
    }

    // MARK: - Discovery

    /// Asks which metric names the server has (so only those are queried) and how often it scrapes (for the
    /// rate window). Returns an error for the status when the server cannot be asked.
    private func discover(nowMs: Int64, cost: inout PrometheusQueryClient.Cost) async -> String? {
        let names = await client.get(
            "/api/v1/label/__name__/values",
            [("start", Self.seconds(nowMs - 3_600_000)), ("end", Self.seconds(nowMs))], cost: &cost)
        switch names {
        case .failure(let error):
            return "cannot list the server's metric names: \(error.message)"
        case .success(let bytes):
            guard let list = PrometheusResponse.strings(bytes) else {
                return "cannot list the server's metric names: not a Prometheus API answer"
            }
            presentNames = Set(list)
            discoveredAtMs = nowMs
        }
        // The raw samples of one target's `up` over the last minute tell the scrape interval (once a minute).
        guard scrapeIntervalSeconds == nil || nowMs - probedAtMs > 60_000 else { return nil }
        probedAtMs = nowMs
        let sample = PromQL.selector("up", matchers: [matchers]) + "[60s]"
        let query = "topk(1, count_over_time(\(sample)))"
        if case .success(let counted) = await client.query(
            "/api/v1/query", [("query", query), ("time", Self.seconds(nowMs))],
            timeout: 30, cost: &cost),
            let labels = counted.series.first?.labels
        {
            let one = PromQL.selector(
                "up",
                matchers: [matchers]
                    + labels.sorted { $0.key < $1.key }.map {
                        "\($0.key)=\"\(PromQL.quoted($0.value))\""
                    })
            if case .success(let raw) = await client.query(
                "/api/v1/query", [("query", one + "[60s]"), ("time", Self.seconds(nowMs))],
                timeout: 30, cost: &cost),
                let times = raw.series.first?.points.map(\.timeMs), times.count >= 2
            {
                let gaps = zip(times.dropFirst(), times).map { Double($0 - $1) / 1000 }.sorted()
                scrapeIntervalSeconds = gaps[gaps.count / 2]
            }
        }
        return nil
    }

    // MARK: - Sending

    /// One query of a refresh; `key` names its state between refreshes. With `subset`, only the identities
    /// whose first identity label has one of those values are asked for (those the server scraped since).
    private struct Request {
        var key: String
        var family: PrometheusFamily?
        var subset: [String]?
        var promql: String
    }

    /// Runs the requests, at most `concurrency` at once, each split into its shards; a query over the server's
    /// series limit is split further (up to 64 shards) and sent again.
    private func answer(
        _ requests: [Request], time: String, cost: inout PrometheusQueryClient.Cost
    ) async
        -> [Result<PrometheusResponse, PrometheusQueryError>]
    {
        var outcomes = [Result<PrometheusResponse, PrometheusQueryError>?](repeating: nil, count: requests.count)
        var pending = Array(requests.indices)
        while !pending.isEmpty {
            var jobs: [(request: Int, promql: String, timeout: Double)] = []
            for index in pending {
                let request = requests[index]
                let state = queries[request.key] ?? QueryState(timeoutSeconds: firstTimeout)
                queries[request.key] = state
                for shard in shards(request, count: state.shards) { jobs.append((index, shard, state.timeoutSeconds)) }
            }
            let answered = await client.instant(
                jobs.map { ($0.promql, $0.timeout) }, time: time, concurrency: Self.concurrency,
                cost: &cost)
            var byRequest: [Int: [(Result<PrometheusResponse, PrometheusQueryError>, Double)]] = [:]
            for (job, outcome) in zip(jobs, answered) { byRequest[job.request, default: []].append(outcome) }
            pending = []
            for (index, parts) in byRequest {
                let key = requests[index].key
                let slowest = parts.map(\.1).max() ?? 0
                if let failed = parts.first(where: { if case .failure = $0.0 { return true } else { return false } }),
                    case .failure(let error) = failed.0
                {
                    if PrometheusLimits.isOverSeriesLimit(error.message), let more = moreShards(key) {
                        queries[key]?.shards = more
                        pending.append(index)
                        continue
                    }
                    if PrometheusLimits.isTimeout(error.message) {
                        // Read before the assignment: an optional-chained assignment holds `queries` while its
                        // right side runs.
                        let doubled = min(Self.longestTimeoutSeconds, (queries[key]?.timeoutSeconds ?? 1) * 2)
                        queries[key]?.timeoutSeconds = doubled
                    }
                    outcomes[index] = .failure(
                        PrometheusQueryError(
                            message: PrometheusLimits.explain(
                                error.message,
                                shards: queries[key]?.shards ?? 1)))
                    continue
                }
                queries[key]?.lastDurationSeconds = slowest
                // Timeouts fit the server: three times what the last answer took, never under the configured one.
                queries[key]?.timeoutSeconds = min(Self.longestTimeoutSeconds, max(configuration.timeoutSeconds, 3 * slowest))
                var merged = PrometheusResponse(series: [], warnings: [])
                for case (.success(let response), _) in parts {
                    merged.series += response.series
                    merged.warnings += response.warnings
                }
                outcomes[index] = .success(merged)
            }
        }
        return outcomes.map { $0 ?? .failure(PrometheusQueryError(message: "not sent")) }
    }

    /// The first timeout of a query, before any answer tells how fast the server is: generous, since a refresh
    /// waits for its queries anyway and nothing is on screen yet.
    private var firstTimeout: Double { min(Self.longestTimeoutSeconds, max(configuration.timeoutSeconds, 30)) }

    /// The next shard count of a query over the series limit, or nil when it cannot be split further.
    private func moreShards(_ key: String) -> Int? {
        let current = queries[key]?.shards ?? 1
        guard key != "up", key != "timestamp(up)", current < 64, identityValues.count > current else { return nil }
        return min(current * 4, 64, identityValues.count)
    }

    /// The query text of each shard: the identities (all, or the request's subset) split in `count` even parts,
    /// each matched exactly.
    private func shards(_ request: Request, count: Int) -> [String] {
        guard count > 1 || request.subset != nil, request.family != nil, let label = settings.identity.labels.first else {
            return [request.promql]
        }
        let values = request.subset ?? identityValues
        // Each shard's matcher stays under `longestMatcherBytes`: VictoriaMetrics refuses a query over 16 KiB.
        let bytes = values.reduce(0) { $0 + $1.utf8.count + 1 }
        let parts = max(count, (bytes + Self.longestMatcherBytes - 1) / Self.longestMatcherBytes)
        let size = (values.count + parts - 1) / parts
        return stride(from: 0, to: values.count, by: max(1, size)).map { start in
            let part = Array(values[start..<min(start + size, values.count)])
            let extra = PromQL.oneOf(label, part)
            return request.promql.replacingOccurrences(of: "{__name__=", with: "{\(extra),__name__=")
        }
    }

    private func finish(_ cost: PrometheusQueryClient.Cost, started: Duration, targets: Int) {
        status.queries = cost.requests
        status.bytes = cost.bytes
        status.serverSeconds = cost.seconds
        status.refreshSeconds = (clock.now() - started).seconds
        status.targets = targets
    }

    // MARK: - History

    /// The history of `families` summed over the whole cluster (per `le` for a histogram), from `startMs` to
    /// `endMs` every `stepMs`: one range query per family the server has, each standing alone (one that fails
    /// leaves only its own chart empty, and says so in `status`). Indexed like `families`; nil where the
    /// family is not on the server or its query failed.
    package func backfill(
        _ families: [PrometheusFamily], startMs: Int64, endMs: Int64, stepMs: Int64
    ) async
        -> [[PrometheusSeries]?]
    {
        var cost = PrometheusQueryClient.Cost()
        let nowMs = clock.wallMs()
        if presentNames == nil, let error = await discover(nowMs: nowMs, cost: &cost) {
            status.serverError = error
            return families.map { _ in nil }
        }
        let present = families.indices.filter { (presentNames ?? []).contains(families[$0].sampleName) }
        let form: [(String, String)] = [
            ("start", Self.seconds(startMs)), ("end", Self.seconds(endMs)),
            ("step", String(format: "%.3fs", Double(max(1, stepMs)) / 1000)),
            ("timeout", "30s"), ("nocache", "1"),
        ]
        let client = self.client
        let window = windowSeconds
        let matchers = self.matchers
        var answers = [[PrometheusSeries]?](repeating: nil, count: families.count)
        await withTaskGroup(of: (Int, Result<PrometheusResponse, PrometheusQueryError>).self) { group in
            var next = 0
            func start() {
                guard next < present.count else { return }
                let index = present[next]
                next += 1
                let promql = PromQL.aggregate(families[index], keep: [], matchers: [matchers], windowSeconds: window)
                group.addTask {
                    let outcome = await client.post("/api/v1/query_range", form: [("query", promql)] + form, timeout: 31)
                    return (index, outcome.result)
                }
            }
            for _ in 0..<Self.concurrency { start() }
            for await (index, outcome) in group {
                switch outcome {
                case .success(let response):
                    answers[index] = response.series.map {
                        PrometheusSeries(labels: $0.labels, points: $0.points.map { ($0.timeMs, $0.value) })
                    }
                case .failure(let error):
                    historyWarnings.append("history of \(families[index].name) not loaded: \(error.message)")
                }
                start()
            }
        }
        status.warnings = historyWarnings
        return answers
    }

    // MARK: - Running

    /// Refreshes every interval until the task is cancelled; a refresh starts only when the one before it has
    /// ended, and the interval stretches to what the server allows (reported in `status`).
    package func run(sink: @Sendable ([ScrapeResult], PrometheusStatus) async -> Void) async {
        let interval = Duration.milliseconds(Int64(configuration.intervalSeconds * 1000))
        var periods: [Double] = []
        while !Task.isCancelled {
            let started = clock.now()
            if let lastStart {
                periods = Array((periods + [(started - lastStart).seconds]).suffix(5))
                let typical = periods.sorted()[periods.count / 2]
                status.stretchedIntervalSeconds = typical > configuration.intervalSeconds * 1.2 ? typical : nil
            }
            lastStart = started
            let results = await refresh()
            // A refresh cut short by the cancellation failed for that reason alone: not the server's failure.
            if Task.isCancelled { return }
            await sink(results, status)
            do { try await clock.sleep(max(interval - (clock.now() - started), .zero)) } catch { return }
        }
    }

    static func seconds(_ ms: Int64) -> String { String(format: "%.3f", Double(ms) / 1000) }

    static func age(_ ms: Int64) -> String {
        ms < 10_000 ? String(format: "%.1fs", Double(ms) / 1000) : "\(ms / 1000)s"
    }
}
