import Foundation

/// A temporary folder removed when the value is dropped.
package final class TemporaryFolder {
    package let url: URL

    /// A new folder named `infertop-PURPOSE-<uuid>` in the system's temporary folder.
    package init(_ purpose: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    package func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
