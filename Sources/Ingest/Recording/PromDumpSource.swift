import Foundation

/// Replays a folder of `.prom` exposition dumps, or one `.prom` file, like a recording: each file is one
/// scrape, its target named by the file's path without extension and time, its time read from the name
/// (`DumpFileTime`), else from the nearest enclosing folder name holding one, else the file's modification
/// time. Files are read when replayed, not when the folder is opened, so large folders open fast.
public struct PromDumpSource: Sendable {
    /// One dump file and what its name says.
    public struct Dump: Sendable, Equatable {
        /// The file.
        public var path: String
        /// The target it is taken for: the path below the folder, minus extension and time.
        public var target: String
        /// When it was taken, in milliseconds since 1970.
        public var timeMs: Int64
        /// Whether `timeMs` came from a name (else from the modification time).
        public var timeFromName: Bool
    }

    /// The folder or file opened.
    public let path: String
    /// Every dump, by time (then target).
    public let dumps: [Dump]

    /// Lists the `.prom` files under `path` (searched recursively, hidden files skipped), or takes `path`
    /// itself when it is a file (of any extension).
    public init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RecordingError.io(path: path, operation: "open", message: "no such file or folder")
        }
        let root = URL(fileURLWithPath: path)
        var found: [Dump] = []
        if isFolder.boolValue {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "prom",
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = Array(url.standardizedFileURL.pathComponents.dropFirst(
                    root.standardizedFileURL.pathComponents.count))
                found.append(Self.dump(url: url, relative: relative))
            }
            guard !found.isEmpty else {
                throw RecordingError.notARecording(path: path, detail: "the folder holds no .prom files")
            }
        } else {
            found = [Self.dump(url: root, relative: [root.lastPathComponent])]
        }
        dumps = found.sorted { ($0.timeMs, $0.target) < ($1.timeMs, $1.target) }
    }

    /// The targets, in the order they first appear.
    public var targets: [String] {
        var seen = Set<String>()
        return dumps.compactMap { seen.insert($0.target).inserted ? $0.target : nil }
    }

    /// The time of the first dump.
    public var startTimeMs: Int64 { dumps.first?.timeMs ?? 0 }
    /// The time of the last dump.
    public var endTimeMs: Int64 { dumps.last?.timeMs ?? 0 }

    /// The scrape a dump holds; a file that cannot be read replays as its target going down with the reason.
    public func event(_ dump: Dump) -> RecordingEvent {
        do {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dump.path)))
            return .scrape(RecordedScrape(target: dump.target, timeMs: dump.timeMs, durationSeconds: 0, bytes: bytes))
        } catch {
            return .health(RecordedHealth(target: dump.target, timeMs: dump.timeMs, up: false,
                                          error: "\(dump.path): cannot be read (\(error.localizedDescription))"))
        }
    }

    /// Every dump from `start` (an index into `dumps`), read one at a time.
    public func events(from start: Int = 0) -> AnyIterator<RecordingEvent> {
        var i = start
        return AnyIterator {
            guard i < dumps.count else { return nil }
            defer { i += 1 }
            return event(dumps[i])
        }
    }

    /// The latest dump of each target at `timeMs`, and the index of the first dump after it (to continue
    /// with `events(from:)`).
    public func seek(toMs timeMs: Int64) -> (events: [RecordingEvent], next: Int) {
        let next = dumps.partitioningIndex { $0.timeMs > timeMs }
        var latest: [String: Dump] = [:]
        for dump in dumps[..<next] { latest[dump.target] = dump }
        return (targets.compactMap { latest[$0].map(event) }, next)
    }

    private static func dump(url: URL, relative: [String]) -> Dump {
        var parts = relative
        if var last = parts.popLast() {
            if last.hasSuffix(".prom") { last.removeLast(5) }
            parts.append(last)
        }
        var time: Int64?
        for part in parts.reversed() {
            if let t = DumpFileTime.parse(part)?.timeMs { time = t; break }
        }
        let target = parts.map(DumpFileTime.stripping).filter { !$0.isEmpty }.joined(separator: "/")
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
            .map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
        return Dump(path: url.path, target: target.isEmpty ? "dump" : target, timeMs: time ?? modified,
                    timeFromName: time != nil)
    }
}
