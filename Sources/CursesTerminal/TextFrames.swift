import Dashboard

/// The non-interactive sink: renders frames of a feed as plain text (for `--frames N`, tests and CI, where there is
/// no terminal). Waits for each new generation with a bound instead of a fixed sleep.
package enum TextFrames {
    package static func render(
        feed: some DashboardFeed, frames: Int, size: Size, state: UIState = UIState(),
        glyphs: GlyphSet = .braille, timeout: Duration = .seconds(10)
    ) async -> [String] {
        var out: [String] = []
        var lastGeneration = -1
        let clock = ContinuousClock()
        for _ in 0..<max(0, frames) {
            let deadline = clock.now.advanced(by: timeout)
            var frame = feed.latest()
            while frame.generation == lastGeneration, clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(2))
                frame = feed.latest()
            }
            lastGeneration = frame.generation
            out.append(DashboardView.render(frame, state: state, size: size, glyphs: glyphs).plainText)
        }
        return out
    }
}
