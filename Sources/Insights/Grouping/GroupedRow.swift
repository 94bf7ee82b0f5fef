import ClusterModel

/// One line of the grouped GPU list: a group's summary, or a member GPU under an expanded group.
package enum GroupedRow: Sendable, Hashable {
    case group(GPUGroup, expanded: Bool)
    case gpu(GPU, groupID: String)

    /// The id a selection keeps across frames: the group's id or the GPU's.
    package var selectionID: String {
        switch self {
        case .group(let group, _): return group.id
        case .gpu(let gpu, _): return gpu.id
        }
    }
}
