import ClusterModel
import Exposition
import Foundation
import Ingest
import MetricStore
import Pipeline
import TestSupport
import Testing

/// Issue 15: infertop against a real llama.cpp `llama-server` (CPU, a tiny model made at test time) under a load
/// the test drives and counts itself (`LlamaLoad`), read through the live path: the scraper (with its side
/// request for the model's name), the store, the dialect and the frames the dashboard shows.
///
/// Tolerances, and why:
/// - running and waiting equal the page's gauges exactly; their sum lies between the requests the clients had open
///   for the whole scrape and those open at any moment of it, 0.1 s either side (the server reads its gauges
///   somewhere in the scrape, and clients between two requests hold none for a moment).
/// - generation and prompt tokens/s over the 10 s window: within 5 % and 15 % of what the clients received over
///   the same window. The clients' clock and the server's differ by the time a token takes to arrive and a
///   scrape to be answered (tens of ms on a loaded 2-core machine, against a 9 s span) and Prometheus'
///   extrapolation stretches the sampled span to the window; prompt tokens come a whole request at a time
///   (60–100 tokens), so the requests at the window's edges weigh more.
/// - the mean time per output token over a window: within 5 % of llama.cpp's own per-request timings of the
///   requests that ended in it (which request falls on which side of a scrape is up to a few ms). Over the
///   whole run, where no request is on an edge: within 0.2 %, while the counters' time ÷ tokens (dividing by n,
///   not n − 1 steps) is about 1 % off.
/// - the counters after the load: exactly the clients' totals; decode calls × busy slots per decode within
///   0.05 tokens a thousand (the gauge is printed with 6 significant digits).
@Suite(.serialized) struct LlamaServerEndToEndTests {
    static let alias = "infertop-e2e-tiny"
    static let clients = 6
    static let slots = 4

    /// The live path in one place: every scrape goes into the pipeline and a frame is taken right after it.
    actor Watch {
        private var pipeline: ClusterPipeline
        private(set) var seen: [(result: ScrapeResult, snapshot: ClusterSnapshot)] = []

        init(configuration: IngestConfiguration) {
            pipeline = ClusterPipeline(store: configuration.storeConfiguration, model: configuration.modelConfiguration)
        }

        func add(_ result: ScrapeResult) {
            pipeline.ingest(result)
            seen.append((result, pipeline.frame()))
        }

        var count: Int { seen.count }
        var latest: ClusterSnapshot? { seen.last?.snapshot }
    }

    /// Scrapes `url` every second into a `Watch` until `body` returns.
    static func watching<T>(_ url: URL, _ body: (Watch) async throws -> T) async throws -> T {
        let configuration = IngestConfiguration(
            targets: [try ScrapeTarget(address: url.absoluteString)], intervalSeconds: 1,
            timeoutSeconds: 3)
        let watch = Watch(configuration: configuration)
        let scraper = try Scraper(configuration: configuration) { await watch.add($0) }
        await scraper.start()
        do {
            let value = try await body(watch)
            await scraper.stop()
            return value
        } catch {
            await scraper.stop()
            throw error
        }
    }

    /// Waits (bounded) until the watch has seen `count` more scrapes.
    static func scrapes(_ count: Int, more watch: Watch, within timeout: Duration = .seconds(60)) async throws {
        let target = await watch.count + count
        let reached = await Polling.until(timeout: timeout, interval: .milliseconds(100)) { await watch.count >= target }
        guard reached else { throw LlamaServerPeer.Failure("fewer than \(count) scrapes within \(timeout)") }
    }

    static func raw(_ page: ExpositionPage?, _ name: String) -> Double? {
        page?.families.first { $0.name == "llamacpp:" + name }?.samples.first?.value
    }

