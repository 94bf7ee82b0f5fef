import ClusterModel
import Exposition
import Foundation
import Ingest
import Pipeline
import TestSupport
import Testing

/// One intake (issue 17): a body is refused for the same reasons with the same words whether it was scraped,
/// recorded and replayed, or read from a file, so a fix to intake is made once. Before, a recording or a file
/// holding a page of a million series, an HTML error page or a llama.cpp JSON-quoted page was parsed as it was.
@Suite struct PageIntakeTests {
    static let good = Array("# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running{model_name=\"m\"} 3\n".utf8)
    /// Bodies every reader refuses, with the words of the refusal.
    static let refused: [(name: String, body: [UInt8], says: String)] = [
        ("html", Array("<html><body>502 Bad Gateway</body></html>".utf8), "looks like HTML"),
        ("quoted", Array("\"# HELP llamacpp:prompt_tokens_total\\n\"".utf8), "JSON-quoted"),
        ("binary", [0x1f, 0x8b, 0x00, 0x04], "NUL byte at offset 2"),
        (
            "huge", Array((0..<(PageIntake.defaultSeriesLimit + 1)).map { "s\($0) 1\n" }.joined().utf8),
            "over series limit (\(PageIntake.defaultSeriesLimit + 1) > \(PageIntake.defaultSeriesLimit))"
        ),
    ]

    @Test func aFileIsRefusedAsAScrapeIs() {
        var parser = RepeatingPageParser()
        for (name, body, says) in Self.refused {
            let scraped = ScrapeResult.reading(body, target: name, timeMs: 0, durationSeconds: 0, parser: &parser)
            let loaded = PageLoader().load([
                PageInput(target: name, origin: "\(name).prom", bytes: body),
                PageInput(target: "good", origin: "good.prom", bytes: Self.good),
            ])
            #expect(scraped.page == nil && scraped.error?.contains(says) == true, "\(name): \(scraped.error ?? "taken")")
            #expect(loaded.errors == ["\(name).prom: \(scraped.error ?? "")"], "\(name): \(loaded.errors)")
            #expect(loaded.snapshot.targets.first { $0.id == name }?.up == false)
            #expect(loaded.snapshot.instances.contains { $0.target == "good" && $0.running == 3 }, "the other file still loads")
        }
    }

    @Test func aRecordedPageIsRefusedAsAScrapeIs() throws {
        let folder = try TemporaryFolder("intake")
        let path = folder.path("refused.rec")
        let recorder = ScrapeRecorder(path: path, sources: ["test"], intervalSeconds: 1, version: "test")
        for second in 0..<3 {
            let timeMs = 1_800_000_000_000 + Int64(second) * 1000
            try recorder.record(
                ScrapeResult(
                    target: "good", timeMs: timeMs, durationSeconds: 0.01, body: Self.good,
                    page: ExpositionParser.parse(Self.good)))
            for (name, body, _) in Self.refused {
                // Recorded as if a scrape had taken them: a crafted or older recording can hold anything.
                try recorder.record(
                    ScrapeResult(
                        target: name, timeMs: timeMs, durationSeconds: 0.01, body: body,
                        page: ExpositionPage(format: .text)))
            }
        }
        try recorder.close()
        let source = try ReplaySource.open(path: path)
        var player = ReplayPlayer(source: source, intervalMs: source.intervalMs)
        _ = player.play(toMs: .max)
        let picture = player.pipeline.latest
        var parser = RepeatingPageParser()
        for (name, body, says) in Self.refused {
            let status = try #require(player.pipeline.store.status(of: name), "\(name) was never ingested")
            let scraped = ScrapeResult.reading(body, target: name, timeMs: 0, durationSeconds: 0, parser: &parser)
            #expect(
                !status.up && status.lastError == scraped.error && status.lastError?.contains(says) == true,
                "\(name): \(status.lastError ?? "up")")
        }
        #expect(picture.instances.contains { $0.target == "good" && $0.running == 3 })
    }
}
