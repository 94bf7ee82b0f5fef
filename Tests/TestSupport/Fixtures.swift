import Foundation

/// Paths to files committed under `Tests/Fixtures`, found from this source file so tests need no bundle.
package enum Fixtures {
    /// `Tests/Fixtures`.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository root (the folder holding Package.swift).
    package static let repositoryRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent()

    /// The real scrapes copied from `shared/reference/metrics` (see `Tests/Fixtures/metrics/SOURCES.md`).
    package static var realScrapes: [URL] {
        let folder = root.appendingPathComponent("metrics")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".prom") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// One real scrape by file name, e.g. `"vllm-v1-kops-qwen2.5-0.5b.prom"`.
    package static func realScrape(_ name: String) -> URL {
        root.appendingPathComponent("metrics").appendingPathComponent(name)
    }

    /// The bytes of a fixture file.
    package static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
