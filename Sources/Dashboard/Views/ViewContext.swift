import ClusterModel
import Formatting
import Insights

/// What every view function receives: the frame to draw, the UI state, and the glyph set.
package struct ViewContext: Sendable {
    package var frame: DashboardFrame
    package var state: UIState
    package var glyphs: GlyphSet
    /// The frame's GPUs and instances by id, for the joins a row shows (the instances on a GPU, an instance's GPUs).
    package let index: SnapshotIndex
    /// The colours of values, from the threshold policy the alert rules use.
    package let thresholds: Thresholds

    package init(frame: DashboardFrame, state: UIState, glyphs: GlyphSet) {
        self.frame = frame
        self.state = state
        self.glyphs = glyphs
        index = SnapshotIndex(frame.snapshot)
        thresholds = Thresholds(frame.alerts?.configuration.thresholds ?? .default)
    }

    package var snapshot: ClusterSnapshot { frame.snapshot }
    package var absent: String { glyphs.absent }
    package var chartWindow: Duration { .seconds(state.chartWindowSeconds) }

    /// History values of `key` over the chart window, oldest first, one per equal slice of the window (the
    /// scrape interval, at most 600 slices, and at most `columns` when the caller draws that many). Slices with no
    /// frame are nil, so a chart whose history is shorter than its window starts where the data starts instead of
    /// stretching it over the whole width.
    package func history(_ key: HistoryKey, columns: Int = .max) -> [Double?] {
        let windowMs = Int64(state.chartWindowSeconds) * 1000
        let intervalMs = max(1, Int64((frame.intervalSeconds ?? 1) * 1000))
        let slices = Int(max(1, min(600, Int64(columns), windowMs / intervalMs)))
        return frame.history.means(of: key, windowMs: windowMs, slices: slices) ?? []
    }

    /// Network text made safe to draw, or `absent`.
    package func clean(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return absent }
        return TextSanitizer.clean(text)
    }

    /// "rows 1–20 of 64" for a box's bottom edge.
    package func rowsNote(_ shown: Range<Int>, of count: Int) -> String? {
        guard count > shown.count, !shown.isEmpty else { return nil }
        return "\(shown.lowerBound + 1)–\(shown.upperBound) of \(count)"
    }
}
