/// How a `RecordingWriter` trades size against seek time and durability.
package struct RecordingOptions: Sendable, Equatable {
    /// A full page per target at least this often (recording time): a seek decodes at most this much of
    /// each target's deltas, and a damaged delta chain heals at the next keyframe.
    package var keyframeIntervalMs: Int64
    /// An index record at least this often (recording time), listing the keyframes and events since the last.
    package var indexIntervalMs: Int64
    /// zlib level, 1 (fast) to 9 (small).
    package var compressionLevel: Int32
    /// `fsync` after every record: survives power loss, not only a killed process, at the cost of a disk
    /// flush per scrape. Off by default: each record is written with one `write(2)`, which a `kill -9` keeps.
    package var syncEachRecord: Bool

    package init(
        keyframeIntervalMs: Int64 = 60_000, indexIntervalMs: Int64 = 60_000, compressionLevel: Int32 = 6,
        syncEachRecord: Bool = false
    ) {
        self.keyframeIntervalMs = keyframeIntervalMs
        self.indexIntervalMs = indexIntervalMs
        self.compressionLevel = compressionLevel
        self.syncEachRecord = syncEachRecord
    }
}
