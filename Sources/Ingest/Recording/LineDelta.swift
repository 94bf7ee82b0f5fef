/// Line-level deltas between successive pages of one target. Between two scrapes the metric names and labels
/// stay and only values move, so each changed line is stored as "keep the first K bytes of the same line of
/// the previous page, then these bytes" — typically just the changed digits of the value. Exact for any
/// input: lines that moved simply cost more, and the writer then prefers a keyframe.
///
/// Layout (all varints): page length, line count, change count, then per change (unchanged lines before it,
/// bytes kept, suffix length), then every suffix concatenated — names and digits apart, which deflates better.
enum LineDelta {
    /// The delta that turns `previous` into `page`.
    static func encode(from previous: LinePage, to page: LinePage) -> [UInt8] {
        var ops = RecordBuffer(capacity: 256)
        var suffixes: [UInt8] = []
        var changes = 0
        var lastChanged = -1
        let old = previous.bytes, new = page.bytes
        old.withUnsafeBufferPointer { o in
            new.withUnsafeBufferPointer { n in
                for i in 0..<page.lineCount {
                    let ns = page.lineStart(i), ne = page.lineEnds[i]
                    var keep = 0
                    if i < previous.lineCount {
                        let os = previous.lineStart(i), oe = previous.lineEnds[i]
                        let limit = min(oe - os, ne - ns)
                        while keep < limit && o[os + keep] == n[ns + keep] { keep += 1 }
                        if keep == oe - os && keep == ne - ns { continue }
                    }
                    ops.varint(i - lastChanged - 1)
                    ops.varint(keep)
                    ops.varint(ne - ns - keep)
                    suffixes.append(contentsOf: n[(ns + keep)..<ne])
                    lastChanged = i
                    changes += 1
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
        var triples: [(gap: Int, keep: Int, suffix: Int)] = []
        triples.reserveCapacity(changes)
        for _ in 0..<changes { triples.append((try c.count(), try c.count(), try c.count())) }
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
                let from = previous.lineStart(line), to = previous.lineEnds[line + n - 1]
                let shift = out.count - from
                out.append(contentsOf: o[from..<to])
                for k in line..<(line + n) { ends.append(previous.lineEnds[k] + shift) }
                line += n
            }
            for t in triples {
                try copyLines(t.gap)
                if t.keep > 0 {
                    guard line < previous.lineCount,
                          t.keep <= previous.lineEnds[line] - previous.lineStart(line)
                    else { throw .init(what: "delta keeps more than the previous line holds") }
                    let s = previous.lineStart(line)
                    out.append(contentsOf: o[s..<(s + t.keep)])
                }
                out.append(contentsOf: try suffixes.slice(t.suffix))
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
}
