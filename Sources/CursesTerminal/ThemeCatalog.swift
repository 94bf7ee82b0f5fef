import Dashboard
import Foundation

/// Finds and loads themes: `--theme PATH`, or a name looked up first in the user's folders (`themes/` in the
/// configuration folder, then `$INFERTOP_THEMES`), which may replace or add to them, then among the themes
/// compiled into the executable (the repository's `Themes/`), so that a binary copied alone has them all.
package struct ThemeCatalog: Sendable {
    /// Folders searched for `NAME.theme` before the built-in themes, in order.
    package var folders: [URL]
    /// The built-in themes' texts by name.
    package var builtIn: [String: String]

    package init(folders: [URL], builtIn: [String: String] = ThemeCatalog.builtInTexts) {
        self.folders = folders
        self.builtIn = builtIn
    }

    /// The texts of `Themes/*.theme` at build time, by name.
    package static let builtInTexts = BuiltInThemeTexts.all

    /// The search path for a user whose configuration folder is `configFolder` (`~/.config/infertop`), with
    /// `$INFERTOP_THEMES` after it.
    package static func standard(configFolder: URL?, environment: [String: String]) -> ThemeCatalog {
        let folders = [
            configFolder?.appendingPathComponent("themes"),
            environment["INFERTOP_THEMES"].map { URL(fileURLWithPath: $0) },
        ]
        return ThemeCatalog(folders: folders.compactMap { $0 })
    }

    /// Every theme by name, in a stable order with `dark` first (the `t` key cycles through them): a name's
    /// file in the first folder that has one, else its built-in text.
    package func entries() -> [ThemeEntry] {
        var found: [String: ThemeEntry] = [:]
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".theme") {
                let name = String(file.dropLast(6))
                if found[name] == nil {
                    found[name] = ThemeEntry(
                        name: name, file: folder.appendingPathComponent(file),
                        replacesBuiltIn: builtIn[name] != nil)
                }
            }
        }
        for name in builtIn.keys where found[name] == nil {
            found[name] = ThemeEntry(name: name, file: nil, replacesBuiltIn: false)
        }
        return found.values.sorted { ($0.name == "dark" ? 0 : 1, $0.name) < ($1.name == "dark" ? 0 : 1, $1.name) }
    }

    /// Theme names, as `entries()` orders them.
    package func names() -> [String] { entries().map(\.name) }

    /// Loads a theme by name or path. An unknown name lists the known ones; a bad file names its line.
    package func load(_ nameOrPath: String) throws -> Theme {
        let url: URL
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let entry = entries().first(where: { $0.name == nameOrPath }) {
            guard let file = entry.file else {
                return try ThemeParser.parse(builtIn[nameOrPath] ?? "", source: "built-in theme \(nameOrPath)")
            }
            url = file
        } else {
            throw TerminalError(
                "no theme named '\(nameOrPath)'; known themes: \(names().joined(separator: ", ")); "
                    + "or put \(nameOrPath).theme in \(folders.first?.path ?? "a themes folder") or pass a path to a .theme file")
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
