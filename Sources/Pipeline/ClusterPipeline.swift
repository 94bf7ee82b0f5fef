import ClusterModel
import Ingest
import Insights
import MetricStore

/// The stages between a source and the screen, as one value: scrape results go into the store; each frame
/// reads the store into a cluster picture and appends it to the history the charts draw from.
///
/// The retention is the history's: `store.retentionMs` of frames, for the charts, the insight screens and the
/// alerts. Raw points are read only through the model's rate window, so the store keeps just that (and four
/// intervals): at 64 simulated GPUs, 15 minutes of raw points were 15.7 MiB that no stage read.
///
/// A plain value with no clock and no I/O: the source decides when scrapes happen and when a frame is taken,
/// so tests drive it directly.
package struct ClusterPipeline: Sendable {
    package private(set) var store: MetricStore
    package private(set) var builder: ClusterBuilder
    package private(set) var history: ClusterHistory
    package private(set) var latest: ClusterSnapshot = .empty
    /// The alert rules, stepped once per frame: active alerts, the event log and model loads.
    package private(set) var alerts: AlertEngine
    /// Scrapes ingested since the last frame: a frame with nothing new is not taken twice.
    package private(set) var pendingScrapes = 0

    package init(
        store: StoreConfiguration = StoreConfiguration(), model: ModelConfiguration = ModelConfiguration(),
        alerts: AlertRuleConfiguration = .default
    ) {
        self.store = MetricStore(configuration: store.keeping(windowsOfMs: model.rateWindowMs))
        self.alerts = AlertEngine(configuration: alerts)
        self.builder = ClusterBuilder(configuration: model)
        self.history = ClusterHistory(capacity: store.capacity)
    }

    /// Stores one scrape: its page when the target answered, its error when it did not.
    package mutating func ingest(_ result: ScrapeResult) {
        learn(result.facts, of: result.target)
        if let page = result.page, result.error == nil {
            store.ingest(
                target: result.target, page: page, atMs: result.timeMs,
                scrapeDuration: result.durationSeconds, bytes: result.body?.count, givenRateWindowMs: result.givenRateWindowMs)
        } else {
            store.markFailed(target: result.target, atMs: result.timeMs, error: result.error ?? "no page")
        }
        pendingScrapes += 1
    }

    /// Takes what is known about `target` besides its pages: from a scrape, or from a recording's health record.
    package mutating func learn(_ facts: TargetFacts, of target: String) {
        if let node = facts.node, builder.configuration.targetNodes[target] == nil {
            builder.configuration.targetNodes[target] = node
        }
        // A model asked of the server (its metrics do not name it); changes only when it restarts with another.
        if let model = facts.model, builder.configuration.targetModels[target] != model {
            builder.configuration.targetModels[target] = model
        }
        if let pod = facts.pod, builder.configuration.targetPods[target] == nil {
            builder.configuration.targetPods[target] = PodReference(
                namespace: facts.namespace, name: pod,
                container: facts.container)
        }
        if let gpus = facts.gpus, builder.configuration.instanceGPUs[target] == nil {
            builder.configuration.instanceGPUs[target] = gpus
        }
    }

    /// Appends pictures of the past to the history only (the charts draw them; the store, the frame and the
    /// alerts are untouched): a query server's backfill of the cluster totals.
    package mutating func backfill(_ snapshots: [ClusterSnapshot]) {
        for snapshot in snapshots where snapshot.timeMs > (history.latestTimeMs ?? .min) { history.append(snapshot) }
    }

    /// Continues the alerts and event log of `engine` (a replay seeking back to a moment it has played): frames
    /// not newer than the engine's last are not evaluated again.
    package mutating func resumeAlerts(from engine: AlertEngine) {
        alerts = engine
    }

    /// Takes a frame: the cluster picture now, appended to the history and given to the alert rules.
    @discardableResult
    package mutating func frame() -> ClusterSnapshot {
        latest = builder.snapshot(from: store)
        history.append(latest)
        _ = alerts.evaluate(latest)
        pendingScrapes = 0
        return latest
    }
}
