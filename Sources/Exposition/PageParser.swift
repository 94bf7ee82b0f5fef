#if canImport(Glibc)
    import Glibc
#endif

/// The single-pass, byte-level reader behind `ExpositionParser`: one line at a time, no backtracking.
struct PageParser {
    let p: UnsafePointer<UInt8>
    let count: Int
    let format: ExpositionFormat
    var builder = FamilyBuilder()
    var typeDeclared = Set<Int>()
    var errors: [ParseError] = []
    var droppedErrors = 0
    var strings: ByteInterner<String>
    var labelBlocks: ByteInterner<LabelBlock>
    /// The labels of the block being parsed, kept between blocks so their storage is reused.
    var labelScratch: [Label] = []
    /// The offset from the block's '{' of the ',' after each label of `labelScratch`.
    var commaScratch: [Int] = []
    /// The last block parsed in full (a sample's, not found in `labelBlocks`): a histogram's next bucket or a
    /// summary's next quantile repeats all its labels but the last, so those are taken from here.
    var lastParsedOpen = 0
    var lastParsedLength = 0
    var lastParsedLabels = Labels()
    var lastParsedCommas: [Int] = []
    /// When the last block parsed in full ends with a bucket's `le` (or a quantile), where its value starts,
    /// from the '{'; else 0.
    var lastParsedBucketValue = 0
    /// The last bare sample name: a family's lines repeat it, so its bytes are compared before any hashing.
    var lastNameStart = 0
    var lastNameLength = -1
    var lastName = ""
    var lineNumber = 0
    var lineStart = 0
    var lineEnd = 0
    var sawEOF = false
    /// Set once content follows `# EOF`: one error for it, not one per line.
    var stopped = false

    static let maxKeptErrors = 100

    /// A parsed `{…}` block: its labels and, for a Prometheus 3 quoted name inside the braces, the name.
    struct LabelBlock {
        var metricName: String?
        var labels: Labels
    }

    /// Why a line was rejected: a column (byte offset in the page) and a message.
    struct LineError: Error {
        var offset: Int
        var message: String
    }

    init(_ pointer: UnsafePointer<UInt8>, count: Int, format: ExpositionFormat) {
        self.p = pointer
        self.count = count
        self.format = format
        // Sized from the page (about one distinct string per 400 bytes, one kept label block per 1,000 or more:
        // buckets are not kept) so big pages do not rehash their tables over and over while they fill.
        strings = ByteInterner(base: pointer, capacity: max(1024, count / 400))
        labelBlocks = ByteInterner(base: pointer, capacity: max(1024, count / 1000))
    }

    mutating func run() -> ExpositionPage {
        if count >= 2 && p[0] == 0x1F && p[1] == 0x8B {
            record(
                ParseError(
                    line: 1, column: 1,
                    message:
                        "the body is gzip-compressed data, not exposition text (the server sent Content-Encoding: gzip that was not decoded)"
                ))
            return finish()
        }
        var position = 0
        while position < count && !stopped {
            lineNumber += 1
            lineStart = position
            var end = position
            if let newline = memchrNewline(from: position) {
                end = newline
                position = newline + 1
            } else {
                end = count
                position = count
            }
            if end > lineStart && p[end - 1] == 0x0D { end -= 1 }
            lineEnd = end
            do {
                try parseLine()
            } catch {
                record(ParseError(line: lineNumber, column: column(ofOffset: error.offset), message: error.message))
            }
        }
        if format == .openMetrics && !sawEOF {
            record(
                ParseError(
                    line: max(lineNumber, 1), column: 1,
                    message:
                        "OpenMetrics page does not end with '# EOF' (it may have been cut off)"))
        }
        return finish()
    }

    func finish() -> ExpositionPage {
        ExpositionPage(format: format, families: builder.families, errors: errors, droppedErrorCount: droppedErrors)
    }

    mutating func record(_ error: ParseError) {
        if errors.count < Self.maxKeptErrors {
            errors.append(error)
        } else {
            droppedErrors += 1
        }
    }

