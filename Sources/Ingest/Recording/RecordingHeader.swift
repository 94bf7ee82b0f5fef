import Foundation

/// What a recording says about itself in its first record: the format version it was written with, the
/// infertop version that wrote it, the sources it recorded, the scrape interval and the start time.
/// Stored as JSON so that `strings FILE | head` shows it and new fields can be added without a new version.
package struct RecordingHeader: Codable, Sendable, Equatable {
    /// The recording format version (see docs/RECORDING.md); readers refuse versions newer than theirs.
    package var formatVersion: Int
    /// The `infertop --version` that wrote the file.
    package var infertopVersion: String
    /// The sources as the user gave them (URLs, Prometheus queries, file names).
    package var sources: [String]
    /// The scrape interval the recorder was asked for, in seconds.
    package var intervalSeconds: Double
    /// Wall-clock start of the recording, in milliseconds since 1970; record times are stored relative to it.
    package var startTimeMs: Int64

    /// The format version this build writes (and the newest it reads).
    package static let currentFormatVersion = RecordingFormat.version

    package init(
        infertopVersion: String, sources: [String], intervalSeconds: Double, startTimeMs: Int64,
        formatVersion: Int = RecordingHeader.currentFormatVersion
    ) {
        self.formatVersion = formatVersion
        self.infertopVersion = infertopVersion
        self.sources = sources
        self.intervalSeconds = intervalSeconds
        self.startTimeMs = startTimeMs
    }
}
