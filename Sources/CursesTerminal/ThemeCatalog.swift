import Dashboard
import Foundation

/// Finds and loads theme files: `--theme PATH`, or a name looked up in `~/.config/infertop/themes/` (the user's,
/// which win), `$INFERTOP_THEMES`, and the `Themes/` folder beside the executable or the source checkout.
public struct ThemeCatalog: Sendable {
    /// Folders searched for `NAME.theme`, in order.
    public var folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// The standard search path for this process.
    public static func standard(environment: [String: String]) -> ThemeCatalog {
        var folders: [URL] = []
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
        let config = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) } ?? home?.appendingPathComponent(".config")
        if let config { folders.append(config.appendingPathComponent("infertop/themes")) }
        if let extra = environment["INFERTOP_THEMES"] { folders.append(URL(fileURLWithPath: extra)) }
        // The executable lives in .build/<triple>/<config>/ of a checkout, or in <prefix>/bin of an install.
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(dir.appendingPathComponent("Themes"))
            folders.append(dir.appendingPathComponent("share/infertop/themes"))
            dir.deleteLastPathComponent()
        }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        return ThemeCatalog(folders: folders)
    }

    /// Theme names found, in a stable order with `dark` first (the `t` key cycles through them).
    public func names() -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".theme") {
                let name = String(file.dropLast(6))
                if seen.insert(name).inserted { names.append(name) }
            }
        }
        return names.sorted { ($0 == "dark" ? 0 : 1, $0) < ($1 == "dark" ? 0 : 1, $1) }
    }

    /// Loads a theme by name or path. An unknown name lists the known ones; a bad file names its line.
    public func load(_ nameOrPath: String) throws -> Theme {
        let url: URL
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let found = folders.map({ $0.appendingPathComponent(nameOrPath + ".theme") })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            url = found
        } else {
            let known = names()
            throw TerminalError("no theme named '\(nameOrPath)'; known themes: "
                                + (known.isEmpty ? "none found (looked in \(folders.map(\.path).joined(separator: ", ")))"
                                   : known.joined(separator: ", ")) + "; or pass a path to a .theme file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TerminalError("cannot read theme file \(url.path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TerminalError("\(url.path): not a theme file (not UTF-8 text); see docs/DASHBOARD.md for the format")
        }
        return try ThemeParser.parse(text, source: url.path)
    }
}
