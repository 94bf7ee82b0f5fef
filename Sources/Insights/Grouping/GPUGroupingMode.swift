/// How the GPU list is grouped when the cluster is too large to list flat.
package enum GPUGroupingMode: String, Sendable, Hashable, CaseIterable {
    case node, model

    /// The group a GPU without a serving instance falls in when grouping by model.
    package static let noModel = "(no model)"
}
