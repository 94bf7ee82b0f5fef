import Foundation
import Testing
import TestSupport

/// Issue 14, class 2: every numeric flag of every command has a documented range. The real binary, given a
/// value no range accepts, exits 64 with one line naming the flag, the value and what is accepted: never a
/// trap (132, 134, 139), never a hang, never a screen of usage.
@Suite(.serialized) struct FlagRangeTests {
    static let recording = Fixtures.repositoryRoot.appendingPathComponent("SampleData/steady.rec").path
    /// Each numeric flag, with the arguments that reach it (its command, and anything the command requires).
    static let flags: [(command: [String], flag: String)] = [
        ([], "--interval"), ([], "--timeout"), ([], "--concurrency"), ([], "--body-limit"), ([], "--seed"),
        ([], "--nodes"), ([], "--gpus-per-node"), ([], "--speed"), ([], "--load-scale"), ([], "--frames"), ([], "--size"),
        (["replay", Self.recording], "--speed"), (["replay", Self.recording], "--at"),
        (["record", "--out", "/nonexistent/never-written.rec"], "--duration"),
        (["sim"], "--duration"), (["sim"], "--interval"), (["sim"], "--nodes"), (["sim"], "--sim-seed"),
        (["snapshot", "--sim"], "--window"), (["snapshot", "--sim"], "--rounds"), (["snapshot", "--sim"], "--at"),
        (["snapshot", "--sim"], "--interval"),
        (["bench", "parse", "x.prom"], "--repeat"), (["bench", "model"], "--ticks"), (["bench", "model"], "--frames"),
        (["bench", "model"], "--history"), (["bench", "sim"], "--nodes"), (["bench", "sim"], "--seconds"),
        (["bench", "sim"], "--fast-forward-interval"), (["bench", "recording"], "--seconds"),
        (["bench", "recording"], "--keyframe-seconds"), (["bench", "render"], "--gpus"), (["bench", "render"], "--width"),
        (["bench", "scrape"], "--targets"), (["bench", "scrape"], "--page-bytes"),
    ]
    /// Values outside every range (and garbage): each must be refused by every numeric flag.
    static let hostile = ["nan", "inf", "-inf", "1e308", "99999999999999999999999", "x1", "1e300x1e300"]

    @Test(arguments: hostile)
    func everyNumericFlagRefusesOutOfRangeValuesInOneLine(value: String) async throws {
        let folder = try TemporaryFolder("flag-ranges")
        for (index, entry) in Self.flags.enumerated() {
            let arguments = entry.command + [entry.flag, value]
            let run = try InfertopProcess(arguments, name: "run\(index)", folder: folder.url)
            let status = await run.finish(within: .seconds(20))
            let lines = run.errors.split(separator: "\n")
            #expect(status == 64, "infertop \(arguments.joined(separator: " ")) exited \(status): \(run.errors)")
            #expect(lines.count == 1, "infertop \(arguments.joined(separator: " ")): \(run.errors)")
            #expect(lines.first?.hasPrefix("infertop: ") == true)
            // The line names the flag (a missing value names it too) and, when it read one, the value.
            #expect(lines.first?.contains(entry.flag) == true || lines.first?.contains(value) == true,
                    "\(arguments): \(run.errors)")
        }
    }

    @Test func theRefusalSaysTheRange() async throws {
        let folder = try TemporaryFolder("flag-ranges")
        let run = try InfertopProcess(["--nodes", "100000"], name: "nodes", folder: folder.url)
        #expect(await run.finish(within: .seconds(20)) == 64)
        #expect(run.errors == "infertop: The value '100000' is invalid for '--nodes <nodes>': expected 1 to 2048\n")
        let product = try InfertopProcess(["--nodes", "2048", "--gpus-per-node", "16"], name: "product", folder: folder.url)
        #expect(await product.finish(within: .seconds(20)) == 64)
        #expect(product.errors.contains("32768 simulated GPUs; expected at most 16384"))
    }
}
