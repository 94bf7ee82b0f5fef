/// The note a snapshot carries when instances' histograms could not be merged because their bucket boundaries
/// differ (a vLLM and an SGLang instance of one model, say): the merged quantiles are then absent, and the
/// screen says why instead of showing a bare "—". One place writes and reads the note's text.
public enum UnmergedHistogramNote {
    static func text(scope: String, metric: InstanceMetric, sets: Int) -> String {
        "\(scope) \(metric): instances use \(sets) different bucket boundary sets; not merged"
    }

    /// Whether `snapshot` says that `metric` over `scope` ("cluster", "model NAME", "GPU type NAME") was not merged.
    static func applies(to snapshot: ClusterSnapshot, scope: String, metric: InstanceMetric) -> Bool {
        let prefix = "\(scope) \(metric): instances use "
        return snapshot.notes.contains { $0.hasPrefix(prefix) }
    }

    /// Whether the cluster's TTFT p95 (the header's) is absent because its instances' buckets differ.
    public static func clusterTTFT(in snapshot: ClusterSnapshot) -> Bool {
        snapshot.totals.ttft.p95 == nil && applies(to: snapshot, scope: "cluster", metric: .ttft)
    }
}
