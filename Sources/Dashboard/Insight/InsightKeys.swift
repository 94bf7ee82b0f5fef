/// The key rows every insight screen shares, and the ones several of them add. Data, like `KeyMap`: the same
/// rows drive behaviour, the footer hints and the `?` help.
enum InsightKeys {
    /// How many rows PageUp and PageDown move on an insight screen.
    static let pageRows = 10

    static let common: [KeyBinding] = [
        KeyBinding([.escape, .backspace], .back, help: "back to the previous screen", hint: "back"),
        KeyBinding([.up, .character("k"), .wheelUp], .moveUp, help: "move the selection up"),
        KeyBinding([.down, .character("j"), .wheelDown], .moveDown, help: "move the selection down"),
        KeyBinding([.pageUp], .pageUp, help: "page up"),
        KeyBinding([.pageDown], .pageDown, help: "page down"),
        KeyBinding([.character("+")], .longerWindow, help: "longer chart window", hint: "window"),
        KeyBinding([.character("-")], .shorterWindow, help: "shorter chart window"),
        KeyBinding([.character("e")], .open(.events), help: "alerts and the event log"),
    ]

    /// The filter typed here is the overview's, read as a filter expression (`vram>90 model=llama`).
    static let filter = KeyBinding(
        [.character("/")], .startFilter, help: "filter: vram>90 node~gpu-node-00 model=llama …",
        hint: "filter")

    static let open = KeyBinding([.enter], .openSelected, help: "open the selected row", hint: "open")
}
