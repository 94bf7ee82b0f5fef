/// Replays the records of a recording in file order (the order they were written), rebuilding each scrape's
/// exact bytes from its keyframe and deltas. Stops at the end of the readable part; when it stopped early,
/// `damage` says where and why. Get one from `RecordingReader.events()` or from a seek.
package struct RecordingIterator: IteratorProtocol, Sequence {
    private let reader: RecordingReader
    private let codec: PageCodec
    /// Byte offset of the next record.
    package private(set) var offset: Int
    /// The last page of each target, the base of its next delta.
    var pages: [Int: LinePage] = [:]
    /// Where reading stopped early, if it did.
    package private(set) var damage: RecordingDamage?

    init(reader: RecordingReader, offset: Int) {
        self.reader = reader
        self.offset = offset
        // zlib stream setup only fails when out of memory, where nothing else would work either.
        self.codec = try! PageCodec()
    }

    package mutating func next() -> RecordingEvent? {
        while damage == nil {
            guard offset < reader.index.end else {
                damage = reader.index.damage
                return nil
            }
            let at = offset
            do {
                let record = try RecordFraming.record(in: reader.file.bytes, at: at)
                offset = record.next
                if let event = try decode(record, keep: { _ in true }) { return event }
            } catch {
                damage = RecordingDamage(byteOffset: at, recordNumber: reader.recordNumber(at: at), reason: error.what)
            }
        }
        return nil
    }

    /// Decodes the records before `stop`, updating the pages; `keep(target, offset)` says which scrapes to
    /// rebuild (a seek skips a target's records before the keyframe it starts from). Returns the last scrape
    /// of each target and the health records met on the way.
    mutating func advance(
        to stop: Int, keep: (_ target: Int, _ offset: Int) -> Bool
    )
        -> (scrapes: [String: RecordedScrape], health: [RecordedHealth])
    {
        var scrapes: [String: RecordedScrape] = [:]
        var health: [RecordedHealth] = []
        while damage == nil && offset < stop {
            let at = offset
            do {
                let record = try RecordFraming.record(in: reader.file.bytes, at: at)
                offset = record.next
                switch try decode(record, keep: { keep($0, at) }) {
                case .scrape(let s): scrapes[s.target] = s
                case .health(let h): health.append(h)
                case nil: break
                }
            } catch {
                damage = RecordingDamage(byteOffset: at, recordNumber: reader.recordNumber(at: at), reason: error.what)
            }
        }
        return (scrapes, health)
    }

    /// The event a record holds, nil for bookkeeping records and for scrapes that `keep` rejects.
    private mutating func decode(
        _ record: RecordFraming.Found, keep: (Int) -> Bool
    )
        throws(RecordCursor.Malformed) -> RecordingEvent?
    {
        switch record.type {
        case .scrape:
            var head = try RecordHead(record.payload, startMs: reader.header.startTimeMs)
            guard keep(head.target) else { return nil }
            let body = try head.scrapeBody()
            let stored =
                body.encoding.isDeflated
                ? try codec.inflate(body.data, length: body.length) : Array(body.data)
            let page: LinePage
            if body.encoding.isKeyframe {
                page = LinePage(stored)
            } else {
                guard let previous = pages[head.target] else {
                    throw .init(what: "delta for target \(head.target) without a keyframe before it")
                }
                page = try stored.withUnsafeBytes { d in
                    Result { () throws(RecordCursor.Malformed) in try LineDelta.apply(d, to: previous) }
                }.get()
            }
            pages[head.target] = page
            return .scrape(
                RecordedScrape(
                    target: try reader.targetName(head.target), timeMs: head.timeMs,
                    durationSeconds: body.duration, bytes: page.bytes))
        case .health:
            var head = try RecordHead(record.payload, startMs: reader.header.startTimeMs)
            let body = try head.healthBody()
            return .health(
                RecordedHealth(
                    target: try reader.targetName(head.target), timeMs: head.timeMs,
                    up: body.up, error: body.error, facts: body.facts))
        case .header:
            throw .init(what: "a second header record")
        case .target, .index, .end, nil:
            return nil
        }
    }
}
