import Formatting
import Foundation

/// Replays a folder of `.prom` exposition dumps, or one `.prom` file, like a recording: each file is one
/// scrape, its target named by the file's path without extension and time, its time read from the name
/// (`DumpFileTime`), else from the nearest enclosing folder name holding one, else the file's modification
/// time. Files named by a number alone (`000.prom`, `001.prom`, …) are numbered scrapes of one target, the
/// folder they lie in, played in the order of their numbers (docs/RECORDING.md). Files are read when replayed,
/// not when the folder is opened, so large folders open fast.
package struct PromDumpSource: Sendable {
    /// One dump file and what its name says.
    package struct Dump: Sendable, Equatable {
        /// The file.
        package var path: String
        /// The target it is taken for: the path below the folder, minus extension and time.
        package var target: String
        /// When it was taken, in milliseconds since 1970.
        package var timeMs: Int64
        /// Whether `timeMs` came from a name (else from the modification time, or for numbered dumps whose
        /// modification times do not follow their numbers, from the number).
        package var timeFromName: Bool
        /// The number a numbered dump is named by (`007.prom` → 7), nil for other names.
        package var sequence: Int? = nil
    }

    /// The folder or file opened.
    package let path: String
    /// Every dump, by time (then target).
    package let dumps: [Dump]
    /// What was inferred from the names that a person should know: numbered dumps taken as one target, and how
    /// they were timed.
    package let notes: [String]

    /// Lists the `.prom` files under `path` (searched recursively, hidden files skipped), or takes `path`
    /// itself when it is a file (of any extension). Numbered dumps whose modification times do not rise with
    /// their numbers (copied files) are placed `numberedIntervalMs` apart.
    package init(path: String, numberedIntervalMs: Int64 = 1_000) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RecordingError.io(path: path, operation: "open", message: "no such file or folder")
        }
        let root = URL(fileURLWithPath: path)
        var found: [Dump] = []
        if isFolder.boolValue {
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "prom",
                    (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                else { continue }
                let relative = Array(
                    url.standardizedFileURL.pathComponents.dropFirst(
                        root.standardizedFileURL.pathComponents.count))
                found.append(Self.dump(url: url, relative: relative, folder: root.lastPathComponent))
            }
            guard !found.isEmpty else {
                throw RecordingError.notARecording(path: path, detail: "the folder holds no .prom files")
            }
        } else {
            found = [
                Self.dump(
                    url: root, relative: [root.lastPathComponent],
                    folder: root.deletingLastPathComponent().lastPathComponent)
            ]
        }
        notes = Self.timeNumbered(&found, intervalMs: min(max(1, numberedIntervalMs), 86_400_000))
        dumps = found.sorted { ($0.timeMs, $0.target, $0.sequence ?? 0) < ($1.timeMs, $1.target, $1.sequence ?? 0) }
    }

    /// Numbered dumps keep their modification times when those rise with the numbers, at least
    /// `minimumFileGapMs` apart (the files were written as they were scraped); otherwise (files copied without
    /// their times get new ones a few milliseconds apart, in any order) they are placed `intervalMs` apart by
    /// number from the earliest of them, so rates are never taken over the milliseconds a copy took.
    private static func timeNumbered(_ dumps: inout [Dump], intervalMs: Int64) -> [String] {
        var notes: [String] = []
        let numbered = dumps.indices.compactMap { index in dumps[index].sequence.map { (index: index, number: $0) } }
        let groups = Dictionary(grouping: numbered, by: { dumps[$0.index].target })
        for (target, members) in groups.sorted(by: { $0.key < $1.key }) {
            let ordered = members.sorted { $0.number < $1.number }
            guard let first = ordered.first, let last = ordered.last else { continue }
            let range =
                "\((dumps[first.index].path as NSString).lastPathComponent)–"
                + "\((dumps[last.index].path as NSString).lastPathComponent)"
            let rising = zip(ordered, ordered.dropFirst()).allSatisfy {
                dumps[$1.index].timeMs - dumps[$0.index].timeMs >= minimumFileGapMs
            }
            if rising {
                notes.append(
                    "\(range): \(ordered.count) numbered dumps of one target, \(target), timed by their files' modification times"
                )
                continue
            }
            let start = ordered.map { dumps[$0.index].timeMs }.min() ?? 0
            // Numbers have at most 9 digits and the interval at most a day: no product overflows.
            for member in ordered { dumps[member.index].timeMs = start + Int64(member.number - first.number) * intervalMs }
            notes.append(
                "\(range): \(ordered.count) numbered dumps of one target, \(target); their modification "
                    + "times do not follow their numbers a scrape apart, so they are taken \(Format.window(Double(intervalMs) / 1000)) apart "
                    + "(--interval)")
        }
        return notes
    }

    /// The targets, in the order they first appear.
    package var targets: [String] {
        var seen = Set<String>()
        return dumps.compactMap { seen.insert($0.target).inserted ? $0.target : nil }
    }

    /// The time of the first dump.
    package var startTimeMs: Int64 { dumps.first?.timeMs ?? 0 }
    /// The time of the last dump.
    package var endTimeMs: Int64 { dumps.last?.timeMs ?? 0 }

    /// The scrape a dump holds; a file that cannot be read replays as its target going down with the reason.
    package func event(_ dump: Dump) -> RecordingEvent {
        do {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dump.path)))
            return .scrape(RecordedScrape(target: dump.target, timeMs: dump.timeMs, durationSeconds: 0, bytes: bytes))
        } catch {
            return .health(
                RecordedHealth(
                    target: dump.target, timeMs: dump.timeMs, up: false,
                    error: "\(dump.path): cannot be read (\(error.localizedDescription))"))
        }
    }

    /// Every dump from `start` (an index into `dumps`), read one at a time.
    package func events(from start: Int = 0) -> AnyIterator<RecordingEvent> {
        var i = start
        return AnyIterator {
            guard i < dumps.count else { return nil }
            defer { i += 1 }
            return event(dumps[i])
        }
    }

    /// The latest dump of each target at `timeMs`, and the index of the first dump after it (to continue
    /// with `events(from:)`).
    package func seek(toMs timeMs: Int64) -> (events: [RecordingEvent], next: Int) {
        let next = dumps.partitioningIndex { $0.timeMs > timeMs }
        var latest: [String: Dump] = [:]
        for dump in dumps[..<next] { latest[dump.target] = dump }
        return (targets.compactMap { latest[$0].map(event) }, next)
    }

    /// The least time between two numbered dumps' modification times for them to be taken as scrape times.
    static let minimumFileGapMs: Int64 = 250

    /// A number alone as a name, shorter than a Unix time: a scrape's sequence number.
    static func sequenceNumber(_ name: String) -> Int? {
        guard (1...9).contains(name.utf8.count), name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(name)
    }

    /// `relative`: the file's path below the opened folder; `folder`: that folder's own name, the target of
    /// numbered dumps that lie directly in it.
    private static func dump(url: URL, relative: [String], folder: String) -> Dump {
        var parts = relative
        if var last = parts.popLast() {
            if last.hasSuffix(".prom") { last.removeLast(5) }
            parts.append(last)
        }
        var time: Int64?
        for part in parts.reversed() {
            if let t = DumpFileTime.parse(part)?.timeMs {
                time = t
                break
            }
        }
        // Without a time anywhere in its path, a file named by a number is one scrape of the target its folder is.
        let sequence = time == nil ? parts.last.flatMap(sequenceNumber) : nil
        if sequence != nil {
            parts.removeLast()
            if parts.isEmpty { parts = [folder] }
        }
        let target = parts.map(DumpFileTime.stripping).filter { !$0.isEmpty }.joined(separator: "/")
        let modified =
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
            .map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
        return Dump(
            path: url.path, target: target.isEmpty ? "dump" : target, timeMs: time ?? modified,
            timeFromName: time != nil, sequence: sequence)
    }
}
