import ClusterModel
import Exposition
import Ingest

extension PrometheusFamily {
    /// Every family the dialects read, as queries for a Prometheus-compatible server: what `ReadFamily`
    /// describes, in Ingest's terms (the query source knows no dialects).
    package static let dialects: [PrometheusFamily] = ReadFamily.all.map { family in
        PrometheusFamily(
            name: family.name, type: type(family.shape), labels: family.labels,
            aggregation: family.perDevice || family.shape == .summary ? .max : .sum, detail: family.detail)
    }

    /// The families of the cluster charts, summed over the cluster (`ChartSource.all`, in its order).
    package static let charts: [PrometheusFamily] = ChartSource.all.map { source in
        PrometheusFamily(
            name: source.name, type: type(source.shape),
            conditions: source.conditions.map {
                Condition(label: $0.label, values: $0.values, negated: $0.negated, orAbsent: $0.orAbsent)
            })
    }

    private static func type(_ shape: ReadFamily.Shape) -> MetricType {
        switch shape {
        case .gauge: return .gauge
        case .counter: return .counter
        case .histogram: return .histogram
        case .summary: return .summary
        }
    }
}
