import CursesTerminal
import Foundation
import TestSupport
import Testing

@testable import Dashboard

@Suite struct ThemeTests {
    static let themeFolder = Fixtures.repositoryRoot.appendingPathComponent("Themes")

    @Test func everyShippedThemeParsesAndNamesItself() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themeFolder.path).filter { $0.hasSuffix(".theme") }
        #expect(
            Set(files).isSuperset(of: [
                "dark.theme", "light.theme", "high-contrast.theme", "nord.theme", "ansi16.theme", "mono.theme",
            ]))
        for file in files {
            let text = try String(contentsOf: Self.themeFolder.appendingPathComponent(file), encoding: .utf8)
            let theme = try ThemeParser.parse(text, source: file)
            #expect(theme.name + ".theme" == file)
            // Every role a widget draws with has a style, so no theme leaves a role to chance.
            for role in StyleRole.allCases where !StyleRole.series.contains(role) || theme.name != "mono" {
                #expect(theme.styles[role] != nil, "\(file) has no \(role.rawValue)")
            }
        }
    }

    @Test func ansi16UsesOnlyTheTerminalsOwnColours() throws {
        let text = try String(contentsOf: Self.themeFolder.appendingPathComponent("ansi16.theme"), encoding: .utf8)
        let theme = try ThemeParser.parse(text, source: "ansi16.theme")
        for style in theme.styles.values {
            for color in [style.foreground, style.background].compactMap({ $0 }) {
                switch color {
                case .ansi, .terminalDefault: break
                default: Issue.record("ansi16 uses \(color)")
                }
            }
        }
    }

    @Test func parsesColoursBackgroundsAndAttributes() throws {
        let theme = try ThemeParser.parse(
            """
            # a comment
            name = t
            background = #102030   # trailing comment
            critical = #ff0000 on 52 bold underline
            ok = bright-green
            muted = default dim
            """, source: "t.theme")
        #expect(theme.name == "t")
        #expect(theme.background == .rgb(0x10, 0x20, 0x30))
        #expect(
            theme.style(.critical)
                == Style(foreground: .rgb(255, 0, 0), background: .indexed(52), attributes: [.bold, .underline]))
        #expect(theme.style(.ok).foreground == .ansi(10))
        #expect(theme.style(.muted) == Style(foreground: .terminalDefault, attributes: .dim))
        #expect(theme.style(.series3) == theme.style(.text))  // no accent: falls back to text
    }

    @Test(arguments: [
        ("text = 300", 2, 8, "unexpected '300'"),
        ("ok = green\nbogus = red", 2, 1, "unknown role 'bogus'"),
        ("ok green", 1, 1, "expected 'role = colour'"),
        ("warn = red on", 1, 12, "'on' must be followed"),
        ("ok = red\nok = blue", 2, 1, "set twice (first on line 1)"),
        ("background = #12", 1, 13, "missing colour"),  // `#12` is no colour, so it starts a comment
        ("background = red blue", 1, 14, "unknown colour 'red blue'"),
    ])
    func badFilesNameLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let source = text.hasPrefix("text") ? "x.theme" : "bad.theme"
        let input = text.hasPrefix("text") ? "name = x\n" + text : text
        do {
            _ = try ThemeParser.parse(input, source: source)
            Issue.record("accepted a bad theme: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.hasPrefix("\(source):\(line):\(column): "))
        }
    }

    @Test func coloursResolvePerDepth() {
        #expect(ThemeColor.rgb(255, 0, 0).resolved(for: .truecolor) == 0xFF0000)
        #expect(ThemeColor.rgb(255, 0, 0).resolved(for: .palette256) == 196)
        #expect(ThemeColor.rgb(255, 0, 0).resolved(for: .ansi16) == 9)
        #expect(ThemeColor.indexed(250).resolved(for: .ansi16) == 7)
        #expect(ThemeColor.indexed(46).resolved(for: .palette256) == 46)
        #expect(ThemeColor.ansi(4).resolved(for: .ansi16) == 4)
        #expect(ThemeColor.ansi(12).resolved(for: .ansi8) == 4)  // TERM=xterm has 8 colours: bright blue → blue
        #expect(ThemeColor.rgb(255, 0, 0).resolved(for: .ansi8) == 1)
        #expect(ThemeColor.indexed(244).resolved(for: .ansi16) == 8)  // a muted grey stays grey, not yellow
        #expect(ThemeColor.indexed(244).resolved(for: .ansi8) == 7)
        #expect(ThemeColor.terminalDefault.resolved(for: .palette256) == -1)
        #expect(ThemeColor.rgb(1, 2, 3).resolved(for: .none) == nil)
    }

    @Test func depthFollowsTheTerminalAndNO_COLOR() {
        #expect(ColorDepth.detect(hasColors: true, colors: 256, environment: [:]) == .palette256)
        #expect(ColorDepth.detect(hasColors: true, colors: 1 << 24, environment: [:]) == .truecolor)
        #expect(ColorDepth.detect(hasColors: true, colors: 16, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(hasColors: true, colors: 8, environment: [:]) == .ansi8)
        #expect(ColorDepth.detect(hasColors: false, colors: 0, environment: [:]) == .none)
        #expect(ColorDepth.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorDepth.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": ""]) == .palette256)
    }

    /// Issue 14, class 3: a file that is not a theme is refused with its first bad line, or as not text at all.
    @Test func aFileThatIsNotAThemeIsRefusedWithItsFirstBadLine() throws {
        let catalog = ThemeCatalog(folders: [])
        let passwd = #expect(throws: ThemeError.self) { try catalog.load("/etc/passwd") }
        #expect(passwd?.description.hasPrefix("/etc/passwd:1:1: expected 'role = colour'") == true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString).theme")
        try Data([0xFF, 0xFE, 0x00, 0x80, 0x0A]).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = #expect(throws: TerminalError.self) { try catalog.load(folder.path) }
        #expect(binary?.description.contains("not a theme file (not UTF-8 text)") == true)
    }
}
