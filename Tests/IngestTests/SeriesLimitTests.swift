import Exposition
import Foundation
import Testing

@testable import Ingest

/// Issue 14, class 4: a page with more series than a target may send is refused before it is parsed, and says
/// how many it had and what the limit is.
@Suite struct SeriesLimitTests {
    static func page(series: Int) -> [UInt8] {
        var text = "# HELP big A gauge with many series.\n# TYPE big gauge\n\n"
        for i in 0..<series { text += "big{i=\"\(i)\"} \(i)\n" }
        return Array(text.utf8)
    }

    @Test func aPageOverTheLimitIsRefusedNamingBothCounts() {
        guard case .failure(let error) = PageIntake.read(Self.page(series: 1001), contentType: nil, seriesLimit: 1000) else {
            Issue.record("a page over the limit was read")
            return
        }
        #expect(error == .overSeriesLimit(count: 1001, limit: 1000))
        #expect(error.description.hasPrefix("over series limit (1001 > 1000)"))
    }

    @Test func theShortestLinesThatCountAreCountedToo() {
        // One byte and a newline a line: the shortest body that can go over the limit is still counted.
        let lines = [UInt8](repeating: 0, count: 1001).flatMap { _ in Array("x\n".utf8) }
        guard case .failure(let error) = PageIntake.read(lines, contentType: nil, seriesLimit: 1000) else {
            Issue.record("a page over the limit was read")
            return
        }
        #expect(error == .overSeriesLimit(count: 1001, limit: 1000))
        if case .failure(.overSeriesLimit) = PageIntake.read(Array(lines.dropLast(2)), contentType: nil, seriesLimit: 1000) {
            Issue.record("a page at the limit was refused for its series")
        }
    }

    @Test func aPageAtTheLimitIsRead() throws {
        let page = try PageIntake.read(Self.page(series: 1000), contentType: nil, seriesLimit: 1000).get()
        #expect(page.sampleCount == 1000)
    }

    @Test func commentsBlankLinesAndCarriageReturnsAreNotSeries() {
        let text = "# TYPE a gauge\r\n\r\n  # indented comment\na 1\r\n\n\tb 2\nc 3"
        #expect(PageIntake.sampleLines(Array(text.utf8), stoppingAbove: .max) == 3)
        #expect(PageIntake.sampleLines(Array(text.utf8), stoppingAbove: 1) == 2)  // stops just past the limit
        #expect(PageIntake.sampleLines([], stoppingAbove: 10) == 0)
    }

    @Test func theLimitIsAConfigurationKeyWithARange() throws {
        #expect(try ConfigurationLoader.parse("series_limit: 500\n", file: "c.yaml").seriesLimit == 500)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse("series_limit: 0\n", file: "c.yaml") }
        #expect(IngestConfiguration().seriesLimit == IngestConfiguration.defaultSeriesLimit)
    }
}
