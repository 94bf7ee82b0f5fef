import ClusterModel

/// What every view function receives: the frame to draw, the UI state, and the glyph set.
public struct ViewContext: Sendable {
    public var frame: DashboardFrame
    public var state: UIState
    public var glyphs: GlyphSet

    public init(frame: DashboardFrame, state: UIState, glyphs: GlyphSet) {
        self.frame = frame
        self.state = state
        self.glyphs = glyphs
    }

    public var snapshot: ClusterSnapshot { frame.snapshot }
    public var absent: String { glyphs.absent }
    public var chartWindow: Duration { .seconds(state.chartWindowSeconds) }

    /// History values of `key` over the chart window, oldest first.
    public func history(_ key: HistoryKey) -> [Double?] {
        frame.history.values(key, window: chartWindow).map(\.value)
    }

    /// Network text made safe to draw, or `absent`.
    public func clean(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return absent }
        return TextSanitizer.clean(text)
    }

    /// "rows 1–20 of 64" for a box's bottom edge.
    public func rowsNote(_ shown: Range<Int>, of count: Int) -> String? {
        guard count > shown.count, !shown.isEmpty else { return nil }
        return "\(shown.lowerBound + 1)–\(shown.upperBound) of \(count)"
    }
}
