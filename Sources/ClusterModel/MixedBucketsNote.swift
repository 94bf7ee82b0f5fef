/// The note a snapshot carries when instances whose histograms have different bucket boundaries (a vLLM and an
/// SGLang instance of one model, say) are merged: their quantiles are then those of the mixture, interpolated
/// (`Quantiles.interpolated`), and the note says over which scope and how many boundary sets.
enum MixedBucketsNote {
    static func text(scope: String, metric: InstanceMetric, sets: Int) -> String {
        "\(scope) \(metric): instances use \(sets) different bucket boundary sets; quantiles interpolated from their mixture"
    }
}
