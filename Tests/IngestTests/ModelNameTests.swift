import Exposition
import Foundation
import Testing

@testable import Ingest

/// Issue 15, item 6: a server whose metrics carry no model name (llama.cpp, TGI) is asked for it once, with an
/// engine-specific side request, and again after it restarts.
@Suite(.serialized) struct ModelNameTests {
    @Test func llamaCppIsAskedAtV1Models() async throws {
        let servers = try await PythonServers(["llama"])
        defer { servers.stop() }
        var configuration = IngestConfiguration()
        configuration.targets = [try ScrapeTarget(address: servers.url("llama"))]
        configuration.timeoutSeconds = 5
        let round = try ScrapeRound(configuration: configuration)
        let results = await round.read()
        await round.shutdown()
        #expect(results.first?.isUp == true, "\(results.first?.error ?? "")")
        #expect(results.first?.model == "tiny.gguf")
    }

    @Test func aPageThatNamesItsModelNeedsNoSideRequest() {
        let named = ExpositionParser.parse(Array("tgi_queue_size{model=\"m\"} 1\n".utf8))
        #expect(ModelNameSource.source(for: named) == nil)
        let bare = ExpositionParser.parse(Array("tgi_queue_size 1\n".utf8))
        #expect(ModelNameSource.source(for: bare)?.path == "/info")
        let dcgm = ExpositionParser.parse(Array("DCGM_FI_DEV_GPU_UTIL{gpu=\"0\"} 1\n".utf8))
        #expect(ModelNameSource.source(for: dcgm) == nil)
        let url = ModelNameSource.all[0].url(beside: URL(string: "http://h:8080/metrics?x=1")!)
        #expect(url?.absoluteString == "http://h:8080/v1/models")
    }

    @Test func theNameIsAskedAgainAfterAFailureOrWhenCountersGoDown() async throws {
        let page = { (tokens: Int) in
            ExpositionParser.parse(
                Array("# TYPE llamacpp:tokens_predicted_total counter\nllamacpp:tokens_predicted_total \(tokens)\n".utf8))
        }
        let servers = try await PythonServers(["llama"])
        defer { servers.stop() }
        let target = try ScrapeTarget(address: servers.url("llama"))
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        defer { Task { await fetcher.shutdown() } }
        var probe = ModelNameProbe()
        probe.observe(page(10))
        await probe.resolve(page(10), target: target, fetcher: fetcher, timeout: .seconds(5))
        #expect(probe.name == "tiny.gguf")
        probe.observe(page(20))
        #expect(probe.asksAgain == false)
        probe.observe(page(5))  // counters went down: a restart, perhaps with another model
        #expect(probe.asksAgain)
        await probe.resolve(page(5), target: target, fetcher: fetcher, timeout: .seconds(5))
        probe.observe(nil)  // a failed scrape
        #expect(probe.asksAgain)
    }
}
