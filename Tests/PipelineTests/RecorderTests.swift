import Foundation
import Ingest
import Pipeline
import Simulator
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
        let down = ScrapeResult(target: written[0].target, timeMs: simulator.nowMs + 1000, durationSeconds: 0,
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
}
