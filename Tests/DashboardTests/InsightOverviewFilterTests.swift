import ClusterModel
import Insights
import TestSupport
import Testing

@testable import Dashboard

/// `/` on the overview reads a filter expression (`vram>90 node~a10g model=llama`) for the GPU and instance lists,
/// plain words still match as substrings, and a text that does not parse filters nothing while its error, with
/// the column, shows in the footer as it is typed and in the header once applied. Keys go through the key tables
/// and the reducer, as the runner sends them.
@Suite struct InsightOverviewFilterTests {
    static let frame = InsightSample.frame()
    static let snapshot = frame.snapshot

    func type(_ text: String, then final: Key = .enter, from state: UIState = UIState()) -> UIState {
        let keys = InsightScreenTests()
        var state = keys.press(.character("/"), state)
        for character in text { state = keys.press(.character(character), state) }
        return keys.press(final, state)
    }

    func render(_ state: UIState, _ size: Size = Size(width: 120, height: 40)) -> Canvas {
        DashboardView.render(Self.frame, state: state, size: size, glyphs: .braille)
    }

    @Test func anExpressionFiltersTheGPUsByTheirOwnFiguresAndTheirInstances() {
        let state = type("vram>90")
        #expect(state.top != .filter && state.filter == "vram>90")
        let full = Self.snapshot.gpus.filter { ($0.vramFraction ?? 0) > 0.9 }.map(\.id)
        #expect(!full.isEmpty && full.count < Self.snapshot.gpus.count)
        #expect(Set(ClusterQuery.gpus(Self.snapshot, state).map(\.id)) == Set(full))
        // An instance is seen with its fullest GPU, so the same expression keeps the instances on those GPUs.
        let onFull = Self.snapshot.instances.filter { $0.gpuIDs.contains(where: full.contains) }.map(\.id)
        #expect(Set(ClusterQuery.instances(Self.snapshot, state).map(\.id)) == Set(onFull))
        // Terms combine: a text field, a number and a GPU row's instance model.
        let a10gLlama = type("node~a10g model=llama util>0")
        #expect(ClusterQuery.gpus(Self.snapshot, a10gLlama).allSatisfy { $0.node == "a10g-0" && !$0.instanceIDs.isEmpty })
        #expect(Set(ClusterQuery.instances(Self.snapshot, a10gLlama).map(\.id)) == ["vllm-a10g", "tgi-a10g"])
        #expect(ClusterQuery.instances(Self.snapshot, type("engine=sglang")).map(\.id) == ["sglang-h100"])
    }

    @Test func plainWordsStillMatchAsSubstrings() {
        let state = type("a10g")
        #expect(Set(ClusterQuery.gpus(Self.snapshot, state).map(\.node)) == ["a10g-0"])
        #expect(Set(ClusterQuery.instances(Self.snapshot, state).map(\.id)) == ["vllm-a10g", "tgi-a10g"])
        #expect(ClusterQuery.gpus(Self.snapshot, type("!a10g")).allSatisfy { $0.node == "h100-0" })
        // Targets have only a URL and an error: a word finds them, a number comparison none.
        #expect(ClusterQuery.targets(Self.snapshot, type("9400")).count == 2)
        #expect(ClusterQuery.targets(Self.snapshot, type("vram>1")).isEmpty)
    }

    @Test func aParseErrorNamesTheColumnWhileTypingAndAfterApplyingAndFiltersNothing() throws {
        let typing = type("gpu=a10g vram>", then: .character("x"))
        #expect(typing.top == .filter && typing.filter == "gpu=a10g vram>x")
        let canvas = render(typing)
        let footer = canvas.line(canvas.height - 1)
        #expect(footer.contains("/gpu=a10g vram>x_"))
        #expect(footer.contains("column 15: expected a percentage like 90 or 90%"))
        #expect(canvas.roles(row: canvas.height - 1).contains(.critical))
        #expect(ClusterQuery.gpus(Self.snapshot, typing).count == Self.snapshot.gpus.count)

        let applied = InsightScreenTests().press(.enter, typing)
        let header = render(applied, Size(width: 200, height: 60))
        let line = try #require((0..<3).first { header.line($0).contains("filter gpu=a10g vram>x") })
        #expect(header.line(line).contains("column 15: expected a percentage like 90 or 90%"))
        #expect(header.roles(row: line).contains(.critical))
        #expect(!render(InsightScreenTests().press(.escape, applied)).plainText.contains("column 15"))
    }

    @Test func theOverviewShowsOnlyTheMatchingRows() {
        let state = type("gpu=a10g vram>90")
        let expected = Self.snapshot.gpus.filter { ($0.modelName ?? "").contains("A10G") && ($0.vramFraction ?? 0) > 0.9 }
        let canvas = render(state, Size(width: 200, height: 60))
        let text = canvas.plainText
        #expect(text.contains("GPUs \(expected.count) "))
        #expect(text.contains("filter gpu=a10g vram>90"))
        #expect(!text.contains("column "))
    }
}
