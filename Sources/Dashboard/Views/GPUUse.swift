import ClusterModel
import Formatting
import Insights

/// Which engine instance uses a GPU, and what an instance's GPUs do, as nvtop shows processes per GPU: the
/// GPU panel's "used by" column and the instance panel's GPU columns. A join by node only (nothing says which
/// GPU an engine uses) is shown muted, so that it is never read as a fact about one GPU.
enum GPUUse {
    /// The instances on `gpu`, by their short target (without the GPU's node, which its row already shows).
    static func usedBy(_ gpu: GPU, _ ctx: ViewContext) -> TableCell {
        let instances = gpu.instanceIDs.compactMap { ctx.index.instances[$0] }
        guard let first = instances.first else { return .text(ctx.absent, .muted) }
        let exact = instances.allSatisfy { $0.gpuJoin != .node || $0.gpuIDs.count == 1 }
        var name = DisplayName.instance(id: first.id)
        if name.hasPrefix(gpu.node + "/") { name = String(name.dropFirst(gpu.node.count + 1)) }
        let text = TextSanitizer.clean(name) + (instances.count > 1 ? " +" + String(instances.count - 1) : "")
        return .text(text, exact ? .text : .muted)
    }

    /// The indices of an instance's GPUs on its node, ranges folded (`0-3`, `0,2`), muted when joined by node.
    static func indices(_ instance: EngineInstance, _ ctx: ViewContext) -> TableCell {
        let indices = instance.gpuIDs.compactMap { ctx.index.gpus[$0]?.index }.sorted()
        guard !indices.isEmpty else { return .text(ctx.absent, .muted) }
        var parts: [String] = []
        var start = indices[0], end = indices[0]
        for index in indices.dropFirst() {
            if index == end + 1 { end = index; continue }
            parts.append(start == end ? String(start) : String(start) + "-" + String(end))
            (start, end) = (index, index)
        }
        parts.append(start == end ? String(start) : String(start) + "-" + String(end))
        return .text(parts.joined(separator: ","), instance.gpuJoin == .node && indices.count > 1 ? .muted : .text)
    }

    /// Mean utilization of an instance's GPUs (0…1); nil when none reports it.
    static func utilization(_ instance: EngineInstance, _ ctx: ViewContext) -> Double? {
        let values = instance.gpuIDs.compactMap { ctx.index.gpus[$0]?.utilization }.filter { !$0.isNaN }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Power drawn by an instance's GPUs, in watts; nil when none reports it.
    static func power(_ instance: EngineInstance, _ ctx: ViewContext) -> Double? {
        let values = instance.gpuIDs.compactMap { ctx.index.gpus[$0]?.powerWatts }.filter { !$0.isNaN }
        return values.isEmpty ? nil : values.reduce(0, +)
    }
}
