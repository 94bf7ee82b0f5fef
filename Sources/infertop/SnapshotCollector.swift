import Ingest
import Pipeline

/// Builds a snapshot from scrape results: they go through the live view's pipeline, a frame per round (or
/// per time step of a backfill), and every error is kept, naming its target, once, in order of appearance.
struct SnapshotCollector {
    var pipeline: ClusterPipeline
    var errors: [String] = []

    /// Ingests one round of results and takes a frame.
    mutating func add(_ results: [ScrapeResult]) {
        for result in results {
            pipeline.ingest(result)
            if let error = result.error {
                let line = "\(result.target): \(error)"
                if !errors.contains(line) { errors.append(line) }
            }
        }
        if !results.isEmpty { pipeline.frame() }
    }

    var result: SnapshotResult { SnapshotResult(snapshot: pipeline.latest, errors: errors) }
}
