import Exposition
import Foundation
import TestSupport
import Testing

/// `promtool check metrics` (Debian package `prometheus`) reads what the writer emits without errors.
///
/// promtool exits 3 for naming lint (e.g. "no help text") and 1 for a parse error; only parse errors fail.
@Suite struct PromtoolTests {
    private func check(_ bytes: [UInt8]) throws -> (status: Int32, output: String) {
        try Promtool.check(bytes)
    }

    @Test func writerOutputHasNoParseErrors() throws {
        let families = [
            MetricFamily(
                name: "vllm:request_success_total", type: .counter, help: "Finished \"ok\" \\ requests.\nSecond line.",
                samples: [
                    Sample(
                        name: "vllm:request_success_total",
                        labels: ["model_name": "m \"q\" \\ \n x", "finished_reason": "stop"], value: 12)
                ]),
            MetricFamily(
                name: "vllm:time_to_first_token_seconds", type: .histogram, help: "TTFT.",
                samples: [
                    Sample(name: "vllm:time_to_first_token_seconds_bucket", labels: ["engine": "0", "le": "0.1"], value: 1),
                    Sample(name: "vllm:time_to_first_token_seconds_bucket", labels: ["engine": "0", "le": "+Inf"], value: 3),
                    Sample(name: "vllm:time_to_first_token_seconds_sum", labels: ["engine": "0"], value: 0.75),
                    Sample(name: "vllm:time_to_first_token_seconds_count", labels: ["engine": "0"], value: 3),
                ]),
            MetricFamily(
                name: "tgi_request_duration", type: .summary, help: "Durations.",
                samples: [
                    Sample(name: "tgi_request_duration", labels: ["quantile": "0.5"], value: 0.2),
                    Sample(name: "tgi_request_duration_sum", value: 10),
                    Sample(name: "tgi_request_duration_count", value: 50),
                ]),
            MetricFamily(
                name: "DCGM_FI_DEV_FB_USED", type: .gauge, help: "Framebuffer memory used (in MiB).",
                samples: [
                    Sample(
                        name: "DCGM_FI_DEV_FB_USED", labels: ["gpu": "0", "Hostname": "node-1"], value: 74288,
                        timestampMs: 1_700_000_000_000),
                    Sample(name: "DCGM_FI_DEV_FB_USED", labels: ["gpu": "1", "Hostname": "node-1"], value: .nan),
                ]),
        ]
        let result = try check(ExpositionWriter.page(families, format: .text))
        #expect(result.status == 0 || result.status == 3, "\(result.output)")
        #expect(!result.output.contains("error"), "\(result.output)")
    }

    @Test func promtoolDoesRejectBrokenText() throws {
        let result = try check(Array("a{ 1\n".utf8))
        #expect(result.status == 1)
        #expect(result.output.contains("parsing error"))
    }
}
