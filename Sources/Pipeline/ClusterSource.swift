import Dashboard

/// Something that feeds a `PipelineDriver`: the simulator, live scrapes, a Prometheus server, a replay.
package protocol ClusterSource: Sendable {
    /// What the header says the data comes from: "simulator steady seed 1", "12 targets", ….
    var description: String { get }
    /// The refresh interval in seconds, when the source has one.
    var intervalSeconds: Double? { get }
    /// Runs until cancelled (or, for a finite source, until it ends), delivering scrapes and publishing frames.
    func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws
}
