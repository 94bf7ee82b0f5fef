#if canImport(Glibc)
import Glibc
#endif

/// The single-pass, byte-level reader behind `ExpositionParser`: one line at a time, no backtracking.
struct PageParser {
    private let p: UnsafePointer<UInt8>
    private let count: Int
    private let format: ExpositionFormat
    private var builder = FamilyBuilder()
    private var typeDeclared = Set<Int>()
    private var errors: [ParseError] = []
    private var droppedErrors = 0
    private var strings: ByteInterner<String>
    private var labelBlocks: ByteInterner<LabelBlock>
    private var lineNumber = 0
    private var lineStart = 0
    private var lineEnd = 0
    private var sawEOF = false
    /// Set once content follows `# EOF`: one error for it, not one per line.
    private var stopped = false

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
        // Sized from the page (about one distinct string per 400 bytes, one label block per 200) so big pages
        // do not rehash their tables over and over while they fill.
        strings = ByteInterner(base: pointer, capacity: max(1024, count / 400))
        labelBlocks = ByteInterner(base: pointer, capacity: max(1024, count / 200))
    }

    mutating func run() -> ExpositionPage {
        if count >= 2 && p[0] == 0x1F && p[1] == 0x8B {
            record(ParseError(line: 1, column: 1, message:
                "the body is gzip-compressed data, not exposition text (the server sent Content-Encoding: gzip that was not decoded)"))
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
            record(ParseError(line: max(lineNumber, 1), column: 1, message:
                "OpenMetrics page does not end with '# EOF' (it may have been cut off)"))
        }
        return finish()
    }

    private func finish() -> ExpositionPage {
        ExpositionPage(format: format, families: builder.families, errors: errors, droppedErrorCount: droppedErrors)
    }

    private mutating func record(_ error: ParseError) {
        if errors.count < Self.maxKeptErrors {
            errors.append(error)
        } else {
            droppedErrors += 1
        }
    }

    @inline(__always)
    private func memchrNewline(from start: Int) -> Int? {
        guard let found = memchr(p + start, 0x0A, count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    /// 1-based column in characters: UTF-8 continuation bytes do not start a character.
    private func column(ofOffset offset: Int) -> Int {
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

    private mutating func parseLine() throws(LineError) {
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
    private func skipBlanks(_ i: inout Int) {
        while i < lineEnd && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
    }

    private func hasNUL(from start: Int) -> Int? {
        guard let found = memchr(p + start, 0, lineEnd - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    // MARK: - comments: # HELP, # TYPE, # UNIT, # EOF

    private mutating func parseComment(from hash: Int) throws(LineError) {
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
        if let nul = hasNUL(from: hash) { throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text") }
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
                throw LineError(offset: start, message: "unknown metric type \"\(printable(word))\"; expected counter, gauge, histogram, summary, untyped (or OpenMetrics unknown, info, stateset, gaugehistogram)")
            }
            skipBlanks(&i)
            if i < lineEnd { throw LineError(offset: i, message: "unexpected text after the metric type") }
            do { try builder.setType(type, for: name, typeDeclared: &typeDeclared) } catch { throw metadataError(error, name: name) }
        case .unit:
            skipBlanks(&i)
            let unit = try makeString(i, lineEnd)
            do { try builder.setUnit(unit, for: name) } catch { throw metadataError(error, name: name) }
        case .eof, .other:
            break
        }
    }

    private func metadataError(_ error: FamilyBuilder.MetadataProblem, name: String) -> LineError {
        switch error {
        case .duplicate(let what):
            return LineError(offset: lineStart, message: "second \(what) line for metric \"\(printable(name))\"")
        case .afterSamples(let what):
            return LineError(offset: lineStart, message: "\(what) for metric \"\(printable(name))\" comes after its samples; it must come first")
        }
    }

    private enum Keyword {
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

    private func keywordBytes(_ start: Int, _ end: Int) -> Keyword {
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
    private mutating func readMetricName(_ i: inout Int, context: String) throws(LineError) -> String {
        guard i < lineEnd else { throw LineError(offset: i, message: "expected a metric name after '\(context)'") }
        if p[i] == 0x22 {
            return try readQuoted(&i, what: "metric name")
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

    private mutating func parseSample(from start: Int) throws(LineError) {
        var i = start
        var name: String?
        if p[i] != 0x7B {  // not '{': a bare name first
            guard MetricName.isNameStart(p[i]) else {
                if let nul = hasNUL(from: start) { throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text") }
                throw LineError(offset: i, message: "expected a metric name or '#' at the start of the line but found \(describe(i))")
            }
            let nameStart = i
            i += 1
            while i < lineEnd && MetricName.isNameContinue(p[i]) { i += 1 }
            name = internASCII(nameStart, i)
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
            if let nul = hasNUL(from: start) { throw LineError(offset: nul, message: "unexpected NUL byte (0x00): this does not look like exposition text") }
            throw LineError(offset: i, message: "expected a space and a value after the metric name but found \(describe(i))")
        }
        skipBlanks(&i)
        let valueStart = i
        while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        guard valueStart < i else { throw LineError(offset: i, message: "expected a value after \"\(printable(metricName))\"") }
        guard let value = NumberParser.parseDouble(p, valueStart, i) else {
            throw LineError(offset: valueStart, message: "expected a number (or NaN, +Inf, -Inf) as the value but found \"\(printable(text(valueStart, i)))\"")
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

    private func parseTimestamp(_ start: Int, _ end: Int) throws(LineError) -> Int64 {
        if format == .text, let ms = NumberParser.parseInt64(p, start, end) { return ms }
        // OpenMetrics writes float seconds; a text page with a float timestamp is read the same way.
        guard let seconds = NumberParser.parseDouble(p, start, end), seconds.isFinite,
              Swift.abs(seconds) < 9.2e15 else {
            let expected = format == .text ? "an integer timestamp in milliseconds" : "a timestamp in seconds"
            throw LineError(offset: start, message: "expected \(expected) but found \"\(printable(text(start, end)))\"")
        }
        if format == .text { return Int64(seconds) }
        return Int64((seconds * 1000).rounded())
    }

    /// `# {labels} value [timestamp]` after a sample value.
    private mutating func parseExemplar(_ i: inout Int) throws(LineError) -> Exemplar {
        skipBlanks(&i)
        guard i < lineEnd && p[i] == 0x7B else { throw LineError(offset: i, message: "expected '{' to start the exemplar's labels") }
        let block = try readLabelBlock(&i, nameGiven: true)
        skipBlanks(&i)
        let valueStart = i
        while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        guard let value = NumberParser.parseDouble(p, valueStart, i) else {
            throw LineError(offset: valueStart, message: "expected the exemplar's value but found \"\(printable(text(valueStart, i)))\"")
        }
        skipBlanks(&i)
        var timestamp: Double?
        if i < lineEnd {
            let tsStart = i
            while i < lineEnd && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
            guard let seconds = NumberParser.parseDouble(p, tsStart, i) else {
                throw LineError(offset: tsStart, message: "expected the exemplar's timestamp in seconds but found \"\(printable(text(tsStart, i)))\"")
            }
            timestamp = seconds
            skipBlanks(&i)
            if i < lineEnd { throw LineError(offset: i, message: "unexpected text after the exemplar: \(describe(i))") }
        }
        return Exemplar(labels: block.labels, value: value, timestamp: timestamp)
    }

    // MARK: - label blocks

    /// Reads `{…}` starting at `i` (on the '{'); whole identical blocks are parsed once per page.
    private mutating func readLabelBlock(_ i: inout Int, nameGiven: Bool) throws(LineError) -> LabelBlock {
        let open = i
        guard let close = findBlockEnd(open) else {
            // Unclosed: parse up to the end of the line for the precise error (an open quote, a missing comma).
            var j = open + 1
            _ = try parseLabels(&j, close: lineEnd, nameGiven: nameGiven)
            throw LineError(offset: lineEnd, message: "expected '}' to close the labels that start at column \(column(ofOffset: open))")
        }
        let length = close + 1 - open
        let hash = ByteInterner<LabelBlock>.hash(p + open, length) &+ (nameGiven ? 1 : 0)
        if let known = labelBlocks.lookup(start: open, length: length, hash: hash) {
            i = close + 1
            return known
        }
        var j = open + 1
        let block = try parseLabels(&j, close: close, nameGiven: nameGiven)
        labelBlocks.insert(start: open, length: length, hash: hash, value: block)
        i = close + 1
        return block
    }

    /// The offset of the '}' that closes the block at `open`, skipping quoted strings; nil if unclosed.
    private func findBlockEnd(_ open: Int) -> Int? {
        var i = open + 1
        while i < lineEnd {
            let byte = p[i]
            if byte == 0x7D { return i }
            if byte == 0x22 {
                // A quoted name or value: jump to its closing quote (memchr), skipping quotes escaped by an odd
                // run of backslashes.
                var from = i + 1
                while true {
                    guard let found = memchr(p + from, 0x22, lineEnd - from) else { return nil }
                    let quote = UnsafeRawPointer(found) - UnsafeRawPointer(p)
                    var backslashes = 0
                    while quote - backslashes - 1 > i && p[quote - backslashes - 1] == 0x5C { backslashes += 1 }
                    if backslashes % 2 == 0 {
                        i = quote
                        break
                    }
                    from = quote + 1
                }
            }
            i += 1
        }
        return nil
    }

    private mutating func parseLabels(_ i: inout Int, close: Int, nameGiven: Bool) throws(LineError) -> LabelBlock {
        var pairs: [Label] = []
        var metricName: String?
        var first = true
        while true {
            skipBlanks(&i)
            if i == close { break }
            let itemStart = i
            let labelName: String
            if p[i] == 0x22 {
                let quoted = try readQuoted(&i, what: "label name")
                skipBlanks(&i)
                if first && !nameGiven && (i == close || p[i] == 0x2C) {
                    metricName = quoted  // Prometheus 3: {"metric.name", …}
                    first = false
                    if i < close { i += 1 }
                    continue
                }
                labelName = quoted
            } else if MetricName.isNameStart(p[i]) && p[i] != 0x3A {
                let start = i
                i += 1
                while i < close && MetricName.isNameContinue(p[i]) && p[i] != 0x3A { i += 1 }
                labelName = internASCII(start, i)
                skipBlanks(&i)
            } else {
                throw LineError(offset: i, message: "expected a label name or '}' but found \(describe(i))")
            }
            first = false
            guard i < close && p[i] == 0x3D else {
                throw LineError(offset: i, message: "expected '=' after label name \"\(printable(labelName))\" but found \(describe(i))")
            }
            i += 1
            skipBlanks(&i)
            guard i < close && p[i] == 0x22 else {
                throw LineError(offset: i, message: "expected '\"' to start the value of label \"\(printable(labelName))\" but found \(describe(i))")
            }
            let value = try readQuoted(&i, what: "label value")
            if pairs.contains(where: { $0.name == labelName }) {
                throw LineError(offset: itemStart, message: "label \"\(printable(labelName))\" appears twice")
            }
            pairs.append(Label(labelName, value))
            skipBlanks(&i)
            if i == close { break }
            guard p[i] == 0x2C else {
                throw LineError(offset: i, message: "expected ',' or '}' after the value of label \"\(printable(labelName))\" but found \(describe(i))")
            }
            i += 1
        }
        if metricName == nil && !nameGiven {
            throw LineError(offset: lineStart, message: "expected a metric name: a quoted name must be the first item inside '{…}'")
        }
        return LabelBlock(metricName: metricName, labels: Labels(pairs))
    }

    /// A `"…"` string at `i` with `\\`, `\"` and `\n` escapes; unknown escapes are kept as written.
    private mutating func readQuoted(_ i: inout Int, what: String) throws(LineError) -> String {
        let open = i
        i += 1
        let start = i
        var escaped = false
        while i < lineEnd {
            let byte = p[i]
            if byte == 0x22 { break }
            if byte == 0x5C { escaped = true; i += 1 }
            i += 1
        }
        guard i < lineEnd else {
            throw LineError(offset: open, message: "the \(what) that starts here has no closing '\"'")
        }
        let end = i
        i += 1
        if !escaped { return try makeString(start, end) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(end - start)
        var k = start
        while k < end {
            let byte = p[k]
            if byte == 0x5C && k + 1 < end {
                switch p[k + 1] {
                case 0x5C: bytes.append(0x5C)
                case 0x22: bytes.append(0x22)
                case 0x6E: bytes.append(0x0A)
                default: bytes.append(0x5C); bytes.append(p[k + 1])
                }
                k += 2
            } else {
                bytes.append(byte)
                k += 1
            }
        }
        guard let string = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            throw LineError(offset: firstInvalidUTF8(start, end) ?? start, message: "the \(what) is not valid UTF-8")
        }
        return string
    }

    /// HELP text: `\\` and `\n` escapes (and `\"` in OpenMetrics).
    private mutating func unescapeHelp(_ start: Int, _ end: Int) throws(LineError) -> String {
        guard memchr(p + start, 0x5C, end - start) != nil else { return try makeString(start, end) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(end - start)
        var k = start
        while k < end {
            if p[k] == 0x5C && k + 1 < end {
                let next = p[k + 1]
                if next == 0x5C { bytes.append(0x5C); k += 2; continue }
                if next == 0x6E { bytes.append(0x0A); k += 2; continue }
                if next == 0x22 && format == .openMetrics { bytes.append(0x22); k += 2; continue }
            }
            bytes.append(p[k])
            k += 1
        }
        guard let string = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            throw LineError(offset: firstInvalidUTF8(start, end) ?? start, message: "the HELP text is not valid UTF-8")
        }
        return string
    }

    // MARK: - strings

    /// An interned string for bytes known to be ASCII (names).
    @inline(__always)
    private mutating func internASCII(_ start: Int, _ end: Int) -> String {
        let base = p
        return strings.value(start: start, length: end - start, hash: ByteInterner<String>.hash(p + start, end - start)) {
            String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        }
    }

    /// An interned string for bytes that must be valid UTF-8.
    private mutating func makeString(_ start: Int, _ end: Int) throws(LineError) -> String {
        let length = end - start
        let hash = ByteInterner<String>.hash(p + start, length)
        if let known = strings.lookup(start: start, length: length, hash: hash) { return known }
        guard let string = String(validating: UnsafeBufferPointer(start: p + start, count: length), as: UTF8.self) else {
            throw LineError(offset: firstInvalidUTF8(start, end) ?? start, message: "invalid UTF-8 (byte 0x\(hex(p[firstInvalidUTF8(start, end) ?? start])))")
        }
        if let nul = memchr(p + start, 0, length) {
            throw LineError(offset: UnsafeRawPointer(nul) - UnsafeRawPointer(p), message: "unexpected NUL byte (0x00): this does not look like exposition text")
        }
        strings.insert(start: start, length: length, hash: hash, value: string)
        return string
    }

    private func firstInvalidUTF8(_ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            let byte = p[i]
            let width: Int
            if byte < 0x80 { width = 1 } else if byte & 0xE0 == 0xC0 { width = 2 } else if byte & 0xF0 == 0xE0 { width = 3 } else if byte & 0xF8 == 0xF0 { width = 4 } else { return i }
            if i + width > end { return i }
            if String(validating: UnsafeBufferPointer(start: p + i, count: width), as: UTF8.self) == nil { return i }
            i += width
        }
        return nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + start, count: min(end, start + 40) - start), as: UTF8.self)
    }

    /// "'x'", "end of line", or "byte 0x1b" for what was found at `i`.
    private func describe(_ i: Int) -> String {
        if i >= lineEnd { return "the end of the line" }
        let byte = p[i]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
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
