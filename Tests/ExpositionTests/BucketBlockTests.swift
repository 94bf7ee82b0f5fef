import Exposition
import Testing

/// A histogram's next bucket (a summary's next quantile) takes its labels from the block before it without
/// the block table; whatever it meets, the page must be what reading each line on its own gives.
@Suite struct BucketBlockTests {
    /// The page's samples, and the same lines each parsed as a page of its own (no earlier block to borrow
    /// from), must agree label for label; so must their errors.
    private func expectSameAsLineByLine(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let page = ExpositionParser.parse(lines.joined(separator: "\n") + "\n")
        var samples: [Sample] = []
        var errors: [String] = []
        for (index, line) in lines.enumerated() {
            let alone = ExpositionParser.parse(line + "\n")
            samples += alone.samples
            errors += alone.errors.map { "\(index + 1):\($0.column) \($0.message)" }
        }
        #expect(page.samples.count == samples.count, sourceLocation: sourceLocation)
        for (got, expected) in zip(page.samples, samples) {
            #expect(got.isIdentical(to: expected), "\(got) != \(expected)", sourceLocation: sourceLocation)
        }
        #expect(page.errors.map { "\($0.line):\($0.column) \($0.message)" } == errors, sourceLocation: sourceLocation)
    }

    @Test func bucketsAndQuantilesOfOneSeries() {
        expectSameAsLineByLine([
            #"h_bucket{model="m",engine="0",le="0.1"} 1"#,
            #"h_bucket{model="m",engine="0",le="1"} 2"#,
            #"h_bucket{model="m",engine="0",le="+Inf"} 3"#,
            #"h_bucket{model="m",engine="1",le="0.1"} 4"#,
            #"h_bucket{model="m",engine="1",le="+Inf"} 5"#,
            #"s{model="m",quantile="0.5"} 0.2"#,
            #"s{model="m",quantile="0.99"} 0.9"#,
            #"g{model="m",engine="0"} 7"#,
            #"g_bucket{model="m",engine="0",le="1"} 8"#,
        ])
    }

    @Test func bucketsThatLookAlikeButAreNot() {
        expectSameAsLineByLine([
            #"h_bucket{model="m",le="0.1"} 1"#,
            // An escaped quote, a blank before '}', a label after `le`, another prefix, no value, no blank, a bare
            // `le` value, no closing quote, another name, `le` twice, a timestamp, an empty value, escapes.
            #"h_bucket{model="m",le="0.\"5"} 2"#,
            #"h_bucket{model="m",le="0.6" } 3"#,
            #"h_bucket{model="m",le="0.7",x="y"} 4"#,
            #"h_bucket{model="mm",le="0.8"} 5"#,
            #"h_bucket{model="m",le="0.9"}"#,
            #"h_bucket{model="m",le="1.0"}6"#,
            #"h_bucket{model="m",le=1.1} 7"#,
            #"h_bucket{model="m",le="1.2} 8"#,
            #"h_bucket{model="m",le="1.3"} 9"#,
            #"h_bucket{model="m",lee="1.4"} 10"#,
            #"h_bucket{model="m",le="1.5",le="1.6"} 11"#,
            #"h_bucket{model="m",le="1.7"} 12 1700000000000"#,
            #"h_bucket{model="m",le=""} 13"#,
            #"h_bucket{model="m",le="1.8\\"} 14"#,
            #"h_bucket{model="m",le="1.9\n"} 15"#,
        ])
    }

    @Test func anInvalidBucketValueIsTheSameErrorAsAnywhere() {
        let text = "h_bucket{a=\"1\",le=\"0.1\"} 1\nh_bucket{a=\"1\",le=\"\u{FF}\"} 2\n"
        var bytes = Array(text.utf8)
        // A byte that is not UTF-8 in the second bucket's value (U+00FF is written as two bytes: keep the first).
        let at = bytes.firstIndex(of: 0xC3)!
        bytes.remove(at: at + 1)
        let page = ExpositionParser.parse(bytes)
        #expect(page.samples.map(\.value) == [1])
        #expect(page.errors.map(\.line) == [2])
        #expect(page.errors.first?.column == 20)
        #expect(page.errors.first?.message.contains("invalid UTF-8") == true)
    }
}
