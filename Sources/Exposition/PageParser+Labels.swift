#if canImport(Glibc)
    import Glibc
#endif

/// The label-block and string half of `PageParser`: `{…}` blocks (interned whole), quoted strings with their
/// escapes, HELP text, and interned names — the parts that turn bytes into `String`s.
extension PageParser {
    // MARK: - label blocks

    /// Reads `{…}` starting at `i` (on the '{'); whole identical blocks are parsed once per page, and a
    /// histogram's next bucket is read from the block before it (`nextBucket`).
    mutating func readLabelBlock(_ i: inout Int, nameGiven: Bool) throws(LineError) -> LabelBlock {
        let open = i
        if nameGiven, let bucket = try nextBucket(&i) { return bucket }
        guard let close = findBlockEnd(open) else {
            // Unclosed: parse up to the end of the line for the precise error (an open quote, a missing comma).
            var j = open + 1
            _ = try parseLabels(&j, open: open, close: lineEnd, nameGiven: nameGiven)
            throw LineError(
                offset: lineEnd, message: "expected '}' to close the labels that start at column \(column(ofOffset: open))")
        }
        let length = close + 1 - open
        let hash = ByteInterner<LabelBlock>.hash(p + open, length) &+ (nameGiven ? 1 : 0)
        if let known = labelBlocks.lookup(start: open, length: length, hash: hash) {
            i = close + 1
            return known
        }
        let reused = nameGiven ? reusableLabels(open: open, length: length) : 0
        var j = reused > 0 ? open + lastParsedCommas[reused - 1] + 1 : open + 1
        let block = try parseLabels(&j, open: open, close: close, nameGiven: nameGiven, reusing: reused)
        labelBlocks.insert(start: open, length: length, hash: hash, value: block)
        if nameGiven && block.metricName == nil {
            lastParsedOpen = open
            lastParsedLength = length
            lastParsedLabels = block.labels
            swap(&lastParsedCommas, &commaScratch)
            lastParsedBucketValue = bucketValueOffset(open: open)
        }
        i = close + 1
        return block
    }

    /// The block at `i` when it is the next bucket of the histogram (or quantile of the summary) whose block was
    /// the last parsed in full: the same bytes up to the opening quote of its last label, a bare `le` or
    /// `quantile`, and a value without escapes that closes the block. Nil when anything differs (the full path
    /// then reads the block as it would any other). A bucket's block appears once on a page, so it is neither
    /// looked up nor kept in `labelBlocks`: of the 10 MB cluster page's 42 k distinct blocks, 38 k are buckets,
    /// and keeping them made the table a megabyte that every lookup missed in the cache.
    mutating func nextBucket(_ i: inout Int) throws(LineError) -> LabelBlock? {
        let open = i
        let valueStart = open + lastParsedBucketValue
        guard lastParsedBucketValue > 0, valueStart < lineEnd,
            memoryEqual(p + open, p + lastParsedOpen, lastParsedBucketValue)
        else { return nil }
        var end = valueStart
        while end < lineEnd && p[end] != 0x22 && p[end] != 0x5C { end += 1 }
        guard end + 1 < lineEnd, p[end] == 0x22, p[end + 1] == 0x7D else { return nil }
        let value = try makeString(valueStart, end)
        let reused = lastParsedLabels.pairs
        var pairs: [Label] = []
        pairs.reserveCapacity(reused.count)
        pairs.append(contentsOf: reused[..<(reused.count - 1)])
        pairs.append(Label(reused[reused.count - 1].name, value))
        i = end + 2
        return LabelBlock(metricName: nil, labels: Labels(pairs))
    }

