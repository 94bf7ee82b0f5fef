import Exposition
import Foundation
import TestSupport

/// Runs `Tests/Scripts/prom_families.py` (Python's `prometheus_client` parser) and compares its view of a page
/// with ours, as a set of "family|type|sample count" lines.
enum PythonPeer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func summary(of file: URL) throws -> Set<String> {
        let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Scripts/prom_families.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "prom_families.py failed (is prometheus_client installed? `pip install prometheus_client`): "
                    + String(decoding: errors, as: UTF8.self))
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// prometheus_client names a counter family without `_total` and an info family without `_info`, and
    /// reads text-format `untyped` as `unknown`; apply the same renames to our page.
    static func normalize(_ page: ExpositionPage) -> Set<String> {
        var lines = Set<String>()
        for family in page.families {
            var name = family.name
            if family.type == .counter, name.hasSuffix("_total") { name.removeLast(6) }
            if family.type == .info, name.hasSuffix("_info") { name.removeLast(5) }
            let type = family.type == .untyped ? "unknown" : family.type.rawValue
            lines.insert("\(name)|\(type)|\(family.samples.count)")
        }
        return lines
    }
}
