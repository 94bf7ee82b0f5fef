/// A metric family that the dialects read, described for a query server (Prometheus, VictoriaMetrics…) that
/// can aggregate it before sending it: the name it is stored under, how it is read, and the labels a dialect
/// looks at. Every other label can be summed away on the server; an engine's own ranks and data-parallel
/// engines, for example, are added up by the dialects anyway.
///
/// Derived from the dialect tables, so a new dialect is asked for without another list to keep in step.
package struct ReadFamily: Sendable, Hashable {
    package enum Shape: Sendable, Hashable {
        /// Read as it is.
        case gauge
        /// Read as a per-second rate.
        case counter
        /// `name_bucket` series, read as per-second rates per `le` (quantiles are merged from those).
        case histogram
        /// `name{quantile=…}` series, read as they are.
        case summary
    }

    /// The stored sample name (`vllm:prompt_tokens_total`); a histogram's base name (`…_seconds`).
    package var name: String
    package var shape: Shape
    /// The labels a dialect reads on these series, sorted (`le` and `quantile` not included).
    package var labels: [String]
    /// A GPU exporter's field: one series per device, so duplicates are collapsed (max), never added.
    package var perDevice: Bool
    /// Only a detail screen shows it (end-to-end latency, queue time, prefix cache, mean times).
    package var detail: Bool

    /// Every name each dialect reads, with each of its prefixes, and counters with and without `_total`: most
    /// do not exist on a given server, so a client first asks which do.
    package static let all: [ReadFamily] = {
        var byName: [String: ReadFamily] = [:]
        var order: [String] = []
        func add(_ family: ReadFamily) {
            if var known = byName[family.name] {
                known.labels = Array(Set(known.labels).union(family.labels)).sorted()
                known.detail = known.detail && family.detail
                known.perDevice = known.perDevice && family.perDevice
                byName[family.name] = known
            } else {
                byName[family.name] = family
                order.append(family.name)
            }
        }
        for dialect in EngineDialect.all {
            let common =
                dialect.instanceLabels + dialect.modelLabels + dialect.rankFilters.map(\.label)
                + PodReference.enginePodLabels + PodReference.engineNamespaceLabels
            for source in dialect.sources {
                let labels = Array(Set(common + (source.filter.map { [$0.label] } ?? []))).sorted()
                let detail = InstanceMetric.detailOnly.contains(source.metric)
                for prefix in dialect.prefixes {
                    for name in storedNames(prefix + source.name, shape: source.shape) {
                        add(ReadFamily(name: name, shape: shape(source.shape), labels: labels, perDevice: false, detail: detail))
                    }
                }
            }
        }
        for dialect in GPUDialect.all {
            let labels = Array(
                Set(
                    dialect.nodeLabels + dialect.uuidLabels + dialect.indexLabels + dialect.modelLabels
                        + dialect.migInstanceLabels + dialect.migProfileLabels + dialect.podLabels + dialect.namespaceLabels)
            ).sorted()
            for source in dialect.sources {
                add(ReadFamily(name: source.name, shape: .gauge, labels: labels, perDevice: true, detail: false))
            }
        }
        return order.compactMap { byName[$0] }
    }()

    /// The names a counter may be stored under: with and without `_total` (text-format counters carry it,
    /// some exporters' counters never do); other shapes have one name.
    private static func storedNames(_ name: String, shape: SourceShape) -> [String] {
        guard shape == .counter else { return [name] }
        if name.hasSuffix("_total") { return [name, String(name.dropLast(6))] }
        if name.hasSuffix("_sum") || name.hasSuffix("_count") { return [name] }
        return [name, name + "_total"]
    }

    static func shape(_ shape: SourceShape) -> Shape {
        switch shape {
        case .gauge: return .gauge
        case .counter: return .counter
        case .histogram: return .histogram
        case .summary: return .summary
        }
    }
}

extension InstanceMetric {
    /// Values that only the detail screens show (the overview, the header, the charts and the alerts do not
    /// read them), so a query server is asked for them only while such a screen is open.
    static let detailOnly: Set<InstanceMetric> = [
        .e2e, .queueTime, .prefixQueries, .prefixHits, .prefixHitRatio, .itlTime, .itlCount, .e2eTime, .e2eCount,
        .queueTimeTotal, .queueCount,
    ]
}
