import Foundation

/// Golden text files for frame tests: the expected text is read from the file, which
/// `INFERTOP_UPDATE_GOLDEN=1` first rewrites with the text just rendered (after an intended change, to be
/// looked at in the diff).
package enum GoldenFile {
    package static var updating: Bool { ProcessInfo.processInfo.environment["INFERTOP_UPDATE_GOLDEN"] == "1" }

    /// The golden text at `url`; when updating, `text` is written there first.
    package static func expected(_ text: String, at url: URL) throws -> String {
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
