/// Finds the state of a recording at a moment using the keyframe index: for each target, start from its
/// last keyframe before the moment and apply only the deltas after it — at most one keyframe interval of
/// records, however long the recording.
struct RecordingSeeker {
    let reader: RecordingReader
    let firstRecord: Int

    func seek(toMs timeMs: Int64) -> RecordingPosition {
        let index = reader.index
        // 1. Where the moment is in the file: the first record after it, found by walking forward from the
        //    earliest keyframe any target needs (reading only record heads, inflating nothing).
        var from = index.end
        for frames in index.keyframes {
            let k = frames.partitioningIndex { $0.timeMs > timeMs }
            if k > 0 { from = min(from, frames[k - 1].offset) }
        }
        let stop = firstRecordAfter(timeMs, from: from == index.end ? firstRecord : from)
        // 2. Each target's base: its last keyframe before that point.
        var base: [Int: Int] = [:]
        for (target, frames) in index.keyframes.enumerated() {
            let k = frames.partitioningIndex { $0.offset >= stop }
            if k > 0 { base[target] = frames[k - 1].offset }
        }
        let start = base.values.min() ?? stop
        // 3. Health known before the decoded range comes from the index; the rest from decoding.
        var health: [String: RecordedHealth] = [:]
        for h in index.health where h.entry.offset < start {
            if let event = try? reader.health(at: h.entry.offset) { health[event.target] = event }
        }
        var iterator = RecordingIterator(reader: reader, offset: start)
        let decoded = iterator.advance(to: stop) { target, offset in base[target].map { offset >= $0 } ?? false }
        for h in decoded.health { health[h.target] = h }
        let order = index.targets
        return RecordingPosition(
            timeMs: timeMs, scrapes: order.compactMap { decoded.scrapes[$0] },
            health: order.compactMap { health[$0] }, iterator: iterator)
    }

    /// The offset of the first scrape or health record at or after `from` stamped later than `timeMs`, or
    /// the end of the readable part.
    private func firstRecordAfter(_ timeMs: Int64, from: Int) -> Int {
        let bytes = reader.file.bytes
        let end = reader.index.end
        var at = from
        while at + RecordingFormat.frameOverhead <= end {
            let type = RecordingFormat.RecordType(rawValue: bytes[at])
            let length = Int(bytes.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self).littleEndian)
            guard length <= end - at - RecordingFormat.frameOverhead else { return at }
            if type == .scrape || type == .health {
                let payload = UnsafeRawBufferPointer(rebasing: bytes[(at + 5)..<(at + 5 + length)])
                guard let head = try? RecordHead(payload, startMs: reader.header.startTimeMs) else { return at }
                if head.timeMs > timeMs { return at }
            }
            at += length + RecordingFormat.frameOverhead
        }
        return min(at, end)
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, for an array partitioned by it (binary search).
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
