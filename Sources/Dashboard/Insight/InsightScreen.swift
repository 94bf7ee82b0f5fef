import Insights

/// The screens that explain the overview: details of one GPU or instance, the batching trade-off, GPU
/// types side by side, cold starts, the event log and the heatmap. They stack (Enter opens, Esc returns),
/// and the stack is the breadcrumb trail in the header.
package enum InsightScreen: Sendable, Hashable {
    case gpu(String)
    case instance(String)
    /// One instance's batch size against ITL and tokens/s.
    case batching(instanceID: String)
    /// Every instance of a model pooled.
    case modelBatching(String)
    case gpuTypes
    case coldStarts
    case events
    case heatmap
    /// GPUs grouped by node or model, with aggregates per group; groups collapse and expand.
    case groups

    /// The breadcrumb of this screen.
    package var title: String {
        switch self {
        case .gpu(let id): return "GPU " + id
        case .instance(let id): return "instance " + DisplayName.instance(id: id)
        case .batching: return "batching"
        case .modelBatching(let model): return "batching " + model
        case .gpuTypes: return "GPU types"
        case .coldStarts: return "cold starts"
        case .events: return "events"
        case .heatmap: return "heatmap"
        case .groups: return "GPU groups"
        }
    }
}

extension InsightScreen {
    /// The insight screens that must stay within the frame budget for thousands of GPUs, as `bench render`
    /// cases: the heatmap and the grouped list (collapsed, and grouped by model).
    package static var benchmarkCases: [(String, UIState)] {
        func state(_ screen: InsightScreen, _ change: (inout UIState) -> Void = { _ in }) -> UIState {
            var state = UIState()
            state.screen = .insight
            state.insight.stack = [screen]
            change(&state)
            return state
        }
        return [
            ("heatmap, VRAM", state(.heatmap)),
            ("heatmap, filtered vram>50", state(.heatmap) { $0.filter = "vram>50" }),
            ("GPU groups by node, collapsed", state(.groups)),
            (
                "GPU groups by model, sorted by VRAM",
                state(.groups) {
                    $0.insight.grouping = .model
                    $0.insight.groupSort = .vram
                }
            ),
        ]
    }
}
