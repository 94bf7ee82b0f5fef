#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line-level deltas between successive pages of one target. Between two scrapes the metric names and labels
/// stay and only values move, so each changed line is stored as "keep the first K bytes of the same line of
/// the previous page, then these bytes" — typically just the changed digits of the value. Exact for any
/// input: lines that moved simply cost more, and the writer then prefers a keyframe.
///
/// A changed line whose value is an integer (`14250`, `14250.0`, `-3`) in both pages, with everything else
/// equal, is stored as the difference of the two integers instead: a counter that grew by 12 costs a byte.
///
/// Layout (all varints): page length, line count, change count, then per change: unchanged lines before it,
/// then either `0` and the zigzag integer difference, or `K + 1` (K = bytes kept) and the suffix length;
/// then every suffix concatenated — names and digits apart, which deflates better.
enum LineDelta {
    /// The delta that turns `previous` into `page`.
    static func encode(from previous: LinePage, to page: LinePage) -> [UInt8] {
        var ops = RecordBuffer(capacity: 256)
        var suffixes: [UInt8] = []
        var changes = 0
        var lastChanged = -1
        let old = previous.bytes
        let new = page.bytes
        old.withUnsafeBufferPointer { o in
            new.withUnsafeBufferPointer { n in
                for i in 0..<page.lineCount {
                    let ns = page.lineStart(i)
                    let ne = page.lineEnds[i]
                    var keep = 0
                    if i < previous.lineCount {
                        let os = previous.lineStart(i)
                        let oe = previous.lineEnds[i]
                        // Most lines repeat whole: one memcmp instead of a byte loop.
                        if oe - os == ne - ns && memcmp(o.baseAddress! + os, n.baseAddress! + ns, ne - ns) == 0 {
                            continue
                        }
                        let limit = min(oe - os, ne - ns)
                        while keep < limit && o[os + keep] == n[ns + keep] { keep += 1 }
                    }
                    ops.varint(i - lastChanged - 1)
                    lastChanged = i
                    changes += 1
                    if i < previous.lineCount,
                        let diff = integerChange(o, previous.lineStart(i), previous.lineEnds[i], n, ns, ne)
                    {
                        ops.varint(0)
                        ops.zigzag(diff)
                        continue
                    }
                    ops.varint(keep + 1)
                    ops.varint(ne - ns - keep)
                    suffixes.append(contentsOf: n[(ns + keep)..<ne])
                }
            }
        }
        var out = RecordBuffer(capacity: ops.bytes.count + suffixes.count + 16)
        out.varint(page.bytes.count)
        out.varint(page.lineCount)
        out.varint(changes)
        out.append(ops.bytes)
        out.append(suffixes)
        return out.bytes
    }

