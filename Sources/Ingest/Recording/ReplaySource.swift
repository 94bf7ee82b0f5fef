import Foundation

/// What `infertop replay PATH` opens — a recording, a folder of `.prom` dumps or one `.prom` file — behind
/// one API, so that the replay screen and the headless snapshot need not care which it got.
package enum ReplaySource: Sendable {
    case recording(RecordingReader)
    case dumps(PromDumpSource)

    /// Opens `path`: a folder as dumps, a file with the recording magic as a recording, a text file as a
    /// single dump; anything else gets the recording reader's "not a recording" error. Numbered dumps whose files
    /// do not say when they were taken are placed `numberedIntervalMs` apart (`PromDumpSource`).
    package static func open(path: String, numberedIntervalMs: Int64 = 1_000) throws -> ReplaySource {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RecordingError.io(path: path, operation: "open", message: "no such file or folder")
        }
        if isFolder.boolValue { return .dumps(try PromDumpSource(path: path, numberedIntervalMs: numberedIntervalMs)) }
        if RecordingReader.isRecording(path: path) { return .recording(try RecordingReader(path: path)) }
        if looksLikeText(path) { return .dumps(try PromDumpSource(path: path, numberedIntervalMs: numberedIntervalMs)) }
        return .recording(try RecordingReader(path: path))
    }

    /// The targets, in the order they first appear.
    package var targets: [String] {
        switch self {
        case .recording(let r): r.targets
        case .dumps(let d): d.targets
        }
    }

    /// The time of the first record (a recording's start as its header says).
    package var startTimeMs: Int64 {
        switch self {
        case .recording(let r): r.startTimeMs
        case .dumps(let d): d.startTimeMs
        }
    }

    /// The time of the last readable record.
    package var endTimeMs: Int64 {
        switch self {
        case .recording(let r): r.endTimeMs
        case .dumps(let d): d.endTimeMs
        }
    }

    /// What was inferred from dump names that a person should know (numbered dumps as one target, their timing).
    package var notes: [String] {
        if case .dumps(let d) = self { return d.notes }
        return []
    }

    /// Where a cut recording stops being readable, as found on opening.
    package var damage: RecordingDamage? {
        if case .recording(let r) = self { return r.damage }
        return nil
    }

    /// The health changes, for a timeline (dumps have none).
    package func healthEvents() -> [RecordedHealth] {
        if case .recording(let r) = self { return r.healthEvents() }
        return []
    }

    /// A replay from `timeMs`: the state then, and the events after it.
    package func seek(toMs timeMs: Int64) -> ReplayCursor {
        switch self {
        case .recording(let r):
            let position = r.seek(toMs: timeMs)
            return ReplayCursor(
                timeMs: timeMs, scrapes: position.scrapes, health: position.health,
                recording: position.iterator)
        case .dumps(let d):
            let (events, next) = d.seek(toMs: timeMs)
            var scrapes: [RecordedScrape] = []
            var health: [RecordedHealth] = []
            for event in events {
                switch event {
                case .scrape(let s): scrapes.append(s)
                case .health(let h): health.append(h)
                }
            }
            return ReplayCursor(timeMs: timeMs, scrapes: scrapes, health: health, dumps: d, nextDump: next)
        }
    }

    /// A replay from the beginning.
    package func start() -> ReplayCursor {
        switch self {
        case .recording(let r):
            ReplayCursor(timeMs: r.startTimeMs, scrapes: [], health: [], recording: r.events())
        case .dumps(let d):
            ReplayCursor(timeMs: d.startTimeMs, scrapes: [], health: [], dumps: d, nextDump: 0)
        }
    }

    /// No NUL byte and valid UTF-8 in the first kilobytes: exposition text, not some binary file.
    private static func looksLikeText(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        guard !head.isEmpty, !head.contains(0) else { return false }
        // A multi-byte character cut at the end of a full window is not a reason to refuse.
        let window = head.count == 4096 ? head.dropLast(3) : head[...]
        return String(validating: window, as: UTF8.self) != nil
    }
}
