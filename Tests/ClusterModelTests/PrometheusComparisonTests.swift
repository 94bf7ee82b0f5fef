import ClusterModel
import Exposition
import Foundation
import MetricStore
import TestSupport
import Testing

/// infertop's rates and quantiles against a real Prometheus server's `rate()` and `histogram_quantile()`
/// over the same data: Prometheus scrapes successive generated pages; its raw samples (with its own
/// scrape times) are fed to infertop's store; both are evaluated at the same instant and window.
/// Agreement within a relative 1e-9 (both implement the same float arithmetic in a different order).
@Suite(.serialized) struct PrometheusComparisonTests {
    static let ticks = 6
    static let windowMs: Int64 = 3_500  // not a multiple of the 1 s interval, so no sample sits on an edge

    @Test(.timeLimit(.minutes(2))) func ratesAndQuantilesMatchPrometheus() async throws {
        let pages = try (1...Self.ticks).map { try GeneratedPages.page(nodes: 1, gpus: 2, vllmPerNode: 2, tick: $0) }
        let peer = try PrometheusPeer(pages: pages)
        defer { peer.stop() }
        let scraped = await Polling.until(timeout: .seconds(60), interval: .milliseconds(250)) {
            let result = try? await peer.query("count_over_time(vllm:generation_tokens_total[1m])")
            return result?.compactMap { Self.number($0["value"]) }.allSatisfy { $0 >= Double(Self.ticks) } == true
                && result?.isEmpty == false
        }
        try #require(scraped, "Prometheus did not scrape \(Self.ticks) pages in time; its log:\n\(peer.log)")

        // Prometheus' raw samples, with its scrape times.
        let raw = try await peer.query(#"{__name__=~"vllm:generation_tokens_total|vllm:time_to_first_token_seconds_bucket"}[1m]"#)
        var byTime: [Int64: [Sample]] = [:]
        for series in raw {
            guard var metric = series["metric"] as? [String: String], let values = series["values"] as? [[Any]],
                let name = metric.removeValue(forKey: "__name__")
            else { continue }
            let labels = Labels(metric.sorted { $0.key < $1.key }.map { Label($0.key, $0.value) })
            for point in values {
                guard let seconds = point.first as? Double, let value = Self.number(point.last) else { continue }
                byTime[Int64((seconds * 1000).rounded()), default: []].append(Sample(name: name, labels: labels, value: value))
            }
        }
        let times = byTime.keys.sorted()
        // Evaluate at the scrape of the last distinct page (later scrapes repeat it).
        let evaluation = times[min(Self.ticks - 1, times.count - 1)]
        var store = MetricStore()
        for time in times where time <= evaluation {
            let samples = byTime[time]!
            let page = ExpositionPage(
                format: .text,
                families: [
                    MetricFamily(
                        name: "vllm:generation_tokens_total", type: .counter,
                        samples: samples.filter { $0.name == "vllm:generation_tokens_total" }),
                    MetricFamily(
                        name: "vllm:time_to_first_token_seconds", type: .histogram,
                        samples: samples.filter { $0.name == "vllm:time_to_first_token_seconds_bucket" }),
                ])
            store.ingest(target: "prometheus", page: page, atMs: time)
        }
        var builder = ClusterBuilder(configuration: ModelConfiguration(rateWindowMs: Self.windowMs))
        let snapshot = builder.snapshot(from: store)
        let at = Double(evaluation) / 1000
        let range = "[\(Self.windowMs)ms]"
        var compared = 0

        // Every counter series, one by one.
        for entry in try await peer.query("rate(vllm:generation_tokens_total\(range))", at: at) {
            let metric = try #require(entry["metric"] as? [String: String])
            let id = try #require(
                store.series(of: "prometheus").first {
                    let info = store.info($0)
                    return info.name == "vllm:generation_tokens_total" && info.labels["instance"] == metric["instance"]
                })
            let ours = try #require(store.rate(id, windowMs: Self.windowMs, atMs: evaluation))
            #expect(Self.close(ours.perSecond, Self.number(entry["value"])), "rate \(metric)")
            compared += 1
        }
        // Per instance: summed rate and TTFT p90 from bucket rates.
        let quantiles = try await peer.query(
            "histogram_quantile(0.9, sum by (instance, le) (rate(vllm:time_to_first_token_seconds_bucket\(range))))", at: at)
        for entry in quantiles {
            let metric = try #require(entry["metric"] as? [String: String])
            let instance = try #require(snapshot.instances.first { $0.id.contains("|\(metric["instance"] ?? "?")|") })
            #expect(Self.close(instance.ttft.p90, Self.number(entry["value"])), "p90 \(metric)")
            compared += 1
        }
        // Cluster-wide: merged buckets of every instance.
        for (level, ours) in [(0.5, snapshot.totals.ttft.p50), (0.99, snapshot.totals.ttft.p99)] {
            let merged = try await peer.query(
                "histogram_quantile(\(level), sum by (le) (rate(vllm:time_to_first_token_seconds_bucket\(range))))", at: at)
            #expect(Self.close(ours, Self.number(merged.first?["value"])), "merged p\(level)")
            compared += 1
        }
        let total = try await peer.query("sum(rate(vllm:generation_tokens_total\(range)))", at: at)
        #expect(Self.close(snapshot.totals.generationTokensPerSecond, Self.number(total.first?["value"])))
        #expect(compared == 2 + 2 * snapshot.instances.count)
        #expect(snapshot.instances.count == 2)
    }

