import Exposition
import Foundation
@testable import Ingest
import Testing
import TestSupport

@Suite("Reading bodies and query answers")
struct PageReaderTests {
    @Test("bodies that are not exposition text say what they are")
    func notExposition() {
        let cases: [(String, String)] = [
            ("\"# HELP llamacpp:prompt_tokens_total ...\\n\"", "JSON-quoted"),
            ("<html><body>Login</body></html>", "HTML"),
            ("{{{ ]]] not metrics at all\n", "parse error"),
        ]
        for (body, expected) in cases {
            guard case .failure(let error) = PageReader.read(Array(body.utf8), contentType: "text/plain") else {
                Issue.record("accepted \(body)")
                continue
            }
            #expect(error.description.contains(expected), "\(error)")
        }
        #expect(throws: Never.self) { try PageReader.read([], contentType: nil).get() }
    }

    @Test("a real page reads whole; an OpenMetrics content type is honoured")
    func realPage() throws {
        let bytes = try Fixtures.bytes(Fixtures.realScrape("sglang-docs-llama31-8b.prom"))
        let page = try PageReader.read(bytes, contentType: "text/plain; version=0.0.4").get()
        #expect(page.family(named: "sglang:num_running_reqs") != nil)
        let openMetrics = "# TYPE q counter\nq_total 3\n# EOF\n"
        let parsed = try PageReader.read(Array(openMetrics.utf8), contentType: "application/openmetrics-text; version=1.0.0").get()
        #expect(parsed.format == .openMetrics)
        #expect(parsed.family(named: "q")?.samples.first?.value == 3)
    }

    @Test("query answers: vector, matrix, string values, and errors in the server's words")
    func responses() throws {
        let vector = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"a:1"},"value":[1795915485.962,"1"]},{"metric":{"__name__":"x"},"value":[1795915485.962,"NaN"]}]}}"#
        let decoded = try PrometheusResponse.decode(Array(vector.utf8), status: 200)
        #expect(decoded.series.count == 2)
        #expect(decoded.series[0].points.first?.timeMs == 1_795_915_485_962)
        #expect(decoded.series[1].points.first?.value.isNaN == true)
        let matrix = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"m"},"values":[[1,"+Inf"],[2,"-2.5e+06"]]}]}}"#
        #expect(try PrometheusResponse.decode(Array(matrix.utf8), status: 200).series[0].points.map(\.value) == [.infinity, -2.5e6])
        let error = #"{"status":"error","errorType":"bad_data","error":"1:8: parse error: unexpected \"(\""}"#
        #expect(throws: PrometheusQueryError(message: #"HTTP 400, bad_data: 1:8: parse error: unexpected "(""#)) {
            try PrometheusResponse.decode(Array(error.utf8), status: 400)
        }
        #expect(throws: PrometheusQueryError.self) { try PrometheusResponse.decode(Array("<html>".utf8), status: 502) }
    }

    @Test("synthesised pages look like a scrape: grouped by instance, buckets in le order, target labels dropped")
    func synthesis() {
        let family = PrometheusFamily("vllm", "vllm:ttft", .histogram)
        func value(_ name: String, _ le: String?, _ v: Double, instance: String = "a:1") -> PageSynthesizer.Value {
            var labels = ["__name__": name, "instance": instance, "job": "vllm", "model_name": "m", "exported_instance": "e"]
            if let le { labels["le"] = le }
            return PageSynthesizer.Value(labels: labels, value: v)
        }
        let values = [value("vllm:ttft_count", nil, 4), value("vllm:ttft_bucket", "+Inf", 4), value("vllm:ttft_bucket", "0.5", 3),
                      value("vllm:ttft_sum", nil, 1.5), value("vllm:ttft_bucket", "0.05", 1), value("other_metric", nil, 9, instance: "b:2")]
        let pages = PageSynthesizer.pages(from: values, families: [family])
        #expect(pages.keys.sorted() == ["a:1", "b:2"])
        let samples = pages["a:1"]?.family(named: "vllm:ttft")?.samples ?? []
        #expect(samples.map(\.name) == ["vllm:ttft_bucket", "vllm:ttft_bucket", "vllm:ttft_bucket", "vllm:ttft_sum", "vllm:ttft_count"])
        #expect(samples.prefix(3).map { $0.labels["le"] } == ["0.05", "0.5", "+Inf"])
        #expect(samples.first?.labels["job"] == nil)
        #expect(samples.first?.labels["instance"] == "e")
        #expect(pages["b:2"]?.family(named: "other_metric")?.type == .untyped)
    }
}
