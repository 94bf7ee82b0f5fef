import Foundation

/// The HTTP side of a Prometheus-compatible query API: instant and range queries as form POSTs, the list
/// endpoints as GETs, each answer decoded or turned into an error that names the server, and what the calls
/// cost (requests, answer bytes, seconds) summed for the status line. It holds no state between calls; what
/// to ask and when is `PrometheusSource`'s.
struct PrometheusQueryClient: Sendable {
    /// What calls cost: requests sent, answer bytes, the summed time of the requests.
    struct Cost {
        var requests = 0
        var bytes = 0
        var seconds = 0.0
    }

    /// The server's address as the user gave it (redacted in messages).
    let url: String
    let fetcher: HTTPFetcher
    let clock: IngestClock

    private var base: String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    /// Closes the connections; call once when done.
    func shutdown() async {
        await fetcher.shutdown()
    }

    /// Instant queries at `time`, `concurrency` at a time; each outcome comes with its time in seconds.
    /// `nocache` lifts VictoriaMetrics' holding back of its newest samples (`-search.latencyOffset`).
    func instant(
        _ jobs: [(promql: String, timeout: Double)], time: String, concurrency: Int, cost: inout Cost
    ) async
        -> [(Result<PrometheusResponse, PrometheusQueryError>, Double)]
    {
        var results = [(Result<PrometheusResponse, PrometheusQueryError>, Double)](
            repeating: (.failure(PrometheusQueryError(message: "not sent")), 0), count: jobs.count)
        var bytes = 0
        await withTaskGroup(of: (Int, Result<PrometheusResponse, PrometheusQueryError>, Double, Int).self) { group in
            var next = 0
            func start() {
                guard next < jobs.count else { return }
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask {
                    let began = clock.now()
                    let form = [
                        ("query", job.promql), ("time", time),
                        ("timeout", String(format: "%.0fs", job.timeout.rounded(.up))), ("nocache", "1"),
                    ]
                    let outcome = await post("/api/v1/query", form: form, timeout: job.timeout + 1)
                    return (index, outcome.result, (clock.now() - began).seconds, outcome.bytes)
                }
            }
            for _ in 0..<concurrency { start() }
            for await (index, outcome, seconds, size) in group {
                results[index] = (outcome, seconds)
                bytes += size
                start()
            }
        }
        cost.requests += jobs.count
        cost.bytes += bytes
        cost.seconds += results.map(\.1).reduce(0, +)
        return results
    }

    /// One POST to `path` (a query endpoint), counted in `cost`.
    func query(
        _ path: String, _ form: [(String, String)], timeout: Double, cost: inout Cost
    ) async
        -> Result<PrometheusResponse, PrometheusQueryError>
    {
        let began = clock.now()
        let outcome = await post(path, form: form + [("nocache", "1")], timeout: timeout)
        cost.requests += 1
        cost.bytes += outcome.bytes
        cost.seconds += (clock.now() - began).seconds
        return outcome.result
    }

    /// A GET of a list endpoint (`/api/v1/label/__name__/values`): the body when the server said yes.
    func get(
        _ path: String, _ parameters: [(String, String)], cost: inout Cost
    ) async
        -> Result<[UInt8], PrometheusQueryError>
    {
        let began = clock.now()
        defer {
            cost.requests += 1
            cost.seconds += (clock.now() - began).seconds
        }
        guard let address = URL(string: base + path + "?" + HTTPFetcher.formEncoded(parameters)) else {
            return .failure(PrometheusQueryError(message: "\(Redaction.url(url)) is not a valid URL"))
        }
        do {
            let fetched = try await fetcher.fetch(address, accept: "application/json", timeout: .seconds(30), anyStatus: true)
            cost.bytes += fetched.bytes.count
            if !(200..<300).contains(fetched.status) {
                do {
                    _ = try PrometheusResponse.decode(fetched.bytes, status: fetched.status)
                    return .failure(PrometheusQueryError(message: "HTTP \(fetched.status)"))
                } catch {
                    return .failure(error)
                }
            }
            return .success(fetched.bytes)
        } catch {
            return .failure(PrometheusQueryError(message: "\(Redaction.url(url)): \(error)"))
        }
    }

    /// A POST to `path` of the query API: the decoded answer and the size of the body.
    func post(
        _ path: String, form: [(String, String)], timeout: Double
    ) async
        -> (result: Result<PrometheusResponse, PrometheusQueryError>, bytes: Int)
    {
        guard let address = URL(string: base + path) else {
            return (.failure(PrometheusQueryError(message: "\(Redaction.url(url)) is not a valid URL")), 0)
        }
        do {
            let fetched = try await fetcher.fetch(
                address, accept: "application/json", timeout: .milliseconds(Int64(timeout * 1000)),
                anyStatus: true, form: form)
            do {
                return (.success(try PrometheusResponse.decode(fetched.bytes, status: fetched.status)), fetched.bytes.count)
            } catch {
                return (.failure(error), fetched.bytes.count)
            }
        } catch {
            return (.failure(PrometheusQueryError(message: "\(Redaction.url(base + path)): \(error)")), 0)
        }
    }
}
