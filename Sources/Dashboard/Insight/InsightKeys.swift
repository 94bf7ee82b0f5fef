/// The key tables of the insight screens, and the keys the overview gains to open them. Data, like
/// `KeyMap`: the same rows drive behaviour, the footer hints and the `?` help.
package enum InsightKeys {
    /// Added to the overview's table. No footer hints: the overview's footer is full, the `?` help lists
    /// them, and the alert strip names `e`.
    package static let overview: [KeyBinding] = [
        KeyBinding([.enter], .insight(.openSelected), help: "details of the selected GPU or instance"),
        KeyBinding([.character("e")], .insight(.show(.events)), help: "alerts and the event log"),
        KeyBinding([.character("H")], .insight(.show(.heatmap)), help: "heatmap of every GPU"),
        KeyBinding([.character("y")], .insight(.show(.gpuTypes)), help: "GPU types side by side"),
        KeyBinding([.character("L")], .insight(.show(.coldStarts)), help: "cold starts: loading and past loads"),
        KeyBinding([.character("b")], .insight(.showBatching), help: "batching trade-off of the selected instance"),
        KeyBinding([.character("n")], .insight(.show(.groups)), help: "GPUs grouped by node or model"),
    ]

    static let common: [KeyBinding] = [
        KeyBinding([.escape, .backspace], .insight(.back), help: "back to the previous screen", hint: "back"),
        KeyBinding([.up, .character("k"), .wheelUp], .insight(.move(rows: -1)), help: "move the selection up"),
        KeyBinding([.down, .character("j"), .wheelDown], .insight(.move(rows: 1)), help: "move the selection down"),
        KeyBinding([.pageUp], .insight(.move(rows: -10)), help: "page up"),
        KeyBinding([.pageDown], .insight(.move(rows: 10)), help: "page down"),
        KeyBinding([.character("+")], .longerWindow, help: "longer chart window", hint: "window"),
        KeyBinding([.character("-")], .shorterWindow, help: "shorter chart window"),
        KeyBinding([.character("e")], .insight(.show(.events)), help: "alerts and the event log"),
    ]

    /// The filter typed here is the overview's, read as a filter expression (`vram>90 model=llama`).
    static let filter = KeyBinding(
        [.character("/")], .startFilter, help: "filter: vram>90 node~gpu-node-00 model=llama …",
        hint: "filter")

    static let open = KeyBinding([.enter], .insight(.openSelected), help: "open the selected row", hint: "open")

    /// The table of an insight screen.
    package static func table(for screen: InsightScreen?) -> [KeyBinding] {
        var extra: [KeyBinding] = []
        switch screen {
        case .heatmap?:
            extra = [
                open,
                KeyBinding([.left, .character("h")], .insight(.moveColumn(-1)), help: "previous GPU of the node"),
                KeyBinding([.right, .character("l")], .insight(.moveColumn(1)), help: "next GPU of the node"),
                KeyBinding([.character("m")], .insight(.cycleMode), help: "colour by the next metric", hint: "metric"),
                filter,
            ]
        case .groups?:
            extra = [
                KeyBinding([.enter], .insight(.openSelected), help: "expand or collapse a group, open a GPU", hint: "expand"),
                KeyBinding([.character("m")], .insight(.cycleMode), help: "group by node or by model", hint: "by"),
                KeyBinding([.character("s")], .insight(.cycleSort), help: "sort groups by the next column", hint: "sort"),
                KeyBinding([.character("S")], .insight(.reverseSort), help: "reverse the sort order"),
                filter,
            ]
        case .instance?:
            extra = [open, KeyBinding([.character("b")], .insight(.showBatching), help: "batching trade-off", hint: "batching")]
        case .events?, .coldStarts?, .gpu?, .gpuTypes?:
            extra = [open]
        default: break
        }
        // `T` and the filter belong to the overview; everything else global works here too.
        return extra + common + KeyMap.global.filter { $0.action != .showTargets }
    }
}
