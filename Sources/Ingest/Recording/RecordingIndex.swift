/// Where things are in a recording: the targets, each target's keyframes (time and byte offset, in file
/// order) and the health events. Read from the index records that the writer chains together and points
/// to from its footer, or — for a file without a footer, cut by a crash — rebuilt by scanning every record.
struct RecordingIndex {
    struct Entry {
        let timeMs: Int64
        let offset: Int
    }

    var targets: [String] = []
    /// `keyframes[target]`, in file order.
    var keyframes: [[Entry]] = []
    /// Every health record, in file order, with its target.
    var health: [(target: Int, entry: Entry)] = []
    /// Data (scrape and health) records in the readable part of the file.
    var dataRecords = 0
    var endTimeMs: Int64
    /// Where readable records end: the footer, the first damaged record, or the end of the file.
    var end: Int
    /// Set when a scan stopped at a damaged record.
    var damage: RecordingDamage?

    init(startMs: Int64, end: Int) {
        endTimeMs = startMs
        self.end = end
    }

    /// Reads the index through the footer; nil when there is no valid footer (the file was cut).
    static func fromFooter(_ file: UnsafeRawBufferPointer, firstRecord: Int, startMs: Int64) -> RecordingIndex? {
        let footerAt = file.count - RecordingFormat.endRecordLength
        guard footerAt >= firstRecord,
            let footer = try? RecordFraming.record(in: file, at: footerAt), footer.type == .end,
            footer.payload.count == RecordingFormat.endPayloadLength,
            Array(footer.payload[24..<32]) == RecordingFormat.endMagic
        else { return nil }
        var c = RecordCursor(footer.payload)
        // Every field is checked before it is used: a footer that points nowhere or ends at no time is no index.
        guard let last = try? c.fixed64(), let end = try? c.fixed64(), let count = try? c.fixed64(),
            let endTimeMs = try? RecordingFormat.time(startMs: startMs, offsetMs: Int64(bitPattern: end) &- startMs),
            let records = Int(exactly: count), records <= file.count, let lastIndex = Int(exactly: last)
        else { return nil }
        var index = RecordingIndex(startMs: startMs, end: footerAt)
        index.endTimeMs = endTimeMs
        index.dataRecords = records
        // Follow the chain backwards, then read the index records forwards so entries stay in file order.
        var chain: [RecordFraming.Found] = []
        var at = lastIndex
        while at >= firstRecord && at < footerAt {
            guard let record = try? RecordFraming.record(in: file, at: at), record.type == .index else { return nil }
            chain.append(record)
            var p = RecordCursor(record.payload)
            guard let previous = try? p.fixed64(), let before = Int(exactly: previous), before < at else { return nil }
            at = before
        }
        for record in chain.reversed() {
            do { try index.add(indexPayload: record.payload, file: file, startMs: startMs) } catch { return nil }
        }
        return index
    }

    /// Rebuilds the index by reading every record from `firstRecord`, stopping at the first damaged one.
    static func scan(_ file: UnsafeRawBufferPointer, firstRecord: Int, startMs: Int64) -> RecordingIndex {
        var index = RecordingIndex(startMs: startMs, end: file.count)
        var at = firstRecord
        var number = 2  // the header is record 1
        while at < file.count {
            do {
                let record = try RecordFraming.record(in: file, at: at)
                try index.add(record: record, startMs: startMs)
                at = record.next
                number += 1
            } catch {
                index.damage = RecordingDamage(byteOffset: at, recordNumber: number, reason: error.what)
                index.end = at
                break
            }
        }
        return index
    }

    private mutating func add(record: RecordFraming.Found, startMs: Int64) throws(RecordCursor.Malformed) {
        switch record.type {
        case .target:
            var c = RecordCursor(record.payload)
            try addTarget(id: try c.count(), name: try c.string())
        case .scrape:
            var head = try RecordHead(record.payload, startMs: startMs)
            let body = try head.scrapeBody()
            try checkTarget(head.target)
            if body.encoding.isKeyframe {
                keyframes[head.target].append(Entry(timeMs: head.timeMs, offset: record.offset))
            }
            count(head.timeMs)
        case .health:
            let head = try RecordHead(record.payload, startMs: startMs)
            try checkTarget(head.target)
            health.append((head.target, Entry(timeMs: head.timeMs, offset: record.offset)))
            count(head.timeMs)
        case .header:
            throw .init(what: "a second header record")
        case .index, .end, nil:
            break  // indexes are rebuilt here; unknown types are skipped for forward compatibility
        }
    }

    private mutating func add(
        indexPayload: UnsafeRawBufferPointer, file: UnsafeRawBufferPointer,
        startMs: Int64
    ) throws(RecordCursor.Malformed) {
        var c = RecordCursor(indexPayload)
        _ = try c.fixed64()
        let n = try c.count(limit: c.remaining)
        for _ in 0..<n {
            let kind = try c.byte()
            let target = try c.count()
            let time = try RecordingFormat.time(startMs: startMs, offsetMs: try c.zigzag())
            let offset = try c.count(limit: file.count)
            switch RecordingFormat.IndexKind(rawValue: kind) {
            case .target:
                let record = try RecordFraming.record(in: file, at: offset)
                var r = RecordCursor(record.payload)
                try addTarget(id: try r.count(), name: try r.string())
            case .keyframe:
                try checkTarget(target)
                keyframes[target].append(Entry(timeMs: time, offset: offset))
            case .health:
                try checkTarget(target)
                health.append((target, Entry(timeMs: time, offset: offset)))
            case nil:
                throw .init(what: "unknown index entry kind \(kind)")
            }
        }
    }

    private mutating func addTarget(id: Int, name: String) throws(RecordCursor.Malformed) {
        guard id == targets.count else { throw .init(what: "target \(id) declared out of order") }
        targets.append(name)
        keyframes.append([])
    }

    private func checkTarget(_ id: Int) throws(RecordCursor.Malformed) {
        guard id < targets.count else { throw .init(what: "record for undeclared target \(id)") }
    }

    private mutating func count(_ timeMs: Int64) {
        dataRecords += 1
        endTimeMs = max(endTimeMs, timeMs)
    }
}
