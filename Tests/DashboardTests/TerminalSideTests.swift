import CursesTerminal
import Dashboard
import Foundation
import Synchronization
import Testing
import TestSupport

/// The parts of the terminal side that need no terminal: theme lookup and the checks made before curses starts.
@Suite struct TerminalSideTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func userThemesWinAndNamesAreListedDarkFirst() throws {
        let user = try Self.folder(["dark.theme": "name = dark\ntext = red\n", "zebra.theme": "name = zebra\n"])
        let shipped = Fixtures.repositoryRoot.appendingPathComponent("Themes")
        let catalog = ThemeCatalog(folders: [user, shipped])
        #expect(try catalog.load("dark").style(.text).foreground == .ansi(1))  // the user's dark, not the shipped one
        let names = catalog.names()
        #expect(names.first == "dark")
        #expect(names.contains("zebra") && names.contains("nord") && names.contains("mono"))
        #expect(Set(names).count == names.count)
    }

    @Test func standardSearchPathStartsWithTheUsersConfig() {
        let catalog = ThemeCatalog.standard(environment: ["HOME": "/home/u", "INFERTOP_THEMES": "/opt/themes"])
        #expect(catalog.folders.first?.path == "/home/u/.config/infertop/themes")
        #expect(catalog.folders.map(\.path).contains("/opt/themes"))
        let xdg = ThemeCatalog.standard(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"])
        #expect(xdg.folders.first?.path == "/xdg/infertop/themes")
    }

    @Test func unknownNamesAndBadFilesSayWhatToDo() throws {
        let folder = try Self.folder(["broken.theme": "name = broken\nok = green\nwarn = yelow bold\n"])
        let catalog = ThemeCatalog(folders: [folder])
        #expect { try catalog.load("nope") } throws: { "\($0)".contains("no theme named 'nope'; known themes: broken") }
        #expect { try catalog.load("broken") } throws: { error in
            "\(error)".hasSuffix("broken.theme:3:8: unexpected 'yelow'; write default, an ANSI name (red, bright-blue), "
                                 + "0-255 or #rrggbb, then 'on COLOUR' and bold, dim, reverse, underline")
        }
        let byPath = try catalog.load(Fixtures.repositoryRoot.appendingPathComponent("Themes/nord.theme").path)
        #expect(byPath.name == "nord")
    }

    @Test func refusesToStartCursesWithoutATerminal() {
        #expect { try TerminalCheck.requireInteractive(environment: ["TERM": "xterm"], stdinIsTTY: false, stdoutIsTTY: true) }
            throws: { "\($0)".contains("--frames N") }
        #expect { try TerminalCheck.requireInteractive(environment: [:], stdinIsTTY: true, stdoutIsTTY: true) }
            throws: { "\($0)".contains("TERM is unset") }
        #expect { try TerminalCheck.requireInteractive(environment: ["TERM": "dumb"], stdinIsTTY: true, stdoutIsTTY: true) }
            throws: { "\($0)".contains("TERM is 'dumb'") }
        #expect(throws: Never.self) {
            try TerminalCheck.requireInteractive(environment: ["TERM": "xterm-256color"], stdinIsTTY: true, stdoutIsTTY: true)
        }
    }

    /// Text frames wait for each new generation and render it: the non-interactive sink.
    @Test func textFramesFollowTheFeed() async {
        let feed = SteppingFeed()
        let frames = await TextFrames.render(feed: feed, frames: 3, size: Size(width: 80, height: 24), timeout: .seconds(5))
        #expect(frames.count == 3)
        #expect(frames.allSatisfy { $0.contains("GPUs 16") })
        #expect(Set(frames).count == 3, "each frame should show a newer snapshot")
    }
}

/// A feed that moves to the next sample snapshot each time it is read.
final class SteppingFeed: DashboardFeed {
    private let tick = Mutex(0)

    func latest() -> DashboardFrame {
        SampleCluster.frame(ticks: tick.withLock { $0 += 1; return $0 })
    }

    func send(_ command: FeedCommand) {}
}
