import ClusterModel
import Formatting
import Testing

@testable import Dashboard

/// Issue 14, class 6: label values holding bidi overrides, the byte-order mark, zero-width joiners, combining
/// marks, wide CJK and emoji sequences go through every table of every screen at several sizes, and every cell
/// of the canvas still holds exactly what the terminal will draw in the columns it was given. That is what
/// keeps columns, borders and the next frame's diff in place: a character that a terminal draws one column
/// wider or narrower than the canvas counted shifts the rest of its row.
@Suite struct HostileTextTests {
    static let names = [
        "llama\u{202E}BBG-8B", "\u{FEFF}qwen\u{200B}-7b", "fam\u{200D}ily👨\u{200D}👩\u{200D}👧", "e\u{301}\u{301}\u{301}cole",
        "模型-70B-指令", "☀\u{FE0F}sun\u{FE0E}", "🇺🇸flag", "\u{301}lead", "tab\tnew\nline\u{1B}[2J", "\u{85}\u{9B}31m",
        "\u{2066}iso\u{2069}late", "\u{E0041}tag", "\u{10FFFF}end",
    ]

    /// The sample cluster with every model, node and target name replaced by a hostile one.
    static func frame() -> DashboardFrame {
        var frame = SampleCluster.frame(nodes: 3, perNode: 4, instances: 13, targets: 6, ticks: 3)
        for i in frame.snapshot.instances.indices {
            frame.snapshot.instances[i].model = names[i % names.count]
            frame.snapshot.instances[i].node = names[(i + 3) % names.count]
        }
        for i in frame.snapshot.gpus.indices {
            frame.snapshot.gpus[i].modelName = names[(i + 5) % names.count]
            frame.snapshot.gpus[i].node = names[(i + 7) % names.count]
        }
        for i in frame.snapshot.targets.indices {
            frame.snapshot.targets[i].lastError = names[(i + 1) % names.count]
            frame.snapshot.targets[i].dataQuality = [names[(i + 2) % names.count]]
        }
        return frame
    }

    @Test func everyCellHoldsWhatTheTerminalDrawsInItsColumns() {
        let frame = Self.frame()
        for state in ScreenTour.states(for: frame.snapshot) {
            for size in [Size(width: 80, height: 24), Size(width: 123, height: 41), Size(width: 200, height: 50)] {
                let canvas = DashboardView.render(frame, state: state, size: size, glyphs: .braille)
                for y in 0..<canvas.height {
                    var x = 0
                    while x < canvas.width {
                        let cell = canvas[x, y]
                        #expect(!cell.isContinuation, "a stray continuation at \(x),\(y) in \(state.screen) \(size)")
                        let width = DisplayWidth.of(cell.character)
                        #expect(
                            width == 1 || width == 2,
                            "'\(cell.character)' at \(x),\(y) draws \(String(describing: width)) columns")
                        #expect(
                            !cell.character.unicodeScalars.contains(where: DisplayWidth.isInvisibleFormat),
                            "an invisible formatting character reached \(x),\(y)")
                        if width == 2 {
                            #expect(
                                x + 1 < canvas.width && canvas[x + 1, y].isContinuation,
                                "wide \(cell.character) at \(x),\(y) in \(state.stack) \(size): \(canvas.line(y))"
                            )
                            x += 2
                        } else {
                            x += 1
                        }
                    }
                }
            }
        }
    }

    @Test func bordersStayWhereTheyWereDrawn() {
        let canvas = DashboardView.render(Self.frame(), state: UIState(), size: Size(width: 160, height: 40), glyphs: .braille)
        for y in 0..<canvas.height where canvas[0, y].character == "│" {
            // Each row inside a box on the left ends in a box's right edge at the screen's last column.
            #expect("│┐┘┤".contains(canvas[canvas.width - 1, y].character), "row \(y): \(canvas.line(y))")
        }
    }
}
