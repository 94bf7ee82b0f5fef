import ClusterModel
import Exposition
import Foundation
import Ingest
import Pipeline
import Simulator
import TestSupport
import Testing

/// What the live view reads is what the recording holds: the same bytes, times and health changes.
@Suite struct RecorderTests {
    @Test func recordsEveryScrapeAndHealthChange() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).rec").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = ScrapeRecorder(path: path, sources: ["simulator"], intervalSeconds: 1, version: "test")
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .steady, seed: 5))
        var written: [ScrapeResult] = []
        for _ in 0..<5 {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) {
                try recorder.record(result)
                written.append(result)
            }
        }
        let down = ScrapeResult(
            target: written[0].target, timeMs: simulator.nowMs + 1000, durationSeconds: 0,
            error: "connection refused")
        try recorder.record(down)
        try recorder.close()

        let reader = try RecordingReader(path: path)
        var scrapes: [RecordedScrape] = []
        var health: [RecordedHealth] = []
        for event in reader.events() {
            switch event {
            case .scrape(let scrape): scrapes.append(scrape)
            case .health(let event): health.append(event)
            }
        }
        let up = written.filter(\.isUp)
        #expect(scrapes.count == up.count)
        #expect(zip(scrapes, up).allSatisfy { $0.bytes == $1.body && $0.timeMs == $1.timeMs && $0.target == $1.target })
        #expect(health.last == RecordedHealth(target: down.target, timeMs: down.timeMs, up: false, error: "connection refused"))
        #expect(reader.damage == nil)
    }

    /// A llama.cpp server names its model only when asked, and a Kubernetes target's pod and node come from the
    /// configuration: none of it is on the pages. The recording keeps it with the health, so a replay, played
    /// or seeked, names and places the instance as the live view did, and a model changed by a restart follows.
    @Test func aReplayKnowsWhatTheLiveViewAskedAndWasTold() throws {
        let folder = try TemporaryFolder("facts")
        let path = folder.url.appendingPathComponent("facts.rec").path
        let recorder = ScrapeRecorder(path: path, sources: ["llama"], intervalSeconds: 1, version: "test")
        let bytes = try Fixtures.bytes(Fixtures.realScrape("llama-cpp-under-load-tiny512.prom"))
        let target = "http://10.0.0.7:8080/metrics"
        let start: Int64 = 1_767_225_600_000
        for second in 0..<20 {
            var result = ScrapeResult(
                target: target, timeMs: start + Int64(second) * 1000, durationSeconds: 0.01,
                body: bytes, page: ExpositionParser.parse(bytes))
            result.facts = TargetFacts(
                node: "gpu-7", pod: "llama-0", namespace: "serving",
                model: second < 12 ? "first-model" : "second-model")
            try recorder.record(result)
        }
        try recorder.close()
        let source = try ReplaySource.open(path: path)
        #expect(source.healthChangeTimesMs.isEmpty, "a change of facts is not a health change on the timeline")
        var player = ReplayPlayer(source: source, intervalMs: 1000)
        player.seek(toMs: start + 5_000)
        let early = try #require(player.pipeline.latest.instances.first)
        #expect(early.model == "first-model" && early.node == "gpu-7")
        #expect(early.pod == PodReference(namespace: "serving", name: "llama-0"))
        _ = player.play(toMs: start + 15_000)
        #expect(player.pipeline.latest.instances.first?.model == "second-model")
        player.seek(toMs: start + 18_000)
        #expect(player.pipeline.latest.instances.first?.model == "second-model")
    }
}
