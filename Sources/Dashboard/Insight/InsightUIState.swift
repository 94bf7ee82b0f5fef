import Insights

/// The part of the UI state that the insight screens own: which of them are open (a stack), the row
/// selected on each, and the heatmap's metric. Kept inside `UIState` so it survives frames like the rest.
package struct InsightUIState: Sendable, Equatable {
    /// Open screens, the current one last; empty on the overview.
    package var stack: [InsightScreen] = []
    /// The selected row (or heatmap cell) of each open screen.
    package var selection: [InsightScreen: Int] = [:]
    package var heatmapMetric: HeatmapMetric = .vram
    package var grouping: GPUGroupingMode = .node
    /// Which groups are open; nil until the user toggles one (then collapsed above 64 GPUs).
    package var expansion: GroupExpansion?
    package var groupSort: GroupSortKey = .name
    package var groupSortAscending = false

    package init() {}

    package var current: InsightScreen? { stack.last }

    package func selected(_ screen: InsightScreen) -> Int { selection[screen] ?? 0 }

    /// "overview › GPU node-0/1 › instance …": where Esc leads back to.
    package var breadcrumbs: [String] { ["overview"] + stack.map(\.title) }
}
