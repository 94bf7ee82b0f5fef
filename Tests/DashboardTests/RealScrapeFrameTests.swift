import ClusterModel
import Foundation
import TestSupport
import Testing

@testable import Dashboard

/// Golden frames from real scrapes nobody on this team wrote (Tests/Fixtures/metrics): vLLM, SGLang and Triton
/// servers beside DCGM exporters of three GPU types, loaded through `PageLoader` like `infertop snapshot` does.
@Suite struct RealScrapeFrameTests {
    static let files = [
        "vllm-v1-kops-qwen2.5-0.5b.prom", "sglang-docs-llama31-8b.prom", "triton-trtllm-backend-readme.prom",
        "dcgm-exporter-kops-l4.prom", "dcgm-exporter-upcloud-l40s.prom", "dcgm-exporter-vks-a100-vgpu.prom",
    ]

    static func frame() throws -> DashboardFrame {
        let inputs = try files.map { name in
            PageInput(
                target: name.replacingOccurrences(of: ".prom", with: ""), origin: name,
                bytes: try Fixtures.bytes(Fixtures.realScrape(name)), timeMs: 1_764_000_000_000)
        }
        let snapshot = PageLoader(startMs: 1_764_000_000_000).load(inputs).snapshot
        var history = ClusterHistory(capacity: 60)
        history.append(snapshot)
        return DashboardFrame(snapshot: snapshot, history: history, source: "real scrapes", intervalSeconds: nil, generation: 1)
    }

    @Test(arguments: [ScreenID.overview, .targets], GoldenFrameTests.sizes)
    func matchesGolden(screen: ScreenID, size: Size) throws {
        let text =
            DashboardView.render(try Self.frame(), state: UIState(showing: screen), size: size, glyphs: .braille).plainText + "\n"
        let name = "real-\(screen == .overview ? "overview" : "targets")-\(size.width)x\(size.height).txt"
        let url = GoldenFrameTests.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INFERTOP_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(
            text == (try String(contentsOf: url, encoding: .utf8)),
            "frame differs from \(name); rerun with INFERTOP_UPDATE_GOLDEN=1 if intended")
    }

    @Test func realGPUsAndInstancesAreShown() throws {
        let frame = try Self.frame()
        #expect(frame.snapshot.gpus.count >= 3)
        #expect(!frame.snapshot.instances.isEmpty)
        let text = DashboardView.render(frame, state: UIState(), size: Size(width: 200, height: 60), glyphs: .braille).plainText
        #expect(text.contains("L4"))
        #expect(text.contains("vLLM"))
        #expect(text.contains("GPUs \(frame.snapshot.gpus.count)"))
    }
}
