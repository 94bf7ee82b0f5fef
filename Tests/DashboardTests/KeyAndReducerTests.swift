import Testing

@testable import Dashboard

/// Key handling as state transitions: key → table → action → reducer.
@Suite struct KeyAndReducerTests {
    static let context = UIReducer.Context(
        rowCounts: [.gpus: 20, .instances: 5, .targets: 3],
        sortColumns: ClusterQuery.sortColumns, themeCount: 3, pageRows: 8)

    func press(_ keys: [Key], from state: UIState = UIState()) -> UIState {
        keys.reduce(state) { s, key in
            guard let action = KeyMap.action(for: key, in: s) else { return s }
            return UIReducer.reduce(s, action, context: Self.context)
        }
    }

    @Test func movementIsClampedToTheRows() {
        #expect(press([.down, .character("j"), .down]).selected(.gpus) == 3)
        #expect(press([.up, .character("k")]).selected(.gpus) == 0)
        #expect(press([.end]).selected(.gpus) == 19)
        #expect(press([.end, .pageUp]).selected(.gpus) == 11)
        #expect(press([.pageDown, .pageDown, .pageDown, .home]).selected(.gpus) == 0)
        #expect(press([.tab, .end, .down]).selected(.instances) == 4)
        #expect(press([.tab, .tab, .down]).selection.isEmpty)  // charts have no rows
    }

    @Test func tabCyclesPanelsBothWays() {
        #expect(press([.tab]).focus == .instances)
        #expect(press([.tab, .tab, .tab]).focus == .gpus)
        #expect(press([.backTab]).focus == .charts)
    }

    @Test func helpOpensAndOnlyEscOrQuestionOrQuitWork() {
        let open = press([.character("?")])
        #expect(open.top == .help)
        #expect(press([.down, .character("T")], from: open) == open)
        #expect(press([.escape], from: open).stack == [.overview])
        #expect(press([.character("?")], from: open).stack == [.overview])
        #expect(press([.character("q")], from: open).quitRequested)
    }

    @Test func filterTypingAndClearing() {
        let typed = press([.character("/"), .character("n"), .character("o"), .character("q"), .backspace, .character("d")])
        #expect(typed.top == .filter && typed.filter == "nod")
        #expect(!typed.quitRequested)  // q is text while typing
        let applied = press([.enter], from: typed)
        #expect(applied.top == .overview && applied.filter == "nod")
        let cleared = press([.escape], from: applied)
        #expect(cleared.filter.isEmpty)
        #expect(press([.escape], from: typed).filter.isEmpty)
    }

