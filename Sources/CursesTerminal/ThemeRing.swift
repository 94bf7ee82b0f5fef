import Dashboard

/// The themes `t` cycles through: every one the catalog knows, with the one asked for first loaded up front
/// (so a bad theme file is refused before the screen starts), the others loaded when first shown. A user theme
/// that breaks while cycling is shown as the first one: nothing may be printed behind the screen.
package struct ThemeRing {
    private let catalog: ThemeCatalog
    private let names: [String]
    private var loaded: [String: Theme]
    private let first: Theme
    /// The position of the theme asked for.
    package let firstIndex: Int

    package init(options: DashboardOptions) throws {
        catalog = options.themes
        let asked = options.theme ?? "dark"
        first = try catalog.load(asked)
        var names = catalog.names()
        if !names.contains(asked) { names.insert(asked, at: 0) }
        self.names = names
        firstIndex = names.firstIndex(of: asked) ?? 0
        loaded = [asked: first]
    }

    package var count: Int { names.count }

    /// The theme at `index` (wrapping), loaded on first use.
    package mutating func theme(at index: Int) -> Theme {
        let name = names[((index % names.count) + names.count) % names.count]
        if let theme = loaded[name] { return theme }
        let theme = (try? catalog.load(name)) ?? first
        loaded[name] = theme
        return theme
    }
}
