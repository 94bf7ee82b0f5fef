/// What makes two series belong to one target when they come from a query server: the values of the
/// identity labels (by default `instance`, as Prometheus sets it from the scrape address; `pod,namespace`
/// where targets are reached through a Kubernetes service). Every query keeps these labels, and the answer
/// is split into one page per identity.
package struct PrometheusIdentity: Sendable, Hashable {
    package var labels: [String]

    package static let `default` = PrometheusIdentity(labels: ["instance"])

    package init(labels: [String]) {
        self.labels = labels
    }

    /// Checks the names given by a flag or a configuration key (`origin`), `pod,namespace`.
    package static func parse(_ text: String, origin: String) throws(ConfigurationError) -> PrometheusIdentity {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if let problem = problem(with: names) { throw .invalidFlag(origin, message: problem) }
        return PrometheusIdentity(labels: names)
    }

    /// What is wrong with a list of identity label names, or nil when they can be used.
    package static func problem(with names: [String]) -> String? {
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            return "name one or more labels, separated by commas, e.g. instance or pod,namespace"
        }
        for name in names where !PromQL.isLabelName(name) || name.hasPrefix("__") {
            return "\"\(name)\" is not a label name (letters, digits and _, not starting with a digit or __)"
        }
        return Set(names).count == names.count ? nil : "a label is named twice in \(names.joined(separator: ","))"
    }

    /// The target id of a series: its identity labels' values joined by `/`; nil when it has none of them.
    package func key(_ labels: [String: String]) -> String? {
        if self.labels.count == 1 { return labels[self.labels[0]] }
        let values = self.labels.map { labels[$0] }
        guard values.contains(where: { $0 != nil }) else { return nil }
        return values.map { $0 ?? "" }.joined(separator: "/")
    }

    /// Targets that fold: identities shared by several `up` series (several scrape targets), with the labels
    /// that tell them apart, so a person can name those too. Ordered by identity.
    static func folds(_ up: [[String: String]], identity: PrometheusIdentity) -> [Fold] {
        var byKey: [String: [[String: String]]] = [:]
        for labels in up {
            guard let key = identity.key(labels) else { continue }
            byKey[key, default: []].append(labels)
        }
        return byKey.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { key, members in
            let names = Set(members.flatMap(\.keys)).subtracting(["__name__"] + identity.labels)
            let differing = names.filter { name in Set(members.map { $0[name] ?? "" }).count > 1 }.sorted()
            let distinct = differing.filter { name in Set(members.compactMap { $0[name] }).count == members.count }
            return Fold(identity: key, targets: members.count, differingLabels: differing, distinctLabels: distinct)
        }
    }

    /// Several scrape targets under one identity: their series add up into one page.
    struct Fold: Sendable, Equatable {
        var identity: String
        var targets: Int
        var differingLabels: [String]
        /// The differing labels with a different value on every target: each would tell them apart.
        var distinctLabels: [String]

        /// The warning a status shows: what folds, and the flag (or relabelling) that tells the targets apart.
        func warning(identity: PrometheusIdentity) -> String {
            let names = identity.labels.joined(separator: ",")
            var text = "\(targets) scrape targets share \(names)=\"\(self.identity)\" and fold into one: their series add up"
            if let label = distinctLabels.first {
                text +=
                    "; tell them apart with --instance-labels \(names),\(label) (or relabel \(identity.labels[0]) "
                    + "in the server's scrape configuration, docs/CONFIG.md)"
            } else if !differingLabels.isEmpty {
                text += " (they differ in \(differingLabels.joined(separator: ", ")))"
            }
            return text
        }
    }
}
