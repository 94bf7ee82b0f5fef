import Formatting
import Testing

@testable import Dashboard

/// Layout and rendering swept over terminal sizes from 1×1 to 300×100: panels never overlap, never leave the
/// screen, and nothing crashes; below the minimum, the too-small screen names both sizes.
@Suite struct LayoutSweepTests {
    static let widths = Array(stride(from: 1, through: 300, by: 7)) + [59, 60, 149, 150, 300]
    static let heights = Array(stride(from: 1, through: 100, by: 3)) + [15, 16, 100]
    /// Rendering is dearer than layout: a coarser grid, still crossing every layout threshold.
    static let renderWidths = Array(stride(from: 1, through: 300, by: 13)) + [59, 60, 149, 150, 300]
    static let renderHeights = Array(stride(from: 1, through: 100, by: 6)) + [15, 16, 21, 22, 100]

    @Test func panelsStayInsideAndApart() {
        for w in Self.widths {
            for h in Self.heights {
                let size = Size(width: w, height: h)
                guard let layout = OverviewLayout.compute(size) else {
                    #expect(w < OverviewLayout.minimumSize.width || h < OverviewLayout.minimumSize.height)
                    continue
                }
                let screen = Rect(size: size)
                for (i, a) in layout.all.enumerated() {
                    #expect(screen.contains(a), "\(a) outside \(size)")
                    for b in layout.all[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b) at \(size)") }
                }
                #expect(layout.gpus.height >= 3 && layout.instances.height >= 3, "panels too small at \(size)")
                #expect(layout.all.reduce(0) { $0 + $1.area } <= screen.area)
            }
        }
    }

    @Test func everyScreenRendersAtEverySize() {
        let frame = SampleCluster.frame(nodes: 3, perNode: 8, instances: 30, targets: 12, ticks: 20)
        var states: [UIState] = []
        for (screen, help, compact, filter) in [
            (ScreenID.overview, false, false, ""), (.overview, true, false, ""),
            (.overview, false, true, "node-1"), (.targets, false, false, ""),
            (.targets, true, false, "zzz"),
        ] {
            var s = UIState(showing: screen)
            if help { s.open(.help) }
            s.compact = compact
            s.filter = filter
            s.selection = [.gpus: 17, .instances: 29, .targets: 5]
            states.append(s)
        }
        for w in Self.renderWidths {
            for h in Self.renderHeights {
                for state in states {
                    let canvas = DashboardView.render(frame, state: state, size: Size(width: w, height: h), glyphs: .braille)
                    #expect(canvas.cells.count == w * h)
                }
            }
        }
    }

    @Test func tooSmallScreenNamesBothSizes() {
        let canvas = DashboardView.render(
            SampleCluster.frame(ticks: 1), state: UIState(), size: Size(width: 59, height: 20),
            glyphs: .braille)
        #expect(canvas.plainText.contains("terminal too small: have 59×20, need 60×16"))
        let tiny = DashboardView.render(
            SampleCluster.frame(ticks: 1), state: UIState(), size: Size(width: 20, height: 5),
            glyphs: .ascii)
        #expect(tiny.plainText.contains("have 20x5"))
        #expect(tiny.plainText.contains("need 60x16"))
    }

    @Test func panelsDrawOnlyInsideTheirRectangles() {
        let frame = SampleCluster.frame(ticks: 10)
        let ctx = ViewContext(frame: frame, state: UIState(), glyphs: .braille)
        let sentinel = Cell("#", .critical)
        for rect in [
            Rect(x: 3, y: 2, width: 40, height: 9), Rect(x: 0, y: 0, width: 61, height: 30),
            Rect(x: 5, y: 5, width: 2, height: 1),
        ] {
            let draws: [(inout Canvas) -> Void] = [
                { GPUPanel.draw(&$0, rect, ctx) }, { InstancePanel.draw(&$0, rect, ctx) },
                { ChartsPanel.draw(&$0, rect, ctx) }, { TargetsView.draw(&$0, rect, ctx) }, { HeaderView.draw(&$0, rect, ctx) },
            ]
            for draw in draws {
                var canvas = Canvas(size: Size(width: 80, height: 40), fill: sentinel)
                draw(&canvas)
                for y in 0..<canvas.height {
                    for x in 0..<canvas.width where !rect.contains(Rect(x: x, y: y, width: 1, height: 1)) {
                        #expect(canvas[x, y] == sentinel, "drawn outside \(rect) at (\(x),\(y))")
                    }
                }
            }
        }
    }

