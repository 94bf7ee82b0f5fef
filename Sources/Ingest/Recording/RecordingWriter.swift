import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends scrapes and health changes to a recording file (format: docs/RECORDING.md).
///
/// Every append is framed, checksummed and handed to the kernel with one `write(2)` before it returns, so a
/// process killed with `kill -9` loses at most the record it was writing. Safe to share between tasks: the
/// state sits behind a `Mutex`. Call `close()` at the end to add the final index and footer, which let a
/// reader open the file without scanning it; a file without them is still read, by scanning.
package final class RecordingWriter: Sendable {
    /// The file being written.
    package let path: String
    private let core: Mutex<RecordingWriterCore>

    /// Creates (or truncates) `path` and writes the magic bytes and `header`.
    package init(path: String, header: RecordingHeader, options: RecordingOptions = RecordingOptions()) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RecordingError.posix(path, "open for writing") }
        let core: RecordingWriterCore
        do {
            core = try RecordingWriterCore(fd: fd, path: path, header: header, options: options)
        } catch {
            _ = closeFileDescriptor(fd)
            throw error
        }
        self.core = Mutex(core)
    }

    deinit {
        core.withLock { $0.abandon() }
    }

    /// Appends one scrape: the exact exposition bytes of `target` at `timeMs`.
    package func appendScrape(target: String, timeMs: Int64, durationSeconds: Double, bytes: [UInt8]) throws {
        try core.withLock { try $0.appendScrape(target: target, timeMs: timeMs, duration: durationSeconds, bytes: bytes) }
    }

    /// Appends one scrape.
    package func append(_ scrape: RecordedScrape) throws {
        try appendScrape(
            target: scrape.target, timeMs: scrape.timeMs, durationSeconds: scrape.durationSeconds,
            bytes: scrape.bytes)
    }

    /// Appends a health change of `target`: down with an error, or up again, with what is known about it.
    package func appendHealth(
        target: String, timeMs: Int64, up: Bool, error: String? = nil,
        facts: TargetFacts = TargetFacts()
    ) throws {
        try core.withLock { try $0.appendHealth(target: target, timeMs: timeMs, up: up, error: error, facts: facts) }
    }

    /// Appends one health change.
    package func append(_ health: RecordedHealth) throws {
        try appendHealth(
            target: health.target, timeMs: health.timeMs, up: health.up, error: health.error,
            facts: health.facts)
    }

    /// Bytes in the file so far.
    package var byteCount: Int { core.withLock { $0.offset } }

    /// Writes the last index and the footer and closes the file; later appends throw.
    package func close() throws {
        try core.withLock { try $0.close() }
    }
}
