import Foundation
import TestSupport
import Testing

/// Issue 14, classes 2 and 3, for the configuration file through the real binary: a number of the file outside its
/// range stops every command that reads the file with exit status 64 and one line naming the file, the line, the
/// key and the range (the loader's own keys are swept in `ConfigurationLoaderTests`).
@Suite struct ConfigurationFileRangeTests {
    /// The alert rules' numbers have ranges too, and a refusal names the file and the line, as the loader's do —
    /// for every command that reads the file, even one whose source does not use it.
    @Test(arguments: [["--frames", "1"], ["snapshot", "--sim", "--at", "5s"], ["record", "--out", "/nonexistent/x.rec"]])
    func aConfigurationFileWithAnAlertOutOfRangeIsRefusedWithItsLine(command: [String]) async throws {
        let folder = try TemporaryFolder("flag-ranges")
        let file = folder.path("alerts.yaml")
        try "interval: 1s\nalerts:\n  vram: {threshold: 95%}\n  restart_hold: 1e300\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let run = try InfertopProcess(command + ["--config", file], name: "alerts", folder: folder.url)
        #expect(await run.finish(within: .seconds(20)) == 64)
        #expect(run.errors == "infertop: \(file), line 4: key 'alerts.restart_hold': expected 0s to 168h, got '1e300'\n")
    }
}
