import ClusterModel
import Foundation
import TestSupport
import Testing

@testable import Dashboard

/// The overview and targets screens at three sizes, compared with plain-text files under `Golden/`.
/// `INFERTOP_UPDATE_GOLDEN=1 swift test --filter GoldenFrameTests` rewrites them after an intended change.
@Suite struct GoldenFrameTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/DashboardTests/Golden")

    static func render(_ screen: ScreenID, _ size: Size) -> Canvas {
        DashboardView.render(SampleCluster.frame(), state: UIState(showing: screen), size: size, glyphs: .braille)
    }

    @Test(arguments: [ScreenID.overview, .targets], sizes)
    func matchesGolden(screen: ScreenID, size: Size) throws {
        let text = Self.render(screen, size).plainText + "\n"
        let url = Self.folder.appendingPathComponent(
            "\(screen == .overview ? "overview" : "targets")-\(size.width)x\(size.height).txt")
        if ProcessInfo.processInfo.environment["INFERTOP_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "frame differs from \(url.lastPathComponent); rerun with INFERTOP_UPDATE_GOLDEN=1 if intended")
    }

    @Test(arguments: sizes)
    func aGPUOver95PercentVRAMWarnsAsItsAlertDoes(size: Size) throws {
        let canvas = Self.render(.overview, size)
        // GPU node-0/1 is at 97 %: past the VRAM warning level (95 %) that its alert fires at, short of critical
        // (99 %), so its bar cells warn; GPU node-0/2 (41 %) has neither. Only the GPU panel's part of the row
        // counts: on wide screens the instances panel shares the row.
        #expect(gpuRoles(canvas, "77.6/80.0").contains(.warn))
        #expect(!gpuRoles(canvas, "77.6/80.0").contains(.critical))
        #expect(!gpuRoles(canvas, "32.8/80.0").contains(.warn))
        #expect(gpuRoles(canvas, "32.8/80.0").contains(.ok))
    }

    /// The roles of the row showing `label`, from the left edge to the end of the label.
    func gpuRoles(_ canvas: Canvas, _ label: String) -> [StyleRole] {
        for y in 0..<canvas.height {
            let line = Array(canvas.line(y))
            guard
                let start = (0...max(0, line.count - label.count)).first(where: {
                    String(line[$0..<min(line.count, $0 + label.count)]) == label
                })
            else { continue }
            return Array(canvas.roles(row: y).prefix(start + label.count))
        }
        Issue.record("no row shows \(label)")
        return []
    }

    @Test func networkTextNeverReachesTheCanvasWithEscapes() {
        for screen in [ScreenID.overview, .targets] {
            let text = Self.render(screen, Size(width: 200, height: 60)).plainText
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            #expect(!text.contains("[2J"))
        }
    }

    @Test func absentValuesPrintADashNeverZero() {
        let canvas = Self.render(.overview, Size(width: 200, height: 60))
        // GPU node-0/3 has no utilization, temperature or power.
        let row = (0..<canvas.height).map(canvas.line).first { $0.contains(" 3 H100") }
        #expect(row?.contains("—") == true)
        #expect(row?.contains(" 0%") == false)
    }
}
