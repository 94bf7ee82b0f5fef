import Insights

/// The part of the UI state that the insight screens own: the row selected on each, the heatmap's metric and
/// the grouped list's grouping, groups and sort. Kept inside `UIState` so it survives frames like the rest.
package struct InsightUIState: Sendable, Equatable {
    /// The selected row (or heatmap cell) of each screen opened.
    package var selection: [ScreenID: Int] = [:]
    package var heatmapMetric: HeatmapMetric = .vram
    package var grouping: GPUGroupingMode = .node
    /// Which groups are open; nil until the user toggles one (then collapsed above 64 GPUs).
    package var expansion: GroupExpansion?
    package var groupSort: GroupSortKey = .name
    package var groupSortAscending = false

    package init() {}

    package func selected(_ screen: ScreenID) -> Int { selection[screen] ?? 0 }
}