    /// Issue 15, item 2: two pages of a freshly started server (its counter near zero) give, as files, the
    /// increase over the time between them — what Prometheus' `rate()` over exactly that range gives, not the
    /// increase spread over two intervals.
    @Test(.timeLimit(.minutes(2))) func ratesOfFilesMatchPrometheusOverTheTimeTheyCover() async throws {
        let pages = ["llamacpp:tokens_predicted_total 100\n", "llamacpp:tokens_predicted_total 14570\n"].map { Array($0.utf8) }
        let peer = try PrometheusPeer(pages: pages)
        defer { peer.stop() }
        var points: [(timeMs: Int64, value: Double)] = []
        let scraped = await Polling.until(timeout: .seconds(60), interval: .milliseconds(250)) {
            let raw = try? await peer.query("llamacpp:tokens_predicted_total[1m]")
            points = (raw?.first?["values"] as? [[Any]] ?? []).compactMap { point in
                guard let seconds = point.first as? Double, let value = Self.number(point.last) else { return nil }
                return (Int64((seconds * 1000).rounded()), value)
            }
            return points.contains { $0.value == 14570 }
        }
        try #require(scraped, "Prometheus did not scrape both pages in time; its log:\n\(peer.log)")
        let first = try #require(points.first { $0.value == 100 })
        let second = try #require(points.first { $0.value == 14570 })
        var loader = PageLoader()
        loader.ratesOverPages = true
        let snapshot = loader.load([
            PageInput(target: "llama", origin: "a.prom", bytes: pages[0], timeMs: first.timeMs),
            PageInput(target: "llama", origin: "b.prom", bytes: pages[1], timeMs: second.timeMs),
        ]).snapshot
        let range = "[\(second.timeMs - first.timeMs)ms]"
        let theirs = try await peer.query("rate(llamacpp:tokens_predicted_total\(range))", at: Double(second.timeMs) / 1000)
        let ours = snapshot.instances.first?.generationTokensPerSecond
        #expect(Self.close(ours, Self.number(theirs.first?["value"])), "ours \(String(describing: ours)), theirs \(theirs)")
        #expect(abs((ours ?? 0) - 14_470 / (Double(second.timeMs - first.timeMs) / 1000)) < 1e-6)
    }

    /// A Prometheus value (`[time, "string"]`) as a number.
    static func number(_ any: Any?) -> Double? {
        if let pair = any as? [Any] { return number(pair.last) }
        if let text = any as? String { return Double(text) }
        return nil
    }

    static func close(_ ours: Double?, _ theirs: Double?) -> Bool {
        guard let ours, let theirs else { return false }
        return abs(ours - theirs) <= 1e-9 * max(abs(theirs), 1e-12)
    }
}
