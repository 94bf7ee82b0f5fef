import Exposition
import Foundation
import Ingest
import TestSupport
import Testing

@Suite("Scraper against a real exporter library")
struct ScraperLiveTests {
    @Test("prometheus_client's vLLM-like metrics arrive with their values")
    func prometheusClient() async throws {
        let servers = try await PythonServers(["vllm"])
        defer { servers.stop() }
        let target = servers.url("vllm")
        let (log, met) = try await ScrapeHarness.run([target]) { await $0.successes(for: target) >= 2 }
        #expect(met)
        let result = try #require(await log.last(for: target))
        try Self.checkVLLMValues(try #require(result.page))
        #expect(result.node == "127.0.0.1")
        #expect(result.durationSeconds > 0 && result.durationSeconds < 1)
    }

    @Test("https with a self-signed certificate: refused by default, up with --ca-file or --insecure")
    func tls() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try SelfSignedCertificate(in: folder)
        let cert = certificate.cert
        let servers = try await PythonServers(["vllm-tls"], cert: cert, key: certificate.key)
        defer { servers.stop() }
        let target = servers.url("vllm-tls", scheme: "https")

        let (untrusted, _) = try await ScrapeHarness.run([target]) { await $0.results(for: target).count >= 1 }
        let error = try #require(await untrusted.last(for: target)?.error)
        #expect(error.contains("TLS"), "\(error)")

        let (trusted, met) = try await ScrapeHarness.run([target], configure: { $0.tls.caFile = cert }) {
            await $0.successes(for: target) >= 1
        }
        #expect(met)
        try Self.checkVLLMValues(try #require(await trusted.last(for: target)?.page))

        let (insecure, metInsecure) = try await ScrapeHarness.run([target], configure: { $0.tls.insecure = true }) {
            await $0.successes(for: target) >= 1
        }
        #expect(metInsecure)
        #expect(await insecure.last(for: target)?.isUp == true)
    }

    @Test("a file:// target is re-read every interval")
    func fileTarget() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).prom")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("queue_depth 1\n".utf8).write(to: file)
        let target = "file://" + file.path
        let (log, met) = try await ScrapeHarness.run([target]) { log in
            if await log.successes(for: target) == 1 { try? Data("queue_depth 2\n".utf8).write(to: file) }
            return await log.last(for: target)?.page?.family(named: "queue_depth")?.samples.first?.value == 2
        }
        #expect(met)
        #expect(await log.results(for: target).allSatisfy(\.isUp))
    }

    @Test("targets listed in a file_sd file are scraped, and a target added to the file joins")
    func fileSD() async throws {
        let servers = try await PythonServers(["vllm", "page"], page: Fixtures.realScrape("dcgm-exporter-kops-l4.prom"))
        defer { servers.stop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sd-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = "127.0.0.1:\(servers.ports["vllm"] ?? 0)"
        let second = "127.0.0.1:\(servers.ports["page"] ?? 0)"
        try Data(#"[{"targets": ["\#(first)"], "labels": {"node": "gpu-a", "role": "engine"}}]"#.utf8).write(to: file)
        let (log, met) = try await ScrapeHarness.run([], configure: { $0.fileSDPaths = [file.path] }) { log in
            if await log.successes(for: "http://\(first)/metrics") == 1 {
                try? Data(#"[{"targets": ["\#(first)", "\#(second)"]}]"#.utf8).write(to: file)
            }
            return await log.successes(for: "http://\(second)/metrics") >= 1
        }
        #expect(met)
        let engine = try #require(await log.results(for: "http://\(first)/metrics").first)
        #expect(engine.node == "gpu-a")
        #expect(engine.role == "engine")
    }

    /// The values `test_servers.py` sets in its registry.
    static func checkVLLMValues(_ page: ExpositionPage) throws {
        let model: Labels = ["engine": "0", "model_name": "Qwen/Qwen2.5-0.5B"]
        func value(_ family: String, _ sample: String, _ extra: [String: String] = [:]) -> Double? {
            page.family(named: family)?.samples.first { sampleValue in
                sampleValue.name == sample && extra.allSatisfy { sampleValue.labels[$0.key] == $0.value }
                    && sampleValue.labels["model_name"] == model["model_name"]
            }?.value
        }
        #expect(value("vllm:num_requests_running", "vllm:num_requests_running") == 3)
        #expect(value("vllm:num_requests_waiting", "vllm:num_requests_waiting") == 2)
        #expect(value("vllm:kv_cache_usage_perc", "vllm:kv_cache_usage_perc") == 0.42)
        #expect(value("vllm:generation_tokens_total", "vllm:generation_tokens_total") == 12345)
        #expect(page.family(named: "vllm:time_to_first_token_seconds")?.type == .histogram)
        let ttft = "vllm:time_to_first_token_seconds"
        #expect(value(ttft, ttft + "_bucket", ["le": "0.05"]) == 3)
        #expect(value(ttft, ttft + "_bucket", ["le": "+Inf"]) == 7)
        #expect(value(ttft, ttft + "_count") == 7)
        let sum = try #require(value(ttft, ttft + "_sum"))
        #expect(abs(sum - 3.234) < 1e-9)
    }
}
