/// Where a damaged or cut recording stopped being readable: replay goes up to the last good record before
/// it and shows this, so that the user knows how much of the recording they are seeing.
package struct RecordingDamage: Sendable, Equatable, CustomStringConvertible {
    /// Offset of the first unreadable record from the start of the file.
    package var byteOffset: Int
    /// 1-based number of that record in the file, counting every record (the header is record 1).
    package var recordNumber: Int
    /// What was wrong with it: cut short, checksum mismatch, bad length…
    package var reason: String

    package init(byteOffset: Int, recordNumber: Int, reason: String) {
        self.byteOffset = byteOffset
        self.recordNumber = recordNumber
        self.reason = reason
    }

    package var description: String {
        "damaged record at byte \(byteOffset) (record \(recordNumber)): \(reason); stopped there"
    }
}
