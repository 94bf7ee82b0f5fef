/// What is known about a target besides its pages: the node and Kubernetes pod the configuration or service
/// discovery put it on, and the model its server named when asked (`ModelNameSource`). A recording keeps them
/// with the target's health, so that a replay joins and names what the live view joined and named.
package struct TargetFacts: Sendable, Hashable {
    package var node: String?
    package var pod: String?
    package var namespace: String?
    package var container: String?
    /// The GPUs the configuration gives the target (`gpus:`, `instance_gpus`): ids, UUIDs or indices on its node.
    package var gpus: [String]?
    package var model: String?

    package init(
        node: String? = nil, pod: String? = nil, namespace: String? = nil, container: String? = nil,
        gpus: [String]? = nil, model: String? = nil
    ) {
        self.node = node
        self.pod = pod
        self.namespace = namespace
        self.container = container
        self.gpus = gpus
        self.model = model
    }

    /// In the order a health record stores them, each behind its flag bit (`RecordingFormat.factFlags`); the GPUs
    /// as one comma-separated string.
    var fields: [String?] { [node, pod, namespace, model, container, gpus?.joined(separator: ",")] }

    init(fields: [String?]) {
        self.init(
            node: fields[0], pod: fields[1], namespace: fields[2], container: fields[4],
            gpus: fields[5].map { $0.split(separator: ",").map(String.init) }, model: fields[3])
    }
}
