import ClusterModel
import Formatting

/// One finished (or abandoned) model load of an engine instance: how long it took and how it ended.
package struct LoadRecord: Sendable, Hashable, Codable {
    /// How a load ended.
    package enum Outcome: String, Sendable, Hashable, Codable {
        /// The instance became ready (or served after a restart).
        case ready
        /// Its target stopped answering while it loaded.
        case failed
        /// It disappeared from the cluster while loading.
        case vanished
    }

    package var instanceID: String
    package var model: String?
    package var node: String?
    package var engine: EngineKind
    package var startMs: Int64
    package var endMs: Int64
    /// False when the instance was already loading in the first snapshot seen: the duration is then a
    /// lower bound.
    package var startKnown: Bool
    package var outcome: Outcome
    /// VRAM its GPUs gained during the load (weights plus KV-cache reservation); nil when not reported.
    package var vramLoadedBytes: Double?

    package init(
        instanceID: String, model: String?, node: String?, engine: EngineKind, startMs: Int64, endMs: Int64,
        startKnown: Bool, outcome: Outcome, vramLoadedBytes: Double?
    ) {
        self.instanceID = instanceID
        self.model = model
        self.node = node
        self.engine = engine
        self.startMs = startMs
        self.endMs = endMs
        self.startKnown = startKnown
        self.outcome = outcome
        self.vramLoadedBytes = vramLoadedBytes
    }

    package var durationSeconds: Double { Double(endMs - startMs) / 1000 }

    /// "3m12s", or "≥3m12s" when the start was not seen.
    package var durationText: String { (startKnown ? "" : "≥") + Format.duration(durationSeconds) }
}
