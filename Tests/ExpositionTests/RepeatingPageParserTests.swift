import Exposition
import Foundation
import TestSupport
import Testing

/// The repeating parser must give exactly what the full parser gives for the same bytes, reuse the previous
/// page when only values changed, and fall back to a full parse on any other change.
@Suite struct RepeatingPageParserTests {
    /// `page` written again with every value changed by `tick` (the same lines, in the same order).
    static func ticked(_ page: ExpositionPage, _ tick: Int) -> [UInt8] {
        var families = page.families
        for f in families.indices {
            for s in families[f].samples.indices {
                let value = families[f].samples[s].value
                families[f].samples[s].value = value.isFinite ? value * 1.5 + Double(tick) : value
            }
        }
        return ExpositionWriter.page(families, format: page.format)
    }

    static func expectSame(_ got: ExpositionPage, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let want = ExpositionParser.parse(bytes)
        #expect(got.format == want.format, sourceLocation: sourceLocation)
        #expect(got.errorCount == want.errorCount, sourceLocation: sourceLocation)
        #expect(got.families.count == want.families.count, sourceLocation: sourceLocation)
        for (a, b) in zip(got.families, want.families) {
            #expect(
                a.name == b.name && a.type == b.type && a.help == b.help && a.unit == b.unit,
                sourceLocation: sourceLocation)
            #expect(a.samples.count == b.samples.count, sourceLocation: sourceLocation)
            for (x, y) in zip(a.samples, b.samples) where !x.isIdentical(to: y) {
                Issue.record("\(x) differs from the full parse's \(y)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    @Test(arguments: Fixtures.realScrapes.map(\.lastPathComponent))
    func realPagesWithNewValuesAreReusedAndExact(name: String) throws {
        let original = try Fixtures.bytes(Fixtures.realScrape(name))
        var parser = RepeatingPageParser()
        Self.expectSame(parser.parse(original), original)
        let base = ExpositionParser.parse(original)
        var pages: [ExpositionPage] = []  // kept alive, so the parser must not write into a page handed out
        for tick in 1...3 {
            let bytes = Self.ticked(base, tick)
            let page = parser.parse(bytes)
            Self.expectSame(page, bytes)
            pages.append(page)
        }
        // The first written page may differ from the file's layout (spacing, order of HELP and TYPE); the two
        // after it repeat it line for line.
        #expect(
            parser.reusedPages >= 2 && parser.reusedPages + parser.fullParses == 4, "\(name): \(parser.fullParses) full parses")
        for (tick, page) in pages.enumerated() { Self.expectSame(page, Self.ticked(base, tick + 1)) }
    }

    @Test func theSameBytesTwiceAreReused() throws {
        let bytes = try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom"))
        var parser = RepeatingPageParser()
        _ = parser.parse(bytes)
        Self.expectSame(parser.parse(bytes), bytes)
        #expect(parser.reusedPages == 1 && parser.fullParses == 1)
    }

    /// Values that change width move every line after them; each page must still be reused.
    @Test func valuesOfChangingWidthKeepBeingReused() {
        var parser = RepeatingPageParser()
        for (round, value) in ["1", "1000.5", "2", "3e-7", "NaN", "12345678901"].enumerated() {
            let bytes = Array(
                "# TYPE a gauge\na{x=\"1\"} \(value)\na{x=\"2\"} \(round)\n# TYPE b counter\nb_total \(value)\n".utf8)
            Self.expectSame(parser.parse(bytes), bytes)
        }
        #expect(parser.reusedPages == 5 && parser.fullParses == 1)
    }

    static let base = """
        # HELP requests_total Requests.
        # TYPE requests_total counter
        requests_total{model="a",code="200"} 10
        requests_total{model="a",code="500"} 1
        # TYPE queue gauge
        queue 3

        # TYPE latency histogram
        latency_bucket{le="0.1"} 1
        latency_bucket{le="+Inf"} 2
        latency_sum 0.3
        latency_count 2

        """

    /// One edit of `base`, and whether the page after it can reuse `base`'s lines.
    struct Change: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var reused: Bool
        var testDescription: String { name }

        init(_ name: String, reused: Bool = false, _ edit: (String) -> String) {
            self.name = name
            self.text = edit(RepeatingPageParserTests.base)
            self.reused = reused
        }

        static func replacing(_ name: String, _ old: String, _ new: String, reused: Bool = false) -> Change {
            Change(name, reused: reused) { $0.replacingOccurrences(of: old, with: new) }
        }

        static let all: [Change] = [
            replacing("values only", "} 10", "} 12", reused: true),
            replacing("an exponent and NaN", "queue 3", "queue NaN", reused: true),
            replacing("+Inf as a value", "} 2\n", "} +Inf\n", reused: true),
            replacing("a label value", "code=\"500\"", "code=\"503\""),
            Change("a line added") { $0 + "queue2 1\n" },
            replacing("a line removed", "queue 3\n", ""),
            replacing("a HELP text", "Requests.", "All requests."),
            replacing("a timestamp", "queue 3", "queue 3 1700000000000"),
            replacing("two blanks before a value", "queue 3", "queue  3"),
            replacing("a name that extends another", "queue 3", "queue_x 3"),
            replacing("a bad value", "queue 3", "queue three"),
            replacing("CRLF line ends", "\n", "\r\n"),
            Change("no final newline", reused: true) { String($0.dropLast()) },
        ]
    }

    /// Each change but the values must be parsed in full, and still come out right.
    @Test(arguments: Change.all)
    func changesOtherThanValuesAreParsedInFull(change: Change) {
        var parser = RepeatingPageParser()
        _ = parser.parse(Array(Self.base.utf8))
        let bytes = Array(change.text.utf8)
        Self.expectSame(parser.parse(bytes), bytes)
        #expect(parser.reusedPages == (change.reused ? 1 : 0), "\(change.name)")
        // Whatever happened, the next page with the same layout as this one is right too.
        Self.expectSame(parser.parse(bytes), bytes)
    }

    @Test func pagesWithErrorsOrExemplarsAreNeverReused() {
        let broken = Array((Self.base + "bad line here\n").utf8)
        let exemplar = Array("# TYPE a counter\na_total 1 # {trace_id=\"x\"} 1\n# EOF\n".utf8)
        for bytes in [broken, exemplar] {
            var parser = RepeatingPageParser()
            _ = parser.parse(bytes)
            Self.expectSame(parser.parse(bytes), bytes)
            #expect(parser.reusedPages == 0)
        }
    }

    @Test func familiesSplitAcrossThePageAreParsedInFull() {
        let split = Array("# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\na{x=\"1\"} 3\n".utf8)
        var parser = RepeatingPageParser()
        _ = parser.parse(split)
        Self.expectSame(parser.parse(split), split)
        #expect(parser.reusedPages == 0)
    }

    /// Random byte changes (seeded) anywhere in a page: every result equals the full parse.
    @Test func randomEditsAlwaysMatchTheFullParse() throws {
        let original = try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom"))
        var random = SplitMix(seed: 42)
        let alphabet = Array("0123456789.e+-{}\"= \n#abcNI".utf8)
        var parser = RepeatingPageParser()
        _ = parser.parse(original)
        for _ in 0..<200 {
            var bytes = original
            for _ in 0..<Int(random.next() % 3 + 1) {
                bytes[Int(random.next() % UInt64(bytes.count))] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            Self.expectSame(parser.parse(bytes), bytes)
            Self.expectSame(parser.parse(original), original)
        }
    }
}
