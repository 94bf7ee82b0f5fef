import Exposition

/// Writes one exposition page family by family, the way prometheus_client lays them out: `# HELP`, `# TYPE`,
/// then the samples; counters declared with their `_total` name; histogram buckets with `le` in sorted label
/// position and a final `+Inf`, then `_count` and `_sum`.
struct PageBuilder {
    private(set) var writer: ExpositionWriter

    init(capacity: Int) {
        writer = ExpositionWriter(format: .text, reservingCapacity: capacity)
    }

    mutating func gauge(_ name: String, _ help: String, _ labels: Labels, _ value: Double) {
        writer.writeHeader(name: name, type: .gauge, help: help)
        writer.writeSample(name: name, labels: labels, value: value)
    }

    /// A counter whose exposed name ends in `_total`.
    mutating func counter(_ name: String, _ help: String, _ labels: Labels, _ value: Double) {
        writer.writeHeader(name: name, type: .counter, help: help)
        writer.writeSample(name: name, labels: labels, value: value)
    }

    /// A family of one type whose samples differ by one label.
    mutating func family(_ name: String, _ type: MetricType, _ help: String,
                         _ samples: [(labels: Labels, value: Double)]) {
        writer.writeHeader(name: name, type: type, help: help)
        for sample in samples { writer.writeSample(name: name, labels: sample.labels, value: sample.value) }
    }

    /// A histogram, with its label sets prepared by `HistogramLabels`.
    mutating func histogram(_ name: String, _ help: String, _ labels: HistogramLabels.Set,
                            _ histogram: BucketHistogram) {
        writer.writeHeader(name: name, type: .histogram, help: help)
        let bucketName = name + "_bucket"
        var cumulative = 0.0
        for index in histogram.counts.indices {
            cumulative += histogram.counts[index]
            writer.writeSample(name: bucketName, labels: labels.buckets[index], value: cumulative)
        }
        writer.writeSample(name: name + "_count", labels: labels.plain, value: histogram.count)
        writer.writeSample(name: name + "_sum", labels: labels.plain, value: histogram.sum)
    }

    mutating func finish() -> [UInt8] {
        writer.finish()
        return writer.bytes
    }
}
