import Exposition
import TestSupport
import Testing

/// Bad input: each bad line names its line, column and what was expected; good lines are kept.
@Suite struct MalformedInputTests {
    private func onlyError(_ text: String) -> ParseError? {
        let page = ExpositionParser.parse(text)
        #expect(page.errors.count == 1, "\(page.errors)")
        return page.errors.first
    }

    @Test(
        arguments: [
            ("m{a=\"1\" 2", 1, 9, "expected ',' or '}'"),
            ("m{a=1} 2", 1, 5, "expected '\"' to start the value of label \"a\""),
            ("m{a\"1\"} 2", 1, 4, "expected '=' after label name \"a\""),
            ("m{a=\"1\",,b=\"2\"} 3", 1, 9, "expected a label name or '}'"),
            ("m{a=\"1\" b=\"2\"} 3", 1, 9, "expected ',' or '}'"),
            ("m{a=\"1\",a=\"2\"} 3", 1, 9, "appears twice"),
            ("m abc", 1, 3, "expected a number"),
            ("m", 1, 2, "expected a value"),
            ("m 1 12x", 1, 5, "expected an integer timestamp"),
            ("9m 1", 1, 1, "expected a metric name or '#'"),
            ("# TYPE m bogus", 1, 10, "unknown metric type \"bogus\""),
            ("# TYPE", 1, 7, "expected a metric name"),
            ("m{a=\"x} 1", 1, 5, "has no closing '\"'"),
            ("m{a=\"x\"", 1, 8, "expected '}' to close the labels that start at column 2"),
            // Found by the fuzzer: an empty quoted name was read as a family "" that the writer cannot write back.
            ("{\"\", \"k.s8\"=\"v\"} nan(ind)", 1, 2, "a metric name must not be empty"),
            ("# TYPE \"\" gauge", 1, 8, "a metric name must not be empty"),
        ] as [(String, Int, Int, String)])
    func errorPositionAndMessage(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(onlyError(text))
        #expect(error.line == line)
        #expect(error.column == column, "\(error)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func goodLinesAroundABadOneAreKept() {
        let page = ExpositionParser.parse("a 1\nb{ 2\nc 3\n")
        #expect(page.samples.map(\.name) == ["a", "c"])
        #expect(page.errors.map(\.line) == [2])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(onlyError("m{a=\"héllo\" b=\"2\"} 1"))
        #expect(error.column == 13)
    }

    @Test func duplicateAndLateMetadata() {
        let page = ExpositionParser.parse("# TYPE a gauge\n# TYPE a counter\na 1\n# TYPE b gauge\nb 1\n# HELP b x\n# HELP b y\n")
        #expect(page.errors.map(\.line) == [2, 7])
        #expect(page.errors[0].message.contains("second TYPE"))
        let late = ExpositionParser.parse("c 1\n# TYPE c gauge\n")
        #expect(late.errors.first?.message.contains("comes after its samples") == true)
    }

    @Test func nulBytesAndBinaryJunkGiveClearErrors() {
        let page = ExpositionParser.parse([0x61, 0x20, 0x31, 0x0A, 0x00, 0x01, 0xFF, 0xFE, 0x0A, 0x62, 0x20, 0x32])
        #expect(page.samples.map(\.name) == ["a", "b"])
        #expect(page.errors.count == 1)
        #expect(page.errors.first?.line == 2)
        #expect(page.errors.first?.message.contains("NUL") == true)
    }

    /// A NUL right after a backslash, in a quoted name or a label value, is refused as any other NUL is (an escape
    /// let it through, and the page written back from what was read then failed to parse: the parser fuzzer's find).
    @Test func aNULAfterABackslashIsRefusedToo() {
        for line in ["{\"gpu\\\u{0}x\", \"k.8s\"=\"v\"} 1\n", "m{a=\"x\\\u{0}\"} 1\n"] {
            let page = ExpositionParser.parse(Array((line + "ok 2\n").utf8))
            #expect(page.samples.map(\.name) == ["ok"], "\(line.debugDescription)")
            #expect(page.errors.first?.message.contains("NUL") == true, "\(line.debugDescription)")
        }
    }

    @Test func invalidUTF8InALabelValue() {
        var bytes = Array("m{a=\"x".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"} 1\nok 2\n".utf8)
        let page = ExpositionParser.parse(bytes)
        #expect(page.samples.map(\.name) == ["ok"])
        #expect(page.errors.first?.message.contains("UTF-8") == true)
        #expect(page.errors.first?.column == 7)
    }

    @Test func gzipBodyIsNamed() {
        let page = ExpositionParser.parse([0x1F, 0x8B, 0x08, 0x00, 0x00])
        #expect(page.errors.first?.message.contains("gzip") == true)
    }

    @Test func errorFloodIsCapped() {
        let junk = String(repeating: "!!!\n", count: 5000)
        let page = ExpositionParser.parse(junk)
        #expect(page.errors.count == 100)
        #expect(page.errorCount == 5000)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = ExpositionParser.parse(bytes)
        }
    }
}
