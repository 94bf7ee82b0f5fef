/// A Kubernetes pod, as DCGM's `pod`/`namespace` labels, an engine's own labels or the configuration name
/// it. Engines are joined to the GPUs whose DCGM series name their pod.
package struct PodReference: Sendable, Hashable, Codable, CustomStringConvertible {
    package var namespace: String?
    package var name: String
    /// The container in the pod (a pod may run several engines, each with its own GPUs); nil when not said.
    package var container: String?

    package init(namespace: String? = nil, name: String, container: String? = nil) {
        self.namespace = namespace
        self.name = name
        self.container = container
    }

    /// `namespace/name`, or the name alone.
    package var description: String { namespace.map { "\($0)/\(name)" } ?? name }

    /// Reads the pod from `labels` (the first of `podLabels` present, and of `namespaceLabels`); nil when
    /// no pod label is there.
    static func from(
        _ labels: (_ names: [String]) -> String?, podLabels: [String], namespaceLabels: [String],
        containerLabels: [String]
    ) -> PodReference? {
        guard let name = labels(podLabels), !name.isEmpty else { return nil }
        return PodReference(namespace: labels(namespaceLabels), name: name, container: labels(containerLabels))
    }

    /// Same pod name, and the same namespace and container where both say one (a page that names only the pod
    /// still matches).
    func matches(_ other: PodReference) -> Bool {
        func agree(_ a: String?, _ b: String?) -> Bool { a == nil || b == nil || a == b }
        return name == other.name && agree(namespace, other.namespace) && agree(container, other.container)
    }

    /// Labels that carry an engine's own pod on pages read through Prometheus (Kubernetes service discovery
    /// relabelled into `pod`/`namespace`, or the older `kubernetes_*` names).
    static let enginePodLabels = ["pod", "kubernetes_pod_name", "pod_name"]
    static let engineNamespaceLabels = ["namespace", "kubernetes_namespace"]
    static let engineContainerLabels = ["container", "kubernetes_container_name", "container_name"]
}