    /// Issue 18, class 3: `s` moves to the next sortable column in its natural direction — figures largest first
    /// (the worst GPU, the longest queue), names A to Z — `S` reverses, and every table has a sort that works.
    @Test func sortCyclesColumnsInTheirNaturalDirectionAndReverses() {
        let s = press([.character("s"), .character("s")])
        #expect(s.sorting(.gpus) == UIState.Sort(column: 4, descending: true))  // node, model, then VRAM: fullest first
        #expect(GPUPanel.columns[4].title == "VRAM GiB")
        #expect(!press([.character("S")], from: s).sorting(.gpus).descending)
        let sortable = ClusterQuery.sortColumns[.gpus]!.count
        let wrapped = press(Array(repeating: .character("s"), count: sortable))
        #expect(wrapped.sorting(.gpus).column == 0)
        let targets = press([.character("T"), .character("s")]).sorting(.targets)
        #expect(TargetsView.columns[targets.column].title == "status")
        for list in UIState.List.allCases { #expect(ClusterQuery.sortColumns[list]?.isEmpty == false) }
    }

    @Test func screensPauseWindowThemeGlyphsCompact() {
        #expect(press([.character("T")]).screen == .targets)
        #expect(press([.character("T"), .character("T")]).screen == .overview)
        #expect(press([.character(" ")]).paused)
        #expect(!press([.character(" "), .character(" ")]).paused)
        #expect(press([.character("+")]).chartWindowSeconds == 900)
        #expect(press([.character("+"), .character("+"), .character("+"), .character("+")]).chartWindowSeconds == 3600)
        #expect(press([.character("-"), .character("-")]).chartWindowSeconds == 60)
        #expect(press([.character("t"), .character("t"), .character("t")]).themeIndex == 0)
        #expect(press([.character("g")]).glyphIndex == 1)
        #expect(press([.character("c")]).compact)
        #expect(press([.character("q")]).quitRequested)
    }

    @Test func clickSelectsTheRowUnderThePointer() {
        let frame = SampleCluster.frame(ticks: 2)
        let size = Size(width: 120, height: 40)
        let layout = DashboardView.layout(frame, state: UIState(), size: size)!
        // Third data row of the instances panel: border, header, rows 0, 1, 2.
        let hit = DashboardView.row(
            atX: layout.instances.x + 5, y: layout.instances.y + 4, frame: frame, state: UIState(), size: size)
        #expect(hit?.0 == .instances && hit?.1 == 2)
        let selected = UIReducer.select(row: 2, in: .instances, state: UIState(), context: Self.context)
        #expect(selected.focus == .instances && selected.selected(.instances) == 2)
        #expect(DashboardView.row(atX: 0, y: 0, frame: frame, state: UIState(), size: size) == nil)
    }

    /// One table drives behaviour, footer and help: on every screen, overlay and prompt of the tour, every key is
    /// bound once per table, every footer hint's key triggers its action, and the help lists every binding.
    @Test func keyTablesAreConsistent() {
        let help = UIState(showing: .help)
        var seek = UIState()
        seek.replay = true
        seek.open(.seek)
        let states = ScreenTour.states(for: SampleCluster.frame().snapshot) + [UIState(showing: .filter), seek]
        for state in states {
            let table = KeyMap.table(for: state)
            let keys = table.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(state.stack)")
            for binding in table {
                for key in binding.keys { #expect(KeyMap.action(for: key, in: state) == binding.action) }
            }
            var canvas = Canvas(size: Size(width: 200, height: 1))
            FooterView.draw(&canvas, canvas.bounds, state)
            for binding in table where binding.hint != nil { #expect(canvas.line(0).contains(binding.hint!)) }
        }
        var helpCanvas = Canvas(size: Size(width: 120, height: 50))
        ScreenID.help.page.draw(
            &helpCanvas, helpCanvas.bounds, ViewContext(frame: SampleCluster.frame(), state: help, glyphs: .braille))
        for binding in KeyMap.overview { #expect(helpCanvas.plainText.contains(binding.help), "help lacks \(binding.help)") }
    }

    /// The screen stack: screens, overlays and prompts open on top and Esc closes them in order, whatever is
    /// below; opening a screen already open returns to it; the overview never closes.
    @Test func layersOpenOnTopAndEscClosesThemInOrder() {
        let frame = SampleCluster.frame(ticks: 2)
        func press(_ keys: [Key], from state: UIState = UIState()) -> UIState {
            keys.reduce(state) { s, key in
                DashboardLoop.apply(key, to: s, frame: frame, size: Size(width: 120, height: 40), themeCount: 1)
            }
        }
        let heatmapHelp = press([.character("H"), .character("?")])
        #expect(heatmapHelp.stack == [.overview, .heatmap, .help])
        #expect(heatmapHelp.screen == .heatmap && heatmapHelp.breadcrumbs == ["overview", "heatmap"])
        #expect(press([.escape], from: heatmapHelp).stack == [.overview, .heatmap])
        #expect(press([.escape, .escape, .escape, .escape], from: heatmapHelp).stack == [.overview])
        // A filter typed on the targets screen: Enter keeps it, Esc clears it, the next Esc leaves the screen.
        let filtered = press([.character("T"), .character("/"), .character("x"), .enter])
        #expect(filtered.stack == [.overview, .targets] && filtered.filter == "x")
        #expect(press([.escape], from: filtered).stack == [.overview, .targets])
        #expect(press([.escape, .escape], from: filtered).stack == [.overview])
        // The event log from a GPU's details, twice: the second `e` returns to it instead of stacking it again.
        let deep = press([.enter, .character("e"), .character("e")])
        #expect(deep.stack.count == 3 && deep.top == .events && deep.screen == deep.stack[2])
        #expect(press([.escape], from: deep).screen == .gpu(ClusterQuery.gpus(frame.snapshot, UIState())[0].id))
    }
}
