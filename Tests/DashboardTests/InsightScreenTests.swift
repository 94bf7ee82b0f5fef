import ClusterModel
import Foundation
import Insights
import TestSupport
import Testing

@testable import Dashboard

/// The insight screens rendered from `InsightSample` at 120×40 and 200×60, compared with plain-text files
/// under `InsightGolden/` (`INFERTOP_UPDATE_GOLDEN=1` rewrites them), and their keys as state transitions.
@Suite struct InsightScreenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/DashboardTests/InsightGolden")
    static let frame = InsightSample.frame()
    static let screens: [(String, ScreenID)] = [
        ("gpu", .gpu("h100-0/0")), ("instance", .instance("vllm-h100")), ("batching", .batching(instanceID: "vllm-h100")),
        ("model-batching", .modelBatching(InsightSample.llama)), ("gpu-types", .gpuTypes), ("cold-starts", .coldStarts),
        ("events", .events), ("heatmap", .heatmap), ("groups", .groups),
    ]

    static func render(_ screen: ScreenID, _ size: Size, frame: DashboardFrame = frame) -> Canvas {
        DashboardView.render(frame, state: UIState(showing: screen), size: size, glyphs: .braille)
    }

    @Test(arguments: screens.map(\.0), sizes)
    func matchesGolden(name: String, size: Size) throws {
        let screen = Self.screens.first { $0.0 == name }!.1
        let text = Self.render(screen, size).plainText + "\n"
        let url = Self.folder.appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
        let golden = try GoldenFile.expected(text, at: url)
        #expect(text == golden, "frame differs from \(url.lastPathComponent); rerun with INFERTOP_UPDATE_GOLDEN=1 if intended")
    }

    @Test func everyScreenDrawsAtEverySizeWithinItsBounds() {
        for (_, screen) in Self.screens {
            for width in stride(from: 1, through: 300, by: 23) {
                for height in stride(from: 1, through: 100, by: 11) {
                    let canvas = Self.render(screen, Size(width: width, height: height))
                    #expect(canvas.cells.count == width * height)
                }
            }
        }
    }

    /// One key through the key tables, the page on top and the reducer, as the loop does.
    func press(_ key: Key, _ state: UIState, frame: DashboardFrame = frame) -> UIState {
        guard let action = KeyMap.action(for: key, in: state) else { return state }
        return UIReducer.reduce(
            state, action, context: UIReducer.Context(frame: frame, state: state, size: Size(width: 120, height: 40)))
    }

    @Test func enterOpensTheSelectedGPUAndInstanceAndEscGoesBack() {
        var state = press(.down, UIState())
        state = press(.enter, state)
        #expect(state.screen == .gpu(ClusterQuery.gpus(Self.frame.snapshot, UIState())[1].id))
        #expect(Self.render(state.screen, Size(width: 120, height: 40)).plainText.contains("overview › GPU "))
        state = press(.escape, state)
        #expect(state.screen == .overview)
        #expect(state.stack == [.overview])
        state = press(.tab, state)
        state = press(.enter, state)
        #expect(state.screen == .instance(ClusterQuery.instances(Self.frame.snapshot, state)[0].id))
        state = press(.character("b"), state)
        #expect(state.breadcrumbs.count == 3)
        state = press(.escape, press(.escape, state))
        #expect(state.screen == .overview)
    }

    @Test func eventsOpenFromAnyScreenAndEnterFollowsAnEventToItsSubject() {
        var state = press(.character("e"), UIState())
        #expect(state.screen == .events)
        let events = Self.frame.alerts!.log.newestFirst
        let firstGPU = events.firstIndex { $0.subject.kind == .gpu }!
        for _ in 0..<firstGPU { state = press(.down, state) }
        state = press(.enter, state)
        #expect(state.screen == .gpu(events[firstGPU].subject.id))
        // Opening a screen already in the stack returns to it.
        state = press(.character("e"), state)
        #expect(state.stack == [.overview, .events])
    }

    @Test func theEventLogShowsFiredAlertsWithDurationsAndOngoingOnesInTheirSeverity() throws {
        let log = Self.frame.alerts!.log
        #expect(log.events.map(\.rule) == [.gpuTemperature, .gpuHotterThanPeers, .vram, .ttftSLO, .kvCache, .targetDown])
        let ttft = try #require(log.events.first { $0.rule == .ttftSLO })
        #expect(ttft.durationText == "30s")
        let canvas = Self.render(.events, Size(width: 200, height: 60))
        let text = canvas.plainText
        #expect(text.contains("target down"))
        #expect(text.contains("ongoing"))
        // The newest event is selected; the next, still ongoing, shows its severity.
        let kv = try #require(
            (0..<canvas.height).first { canvas.line($0).contains("ongoing") && canvas.line($0).contains("KV cache high") })
        #expect(canvas.roles(row: kv).contains(.warn))
        let active = try #require(
            (0..<canvas.height).first { canvas.line($0).contains("critical") && canvas.line($0).contains("target down") })
        #expect(canvas.roles(row: active).contains(.critical))
    }

    @Test func theHeatmapSelectionMovesByNodeAndEnterOpensTheCell() {
        var state = press(.character("H"), UIState())
        state = press(.right, press(.right, state))
        state = press(.down, state)
        #expect(state.insight.selected(.heatmap) == 6)
        state = press(.enter, state)
        #expect(state.screen == .gpu("a10g-0/2"))
        state = press(.escape, state)
        state = press(.character("m"), state)
        #expect(state.insight.heatmapMetric == .utilization)
    }

    @Test func groupsOpenAndCloseAndRegroupByModel() {
        var state = press(.character("n"), UIState())
        #expect(state.screen == .groups)
        // Eight GPUs: groups start expanded, so the second row is the first H100.
        #expect(InsightRows.groupRows(Self.frame, state).map(\.selectionID).prefix(2) == ["node:a10g-0", "a10g-0/0"])
        state = press(.enter, state)
        #expect(
            InsightRows.groupRows(Self.frame, state).map(\.selectionID) == [
                "node:a10g-0", "node:h100-0", "h100-0/0",
                "h100-0/1", "h100-0/2", "h100-0/3",
            ])
        state = press(.down, state)
        state = press(.down, state)
        state = press(.enter, state)
        #expect(state.screen == .gpu("h100-0/0"))
        state = press(.character("m"), press(.escape, state))
        #expect(state.insight.grouping == .model)
        let keys = InsightRows.groupRows(Self.frame, state).compactMap { row -> String? in
            if case .group(let group, _) = row { return group.key }
            return nil
        }
        #expect(keys == [GPUGroupingMode.noModel, InsightSample.llama, "Qwen/Qwen2.5-7B-Instruct"])
    }

    @Test func aFilterExpressionNarrowsTheHeatmapAndItsErrorNamesTheColumn() {
        var state = UIState(showing: .heatmap)
        state.filter = "gpu=a10g vram>90"
        let map = InsightRows.heatmap(Self.frame, state)
        #expect(map.rows.flatMap(\.cells).map(\.gpuID) == ["a10g-0/2"])
        state.filter = "vram>"
        let text = DashboardView.render(Self.frame, state: state, size: Size(width: 200, height: 60), glyphs: .braille).plainText
        #expect(text.contains("filter error: column 6: expected a number after '>'"))
        #expect(text.contains("8 GPUs"))
    }

    @Test func theInstanceScreenShowsHowRequestsEnded() {
        let text = Self.render(.instance("vllm-h100"), Size(width: 200, height: 60)).plainText
        #expect(text.contains("finished: stop 5.40/s"))
        #expect(text.contains("length 0.60/s"))
        #expect(text.contains("abort 0/s") && text.contains("error 0/s"))
        // SGLang reports no stop/length split: absent, not zero.
        let sglang = Self.render(.instance("sglang-h100"), Size(width: 200, height: 60)).plainText
        #expect(sglang.contains("finished: stop —") && sglang.contains("length —"))
    }

    @Test func theOverviewShowsTheAlertStrip() {
        let canvas = DashboardView.render(Self.frame, state: UIState(), size: Size(width: 200, height: 60), glyphs: .braille)
        let footer = canvas.line(59)
        #expect(footer.contains("▲ 5 alerts: target down"))
        #expect(canvas.roles(row: 59).contains(.critical))
    }

    @Test func theHeatmapHoldsTwoThousandGPUsOnOneScreen() {
        let gpus = (0..<294).flatMap { node in
            (0..<8).map { i in
                GPU(
                    id: "gpu-node-\(node)/\(i)", node: "gpu-node-\(node)", index: i, modelName: "NVIDIA H100 80GB HBM3",
                    vramUsedBytes: Double((node * 8 + i) % 100) / 100 * 80, vramTotalBytes: 80)
            }
        }
        var frame = DashboardFrame(
            snapshot: ClusterSnapshot(timeMs: 1, gpus: gpus), history: ClusterHistory(capacity: 2),
            source: "big", generation: 1)
        frame.alerts = AlertEngine()
        let canvas = Self.render(.heatmap, Size(width: 200, height: 60), frame: frame)
        let text = canvas.plainText
        #expect(text.contains("2352 GPUs"))
        // Nine nodes a line, 33 lines: every node is on screen at 200×60.
        #expect(text.contains("gpu-node-293"))
        #expect(text.contains("gpu-node-0 "))
    }
}
