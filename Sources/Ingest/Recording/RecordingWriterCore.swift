import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `close(2)`, named apart so that types with their own `close()` can call it.
func closeFileDescriptor(_ fd: Int32) -> Int32 { close(fd) }

/// The mutable state of a `RecordingWriter`, used only under its mutex: the file descriptor, the previous
/// page of each target (for deltas), when each target last got a keyframe, and the index entries not yet
/// written.
struct RecordingWriterCore {
    private var fd: Int32
    private let path: String
    private let options: RecordingOptions
    private let startMs: Int64
    private let codec: PageCodec
    private(set) var offset = 0
    private var targets: [String: Int] = [:]
    private var pages: [Int: LinePage] = [:]
    private var lastKeyframeMs: [Int: Int64] = [:]
    private var pendingIndex = RecordBuffer(capacity: 1024)
    private var pendingEntries = 0
    private var lastIndexOffset: UInt64 = 0
    private var lastIndexTimeMs: Int64
    private var dataRecords: UInt64 = 0
    private var endTimeMs: Int64

    init(fd: Int32, path: String, header: RecordingHeader, options: RecordingOptions) throws {
        self.fd = fd
        self.path = path
        self.options = options
        self.startMs = header.startTimeMs
        self.lastIndexTimeMs = header.startTimeMs
        self.endTimeMs = header.startTimeMs
        self.codec = try PageCodec(level: options.compressionLevel)
        // Sorted keys: the same run gives the same file (dictionary order changes from process to process).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(header)
        try write(RecordingFormat.magic + RecordFraming.frame(.header, [UInt8](json)))
    }

    mutating func appendScrape(target: String, timeMs: Int64, duration: Double, bytes: [UInt8]) throws {
        let id = try targetID(target)
        let page = LinePage(bytes)
        var encoding = RecordingFormat.Encoding.full
        var body = bytes
        let dueKeyframe = lastKeyframeMs[id].map { timeMs &- $0 >= options.keyframeIntervalMs || timeMs < $0 } ?? true
        if !dueKeyframe, let previous = pages[id] {
            let delta = LineDelta.encode(from: previous, to: page)
            // A delta over half the page means the page changed shape: a keyframe costs little more and
            // keeps seeks and recovery short.
            if delta.count <= bytes.count / 2 {
                encoding = .delta
                body = delta
            }
        }
        let deflated = try codec.deflate(body)
        var payload = RecordBuffer(capacity: min(deflated.count, body.count) + 24)
        payload.varint(id)
        payload.zigzag(timeMs &- startMs)  // wraps, never traps; the reader checks every time it decodes
        payload.fixed64(duration.bitPattern)
        if deflated.count < body.count {
            encoding = encoding == .full ? .fullDeflated : .deltaDeflated
        }
        payload.byte(encoding.rawValue)
        payload.varint(body.count)
        payload.append(encoding.isDeflated ? deflated : body)
        let recordOffset = offset
        try writeRecord(.scrape, payload.bytes, timeMs: timeMs)
        pages[id] = page
        if encoding.isKeyframe {
            lastKeyframeMs[id] = timeMs
            addIndexEntry(.keyframe, target: id, timeMs: timeMs, offset: recordOffset)
        }
        try indexIfDue(timeMs)
    }

    mutating func appendHealth(target: String, timeMs: Int64, up: Bool, error: String?, facts: TargetFacts) throws {
        let id = try targetID(target)
        var payload = RecordBuffer()
        payload.varint(id)
        payload.zigzag(timeMs &- startMs)
        let fields = facts.fields
        var flags: UInt8 = (up ? 1 : 0) | (error != nil ? 2 : 0)
        for (bit, field) in zip(RecordingFormat.factFlags, fields) where field != nil { flags |= bit }
        payload.byte(flags)
        if let error { payload.string(error) }
        for field in fields { if let field { payload.string(field) } }
        let recordOffset = offset
        try writeRecord(.health, payload.bytes, timeMs: timeMs)
        addIndexEntry(.health, target: id, timeMs: timeMs, offset: recordOffset)
        try indexIfDue(timeMs)
    }

    mutating func close() throws {
        guard fd >= 0 else { return }
        if pendingEntries > 0 || lastIndexOffset == 0 { try writeIndex() }
        var end = RecordBuffer(capacity: RecordingFormat.endPayloadLength)
        end.fixed64(lastIndexOffset)
        end.fixed64(UInt64(bitPattern: endTimeMs))
        end.fixed64(dataRecords)
        end.append(RecordingFormat.endMagic)
        try write(RecordFraming.frame(.end, end.bytes))
        let closed = closeFileDescriptor(fd)
        fd = -1
        if closed != 0 { throw RecordingError.posix(path, "close") }
    }

    /// Closes the descriptor without a footer (the writer was dropped without `close()`); readers scan.
    mutating func abandon() {
        if fd >= 0 { _ = closeFileDescriptor(fd) }
        fd = -1
    }

    private mutating func targetID(_ name: String) throws -> Int {
        if let id = targets[name] { return id }
        let id = targets.count
        var payload = RecordBuffer()
        payload.varint(id)
        payload.string(name)
        let recordOffset = offset
        try write(RecordFraming.frame(.target, payload.bytes))
        targets[name] = id
        addIndexEntry(.target, target: id, timeMs: startMs, offset: recordOffset)
        return id
    }

    private mutating func writeRecord(_ type: RecordingFormat.RecordType, _ payload: [UInt8], timeMs: Int64) throws {
        try write(RecordFraming.frame(type, payload))
        dataRecords += 1
        endTimeMs = max(endTimeMs, timeMs)
    }

    private mutating func addIndexEntry(_ kind: RecordingFormat.IndexKind, target: Int, timeMs: Int64, offset: Int) {
        pendingIndex.byte(kind.rawValue)
        pendingIndex.varint(target)
        pendingIndex.zigzag(timeMs &- startMs)
        pendingIndex.varint(offset)
        pendingEntries += 1
    }

    private mutating func indexIfDue(_ timeMs: Int64) throws {
        guard timeMs &- lastIndexTimeMs >= options.indexIntervalMs, pendingEntries > 0 else { return }
        try writeIndex()
        lastIndexTimeMs = timeMs
    }

    private mutating func writeIndex() throws {
        var payload = RecordBuffer(capacity: pendingIndex.bytes.count + 16)
        payload.fixed64(lastIndexOffset)
        payload.varint(pendingEntries)
        payload.append(pendingIndex.bytes)
        let recordOffset = offset
        try write(RecordFraming.frame(.index, payload.bytes))
        lastIndexOffset = UInt64(recordOffset)
        pendingIndex = RecordBuffer(capacity: 1024)
        pendingEntries = 0
    }

    /// One `write(2)` per record (repeated only if the kernel takes part of it), so a kill loses at most it.
    private mutating func write(_ bytes: [UInt8]) throws {
        guard fd >= 0 else { throw RecordingError.closed(path: path) }
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RecordingError.posix(path, "write")
                }
                done += n
            }
        }
        offset += bytes.count
        if options.syncEachRecord && fsync(fd) != 0 { throw RecordingError.posix(path, "fsync") }
    }
}