    /// Applies `delta` to `previous`; throws on a delta that does not fit it (a damaged record).
    static func apply(_ delta: UnsafeRawBufferPointer, to previous: LinePage) throws(RecordCursor.Malformed) -> LinePage {
        var c = RecordCursor(delta)
        let length = try c.count()
        let lineCount = try c.count()
        let changes = try c.count(limit: lineCount)
        // keep == -1 marks an integer change, `value` then holding the difference; else the suffix length.
        var triples: [(gap: Int, keep: Int, value: Int64)] = []
        triples.reserveCapacity(changes)
        for _ in 0..<changes {
            let gap = try c.count()
            let code = try c.count()
            triples.append(code == 0 ? (gap, -1, try c.zigzag()) : (gap, code - 1, Int64(try c.count())))
        }
        var suffixes = c

        var out = [UInt8]()
        out.reserveCapacity(length)
        var ends = [Int]()
        ends.reserveCapacity(lineCount)
        var line = 0
        try previous.bytes.withUnsafeBufferPointer { (o) throws(RecordCursor.Malformed) in
            /// Copies unchanged lines `line..<line+n` of the previous page in one run.
            func copyLines(_ n: Int) throws(RecordCursor.Malformed) {
                guard n > 0 else { return }
                guard line + n <= previous.lineCount else { throw .init(what: "delta copies past the previous page") }
                let from = previous.lineStart(line)
                let to = previous.lineEnds[line + n - 1]
                let shift = out.count - from
                out.append(contentsOf: o[from..<to])
                for k in line..<(line + n) { ends.append(previous.lineEnds[k] + shift) }
                line += n
            }
            for t in triples {
                try copyLines(t.gap)
                if t.keep < 0 {
                    guard line < previous.lineCount else { throw .init(what: "delta changes a line past the page") }
                    try applyIntegerChange(o, previous.lineStart(line), previous.lineEnds[line], t.value, &out)
                    ends.append(out.count)
                    line += 1
                    continue
                }
                if t.keep > 0 {
                    guard line < previous.lineCount,
                        t.keep <= previous.lineEnds[line] - previous.lineStart(line)
                    else { throw .init(what: "delta keeps more than the previous line holds") }
                    let s = previous.lineStart(line)
                    out.append(contentsOf: o[s..<(s + t.keep)])
                }
                out.append(contentsOf: try suffixes.slice(Int(t.value)))
                ends.append(out.count)
                line += 1
            }
            try copyLines(lineCount - line)
        }
        guard out.count == length, ends.count == lineCount else {
            throw .init(what: "delta rebuilds \(out.count) bytes, expected \(length)")
        }
        return LinePage(bytes: out, lineEnds: ends)
    }

    /// The integer value ending a line: where its digits start and end, and its value. Only canonical
    /// integers (no leading zeros, no `-0`, at most 18 digits) qualify, so that printing the value gives
    /// back the same bytes.
    static func integerToken(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    )
        -> (from: Int, to: Int, value: Int64)?
    {
        var stop = end
        if stop > start && p[stop - 1] == 0x0A { stop -= 1 }
        var space = stop - 1
        while space >= start && p[space] != 0x20 { space -= 1 }
        guard space >= start else { return nil }
        var i = space + 1
        let negative = i < stop && p[i] == 0x2D
        if negative { i += 1 }
        let digits = i
        var value: Int64 = 0
        while i < stop && p[i] >= 0x30 && p[i] <= 0x39 && i - digits < 18 {
            value = value * 10 + Int64(p[i] - 0x30)
            i += 1
        }
        let count = i - digits
        guard count >= 1, i == stop || !(p[i] >= 0x30 && p[i] <= 0x39),
            count == 1 || p[digits] != 0x30, !(negative && value == 0)
        else { return nil }
        return (space + 1, i, negative ? -value : value)
    }

    /// The difference between the integer values of two lines that are otherwise equal, or nil.
    private static func integerChange(
        _ o: UnsafeBufferPointer<UInt8>, _ os: Int, _ oe: Int,
        _ n: UnsafeBufferPointer<UInt8>, _ ns: Int, _ ne: Int
    ) -> Int64? {
        guard let old = integerToken(o, os, oe), let new = integerToken(n, ns, ne),
            old.from - os == new.from - ns, oe - old.to == ne - new.to,
            memcmp(o.baseAddress! + os, n.baseAddress! + ns, old.from - os) == 0,
            memcmp(o.baseAddress! + old.to, n.baseAddress! + new.to, oe - old.to) == 0
        else { return nil }
        return new.value - old.value
    }

    /// Appends the previous line with its integer value moved by `diff`.
    private static func applyIntegerChange(
        _ o: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ diff: Int64,
        _ out: inout [UInt8]
    ) throws(RecordCursor.Malformed) {
        guard let token = integerToken(o, start, end) else {
            throw .init(what: "delta changes the integer of a line that has none")
        }
        let (value, overflow) = token.value.addingReportingOverflow(diff)
        guard !overflow else { throw .init(what: "integer change overflows") }
        out.append(contentsOf: o[start..<token.from])
        out.append(contentsOf: String(value).utf8)
        out.append(contentsOf: o[token.to..<end])
    }
}
