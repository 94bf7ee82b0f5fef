/// The meaning of a cell's look, never a colour: widgets ask for `critical`, a `Theme` decides what that looks like.
/// The raw value is the key used in theme files.
package enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case text, muted, accent, ok, warn, critical, border, title, header, selection, key
    case gaugeEmpty = "gauge-empty"
    case series1 = "series-1", series2 = "series-2", series3 = "series-3"
    case series4 = "series-4", series5 = "series-5", series6 = "series-6"

    /// The chart series roles in drawing order; series `n` beyond the list wraps around.
    package static let series: [StyleRole] = [.series1, .series2, .series3, .series4, .series5, .series6]

    /// The role of chart series `index` (0-based), wrapping so any number of series has a role.
    package static func series(_ index: Int) -> StyleRole { series[((index % series.count) + series.count) % series.count] }
}
