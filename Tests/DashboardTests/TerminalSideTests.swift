import CursesTerminal
import Dashboard
import Foundation
import Synchronization
import TestSupport
import Testing

/// The parts of the terminal side that need no terminal: theme lookup and the checks made before curses starts.
@Suite struct TerminalSideTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    /// The themes compiled into the binary are exactly the repository's `Themes/` files, byte for byte: the
    /// generated source cannot drift from them, nor lose or add one.
    @Test func builtInThemesAreTheThemesFolder() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".theme") }
        #expect(Set(ThemeCatalog.builtInTexts.keys) == Set(files.map { String($0.dropLast(6)) }))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(ThemeCatalog.builtInTexts[String(file.dropLast(6))] == text, "\(file) differs from its built-in copy")
        }
        // Built-in themes load with no folder at all, and name themselves as such in errors.
        let alone = ThemeCatalog(folders: [])
        #expect(try alone.load("nord").name == "nord")
        #expect(alone.entries().allSatisfy { $0.file == nil && $0.origin == "built in" })
        #expect(alone.names().first == "dark" && alone.names().count == files.count)
    }

    @Test func userThemesReplaceOrAddToTheBuiltInOnesAndAreListedDarkFirst() throws {
        let user = try Self.folder([
            "dark.theme": "name = dark\ntext = red\n", "zebra.theme": "name = zebra\n",
            "notes.txt": "not a theme",
        ])
        let later = try Self.folder(["zebra.theme": "name = later-zebra\n"])
        let catalog = ThemeCatalog(folders: [user, later])
        #expect(try catalog.load("dark").style(.text).foreground == .ansi(1))  // the user's dark, not the built-in one
        #expect(try catalog.load("zebra").name == "zebra")  // the first folder wins
        let entries = catalog.entries()
        #expect(entries.first?.name == "dark")
        #expect(entries.first?.origin == user.appendingPathComponent("dark.theme").path + " (replaces the built-in dark)")
        #expect(entries.first { $0.name == "zebra" }?.origin == user.appendingPathComponent("zebra.theme").path)
        #expect(entries.first { $0.name == "nord" }?.origin == "built in")
        #expect(
            entries.map(\.name) == ["dark"] + (Array(ThemeCatalog.builtInTexts.keys) + ["zebra"]).filter { $0 != "dark" }.sorted()
        )
    }

    @Test func standardSearchPathIsTheUsersThemesThenTheEnvironments() {
        let config = URL(fileURLWithPath: "/home/u/.config/infertop")
        let catalog = ThemeCatalog.standard(configFolder: config, environment: ["INFERTOP_THEMES": "/opt/themes"])
        #expect(catalog.folders.map(\.path) == ["/home/u/.config/infertop/themes", "/opt/themes"])
        #expect(ThemeCatalog.standard(configFolder: nil, environment: [:]).folders.isEmpty)
    }

    @Test func unknownNamesAndBadFilesSayWhatToDo() throws {
        let folder = try Self.folder(["broken.theme": "name = broken\nok = green\nwarn = yelow bold\n"])
        let catalog = ThemeCatalog(folders: [folder], builtIn: ["plain": "name = plain\n"])
        #expect { try catalog.load("nope") } throws: {
            "\($0)" == "no theme named 'nope'; known themes: broken, plain; or put nope.theme in \(folder.path) "
                + "or pass a path to a .theme file"
        }
        #expect { try catalog.load("broken") } throws: { error in
            "\(error)".hasSuffix(
                "broken.theme:3:8: unexpected 'yelow'; write default, an ANSI name (red, bright-blue), "
                    + "0-255 or #rrggbb, then 'on COLOUR' and bold, dim, reverse, underline")
        }
        let byPath = try catalog.load(Fixtures.repositoryRoot.appendingPathComponent("Themes/nord.theme").path)
        #expect(byPath.name == "nord")
        // A built-in theme has no file: its errors name it as built in.
        let broken = ThemeCatalog(folders: [], builtIn: ["bad": "nonsense\n"])
        #expect { try broken.load("bad") } throws: { "\($0)".hasPrefix("built-in theme bad:1:1: ") }
    }

    @Test func refusesToStartCursesWithoutATerminal() {
        #expect {
            try TerminalCheck.requireInteractive(environment: ["TERM": "xterm"], stdinIsTTY: false, stdoutIsTTY: true)
        } throws: { "\($0)".contains("--frames N") }
        #expect { try TerminalCheck.requireInteractive(environment: [:], stdinIsTTY: true, stdoutIsTTY: true) } throws: {
            "\($0)".contains("TERM is unset")
        }
        #expect {
            try TerminalCheck.requireInteractive(environment: ["TERM": "dumb"], stdinIsTTY: true, stdoutIsTTY: true)
        } throws: { "\($0)".contains("TERM is 'dumb'") }
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
        SampleCluster.frame(
            ticks: tick.withLock {
                $0 += 1
                return $0
            })
    }

    func send(_ command: FeedCommand) {}
}
