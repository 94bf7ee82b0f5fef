import Exposition

/// Rebuilds exposition pages from query results, one page per `instance`, shaped like a direct scrape of
/// that instance: families grouped by name with their table type, histogram buckets in `le` order
/// followed by `_sum` and `_count`, and the labels Prometheus added (`instance`, `job`) removed.
enum PageSynthesizer {
    /// One instant's values: series labels (with `__name__`) and a value.
    struct Value {
        var labels: [String: String]
        var value: Double
    }

    /// Pages by instance. Series without an `instance` label are grouped under `job`, then "prometheus".
    static func pages(from values: [Value], families: [PrometheusFamily]) -> [String: ExpositionPage] {
        var familyOfSample: [String: PrometheusFamily] = [:]
        for family in families {
            for name in family.sampleNames where familyOfSample[name] == nil { familyOfSample[name] = family }
        }
        var byInstance: [String: [String: [Sample]]] = [:]
        for value in values {
            guard let name = value.labels["__name__"] else { continue }
            let instance = value.labels["instance"] ?? value.labels["job"] ?? "prometheus"
            let familyName = familyOfSample[name]?.name ?? name
            byInstance[instance, default: [:]][familyName, default: []].append(
                Sample(name: name, labels: exposedLabels(value.labels), value: value.value))
        }
        var pages: [String: ExpositionPage] = [:]
        for (instance, samplesByFamily) in byInstance {
            var built: [MetricFamily] = []
            for family in families {
                guard let samples = samplesByFamily[family.name] else { continue }
                built.append(MetricFamily(name: family.name, type: family.type, samples: ordered(samples, family: family)))
            }
            let known = Set(families.map(\.name))
            for (name, samples) in samplesByFamily.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
                built.append(MetricFamily(name: name, type: .untyped, samples: samples))
            }
            pages[instance] = ExpositionPage(format: .text, families: built)
        }
        return pages
    }

    /// The series' labels as the target itself exposed them: Prometheus' target labels dropped, and the
    /// target's own `instance`/`job` (renamed `exported_*` when the server does not honor labels) restored.
    static func exposedLabels(_ labels: [String: String]) -> Labels {
        var pairs: [Label] = []
        for (name, value) in labels {
            switch name {
            case "__name__", "instance", "job": continue
            case "exported_instance": pairs.append(Label("instance", value))
            case "exported_job": pairs.append(Label("job", value))
            default: pairs.append(Label(name, value))
            }
        }
        return Labels(pairs).sorted
    }

    /// Histogram series as a scrape lists them: per label set, buckets by ascending `le`, then sum, count.
    private static func ordered(_ samples: [Sample], family: PrometheusFamily) -> [Sample] {
        guard family.type == .histogram || family.type == .summary else {
            return samples.sorted { $0.labels.pairs.lexicographicallyPrecedes($1.labels.pairs, by: labelOrder) }
        }
        let suffixRank: (String) -> Int = { name in
            name.hasSuffix("_sum") ? 1 : name.hasSuffix("_count") ? 2 : 0
        }
        return samples.sorted { a, b in
            let keyA = a.labels.removing(["le", "quantile"]).pairs
            let keyB = b.labels.removing(["le", "quantile"]).pairs
            if keyA != keyB { return keyA.lexicographicallyPrecedes(keyB, by: labelOrder) }
            let rankA = suffixRank(a.name), rankB = suffixRank(b.name)
            if rankA != rankB { return rankA < rankB }
            return bound(a) < bound(b)
        }
    }

    private static func bound(_ sample: Sample) -> Double {
        guard let text = sample.labels["le"] ?? sample.labels["quantile"] else { return 0 }
        return PrometheusResponse.parse(text) ?? .infinity
    }

    private static func labelOrder(_ a: Label, _ b: Label) -> Bool {
        a.name != b.name ? a.name < b.name : a.value < b.value
    }
}
