import Foundation

/// Notices when `file_sd` files change and re-reads them, so targets can come and go while infertop runs.
///
/// A change is a new modification time or size. A file that turns unreadable or invalid keeps its last
/// good targets, and the error is reported once per change rather than dropping every target.
package struct FileSDWatcher: Sendable {
    /// The outcome of one look at the files.
    package struct Update: Sendable, Equatable {
        /// All targets of all files, in file order (present only when something changed).
        package var targets: [ScrapeTarget]
        /// Problems found in this look, one per bad file.
        package var errors: [String]
    }

    private struct Signature: Sendable, Equatable {
        var modified: Date?
        var size: Int?
    }

    package let paths: [String]
    private var signatures: [String: Signature] = [:]
    private var targetsByPath: [String: [ScrapeTarget]] = [:]

    package init(paths: [String]) {
        self.paths = paths
    }

    /// Looks at every file; returns nil when none changed since the last call (the first call always reads).
    package mutating func poll() -> Update? {
        var changed = false
        var errors: [String] = []
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).expandingTildeInPath)
            let signature = Signature(
                modified: attributes?[.modificationDate] as? Date,
                size: (attributes?[.size] as? NSNumber)?.intValue)
            if signatures[path] == signature, signatures[path] != nil { continue }
            signatures[path] = signature
            changed = true
            do {
                targetsByPath[path] = try FileSD.load(path: path)
            } catch {
                errors.append(String(describing: error))
            }
        }
        guard changed else { return nil }
        var seen = Set<String>()
        let targets = paths.flatMap { targetsByPath[$0] ?? [] }.filter { seen.insert($0.id).inserted }
        return Update(targets: targets, errors: errors)
    }
}