    /// For the block at `open` just parsed in full: when its last label, after a ',', is written `le="` or
    /// `quantile="`, the offset from the '{' of that label's value; else 0.
    private func bucketValueOffset(open: Int) -> Int {
        guard let comma = lastParsedCommas.last else { return 0 }
        let name = open + comma + 1
        for prefix: StaticString in ["le=\"", "quantile=\""] {
            let length = prefix.utf8CodeUnitCount
            if name + length <= lineEnd && memoryEqual(p + name, prefix.utf8Start, length) { return comma + 1 + length }
        }
        return 0
    }

    /// How many leading labels the block at `open` shares, byte for byte, with the last block parsed in full:
    /// the labels before a ',' that both blocks have at the same offset after identical bytes.
    func reusableLabels(open: Int, length: Int) -> Int {
        guard !lastParsedCommas.isEmpty else { return 0 }
        let limit = min(length, lastParsedLength)
        let a = UnsafeRawPointer(p + open)
        let b = UnsafeRawPointer(p + lastParsedOpen)
        var same = 0
        while same + 8 <= limit
            && a.loadUnaligned(fromByteOffset: same, as: UInt64.self) == b.loadUnaligned(fromByteOffset: same, as: UInt64.self)
        {
            same += 8
        }
        while same < limit && p[open + same] == p[lastParsedOpen + same] { same += 1 }
        var count = lastParsedCommas.count
        while count > 0 && lastParsedCommas[count - 1] >= same { count -= 1 }
        return count
    }

