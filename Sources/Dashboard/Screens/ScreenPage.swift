/// What one layer of the screen stack does. Each screen, overlay and prompt is one type in this folder: it says its
/// keys (the rows that behaviour, the footer hints and the `?` help all read), draws itself, and handles the
/// actions its keys produce. What a page leaves (quit, pause, theme, opening and closing layers, moving in a
/// list) is handled alike on every screen by `UIReducer`. Adding a screen is a `ScreenID` case, a page type here,
/// and the key-table row that opens it.
package protocol ScreenPage {
    /// How the layer sits on the stack.
    var kind: ScreenKind { get }
    /// The key table in force while this layer is on top.
    func keys(_ state: UIState) -> [KeyBinding]
    /// Draws the layer into `area` (the terminal less a replay's timeline, never below the overview's minimum
    /// size): a full screen fills it; an overlay or prompt draws over the screen below.
    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext)
    /// Applies `action` if it is this layer's own, returning whether it did; otherwise `UIReducer` applies it
    /// the way every screen does.
    func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool
    /// What the footer shows before the key hints while this layer is on top (the filter being typed).
    func footerPrompt(_ state: UIState) -> [FlowText.Piece]
}

/// How a layer sits on the screen stack.
package enum ScreenKind: Sendable {
    /// Takes the whole screen; the full screens of the stack are the header's breadcrumbs.
    case screen
    /// Drawn over the screen below it; takes only its own keys.
    case overlay
    /// Drawn over the screen below it; printable keys are typed into it.
    case prompt
}

extension ScreenPage {
    package func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool { false }
    package func footerPrompt(_ state: UIState) -> [FlowText.Piece] { [] }
}
