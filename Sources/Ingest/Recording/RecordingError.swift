#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a recording could not be opened or written, naming the file and saying what to do about it.
package enum RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not start with the recording magic bytes.
    case notARecording(path: String, detail: String)
    /// The file was written by a newer infertop.
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// The header record itself is damaged, so nothing in the file can be trusted.
    case damagedHeader(path: String, detail: String)
    /// An operating-system call failed.
    case io(path: String, operation: String, message: String)
    /// `append` after `close`.
    case closed(path: String)

    package var description: String {
        switch self {
        case .notARecording(let path, let detail):
            "\(path): not an infertop recording (\(detail)); record one with `infertop record --out FILE`, "
                + "or pass a .prom file or a folder of .prom files"
        case .unsupportedVersion(let path, let found, let supported):
            "\(path): recording format version \(found) is newer than this infertop reads (\(supported)); "
                + "upgrade infertop"
        case .damagedHeader(let path, let detail):
            "\(path): the recording header is damaged (\(detail)); the file cannot be replayed"
        case .io(let path, let operation, let message):
            "\(path): \(operation) failed: \(message)"
        case .closed(let path):
            "\(path): the recording is already closed"
        }
    }

    /// An `io` error from the current `errno`.
    static func posix(_ path: String, _ operation: String) -> RecordingError {
        .io(path: path, operation: operation, message: String(cString: strerror(errno)))
    }
}
