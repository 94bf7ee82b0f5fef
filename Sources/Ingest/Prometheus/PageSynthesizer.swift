import Exposition

/// Turns the answers of one refresh into exposition pages, one per identity, shaped like a scrape of that
/// target: one family per query, in the order asked, histogram buckets in `le` order. A page carries only
/// the labels its family's readers look at; the target's own `instance` and `job` (set by the server) are
/// dropped, and an `exported_instance` (the target's label, renamed by a server that does not honour
/// labels) is restored as `instance`.
enum PageSynthesizer {
    /// One family's answer: each series' labels and value.
    struct Answer {
        var family: PrometheusFamily
        var values: [(labels: [String: String], value: Double)]
    }

    /// Pages by identity key; series without any identity label are left out.
    static func pages(_ answers: [Answer], identity: PrometheusIdentity) -> [String: ExpositionPage] {
        var byTarget: [String: [MetricFamily]] = [:]
        for answer in answers {
            var samples: [String: [Sample]] = [:]
            for (labels, value) in answer.values {
                guard let key = identity.key(labels) else { continue }
                samples[key, default: []].append(
                    Sample(
                        name: answer.family.sampleName, labels: exposed(labels, answer.family),
                        value: value))
            }
            for (key, list) in samples {
                byTarget[key, default: []].append(
                    MetricFamily(
                        name: answer.family.pageFamilyName, type: answer.family.type,
                        samples: ordered(list)))
            }
        }
        return byTarget.mapValues { ExpositionPage(format: .text, families: $0) }
    }

    /// The labels of a series as its target exposed them, limited to those the family's readers use.
    static func exposed(_ labels: [String: String], _ family: PrometheusFamily) -> Labels {
        var pairs: [Label] = []
        for name in family.labels {
            let value = name == "instance" || name == "job" ? labels["exported_" + name] : labels[name]
            if let value { pairs.append(Label(name, value)) }
        }
        for name in ["le", "quantile"] { if let value = labels[name] { pairs.append(Label(name, value)) } }
        return Labels(pairs).sorted
    }

    /// Series as a scrape lists them: by labels, and within a histogram's or summary's label set by bound.
    private static func ordered(_ samples: [Sample]) -> [Sample] {
        samples.sorted { a, b in
            let keyA = a.labels.removing(["le", "quantile"]).pairs
            let keyB = b.labels.removing(["le", "quantile"]).pairs
            if keyA != keyB { return keyA.lexicographicallyPrecedes(keyB, by: labelOrder) }
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
