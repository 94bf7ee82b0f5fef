import ClusterModel
import TestSupport
import Testing

/// What `infertop snapshot` prints: errors that name source, line and column; the other sources still
/// load; the JSON keeps every key, in order, with `null` for absent values.
@Suite struct SnapshotOutputTests {
    @Test func badInputNamesSourceLineAndColumnAndTheRestStillLoads() throws {
        let good = try Fixtures.bytes(Fixtures.realScrape("dcgm-exporter-kops-l4.prom"))
        let result = PageLoader().load([
            PageInput(target: "bad", origin: "bad.prom", bytes: Array("ok_metric 1\nbroken{le=\"1\" 2\n".utf8)),
            PageInput(target: "llama", origin: "quoted.prom", bytes: Array("\"# HELP llamacpp:prompt_tokens_total\\n\"".utf8)),
            PageInput(target: "gpu", origin: "l4.prom", bytes: good),
        ])
        #expect(result.errors.contains { $0.hasPrefix("bad.prom: line 2, column ") })
        #expect(result.errors.contains { $0.hasPrefix("quoted.prom: not a metrics page: the body is a JSON-quoted string") })
        #expect(result.snapshot.gpus.count == 1)
        let quoted = try #require(result.snapshot.targets.first { $0.id == "llama" })
        #expect(!quoted.up)
        #expect(result.snapshot.instances.contains { $0.target == "llama" && $0.state == .unreachable })
    }

    @Test func pagesWithTimestampsUseThem() throws {
        let result = PageLoader(intervalMs: 1_000, startMs: 0).load([
            PageInput(target: "t", origin: "a", bytes: Array("# TYPE x_total counter\nx_total 10 5000\n".utf8)),
            PageInput(target: "t", origin: "b", bytes: Array("# TYPE x_total counter\nx_total 20 7000\n".utf8)),
        ])
        #expect(result.snapshot.timeMs == 7_000)
        let id = try #require(result.store.series(of: "t").first)
        #expect(result.store.points(id, fromMs: 0, toMs: 10_000).map(\.timeMs) == [5_000, 7_000])
    }

    @Test func jsonHasEveryKeyInOrderWithNulls() throws {
        var instance = EngineInstance(id: "i", target: "t", engine: .vllm, model: "m\n\"x\"")
        instance.running = 3
        let snapshot = ClusterSnapshot(timeMs: 42, gpus: [GPU(id: "n/0", node: "n", index: 0)], instances: [instance])
        let json = SnapshotJSON.text(snapshot)
        #expect(json.hasPrefix("{\n  \"version\": 1,\n  \"timeMs\": 42,\n  \"totals\": {"))
        #expect(json.contains("\"vramUsedBytes\": null"))
        #expect(json.contains("\"running\": 3,"))
        #expect(json.contains("\"model\": \"m\\n\\\"x\\\"\""))
        #expect(json.contains("\"ttft\": {\n        \"p50\": null"))
        let keys = [
            "\"version\"", "\"timeMs\"", "\"totals\"", "\"nodes\"", "\"gpus\"", "\"instances\"", "\"targets\"",
            "\"byModel\"", "\"byGPUType\"", "\"notes\"", "\"errors\"",
        ]
        let positions = keys.compactMap { json.range(of: "\n  \($0):")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func textShowsAbsentAsDashAndStripsControlCharacters() {
        let snapshot = ClusterSnapshot(timeMs: 0, instances: [EngineInstance(id: "i", target: "t\u{1b}[31m", engine: .tgi)])
        let text = SnapshotText.render(snapshot)
        #expect(text.contains("TGI"))
        #expect(text.contains("—"))
        #expect(!text.contains("\u{1b}"))
    }
}
