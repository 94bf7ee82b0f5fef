import Insights

/// The part of the UI state that the insight screens own: which of them are open (a stack), the row
/// selected on each, and the heatmap's metric. Kept inside `UIState` so it survives frames like the rest.
public struct InsightUIState: Sendable, Equatable {
    /// Open screens, the current one last; empty on the overview.
    public var stack: [InsightScreen] = []
    /// The selected row (or heatmap cell) of each open screen.
    public var selection: [InsightScreen: Int] = [:]
    public var heatmapMetric: HeatmapMetric = .vram
    public var grouping: GPUGroupingMode = .node
    /// Which groups are open; nil until the user toggles one (then collapsed above 64 GPUs).
    public var expansion: GroupExpansion?
    public var groupSort: GroupSortKey = .name
    public var groupSortAscending = false

    public init() {}

    public var current: InsightScreen? { stack.last }

    public func selected(_ screen: InsightScreen) -> Int { selection[screen] ?? 0 }

    /// "overview › GPU node-0/1 › instance …": where Esc leads back to.
    public var breadcrumbs: [String] { ["overview"] + stack.map(\.title) }
}
