import Foundation

/// One theme a `ThemeCatalog` can load, and where its text comes from (for `--list-themes`).
public struct ThemeEntry: Sendable, Equatable {
    public var name: String
    /// The file it is read from; nil for a built-in theme.
    public var file: URL?
    /// Whether this file is used instead of a built-in theme of the same name.
    public var replacesBuiltIn: Bool

    /// Where the theme comes from, in words: "built in", or the file's path.
    public var origin: String {
        guard let file else { return "built in" }
        return file.path + (replacesBuiltIn ? " (replaces the built-in \(name))" : "")
    }
}
