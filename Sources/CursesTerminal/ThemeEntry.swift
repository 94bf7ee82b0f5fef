import Foundation

/// One theme a `ThemeCatalog` can load, and where its text comes from (for `--list-themes`).
package struct ThemeEntry: Sendable, Equatable {
    package var name: String
    /// The file it is read from; nil for a built-in theme.
    package var file: URL?
    /// Whether this file is used instead of a built-in theme of the same name.
    package var replacesBuiltIn: Bool

    /// Where the theme comes from, in words: "built in", or the file's path.
    package var origin: String {
        guard let file else { return "built in" }
        return file.path + (replacesBuiltIn ? " (replaces the built-in \(name))" : "")
    }
}
