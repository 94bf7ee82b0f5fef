#if canImport(Glibc)
    import Glibc
#endif

/// Parses the successive pages of one target, reusing the previous page wherever the new one repeats it.
///
/// Exporters write the same lines in the same order on every scrape; only the values change. Like
/// Prometheus' scrape cache, this keeps the previous page and, line by line, checks that everything before
/// each value (name, label block, blanks) and every comment line is byte-identical; the new page is then the
/// previous one with its values re-read, and no name or label is decoded again. A page that differs
/// anywhere — a line added, removed or reordered, a changed label, a timestamp, an exemplar, an error — is
/// parsed in full, so the result is always what `ExpositionParser.parse` returns for the same bytes.
///
/// One per target: a value type, kept by whoever scrapes that target.
package struct RepeatingPageParser: Sendable {
    /// One line of the remembered page: where it starts and ends, and for a sample line where its value
    /// starts and which sample it is.
    private struct Line: Sendable {
        var start: Int32
        /// For a sample, the offset of its value; for any other line, its end.
        var valueStart: Int32
        var end: Int32
        /// `(family << 32) | sample` for a sample line, -1 for a comment or blank line.
        var sample: Int64
    }

    private var previous: [UInt8] = []
    private var lines: [Line] = []
    private var page: ExpositionPage?
    /// Pages answered from the previous page, and pages parsed in full, since the start.
    package private(set) var reusedPages = 0
    package private(set) var fullParses = 0

    package init() {}

    /// The page `bytes` holds, the same as `ExpositionParser.parse(bytes, format:)`.
    package mutating func parse(_ bytes: [UInt8], format: ExpositionFormat? = nil) -> ExpositionPage {
        let detected = format ?? bytes.withUnsafeBufferPointer { ExpositionParser.detectFormat($0) }
        if var reused = page, reused.format == detected, lines.count > 0 {
            // Drop our references so the values and the line table below are written in place, not copied. Should
            // the page not repeat the previous one, both are rebuilt by the full parse anyway.
            page = nil
            var table = lines
            lines = []
            if rereadValues(bytes, into: &reused, lines: &table) {
                previous = bytes
                lines = table
                page = reused
                reusedPages += 1
                return reused
            }
        }
        var parsed = ExpositionParser.parse(bytes, format: detected)
        fullParses += 1
        remember(bytes, &parsed)
        return parsed
    }

    /// Forgets the previous page (after a failed scrape, say), so the next page is parsed in full.
    package mutating func reset() {
        previous = []
        lines = []
        page = nil
    }

    // MARK: - Reuse

    /// Walks `bytes` line by line beside the remembered `lines`. When every line repeats the previous page up to
    /// its value and every value (and nothing after it) parses, writes the values into `page`, moves `lines` to
    /// their places in `bytes` (values of another width move the lines after them) and returns true; otherwise
    /// returns false, with `lines` partly moved.
    private func rereadValues(_ bytes: [UInt8], into page: inout ExpositionPage, lines moved: inout [Line]) -> Bool {
        bytes.withUnsafeBufferPointer { new -> Bool in
            previous.withUnsafeBufferPointer { old -> Bool in
                guard let n = new.baseAddress, let o = old.baseAddress else { return false }
                var values: [Double] = []
                values.reserveCapacity(moved.count)
                var offset = 0
                for index in moved.indices {
                    let line = moved[index]
                    // The bytes before the value (a comment or blank line: the whole line) first, then the value up
                    // to the line's end: a value is a few bytes, so the line's end is found without a scan of it.
                    let fixed = Int(line.valueStart - line.start)
                    guard offset < new.count, fixed <= new.count - offset, memcmp(n + offset, o + Int(line.start), fixed) == 0
                    else { return false }
                    let end: Int
                    if line.sample < 0 {
                        end = offset + fixed
                        guard end == new.count || n[end] == 0x0A else { return false }
                    } else {
                        let valueStart = offset + fixed
                        var i = valueStart
                        while i < new.count && n[i] != 0x0A && n[i] != 0x20 && n[i] != 0x09 { i += 1 }
                        end = i
                        // A timestamp, an exemplar or trailing blanks: the full parser decides.
                        guard end == new.count || n[end] == 0x0A else { return false }
                        let valueEnd = end > valueStart && n[end - 1] == 0x0D ? end - 1 : end
                        guard valueEnd > valueStart, let value = NumberParser.parseDouble(n, valueStart, valueEnd) else {
                            return false
                        }
                        values.append(value)
                    }
                    moved[index] = Line(
                        start: Int32(offset), valueStart: Int32(offset + fixed), end: Int32(end), sample: line.sample)
                    offset = end < new.count ? end + 1 : end
                }
                guard offset >= new.count, new.count < Int(Int32.max) else { return false }
                // The sample lines map in order onto the families' samples (`lineTable` checks it), so the values
                // go in family by family: one uniqueness check a family, not one a sample.
                guard page.families.reduce(0, { $0 + $1.samples.count }) == values.count else { return false }
                values.withUnsafeBufferPointer { values in
                    var next = 0
                    for family in page.families.indices {
                        page.families[family].samples.withUnsafeMutableBufferPointer { samples in
                            for sample in 0..<samples.count { samples[sample].value = values[next + sample] }
                            next += samples.count
                        }
                    }
                }
                return true
            }
        }
    }

    /// The offset of the `\n` ending the line that starts at `offset`, or `count` for an unterminated last line.
    private static func lineEnd(_ p: UnsafePointer<UInt8>, from offset: Int, count: Int) -> Int {
        guard offset < count, let found = memchr(p + offset, 0x0A, count - offset) else { return count }
        return p.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    // MARK: - Remembering a page

    /// Keeps `bytes` and its line table when every sample line maps, in order, onto the parsed samples, and
    /// gives the page a new layout (the pages that reuse it share it); otherwise (errors, timestamps,
    /// exemplars, quoted names, families split across the page) nothing is kept and every page of this
    /// target is parsed in full.
    private mutating func remember(_ bytes: [UInt8], _ parsed: inout ExpositionPage) {
        reset()
        guard parsed.errors.isEmpty, parsed.droppedErrorCount == 0, !bytes.isEmpty else { return }
        guard let table = Self.lineTable(bytes, parsed) else { return }
        // Random, not counted: parsers of different targets need no shared state, and 64 bits do not collide.
        parsed.layout = UInt64.random(in: 1...UInt64.max)
        previous = bytes
        lines = table
        page = parsed
    }

    private static func lineTable(_ bytes: [UInt8], _ parsed: ExpositionPage) -> [Line]? {
        bytes.withUnsafeBufferPointer { buffer -> [Line]? in
            guard let p = buffer.baseAddress else { return nil }
            var table: [Line] = []
            var family = 0
            var sample = 0
            var offset = 0
            while offset < buffer.count {
                let end = lineEnd(p, from: offset, count: buffer.count)
                var contentEnd = end
                if contentEnd > offset && p[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var first = offset
                while first < contentEnd && (p[first] == 0x20 || p[first] == 0x09) { first += 1 }
                if first == contentEnd || p[first] == 0x23 {
                    table.append(Line(start: Int32(offset), valueStart: Int32(end), end: Int32(end), sample: -1))
                } else {
                    while family < parsed.families.count && sample >= parsed.families[family].samples.count {
                        family += 1
                        sample = 0
                    }
                    guard family < parsed.families.count,
                        let valueStart = valueOffset(
                            p, from: first, to: contentEnd,
                            name: parsed.families[family].samples[sample])
                    else { return nil }
                    table.append(
                        Line(
                            start: Int32(offset), valueStart: Int32(valueStart), end: Int32(end),
                            sample: Int64(family) << 32 | Int64(sample)))
                    sample += 1
                }
                offset = end + 1
            }
            while family < parsed.families.count && sample >= parsed.families[family].samples.count {
                family += 1
                sample = 0
            }
            // Every parsed sample must have been met, in order.
            guard family == parsed.families.count, buffer.count < Int(Int32.max) else { return nil }
            return table
        }
    }

    /// Where the value of the sample line `[start, end)` starts, when the line is `name{labels} value` with
    /// the name of `expected` and nothing after the value; nil otherwise.
    private static func valueOffset(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, name expected: Sample) -> Int? {
        guard expected.timestampMs == nil, expected.exemplar == nil, p[start] != 0x7B else { return nil }
        var i = start
        while i < end && p[i] != 0x7B && p[i] != 0x20 && p[i] != 0x09 { i += 1 }
        guard UnsafeBufferPointer(start: p + start, count: i - start).elementsEqual(expected.name.utf8) else { return nil }
        let afterName = i
        while i < end && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        if i < end && p[i] == 0x7B {
            var quoted = false
            i += 1
            while i < end {
                let byte = p[i]
                if quoted {
                    if byte == 0x5C { i += 1 } else if byte == 0x22 { quoted = false }
                } else if byte == 0x22 {
                    quoted = true
                } else if byte == 0x7D {
                    break
                }
                i += 1
            }
            guard i < end else { return nil }
            i += 1
        } else {
            i = afterName
        }
        let blanks = i
        while i < end && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        guard i > blanks, i < end else { return nil }
        var valueEnd = i
        while valueEnd < end && p[valueEnd] != 0x20 && p[valueEnd] != 0x09 { valueEnd += 1 }
        return valueEnd == end ? i : nil
    }
}