    @Test(
        .enabled(if: LlamaServerPeer.binary != nil, Comment(rawValue: LlamaServerPeer.absentReason)),
        .timeLimit(.minutes(10)))
    func figuresUnderACountedLoadAreTheClients() async throws {
        let folder = try TemporaryFolder("llama-e2e")
        let model = try LlamaServerPeer.makeModel(in: folder.url)
        let server = try LlamaServerPeer(model: model, alias: Self.alias, folder: folder.url, slots: Self.slots)
        defer { server.stop() }
        try await server.ready()
        let (seen, load) = try await Self.watching(server.metricsURL) { watch in
            try await Self.scrapes(3, more: watch)
            let load = try await LlamaLoad.run(against: server.baseURL, clients: Self.clients, seconds: 16, folder: folder.url)
            try await Self.scrapes(3, more: watch)
            return (await watch.seen, load)
        }
        let loadStart = try #require(load.requests.map(\.sent).min())
        let loadEnd = try #require(load.requests.map(\.done).max())
        var report: [String] = []

        // Every scrape answered, every frame shows the model by the name its API gives, as a ready llama.cpp engine.
        for (result, snapshot) in seen {
            #expect(result.error == nil, "\(result.error ?? "")")
            let instance = try #require(snapshot.instances.first, "no instance in a frame: \(snapshot.notes)")
            #expect(snapshot.instances.count == 1 && instance.engine == .llamacpp)
            #expect(instance.model == Self.alias)
            #expect(instance.state == .ready)
            // Running and waiting are the page's own gauges; and between the requests the server surely held for
            // the whole scrape and those the clients had open at any moment of it (the server read its gauges
            // somewhere in between, and a client that just got one answer has not sent its next one yet), the
            // scrape widened by 0.1 s either side, which only loosens both bounds.
            let page = result.page
            #expect(instance.running == Self.raw(page, "requests_processing"))
            #expect(instance.waiting == Self.raw(page, "requests_deferred"))
            let from = Double(result.timeMs) / 1000 - 0.1
            let to = Double(result.timeMs) / 1000 + result.durationSeconds + 0.1
            let surely = load.openThroughout(from: from, to: to)
            let atMost = load.openDuring(from: from, to: to)
            let held = Int((instance.running ?? 0) + (instance.waiting ?? 0))
            #expect(surely <= held && held <= atMost, "running+waiting \(held), clients had \(surely)…\(atMost) open")
            #expect((instance.running ?? 0) <= Double(Self.slots))
        }
        let last = try #require(seen.last?.snapshot.instances.first)
        #expect(last.running == 0 && last.waiting == 0)

        // Rates over the window, against the clients' counts over the same window, in steady load.
        let window = try #require(seen.last?.snapshot.rateWindowMs)
        var checked = 0
        for (index, (result, snapshot)) in seen.enumerated() {
            let end = Double(result.timeMs) / 1000
            let start = end - Double(window) / 1000
            guard start > loadStart + 0.5, end < loadEnd - 0.5 else { continue }
            let instance = try #require(snapshot.instances.first)
            // The span the samples in the window cover: what the clients' counts are taken over.
            let first = try #require(seen[...index].first { Double($0.result.timeMs) / 1000 >= start })
            let from = Double(first.result.timeMs) / 1000
            let generated = Double(load.generatedTokens(from: from, to: end)) / (end - from)
            let gen = try #require(instance.generationTokensPerSecond)
            #expect(abs(gen - generated) / generated < 0.05, "gen \(gen) tok/s, clients \(generated)")
            let prompted = Double(load.promptTokens(from: from, to: end)) / (end - from)
            let prompt = try #require(instance.promptTokensPerSecond)
            #expect(abs(prompt - prompted) / prompted < 0.15, "prompt \(prompt) tok/s, clients \(prompted)")
            let itl = try #require(instance.interTokenLatency)
            let ownTimings = try #require(load.meanTimePerOutputToken(from: from, to: end))
            #expect(
                itl.isMean && abs(itl.seconds - ownTimings) / ownTimings < 0.05, "ITL μ \(itl.seconds), timings \(ownTimings)")
            let batch = try #require(instance.batchSize)
            #expect(batch > 1 && batch <= Double(Self.slots) * (1 + 1e-5), "batch \(batch)")  // the gauge has 6 digits
            report.append(
                String(
                    format: "t+%.0fs gen %.0f/%.0f prompt %.0f/%.0f itl %.3f/%.3f ms batch %.2f",
                    end - loadStart, gen, generated, prompt, prompted, itl.seconds * 1000,
                    ownTimings * 1000, batch))
            checked += 1
        }
        #expect(checked >= 3, "only \(checked) frames had a full window inside the load")

