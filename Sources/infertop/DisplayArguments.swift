import ArgumentParser
import CommandSupport
import CursesTerminal
import Dashboard
import Foundation
import Logging
import Pipeline

/// How the dashboard looks and where its logs go; also the non-interactive `--frames` mode.
struct DisplayArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Theme name (built in: dark, light, high-contrast, nord, gruvbox, ansi16, mono; or NAME.theme in "
                + "~/.config/infertop/themes/; --list-themes lists them) or a theme file."))
    var theme: String?
    @Option(help: "Glyphs: braille, block or ascii (default: braille on UTF-8 terminals, ascii otherwise).")
    var glyphs: String?
    @Option(help: "Colour depth: truecolor, 256, 16 or none (default: from the terminal; NO_COLOR means none).")
    var color: String?
    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false
    @Option(
        help: ArgumentHelp("Write logs to this file (nothing is printed while the dashboard is on screen).", valueName: "file"))
    var log: String?
    @Option(
        help: ArgumentHelp(
            "Print N frames as plain text instead of opening the terminal UI (for scripts and CI; \(FlagRange.frames.text)).",
            valueName: "n"), transform: FlagValue.int(FlagRange.frames))
    var frames: Int?
    @Option(
        help: ArgumentHelp(
            "Size of --frames output (columns \(FlagRange.columns.text), rows \(FlagRange.rows.text)).",
            valueName: "WxH"))
    var size = "120x40"

    func validate() throws {
        if let color, ColorDepth(rawValue: color) == nil {
            throw ValidationError("--color must be truecolor, 256, 16 or none, got \(color)")
        }
        if let glyphs, GlyphSet.named(glyphs) == nil {
            throw ValidationError("--glyphs must be braille, block or ascii, got \(glyphs)")
        }
        _ = try textSize()
        // A theme that cannot be used is refused before anything starts, in every mode, with its first bad line.
        if let theme {
            do {
                _ = try ConfigHome.current.themes().load(theme)
            } catch {
                throw ValidationError("--theme: \(error)")
            }
        }
    }

    func textSize() throws -> Size {
        let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Double($0) }
        guard parts.count == 2, let columns = parts[0], let rows = parts[1],
            FlagRange.columns.contains(columns), FlagRange.rows.contains(rows),
            columns == columns.rounded(), rows == rows.rounded()
        else {
            throw ValidationError(
                "The value '\(size)' is invalid for '--size <WxH>': expected columns "
                    + "\(FlagRange.columns.text) and rows \(FlagRange.rows.text), such as 120x40")
        }
        return Size(width: Int(columns), height: Int(rows))
    }

    func dashboardOptions(configuredTheme: String?, replay: Bool = false) -> DashboardOptions {
        DashboardOptions(
            theme: theme ?? configuredTheme, themes: ConfigHome.current.themes(), glyphs: glyphs,
            colorDepth: color.flatMap(ColorDepth.init(rawValue:)),
            mouse: !noMouse, environment: ProcessInfo.processInfo.environment, replay: replay)
    }

    /// Shows a running feed: `--frames N` prints text frames once data has arrived; otherwise the terminal UI
    /// runs until `q` or a signal. Returns how it ended; the command closes what it holds, then exits with
    /// `end.exitStatus`.
    @MainActor
    func show(_ feed: LiveFeed, configuredTheme: String?, replay: Bool = false) async throws -> DashboardEnd {
        if let frames {
            guard await feed.waitForFirstFrame() else {
                throw CommandFailure(description: "no data arrived within 30 s from \(feed.latest().source)")
            }
            var state = UIState()
            state.replay = replay
            for text in await TextFrames.render(feed: feed, frames: frames, size: try textSize(), state: state) {
                print(text)
            }
            return .quit
        }
        return try await DashboardRunner.run(
            feed: feed,
            options: dashboardOptions(
                configuredTheme: configuredTheme,
                replay: replay))
    }

    /// A logger writing to `--log` (or discarding everything when there is none).
    func startLogging() throws -> Logger {
        guard let log else { return Logger(label: "infertop", factory: { _ in SwiftLogNoOpLogHandler() }) }
        let handler = try FileLogHandler(path: log)
        return Logger(label: "infertop", factory: { _ in handler })
    }
}
