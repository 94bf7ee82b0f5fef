import ClusterModel
import Insights

/// What a view draws from: the latest cluster picture, its history, and where it came from.
package struct DashboardFrame: Sendable {
    package var snapshot: ClusterSnapshot
    package var history: ClusterHistory
    /// Shown in the header: "simulator seed 42", "3 targets", "replay incident.rec ×4".
    package var source: String
    /// The refresh interval, when the source has one.
    package var intervalSeconds: Double?
    /// Increases with every new snapshot, so the runner redraws only when something changed.
    package var generation: Int
    /// Set when the source is a replay: the timeline bar draws it.
    package var replay: ReplayStatus?
    /// The alert engine (active alerts, event log, loads) kept beside the store; nil when not evaluated.
    package var alerts: AlertEngine?
    /// The source's own health (a query server's interval, data age and errors); nil when it reports none.
    package var health: SourceHealth?

    package init(
        snapshot: ClusterSnapshot, history: ClusterHistory, source: String, intervalSeconds: Double? = nil,
        generation: Int, replay: ReplayStatus? = nil, alerts: AlertEngine? = nil, health: SourceHealth? = nil
    ) {
        self.snapshot = snapshot
        self.history = history
        self.source = source
        self.intervalSeconds = intervalSeconds
        self.generation = generation
        self.replay = replay
        self.alerts = alerts
        self.health = health
    }

    /// Before the first scrape.
    package static func empty(source: String) -> DashboardFrame {
        DashboardFrame(snapshot: .empty, history: ClusterHistory(capacity: 1), source: source, generation: 0)
    }
}
