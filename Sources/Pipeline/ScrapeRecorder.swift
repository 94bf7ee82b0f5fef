import Exposition
import Ingest
import Synchronization

/// Writes what a live source reads into a recording: the raw page of every scrape, and a health event
/// whenever a target goes down or comes back or what is known about it changes (node, pod, model), so a replay
/// shows exactly what the live view showed.
///
/// The file is created at the first scrape, whose time becomes the recording's start (a simulator's virtual
/// clock and a live wall clock both work).
package final class ScrapeRecorder: Sendable {
    package let path: String
    private let sources: [String]
    private let intervalSeconds: Double
    private let version: String
    private let state = Mutex<State>(State())

    private struct State {
        var writer: RecordingWriter?
        var lastUp: [String: Bool] = [:]
        var lastFacts: [String: TargetFacts] = [:]
    }

    package init(path: String, sources: [String], intervalSeconds: Double, version: String) {
        self.path = path
        self.sources = sources
        self.intervalSeconds = intervalSeconds
        self.version = version
    }

    package func record(_ result: ScrapeResult) throws {
        try state.withLock { state in
            let writer =
                try state.writer
                ?? RecordingWriter(
                    path: path,
                    header: RecordingHeader(
                        infertopVersion: version, sources: sources, intervalSeconds: intervalSeconds, startTimeMs: result.timeMs))
            state.writer = writer
            let up = result.isUp
            // Facts ride on a health record, written again whenever they change (a model asked after the first
            // scrape, a restart with another one), so that a seek finds the latest with the health.
            let facts = result.facts
            if state.lastUp[result.target] != up || !up || state.lastFacts[result.target, default: TargetFacts()] != facts {
                try writer.appendHealth(
                    target: result.target, timeMs: result.timeMs, up: up, error: result.error,
                    facts: facts)
            }
            state.lastUp[result.target] = up
            state.lastFacts[result.target] = facts
            if up {
                // Pages synthesised from query results have no body: write them out as text.
                let bytes = result.body ?? result.page.map { ExpositionWriter.page($0.families) } ?? []
                try writer.appendScrape(
                    target: result.target, timeMs: result.timeMs,
                    durationSeconds: result.durationSeconds, bytes: bytes)
            }
        }
    }

    /// Bytes written so far.
    package var byteCount: Int { state.withLock { $0.writer?.byteCount ?? 0 } }

    package func close() throws {
        try state.withLock { try $0.writer?.close() }
    }
}
