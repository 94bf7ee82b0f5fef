import Exposition
import Foundation
import TestSupport
import Testing

/// Every real scrape in `Tests/Fixtures/metrics` parses without a single error.
@Suite struct RealScrapeTests {
    @Test(arguments: Fixtures.realScrapes.map(\.lastPathComponent))
    func parsesWithoutErrors(file: String) throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape(file)))
        #expect(page.errors == [], "\(file): \(page.errors)")
        #expect(page.sampleCount > 0 || file.contains("zero"))
    }

    @Test func vllmHistogramKeepsBucketsInOrder() throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")))
        let ttft = try #require(page.family(named: "vllm:time_to_first_token_seconds"))
        #expect(ttft.type == .histogram)
        let bounds = ttft.samples.filter { $0.name.hasSuffix("_bucket") }.compactMap { $0.labels["le"] }
        #expect(bounds.first == "0.001")
        #expect(bounds.last == "+Inf")
        #expect(ttft.samples.contains { $0.name == "vllm:time_to_first_token_seconds_count" })
        #expect(ttft.samples.allSatisfy { $0.labels["model_name"] == "Qwen/Qwen2.5-0.5B-Instruct" })
    }

    @Test func iterationTokensTotalIsAHistogramNotACounter() throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")))
        let family = try #require(page.family(named: "vllm:iteration_tokens_total"))
        #expect(family.type == .histogram)
        #expect(family.samples.contains { $0.name == "vllm:iteration_tokens_total_bucket" })
        #expect(page.family(named: "vllm:iteration_tokens_total_bucket") == nil)
    }

    @Test func helpWithTrailingSpaceIsKeptVerbatim() throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")))
        #expect(page.families.contains { $0.help?.hasSuffix(" ") == true })
    }

    @Test func histogramWithoutSamplesIsAFamily() throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")))
        let family = try #require(page.family(named: "http_request_duration_seconds"))
        #expect(family.type == .histogram)
    }

    @Test func dcgmFieldsWithoutHelp() throws {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("dcgm-exporter-ericsson-t4-nohelp.prom")))
        #expect(page.errors.isEmpty)
        #expect(page.families.allSatisfy { $0.help == nil })
    }

    /// The same families, types and sample counts as Python's `prometheus_client` parser on each file.
    @Test(arguments: Fixtures.realScrapes.map(\.lastPathComponent))
    func agreesWithPrometheusClient(file: String) throws {
        let url = Fixtures.realScrape(file)
        let python = try PythonPeer.summary(of: url)
        let page = ExpositionParser.parse(try Fixtures.bytes(url))
        let ours = PythonPeer.normalize(page)
        #expect(
            ours == python,
            "\(file): infertop \(ours.subtracting(python).sorted()) vs prometheus_client \(python.subtracting(ours).sorted())")
    }
}