    /// The offset of the '}' that closes the block at `open`, skipping quoted strings; nil if unclosed.
    func findBlockEnd(_ open: Int) -> Int? {
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

    /// Parses the items of the block at `open` from `i`; the first `reused` labels (and their commas) are
    /// those of the last block parsed in full, and `i` is past them.
    mutating func parseLabels(
        _ i: inout Int, open: Int, close: Int, nameGiven: Bool, reusing reused: Int = 0
    ) throws(LineError) -> LabelBlock {
        labelScratch.removeAll(keepingCapacity: true)
        commaScratch.removeAll(keepingCapacity: true)
        for index in 0..<reused {
            labelScratch.append(lastParsedLabels[index])
            commaScratch.append(lastParsedCommas[index])
        }
        var metricName: String?
        var first = reused == 0
        while true {
            skipBlanks(&i)
            if i == close { break }
            let itemStart = i
            let labelName: String
            if p[i] == 0x22 {
                let quoted = try readQuoted(&i, what: "label name")
                skipBlanks(&i)
                if first && !nameGiven && (i == close || p[i] == 0x2C) {
                    guard !quoted.isEmpty else { throw LineError(offset: itemStart, message: "a metric name must not be empty") }
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
                throw LineError(
                    offset: i, message: "expected '=' after label name \"\(printable(labelName))\" but found \(describe(i))")
            }
            i += 1
            skipBlanks(&i)
            guard i < close && p[i] == 0x22 else {
                throw LineError(
                    offset: i,
                    message: "expected '\"' to start the value of label \"\(printable(labelName))\" but found \(describe(i))")
            }
            let value = try readQuoted(&i, what: "label value")
            if labelScratch.contains(where: { $0.name == labelName }) {
                throw LineError(offset: itemStart, message: "label \"\(printable(labelName))\" appears twice")
            }
            labelScratch.append(Label(labelName, value))
            skipBlanks(&i)
            if i == close { break }
            guard p[i] == 0x2C else {
                throw LineError(
                    offset: i,
                    message: "expected ',' or '}' after the value of label \"\(printable(labelName))\" but found \(describe(i))")
            }
            commaScratch.append(i - open)
            i += 1
        }
        if metricName == nil && !nameGiven {
            throw LineError(
                offset: lineStart, message: "expected a metric name: a quoted name must be the first item inside '{…}'")
        }
        // An exact copy: the scratch keeps its storage for the next block, the page gets no spare capacity.
        // (`init(unsafeUninitializedCapacity:)` would look up the array's generic metadata on every call.)
        var pairs: [Label] = []
        pairs.reserveCapacity(labelScratch.count)
        pairs.append(contentsOf: labelScratch)
        return LabelBlock(metricName: metricName, labels: Labels(pairs))
    }

    /// A `"…"` string at `i` with `\\`, `\"` and `\n` escapes; unknown escapes are kept as written.
    mutating func readQuoted(_ i: inout Int, what: String) throws(LineError) -> String {
        let open = i
        i += 1
        let start = i
        var escaped = false
        while i < lineEnd {
            let byte = p[i]
            if byte == 0x22 { break }
            if byte == 0x5C {
                escaped = true
                i += 1
            }
            i += 1
        }
        guard i < lineEnd else {
            throw LineError(offset: open, message: "the \(what) that starts here has no closing '\"'")
        }
        let end = i
        i += 1
        if !escaped { return try makeString(start, end) }
        // An escape never makes a NUL acceptable: `\` then NUL would come out as a string with a NUL in it, which
        // every other way into a name or value refuses.
        try rejectNUL(start, end)
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
                default:
                    bytes.append(0x5C)
                    bytes.append(p[k + 1])
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
    mutating func unescapeHelp(_ start: Int, _ end: Int) throws(LineError) -> String {
        guard memchr(p + start, 0x5C, end - start) != nil else { return try makeString(start, end) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(end - start)
        var k = start
        while k < end {
            if p[k] == 0x5C && k + 1 < end {
                let next = p[k + 1]
                if next == 0x5C {
                    bytes.append(0x5C)
                    k += 2
                    continue
                }
                if next == 0x6E {
                    bytes.append(0x0A)
                    k += 2
                    continue
                }
                if next == 0x22 && format == .openMetrics {
                    bytes.append(0x22)
                    k += 2
                    continue
                }
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
    mutating func internASCII(_ start: Int, _ end: Int) -> String {
        let base = p
        return strings.value(start: start, length: end - start, hash: ByteInterner<String>.hash(p + start, end - start)) {
            String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        }
    }

    /// An interned string for bytes that must be valid UTF-8.
    mutating func makeString(_ start: Int, _ end: Int) throws(LineError) -> String {
        let length = end - start
        let hash = ByteInterner<String>.hash(p + start, length)
        if let known = strings.lookup(start: start, length: length, hash: hash) { return known }
        guard let string = String(validating: UnsafeBufferPointer(start: p + start, count: length), as: UTF8.self) else {
            throw LineError(
                offset: firstInvalidUTF8(start, end) ?? start,
                message: "invalid UTF-8 (byte 0x\(hex(p[firstInvalidUTF8(start, end) ?? start])))")
        }
        try rejectNUL(start, end)
        strings.insert(start: start, length: length, hash: hash, value: string)
        return string
    }

    /// Throws at the first NUL byte of `[start, end)`: no name or value may hold one.
    func rejectNUL(_ start: Int, _ end: Int) throws(LineError) {
        if let nul = memchr(p + start, 0, end - start) {
            throw LineError(
                offset: UnsafeRawPointer(nul) - UnsafeRawPointer(p),
                message: "unexpected NUL byte (0x00): this does not look like exposition text")
        }
    }

    func firstInvalidUTF8(_ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            let byte = p[i]
            let width: Int
            if byte < 0x80 {
                width = 1
            } else if byte & 0xE0 == 0xC0 {
                width = 2
            } else if byte & 0xF0 == 0xE0 {
                width = 3
            } else if byte & 0xF8 == 0xF0 {
                width = 4
            } else {
                return i
            }
            if i + width > end { return i }
            if String(validating: UnsafeBufferPointer(start: p + i, count: width), as: UTF8.self) == nil { return i }
            i += width
        }
        return nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + start, count: min(end, start + 40) - start), as: UTF8.self)
    }

    /// "'x'", "end of line", or "byte 0x1b" for what was found at `i`.
    func describe(_ i: Int) -> String {
        if i >= lineEnd { return "the end of the line" }
        let byte = p[i]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }
}
