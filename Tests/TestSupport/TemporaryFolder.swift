import Foundation

/// A temporary folder removed when the value is dropped.
public final class TemporaryFolder {
    public let url: URL

    /// A new folder named `infertop-PURPOSE-<uuid>` in the system's temporary folder.
    public init(_ purpose: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
