/// The decoded fixed part of a scrape or health record: whose it is and when, plus what follows. Reading only
/// this is how seeks and scans walk past records without inflating them.
struct RecordHead {
    let target: Int
    let timeMs: Int64
    /// The cursor just after the time field.
    var rest: RecordCursor

    init(_ payload: UnsafeRawBufferPointer, startMs: Int64) throws(RecordCursor.Malformed) {
        var c = RecordCursor(payload)
        target = try c.count()
        timeMs = try RecordingFormat.time(startMs: startMs, offsetMs: try c.zigzag())
        rest = c
    }

    /// The rest of a scrape record: duration, encoding and stored bytes.
    mutating func scrapeBody() throws(RecordCursor.Malformed)
        -> (duration: Double, encoding: RecordingFormat.Encoding, length: Int, data: UnsafeRawBufferPointer)
    {
        let duration = Double(bitPattern: try rest.fixed64())
        guard duration >= 0 && duration <= 86_400 else { throw .init(what: "scrape duration \(duration) s is not a duration") }
        let raw = try rest.byte()
        guard let encoding = RecordingFormat.Encoding(rawValue: raw) else {
            throw .init(what: "unknown scrape encoding \(raw)")
        }
        let length = try rest.count()
        return (duration, encoding, length, try rest.slice(rest.remaining))
    }

    /// The rest of a health record: up or down, and the error text.
    mutating func healthBody() throws(RecordCursor.Malformed) -> (up: Bool, error: String?, facts: TargetFacts) {
        let flags = try rest.byte()
        let error = flags & 2 != 0 ? try rest.string() : nil
        var fields: [String?] = []
        for bit in RecordingFormat.factFlags { fields.append(flags & bit != 0 ? try rest.string() : nil) }
        return (flags & 1 != 0, error, TargetFacts(fields: fields))
    }
}
