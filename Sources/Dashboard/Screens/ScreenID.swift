import Insights

/// One layer of the dashboard's screen stack, by name: a full screen (the overview at the bottom, the targets
/// screen, the insight screens that explain the overview), an overlay drawn over the screen below (the `?` help)
/// or a prompt that takes typing (the `/` filter, a replay's `g` time). Enter and the screen keys push, Esc pops;
/// the full screens of the stack are the breadcrumb trail in the header. `page` gives each its behaviour.
package enum ScreenID: Sendable, Hashable {
    case overview
    case targets
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
    case help
    case filter
    case seek

    /// What the layer does: its keys, how it draws itself, how it handles what its keys ask.
    package var page: any ScreenPage {
        switch self {
        case .overview: return OverviewPage()
        case .targets: return TargetsPage()
        case .gpu(let id): return GPUDetailPage(id: id)
        case .instance(let id): return InstanceDetailPage(id: id)
        case .batching(let id): return BatchingPage(subject: .instance(id))
        case .modelBatching(let model): return BatchingPage(subject: .model(model))
        case .gpuTypes: return GPUTypesPage()
        case .coldStarts: return ColdStartsPage()
        case .events: return EventLogPage()
        case .heatmap: return HeatmapPage()
        case .groups: return GroupsPage()
        case .help: return HelpPage()
        case .filter: return FilterPrompt()
        case .seek: return SeekPrompt()
        }
    }

    /// The breadcrumb of this screen.
    package var title: String {
        switch self {
        case .overview: return "overview"
        case .targets: return "targets"
        case .gpu(let id): return "GPU " + id
        case .instance(let id): return "instance " + DisplayName.instance(id: id)
        case .batching: return "batching"
        case .modelBatching(let model): return "batching " + model
        case .gpuTypes: return "GPU types"
        case .coldStarts: return "cold starts"
        case .events: return "events"
        case .heatmap: return "heatmap"
        case .groups: return "GPU groups"
        case .help: return "help"
        case .filter: return "filter"
        case .seek: return "go to"
        }
    }
}

extension ScreenID {
    /// The insight screens that must stay within the frame budget for thousands of GPUs, as `bench render`
    /// cases: the heatmap and the grouped list (collapsed, and grouped by model).
    package static var benchmarkCases: [(String, UIState)] {
        func state(_ screen: ScreenID, _ change: (inout UIState) -> Void = { _ in }) -> UIState {
            var state = UIState(showing: screen)
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
