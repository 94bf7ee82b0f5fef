import ClusterModel

/// The whole screen as a pure function: (frame, UI state, size, glyphs) → `Canvas`. Every sink — curses, the
/// `--frames` text mode, golden tests, the render benchmark — calls this one function. It draws the full screen of
/// the stack, a replay's timeline below it, and the overlays and prompts above the screen over both.
package enum DashboardView {
    package static func render(_ frame: DashboardFrame, state: UIState, size: Size, glyphs: GlyphSet) -> Canvas {
        var canvas = Canvas(size: size)
        // A replay keeps the bottom row for its timeline; every screen is laid out above it.
        let timeline = frame.replay != nil && size.height > OverviewLayout.minimumSize.height
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height - (timeline ? 1 : 0))
        let fits = area.width >= OverviewLayout.minimumSize.width && area.height >= OverviewLayout.minimumSize.height
        let ctx = ViewContext(frame: frame, state: state, glyphs: glyphs)
        let layers = state.stack.drop { $0 != state.screen }
        if fits {
            layers.first?.page.draw(&canvas, area, ctx)
        } else {
            var small = Canvas(size: area.size)
            TooSmallView.draw(&small, need: OverviewLayout.minimumSize, glyphs: glyphs)
            canvas.paste(small, x: 0, y: 0)
        }
        if timeline, let replay = frame.replay {
            TimelineBar.draw(&canvas, Rect(x: 0, y: area.maxY, width: size.width, height: 1), replay)
        }
        if fits {
            for layer in layers.dropFirst() { layer.page.draw(&canvas, area, ctx) }
        }
        if glyphs.chart == .ascii { canvas.foldToASCII() }
        return canvas
    }

    /// The overview's layout for what the tables hold now: each table's rows (a line for its message when empty;
    /// none at all for GPUs when the sources report no GPU), or in compact mode the tile lines.
    static func layout(_ frame: DashboardFrame, state: UIState, size: Size) -> OverviewLayout? {
        let snapshot = frame.snapshot
        let gpus = ClusterQuery.gpus(snapshot, state)
        let noGPUs = snapshot.gpus.isEmpty && snapshot.timeMs > 0
        let gpuWidth = size.width >= OverviewLayout.sideBySideWidth ? size.width * 9 / 20 : size.width
        let gpuRows = noGPUs ? 0 : max(1, state.compact ? GPUTiles.lines(gpus, width: gpuWidth - 2).count - 1 : gpus.count)
        let instanceRows = max(1, ClusterQuery.instances(snapshot, state).count)
        return OverviewLayout.compute(size, gpuRows: gpuRows, instanceRows: instanceRows)
    }

    /// Where each list's rows are drawn on this screen: inside the border, below the header row.
    static func rowAreas(_ frame: DashboardFrame, state: UIState, size: Size) -> [(UIState.List, Rect)] {
        let panels: [(UIState.List, Rect)]
        switch state.screen {
        case .overview:
            guard let layout = layout(frame, state: state, size: size), !state.compact else { return [] }
            panels = [(.gpus, layout.gpus), (.instances, layout.instances)]
        case .targets:
            guard let layout = ScreenLayout.compute(size) else { return [] }
            panels = [(.targets, layout.body)]
        default: return []
        }
        return panels.map { ($0.0, Rect(x: $0.1.x + 1, y: $0.1.y + 2, width: $0.1.width - 2, height: $0.1.height - 3)) }
    }

    /// How many rows of the list that movement keys act on are visible: what PageUp and PageDown move by.
    package static func pageRows(_ frame: DashboardFrame, state: UIState, size: Size) -> Int {
        let area = rowAreas(frame, state: state, size: size).first { $0.0 == state.activeList }?.1
        return max(1, area?.height ?? size.height / 3)
    }

    /// The list row under a click at (x, y), if the click landed on a table row.
    package static func row(atX x: Int, y: Int, frame: DashboardFrame, state: UIState, size: Size) -> (UIState.List, Int)? {
        let point = Rect(x: x, y: y, width: 1, height: 1)
        let counts = ClusterQuery.rowCounts(frame.snapshot, state)
        for (list, rows) in rowAreas(frame, state: state, size: size) {
            guard rows.contains(point) else { continue }
            let count = counts[list] ?? 0
            let first = TableText.firstRow(selected: state.selected(list), visibleRows: rows.height, rowCount: count)
            let row = first + y - rows.y
            return row < count ? (list, row) : nil
        }
        return nil
    }
}
