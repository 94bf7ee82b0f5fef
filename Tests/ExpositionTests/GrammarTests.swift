import Exposition
import Testing

/// The text-format and OpenMetrics grammar, line by line, as Prometheus accepts it.
@Suite struct GrammarTests {
    @Test func helpEscapesAndTypes() {
        let page = ExpositionParser.parse(
            #"""
            # HELP a_total Backslash \\ and newline \n and "quotes" kept.
            # TYPE a_total counter
            a_total 3
            # A plain comment is ignored.

            # TYPE g gauge
            g 1.5
            untyped_metric 7
            """#)
        #expect(page.errors == [])
        #expect(page.families.map(\.name) == ["a_total", "g", "untyped_metric"])
        #expect(page.families[0].help == "Backslash \\ and newline \n and \"quotes\" kept.")
        #expect(page.families[0].type == .counter)
        #expect(page.families[2].type == .untyped)
        #expect(page.families[2].help == nil)
    }

    @Test func labelValueEscapesOrderAndSpacing() {
        let page = ExpositionParser.parse(
            #"""
            m{ z = "a\\b" , a="q\"uote", n="line\nbreak", } 1
            m{} 2
            m {b="x"} 3
            """#)
        #expect(page.errors == [])
        let samples = page.samples
        #expect(samples.count == 3)
        #expect(samples[0].labels.pairs == [Label("z", "a\\b"), Label("a", "q\"uote"), Label("n", "line\nbreak")])
        #expect(samples[1].labels.isEmpty)
        #expect(samples[2].labels["b"] == "x")
    }

    /// Consecutive blocks that share leading bytes (a histogram's buckets) reuse the labels already read; each
    /// must still come out exactly as if read alone, duplicates and all.
    @Test func blocksSharingLeadingLabelsAreReadWhole() {
        let page = ExpositionParser.parse(
            #"""
            m_bucket{a="1",b="x\"y",le="0.1"} 1
            m_bucket{a="1",b="x\"y",le="+Inf"} 2
            m_bucket{a="1",b="x\"y"  ,le="1"} 3
            m_bucket{a="1",b="x\"yz",le="1"} 4
            m_bucket{a="1",b="x\"y",a="2"} 5
            m_bucket{a="1",b="x\"y",le="2",c="3"} 6
            m_bucket{a="1\",b=\"2"} 7
            m_bucket{a="1\",b=\"3"} 8
            m_bucket{a="1",b="x\"y"} 9
            """#)
        #expect(page.errors.map { [$0.line, $0.column] } == [[5, 25]])
        #expect(page.errors.first?.message.contains("label \"a\" appears twice") == true)
        #expect(
            page.samples.map(\.labels.pairs) == [
                [Label("a", "1"), Label("b", "x\"y"), Label("le", "0.1")],
                [Label("a", "1"), Label("b", "x\"y"), Label("le", "+Inf")],
                [Label("a", "1"), Label("b", "x\"y"), Label("le", "1")],
                [Label("a", "1"), Label("b", "x\"yz"), Label("le", "1")],
                [Label("a", "1"), Label("b", "x\"y"), Label("le", "2"), Label("c", "3")],
                [Label("a", "1\",b=\"2")],
                [Label("a", "1\",b=\"3")],
                [Label("a", "1"), Label("b", "x\"y")],
            ])
    }

    @Test func unknownEscapesAreKeptAsWritten() {
        let page = ExpositionParser.parse(#"m{path="C:\temp"} 1"#)
        #expect(page.errors == [])
        #expect(page.samples.first?.labels["path"] == #"C:\temp"#)
    }

    @Test func quotedUTF8NamesOfPrometheus3() {
        let page = ExpositionParser.parse(
            #"""
            # TYPE "gpu.memory" gauge
            {"gpu.memory", "k.8s"="v", plain="p"} 4
            {"gpu.memory"} 5
            """#)
        #expect(page.errors == [])
        let family = page.family(named: "gpu.memory")
        #expect(family?.type == .gauge)
        #expect(family?.samples.count == 2)
        #expect(family?.samples.first?.labels.pairs == [Label("k.8s", "v"), Label("plain", "p")])
    }

    @Test(arguments: [
        ("1", 1.0), ("-2.5", -2.5), ("1e3", 1000), ("1.5E-3", 0.0015), ("+7", 7), ("0.1", 0.1),
        ("123456789012345678901234", 123456789012345678901234.0), ("1e-320", Double("1e-320")!), ("0x1p-2", 0.25),
        ("+Inf", .infinity), ("-Inf", -.infinity), ("Inf", .infinity), ("inf", .infinity),
    ])
    func values(text: String, expected: Double) {
        let page = ExpositionParser.parse("m \(text)")
        #expect(page.errors == [])
        #expect(page.samples.first?.value == expected)
    }

    @Test(arguments: ["NaN", "nan", "-nan", "-nan(ind)", "nan(0x8000)"])
    func nanSpellings(text: String) {
        let page = ExpositionParser.parse("m \(text)")
        #expect(page.errors == [])
        #expect(page.samples.first?.value.isNaN == true)
    }

    /// Go's `ParseFloat`, which Prometheus uses, takes no digit separators in a decimal; nor does the fallback.
    @Test(arguments: ["1_000", "1_000.5", "12345678901234567890_1", "0.30000000000000004_"])
    func digitSeparatorsAreNotANumber(text: String) {
        let page = ExpositionParser.parse("m \(text)\n")
        #expect(page.samples.isEmpty)
        #expect(page.errors.count == 1)
    }

    @Test func decimalsMatchTheStandardLibrary() {
        for text in [
            "0.3", "2.675", "1.7976931348623157e308", "5e-324", "9007199254740993", "0.000001234", "12345.6789e-3",
            "0.30000000000000004", "1234.5678901234567",
        ] {
            let page = ExpositionParser.parse("m \(text)")
            #expect(page.samples.first?.value == Double(text), "\(text)")
        }
    }

    @Test func textTimestampsAreMilliseconds() {
        let page = ExpositionParser.parse("m 1 1700000000123\nn 2 -5\n")
        #expect(page.samples.map(\.timestampMs) == [1_700_000_000_123, -5])
    }

    @Test func openMetricsTimestampsExemplarsUnitAndEOF() {
        let page = ExpositionParser.parse(
            """
            # TYPE req counter
            # UNIT req requests
            # HELP req Requests \\"served\\".
            req_total{code="200"} 10 1700000000.5 # {trace_id="abc"} 1 1700000000.25
            req_created{code="200"} 1699990000
            # TYPE lat histogram
            lat_bucket{le="0.1"} 1 # {request_id="x"} 0.05
            lat_bucket{le="+Inf"} 2
            lat_sum 0.3
            lat_count 2
            # TYPE build info
            build_info{version="1.2"} 1
            # TYPE state stateset
            state{state="a"} 1
            state{state="b"} 0
            # TYPE q gaugehistogram
            q_bucket{le="1"} 2
            q_bucket{le="+Inf"} 3
            q_gsum 4
            q_gcount 3
            # EOF
            """)
        #expect(page.format == .openMetrics)
        #expect(page.errors == [])
        let req = page.family(named: "req")
        #expect(req?.unit == "requests")
        #expect(req?.help == "Requests \"served\".")
        #expect(req?.samples.map(\.name) == ["req_total", "req_created"])
        #expect(req?.samples.first?.timestampMs == 1_700_000_000_500)
        #expect(req?.samples.first?.exemplar == Exemplar(labels: ["trace_id": "abc"], value: 1, timestamp: 1_700_000_000.25))
        #expect(page.family(named: "lat")?.samples.count == 4)
        #expect(page.family(named: "lat")?.samples.first?.exemplar?.labels["request_id"] == "x")
        #expect(page.family(named: "build")?.type == .info)
        #expect(page.family(named: "build")?.samples.first?.name == "build_info")
        #expect(page.family(named: "state")?.samples.count == 2)
        #expect(page.family(named: "q")?.samples.map(\.name) == ["q_bucket", "q_bucket", "q_gsum", "q_gcount"])
    }

    @Test func openMetricsWithoutEOFSaysSo() {
        let page = ExpositionParser.parse("# TYPE a gauge\na 1\n", format: .openMetrics)
        #expect(page.samples.count == 1)
        #expect(page.errors.first?.message.contains("# EOF") == true)
    }

    @Test func contentAfterEOFIsAnError() {
        let page = ExpositionParser.parse("a 1\n# EOF\nb 2\n# EOF\n")
        #expect(page.errors.count == 1)
        #expect(page.errors.first?.line == 3)
    }

    @Test func familiesAreByDeclaredTypeNotSuffix() {
        let page = ExpositionParser.parse(
            """
            # TYPE x_total histogram
            x_total_bucket{le="1"} 1
            x_total_bucket{le="+Inf"} 1
            x_total_sum 1
            x_total_count 1
            # TYPE s summary
            s{quantile="0.5"} 1
            s_sum 2
            s_count 3
            s_created 4
            lonely_bucket{le="1"} 1
            lonely_sum 1
            """)
        #expect(page.errors == [])
        #expect(page.families.map(\.name) == ["x_total", "s", "lonely_bucket", "lonely_sum"])
        #expect(page.family(named: "s")?.samples.count == 4)
        #expect(page.family(named: "lonely_bucket")?.type == .untyped)
    }

    @Test func aLaterTypeClaimsNamesSeenBefore() {
        let page = ExpositionParser.parse(
            """
            # HELP x Latency.
            x_bucket{le="1"} 1
            # TYPE x histogram
            x_bucket{le="1"} 2
            x_bucket{le="+Inf"} 3
            """)
        #expect(page.family(named: "x_bucket")?.samples.count == 1)
        #expect(page.family(named: "x")?.samples.map(\.value) == [2, 3])
    }

    @Test func crlfLineEndingsAreAccepted() {
        let page = ExpositionParser.parse("# TYPE a gauge\r\na{x=\"1\"} 2\r\n")
        #expect(page.errors == [])
        #expect(page.samples.first?.value == 2)
    }

    @Test func formatDetection() {
        #expect(ExpositionParser.parse("a 1\n# EOF\n").format == .openMetrics)
        #expect(ExpositionParser.parse("a 1\n").format == .text)
        #expect(ExpositionParser.parse("a 1\n# EOF\n", format: .text).format == .text)
        #expect(ExpositionFormat(contentType: "application/openmetrics-text; version=1.0.0") == .openMetrics)
        #expect(ExpositionFormat(contentType: "text/plain; version=0.0.4") == .text)
    }

    @Test func contentTypesAreComparedWithoutCaseAndOnlyAsASCII() {
        #expect(ExpositionFormat(contentType: "Application/OpenMetrics-Text; version=1.0.0") == .openMetrics)
        #expect(ExpositionFormat(contentType: "TEXT/PLAIN") == .text)
        #expect(ExpositionFormat(contentType: " text/plain;charset=utf-8") == .text)
        #expect(ExpositionFormat(contentType: "text/plai") == nil)
        #expect(ExpositionFormat(contentType: "") == nil)
        #expect(ExpositionFormat(contentType: "application/json") == nil)
        // Only A-Z are folded: a byte that is a letter's bit pattern less 0x20 is not the letter.
        #expect(ExpositionFormat(contentType: "text\u{0F}plain") == nil)
    }
}
