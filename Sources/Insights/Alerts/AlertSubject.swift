/// What an alert is about: one GPU, one engine instance or one scrape target, with the names a person (and a
/// filter) recognises it by.
package struct AlertSubject: Sendable, Hashable, Codable, Comparable {
    /// The kind of thing the alert watches.
    package enum Kind: String, Sendable, Hashable, Codable {
        case gpu, instance, target
    }

    package var kind: Kind
    /// `GPU.id`, `EngineInstance.id` or `TargetHealth.id`.
    package var id: String
    package var node: String?
    /// The served model (instances, and GPUs that serve one).
    package var model: String?
    /// The GPU type (GPUs, and instances joined to GPUs).
    package var gpuType: String?

    package init(kind: Kind, id: String, node: String? = nil, model: String? = nil, gpuType: String? = nil) {
        self.kind = kind
        self.id = id
        self.node = node
        self.model = model
        self.gpuType = gpuType
    }

    /// A short name for a table cell or the alert strip: a GPU's id, a target without its scheme, an instance's
    /// short target with its model (`node-00/vllm-0 (Llama-3.1-8B-Instruct)`).
    package var label: String {
        switch kind {
        case .gpu: return id
        case .target: return DisplayName.target(id)
        case .instance:
            let name = DisplayName.instance(id: id)
            return model.map { "\(name) (\(DisplayName.model($0)))" } ?? name
        }
    }

    package static func < (lhs: AlertSubject, rhs: AlertSubject) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }
}
