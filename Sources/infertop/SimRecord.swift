import CommandSupport
import Exposition
import Foundation
import Pipeline
import Simulator

/// Writes a fast-forwarded run as a recording (`infertop sim --duration 30m --out run.rec`): the same scrapes,
/// health events and timing that the in-process simulator feeds the dashboard, so `infertop replay` shows it as
/// it would have looked live.
struct SimRecord {
    let path: String
    let durationMs: Int64
    let intervalMs: Int64

    /// Whether `--out` names a recording (anything but an existing folder or a path ending in `/`).
    static func isRecordingPath(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        return !path.hasSuffix("/") && !(exists && isFolder.boolValue)
    }

    func run(_ simulator: inout ClusterSimulator) throws {
        let source = "simulator \(simulator.options.scenario.rawValue) seed \(simulator.options.seed)"
        let recorder = ScrapeRecorder(
            path: path, sources: [source], intervalSeconds: Double(intervalMs) / 1000,
            version: InfertopVersion.current)
        let end = simulator.nowMs + durationMs
        var scrapes = 0
        var scraper = SimulatorScraper()
        while simulator.nowMs < end {
            simulator.advance(toMs: min(end, simulator.nowMs + intervalMs))
            for result in scraper.scrapes(of: simulator) {
                try recorder.record(result)
                scrapes += 1
            }
        }
        try recorder.close()
        print(
            "recorded \(scrapes) scrapes of \(simulator.targets.count) targets "
                + "(\(recorder.byteCount / 1024) KiB) to \(path)")
    }
}