        // The counters after the load are the clients' totals.
        let before = seen.first?.result.page
        let after = seen.last?.result.page
        func delta(_ name: String) -> Double? {
            guard let a = Self.raw(before, name), let b = Self.raw(after, name) else { return nil }
            return b - a
        }
        #expect(delta("tokens_predicted_total") == Double(load.totalPredicted))
        #expect(delta("prompt_tokens_total") == Double(load.totalPromptProcessed))
        #expect(delta("prompt_tokens_cached_total") == Double(load.totalPromptCached))
        let decoded = try #require(
            Self.raw(after, "n_decode_total").flatMap { calls in
                Self.raw(after, "n_busy_slots_per_decode").map { calls * $0 }
            })
        #expect(
            abs(decoded - Double(load.totalPredicted)) <= 5e-5 * Double(load.totalPredicted),
            "decode calls × busy slots \(decoded), clients \(load.totalPredicted) tokens")

        // Over the whole run no request sits on an edge: the mean is llama.cpp's own per-step figure.
        let span = try #require(seen.last).result.timeMs - (try #require(seen.first)).result.timeMs
        var whole = ClusterPipeline(
            store: StoreConfiguration(retentionMs: span + 60_000, scrapeIntervalMs: 1_000),
            model: ModelConfiguration(rateWindowMs: span + 500))
        for (result, _) in seen { whole.ingest(result) }
        let overall = try #require(whole.frame().instances.first)
        let itl = try #require(overall.itlMean)
        let steps = try #require(load.meanTimePerOutputToken())
        let perToken = try #require(load.meanTimePerGeneratedToken)
        #expect(abs(itl - steps) / steps < 0.002, "ITL μ \(itl) over the run; timings \(steps) per step, \(perToken) per token")
        #expect(abs(itl - perToken) / perToken > 0.004, "the mean still divides by n tokens: \(itl) vs \(perToken)")
        let prefill = try #require(overall.prefillTokensPerSecond)
        let rawPrefill = try #require(delta("prompt_tokens_total")) / (try #require(delta("prompt_seconds_total")))
        #expect(abs(prefill - rawPrefill) / rawPrefill < 1e-6)
        #expect(overall.prefixCacheHitRate == 0)
        #expect(overall.maxSequenceTokens == Self.raw(after, "n_tokens_max"))

        let text = SnapshotText.render(try #require(seen.last).snapshot)
        #expect(text.contains(Self.alias) && text.contains("rates over 10s"))
        print(
            "llama.cpp e2e: \(load.requests.count) requests, \(load.totalPredicted) tokens generated, "
                + "\(load.totalPromptProcessed) prompt tokens in \(String(format: "%.1f", loadEnd - loadStart)) s; "
                + "ITL μ over the run \(String(format: "%.4f", itl * 1000)) ms vs timings "
                + "\(String(format: "%.4f", steps * 1000)) ms (per token \(String(format: "%.4f", perToken * 1000)) ms)\n  "
                + report.joined(separator: "\n  "))
    }

    @Test(
        .enabled(if: LlamaServerPeer.binary != nil, Comment(rawValue: LlamaServerPeer.absentReason)),
        .timeLimit(.minutes(10)))
    func aServerStartedAgainIsAskedForItsModelAgain() async throws {
        let folder = try TemporaryFolder("llama-restart")
        let model = try LlamaServerPeer.makeModel(in: folder.url)
        let first = try LlamaServerPeer(model: model, alias: "first-model", folder: folder.url, slots: 2)
        defer { first.stop() }
        try await first.ready()
        let port = first.port
        let seen = try await Self.watching(first.metricsURL) { watch in
            try await Self.scrapes(2, more: watch)
            _ = try await LlamaLoad.run(against: first.baseURL, clients: 2, seconds: 2, folder: folder.url)
            try await Self.scrapes(1, more: watch)
            first.stop()
            let down = await Polling.until(timeout: .seconds(30), interval: .milliseconds(100)) {
                await watch.latest?.instances.first?.state == .unreachable
            }
            #expect(down, "the stopped server was never shown unreachable")
            // The same address, another process, another model.
            let second = try LlamaServerPeer(model: model, alias: "second-model", folder: folder.url, port: port, slots: 2)
            defer { second.stop() }
            try await second.ready()
            let named = await Polling.until(timeout: .seconds(60), interval: .milliseconds(100)) {
                await watch.latest?.instances.first?.model == "second-model"
            }
            let shown = await watch.latest?.instances.map { "\($0.model ?? "—") \($0.state)" } ?? []
            #expect(named, "the new model's name never showed: \(shown)")
            try await Self.scrapes(2, more: watch)
            return await watch.seen
        }
        // Before the restart the first name; from the new server's first page on, the second one (asked at once).
        let downAt = try #require(seen.firstIndex { $0.result.error != nil })
        #expect(seen[..<downAt].allSatisfy { $0.snapshot.instances.first?.model == "first-model" })
        let backAt = try #require(seen[downAt...].firstIndex { $0.result.error == nil })
        for (_, snapshot) in seen[backAt...] {
            #expect(snapshot.instances.first?.model == "second-model")
            #expect(snapshot.instances.first?.state != .unreachable)
        }
    }
}