    @inline(__always)
    func memchrNewline(from start: Int) -> Int? {
        guard let found = memchr(p + start, 0x0A, count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    /// 1-based column in characters: UTF-8 continuation bytes do not start a character.
    func column(ofOffset offset: Int) -> Int {
        var column = 1
        var index = lineStart
        let stop = min(offset, lineEnd)
        while index < stop {
            if p[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    // MARK: - lines

    mutating func parseLine() throws(LineError) {
        var i = lineStart
        skipBlanks(&i)
        if i == lineEnd { return }  // blank line
        if sawEOF {
            stopped = true
            throw LineError(offset: i, message: "unexpected content after '# EOF'; the rest of the page is ignored")
        }
        if p[i] == 0x23 {  // #
            try parseComment(from: i)
        } else {
            try parseSample(from: i)
        }
    }

    @inline(__always)
    func skipBlanks(_ i: inout Int) {
        while i < lineEnd && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
    }

    func hasNUL(from start: Int) -> Int? {
        guard let found = memchr(p + start, 0, lineEnd - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    // MARK: - comments: # HELP, # TYPE, # UNIT, # EOF

    mutating func parseComment(from hash: Int) throws(LineError) {
        var i = hash + 1
        skipBlanks(&i)
        let keywordStart = i
        while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        let keyword = keywordBytes(keywordStart, i)
        switch keyword {
        case .eof:
            sawEOF = true
            return
        case .other:
            return  // an ordinary comment
        case .help, .type, .unit:
            break
        }
        if let nul = hasNUL(from: hash) {
            throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text")
        }
        guard i < lineEnd else { throw LineError(offset: i, message: "expected a metric name after '\(keyword.text)'") }
        skipBlanks(&i)
        let name = try readMetricName(&i, context: keyword.text)
        switch keyword {
        case .help:
            if i < lineEnd { i += 1 }  // the single separating space; the rest, trailing spaces included, is the text
            let help = try unescapeHelp(i, lineEnd)
            do { try builder.setHelp(help, for: name) } catch { throw metadataError(error, name: name) }
        case .type:
            skipBlanks(&i)
            let start = i
            while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
            let word = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
            guard let type = Self.metricType(word) else {
                throw LineError(
                    offset: start,
                    message:
                        "unknown metric type \"\(printable(word))\"; expected counter, gauge, histogram, summary, untyped (or OpenMetrics unknown, info, stateset, gaugehistogram)"
                )
            }
            skipBlanks(&i)
            if i < lineEnd { throw LineError(offset: i, message: "unexpected text after the metric type") }
            do { try builder.setType(type, for: name, typeDeclared: &typeDeclared) } catch {
                throw metadataError(error, name: name)
            }
        case .unit:
            skipBlanks(&i)
            let unit = try makeString(i, lineEnd)
            do { try builder.setUnit(unit, for: name) } catch { throw metadataError(error, name: name) }
        case .eof, .other:
            break
        }
    }

    func metadataError(_ error: FamilyBuilder.MetadataProblem, name: String) -> LineError {
        switch error {
        case .duplicate(let what):
            return LineError(offset: lineStart, message: "second \(what) line for metric \"\(printable(name))\"")
        case .afterSamples(let what):
            return LineError(
                offset: lineStart,
                message: "\(what) for metric \"\(printable(name))\" comes after its samples; it must come first")
        }
    }

    enum Keyword {
        case help, type, unit, eof, other
        var text: String {
            switch self {
            case .help: return "# HELP"
            case .type: return "# TYPE"
            case .unit: return "# UNIT"
            case .eof: return "# EOF"
            case .other: return "#"
            }
        }
    }

    func keywordBytes(_ start: Int, _ end: Int) -> Keyword {
        let length = end - start
        if length == 4 {
            let (a, b, c, d) = (p[start], p[start + 1], p[start + 2], p[start + 3])
            if a == 0x48 && b == 0x45 && c == 0x4C && d == 0x50 { return .help }  // HELP
            if a == 0x54 && b == 0x59 && c == 0x50 && d == 0x45 { return .type }  // TYPE
            if a == 0x55 && b == 0x4E && c == 0x49 && d == 0x54 { return .unit }  // UNIT
        } else if length == 3 && p[start] == 0x45 && p[start + 1] == 0x4F && p[start + 2] == 0x46 {  // EOF
            return end == lineEnd ? .eof : .other
        }
        return .other
    }

    static func metricType(_ word: String) -> MetricType? {
        MetricType(rawValue: word)
    }

    /// A metric name in a comment or at the start of a sample: bare `[a-zA-Z_:][a-zA-Z0-9_:]*` or quoted.
    mutating func readMetricName(_ i: inout Int, context: String) throws(LineError) -> String {
        guard i < lineEnd else { throw LineError(offset: i, message: "expected a metric name after '\(context)'") }
        if p[i] == 0x22 {
            let start = i
            let quoted = try readQuoted(&i, what: "metric name")
            guard !quoted.isEmpty else { throw LineError(offset: start, message: "a metric name must not be empty") }
            return quoted
        }
        let start = i
        guard MetricName.isNameStart(p[i]) else {
            throw LineError(offset: i, message: "expected a metric name (a letter, '_' or ':') but found \(describe(i))")
        }
        i += 1
        while i < lineEnd && MetricName.isNameContinue(p[i]) { i += 1 }
        return internASCII(start, i)
    }

    // MARK: - samples

    mutating func parseSample(from start: Int) throws(LineError) {
        var i = start
        var name: String?
        if p[i] != 0x7B {  // not '{': a bare name first
            guard MetricName.isNameStart(p[i]) else {
                if let nul = hasNUL(from: start) {
                    throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text")
                }
                throw LineError(
                    offset: i, message: "expected a metric name or '#' at the start of the line but found \(describe(i))")
            }
            let nameStart = i
            i += 1
            while i < lineEnd && MetricName.isNameContinue(p[i]) { i += 1 }
            name = sampleName(nameStart, i)
            var afterBlanks = i
            skipBlanks(&afterBlanks)
            if afterBlanks < lineEnd && p[afterBlanks] == 0x7B { i = afterBlanks }
        }
        var labels = Labels()
        if i < lineEnd && p[i] == 0x7B {
            let block = try readLabelBlock(&i, nameGiven: name != nil)
            if let quotedName = block.metricName { name = quotedName }
            labels = block.labels
        }
        guard let metricName = name else {
            throw LineError(offset: start, message: "expected a metric name: a quoted name must be the first item inside '{…}'")
        }
        guard i < lineEnd && (p[i] == 0x20 || p[i] == 0x09) else {
            if i >= lineEnd { throw LineError(offset: i, message: "expected a value after \"\(printable(metricName))\"") }
            if let nul = hasNUL(from: start) {
                throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text")
            }
            throw LineError(offset: i, message: "expected a space and a value after the metric name but found \(describe(i))")
        }
        skipBlanks(&i)
        let valueStart = i
        while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        guard valueStart < i else { throw LineError(offset: i, message: "expected a value after \"\(printable(metricName))\"") }
        guard let value = NumberParser.parseDouble(p, valueStart, i) else {
            throw LineError(
                offset: valueStart,
                message: "expected a number (or NaN, +Inf, -Inf) as the value but found \"\(printable(text(valueStart, i)))\"")
        }
        skipBlanks(&i)
        var timestampMs: Int64?
        var exemplar: Exemplar?
        if i < lineEnd && p[i] != 0x23 {
            let tsStart = i
            while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
            timestampMs = try parseTimestamp(tsStart, i)
            skipBlanks(&i)
        }
        if i < lineEnd {
            guard p[i] == 0x23 else { throw LineError(offset: i, message: "unexpected text after the timestamp: \(describe(i))") }
            i += 1
            exemplar = try parseExemplar(&i)
        }
        builder.append(Sample(name: metricName, labels: labels, value: value, timestampMs: timestampMs, exemplar: exemplar))
    }

    /// The bare sample name `[start, end)`, the previous line's when the bytes are the same.
    @inline(__always)
    mutating func sampleName(_ start: Int, _ end: Int) -> String {
        let length = end - start
        if length == lastNameLength && memoryEqual(p + start, p + lastNameStart, length) { return lastName }
        lastName = internASCII(start, end)
        lastNameStart = start
        lastNameLength = length
        return lastName
    }

    func parseTimestamp(_ start: Int, _ end: Int) throws(LineError) -> Int64 {
        if format == .text, let ms = NumberParser.parseInt64(p, start, end) { return ms }
        // OpenMetrics writes float seconds; a text page with a float timestamp is read the same way.
        guard let seconds = NumberParser.parseDouble(p, start, end), seconds.isFinite,
            Swift.abs(seconds) < 9.2e15
        else {
            let expected = format == .text ? "an integer timestamp in milliseconds" : "a timestamp in seconds"
            throw LineError(offset: start, message: "expected \(expected) but found \"\(printable(text(start, end)))\"")
        }
        if format == .text { return Int64(seconds) }
        return Int64((seconds * 1000).rounded())
    }

    /// `# {labels} value [timestamp]` after a sample value.
    mutating func parseExemplar(_ i: inout Int) throws(LineError) -> Exemplar {
        skipBlanks(&i)
        guard i < lineEnd && p[i] == 0x7B else {
            throw LineError(offset: i, message: "expected '{' to start the exemplar's labels")
        }
        let block = try readLabelBlock(&i, nameGiven: true)
        skipBlanks(&i)
        let valueStart = i
        while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        guard let value = NumberParser.parseDouble(p, valueStart, i) else {
            throw LineError(
                offset: valueStart, message: "expected the exemplar's value but found \"\(printable(text(valueStart, i)))\"")
        }
        skipBlanks(&i)
        var timestamp: Double?
        if i < lineEnd {
            let tsStart = i
            while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
            guard let seconds = NumberParser.parseDouble(p, tsStart, i) else {
                throw LineError(
                    offset: tsStart,
                    message: "expected the exemplar's timestamp in seconds but found \"\(printable(text(tsStart, i)))\"")
            }
            timestamp = seconds
            skipBlanks(&i)
            if i < lineEnd { throw LineError(offset: i, message: "unexpected text after the exemplar: \(describe(i))") }
        }
        return Exemplar(labels: block.labels, value: value, timestamp: timestamp)
    }

}

/// Text from a page, made safe to put in an error message: control characters become `\u{…}` escapes.
func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(80) {
        if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
