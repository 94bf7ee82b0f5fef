import ClusterModel
import Formatting
import Insights

/// Which engine instance uses a GPU, and what an instance's GPUs do, as nvtop shows processes per GPU: the
/// GPU panel's "used by" column and the instance panel's GPU indices (their utilization, VRAM and power come
/// from `SnapshotIndex`). A join by node only (nothing says which
/// GPU an engine uses) is shown muted, so that it is never read as a fact about one GPU.
enum GPUUse {
    /// The instances on `gpu`, by their short target (without the GPU's node, which its row already shows).
    static func usedBy(_ gpu: GPU, _ ctx: ViewContext) -> TableCell {
        let instances = ctx.index.instances(of: gpu)
        guard let first = instances.first else { return .text(ctx.absent, .muted) }
        let exact = instances.allSatisfy { $0.gpuJoin != .node || $0.gpuIDs.count == 1 }
        var name = DisplayName.instance(id: first.id)
        if name.hasPrefix(gpu.node + "/") { name = String(name.dropFirst(gpu.node.count + 1)) }
        let text = TextSanitizer.clean(name) + (instances.count > 1 ? " +" + String(instances.count - 1) : "")
        return .text(text, exact ? .text : .muted)
    }

    /// The indices of an instance's GPUs on its node, ranges folded (`0-3`, `0,2`), muted when joined by node.
    static func indices(_ instance: EngineInstance, _ ctx: ViewContext) -> TableCell {
        let indices = ctx.index.gpus(of: instance).map(\.index).sorted()
        guard !indices.isEmpty else { return .text(ctx.absent, .muted) }
        // Runs of consecutive indices fold into ranges: 0,1,2,3,6 → 0-3,6.
        var runs: [(start: Int, end: Int)] = []
        for index in indices {
            if let last = runs.last, index == last.end + 1 {
                runs[runs.count - 1].end = index
            } else {
                runs.append((index, index))
            }
        }
        let parts = runs.map { $0.start == $0.end ? String($0.start) : String($0.start) + "-" + String($0.end) }
        return .text(parts.joined(separator: ","), instance.gpuJoin == .node && indices.count > 1 ? .muted : .text)
    }
}