    /// Issue 18, class 2: at every size from 80×24 to 300×100 and with 1, 16, 64 and 2,000 GPUs, no table panel
    /// is more than half empty while the other is cut short, and no name is cut while another column of its
    /// table is wider than it needs.
    @Test(arguments: [(1, 1, 2), (16, 4, 7), (64, 8, 24), (2000, 8, 500)] as [(Int, Int, Int)])
    func panelsAndColumnsGiveTheirRoomToWhatNeedsIt(gpus: Int, perNode: Int, instances: Int) {
        let frame = SampleCluster.frame(nodes: gpus / perNode, perNode: perNode, instances: instances, targets: 6, ticks: 3)
        let sizes =
            [(80, 24), (120, 40), (160, 48), (200, 50), (300, 100)]
            + stride(from: 80, through: 300, by: 37).flatMap { w in stride(from: 24, through: 100, by: 19).map { (w, $0) } }
        for (width, height) in sizes {
            let size = Size(width: width, height: height)
            let state = UIState()
            guard let layout = DashboardView.layout(frame, state: state, size: size) else { continue }
            let panels = [(frame.snapshot.gpus.count, layout.gpus), (frame.snapshot.instances.count, layout.instances)]
            for (rows, rect) in panels {
                let capacity = rect.height - 3
                let halfEmpty = capacity > 0 && capacity - rows > capacity / 2
                for (otherRows, other) in panels where other != rect {
                    let cut = otherRows > other.height - 3
                    #expect(
                        !(halfEmpty && cut), "\(gpus) GPUs at \(size): \(rect) holds \(rows) rows, \(other) cuts \(otherRows)")
                }
            }
            let ctx = ViewContext(frame: frame, state: state, glyphs: .braille)
            checkNames(GPUPanel.columns, ClusterQuery.gpus(frame.snapshot, state), layout.gpus, ctx, size)
            checkNames(InstancePanel.columns, ClusterQuery.instances(frame.snapshot, state), layout.instances, ctx, size)
        }
    }

    /// A name column narrower than its longest visible value leaves no other column wider than it needs: names
    /// wider than their values, bars and histories wider than their minimums.
    func checkNames<Row>(_ columns: [Column<Row>], _ rows: [Row], _ rect: Rect, _ ctx: ViewContext, _ size: Size) {
        let inside = rect.inset(by: 1)
        let table = Table(columns: columns, rows: rows)
        let shown = table.shownRows(visibleRows: inside.height - 1)
        let cells = shown.map { row in columns.map { $0.cell(rows, row, ctx) } }
        let titles = table.titles(glyphs: ctx.glyphs)
        let widths = table.widths(cells: cells, titles: titles, width: inside.width, absent: ctx.absent)
        func need(_ i: Int) -> Int {
            var content = DisplayWidth.of(columns[i].shortTitle ?? titles[i])
            for row in cells {
                switch row[i] {
                case .text(let text, _): content = max(content, DisplayWidth.of(text))
                case .gauge(_, let label, _): content = max(content, DisplayWidth.of(label) + 4)
                case .sparkline: break
                }
            }
            if case .sparkline(let minimum, _) = columns[i].width { return minimum }
            return content
        }
        let cutNames = columns.indices.filter { i in
            if case .name = columns[i].width, let w = widths[i] { return w < need(i) }
            return false
        }
        guard !cutNames.isEmpty else { return }
        for i in columns.indices {
            guard let w = widths[i] else { continue }
            #expect(w <= need(i), "\(size): '\(columns[i].title)' is \(w) wide (needs \(need(i))) while a name is cut")
        }
    }
}
