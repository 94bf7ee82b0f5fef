import ClusterModel
import Dashboard
import Ingest

/// Runs a `ClusterPipeline` for a live source: scrapes arrive from collector tasks, frames are taken and
/// published to the dashboard's feed, and every scrape is handed to the recorder when one is attached.
///
/// An actor, so collectors and the frame clock never race on the store; the screen reads only the feed.
package actor PipelineDriver {
    package private(set) var pipeline: ClusterPipeline
    private let feed: LiveFeed?
    private let recorder: ScrapeRecorder?
    private let source: String
    private let intervalSeconds: Double?
    /// Recording failures are kept, not thrown into the collectors: the live view goes on without them.
    package private(set) var recorderError: String?
    /// The source's own health, shown with every frame until the source reports again.
    package private(set) var health: SourceHealth?

    package init(
        pipeline: ClusterPipeline, feed: LiveFeed?, recorder: ScrapeRecorder? = nil, source: String,
        intervalSeconds: Double?
    ) {
        self.pipeline = pipeline
        self.feed = feed
        self.recorder = recorder
        self.source = source
        self.intervalSeconds = intervalSeconds
    }

    /// Stores (and records) a batch of scrapes.
    package func deliver(_ results: [ScrapeResult]) {
        for result in results {
            pipeline.ingest(result)
            if let recorder, recorderError == nil {
                do { try recorder.record(result) } catch { recorderError = "recording stopped: \(error)" }
            }
        }
    }

    /// Takes a frame when something new arrived (or when forced) and publishes it; with `toFeed` false the frame
    /// only goes into the history (a warm-up that should appear on screen in one piece).
    @discardableResult
    package func publish(force: Bool = false, toFeed: Bool = true) -> ClusterSnapshot {
        if force || pipeline.pendingScrapes > 0 {
            pipeline.frame()
            if toFeed { feed?.publish(pipeline, source: source, intervalSeconds: intervalSeconds, health: health) }
        }
        return pipeline.latest
    }

    /// Keeps the source's health for the frames to come, and shows it at once when it changed (a server that
    /// stopped answering delivers no scrapes, so no new frame would say so).
    package func report(_ health: SourceHealth?) {
        guard health != self.health else { return }
        self.health = health
        feed?.publish(pipeline, source: source, intervalSeconds: intervalSeconds, health: health)
    }

    /// Puts pictures of the past (a query server's history of the cluster totals) into the charts' history,
    /// before the first frame.
    package func backfill(_ snapshots: [ClusterSnapshot]) {
        guard !snapshots.isEmpty else { return }
        pipeline.backfill(snapshots)
        feed?.publish(pipeline, source: source, intervalSeconds: intervalSeconds, health: health)
    }

    /// Publishes the frame of a pipeline that is run elsewhere (a replay's) with the replay's status. The pipeline
    /// is not kept: a copy held here made its owner's next page copy the store's arrays (every series' record, a
    /// megabyte at 64 GPUs) once a frame.
    package func show(_ pipeline: ClusterPipeline, status: ReplayStatus?) {
        feed?.publish(pipeline, source: source, intervalSeconds: intervalSeconds, replay: status)
    }
}
