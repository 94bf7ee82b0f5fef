import Foundation
import TestSupport
import Testing

@testable import Ingest

/// A recorder killed with SIGKILL while it writes: the test binary starts itself again as a child that
/// records an endless deterministic stream (only the child runs `childRecordsUntilKilled`), kills it once
/// the file has grown, and replays what was left.
@Suite struct RecordingKillTests {
    static let childVariable = "INFERTOP_RECORDING_KILL_CHILD"

    /// An endless stream of scrapes of three targets, the same in parent and child.
    struct Stream: IteratorProtocol {
        var random = RecordingSamples.Random(state: 2026)
        var index = 0

        mutating func next() -> RecordingEvent? {
            defer { index += 1 }
            let tick = index / 3
            let target = index % 3
            return .scrape(
                RecordedScrape(
                    target: "t\(target)", timeMs: RecordingSamples.header.startTimeMs + Int64(tick) * 1000,
                    durationSeconds: 0.001 * Double(target),
                    bytes: RecordingSamples.page(target: target, tick: tick, random: &random)))
        }
    }

    /// Runs only in the child process started by `sigkillLeavesAReplayableFile`: records until killed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childRecordsUntilKilled() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.childVariable])
        let writer = try RecordingWriter(
            path: path, header: RecordingSamples.header,
            options: RecordingOptions(keyframeIntervalMs: 5_000, indexIntervalMs: 3_000))
        var stream = Stream()
        while let event = stream.next(), case .scrape(let s) = event { try writer.append(s) }
    }

    #if os(Linux)
        @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == nil))
        func sigkillLeavesAReplayableFile() async throws {
            let folder = try TemporaryFolder("rec")
            let path = folder.path("killed.rec")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--testing-library", "swift-testing", "--filter", "childRecordsUntilKilled"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: path]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let grew = await Polling.until(timeout: .seconds(60)) {
                ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 300_000
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(grew, "the child recorder never wrote 300 kB")
            #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)

            let reader = try RecordingReader(path: path)
            #expect(!reader.isComplete)
            let read = RecordingSamples.readAll(reader)
            #expect(read.events.count > 100)
            #expect(read.events.count == reader.recordCount)
            var stream = Stream()
            let expected = (0..<read.events.count).compactMap { _ in stream.next() }
            #expect(read.events == expected)
            // At most the record being written is lost: anything unreadable is a torn tail, not the middle.
            if let damage = read.damage ?? reader.damage {
                #expect(reader.byteCount - damage.byteOffset < 4096, "\(damage)")
            }
        }
    #endif
}
