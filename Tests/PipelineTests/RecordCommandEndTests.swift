import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The headless recorder, a real process: each ending signal stops it at once, cleanly (exit status 0, the
/// recording closed and readable), though it waits for the signal without looking for it on a timer.
@Suite struct RecordCommandEndTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func anEndingSignalClosesTheRecording(signal: Int32) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "infertop-record-end-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("run.rec").path
        let record = try InfertopProcess(
            ["record", "--out", recording, "--nodes", "1", "--gpus-per-node", "2"], name: "record", folder: folder)
        let started = await Polling.until(timeout: .seconds(60)) {
            ((try? FileManager.default.attributesOfItem(atPath: recording)[.size] as? Int) ?? 0) > 0
        }
        #expect(started, "nothing recorded: \(record.errors)")
        kill(record.process.processIdentifier, signal)
        #expect(await record.finish(within: .seconds(20)) == 0, "\(record.errors)")
        #expect(record.errors.contains("recorded "), "\(record.errors)")

        let replayed = try InfertopProcess(["snapshot", recording, "--format", "json"], name: "replay", folder: folder)
        #expect(await replayed.finish(within: .seconds(60)) == 0, "\(replayed.errors)")
        #expect(try SnapshotReading(json: replayed.output).gpuCount == 2)
    }
}
