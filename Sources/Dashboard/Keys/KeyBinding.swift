/// One row of a key table: the keys, the action, the words for the `?` help, and an optional short footer hint.
/// Because behaviour, footer and help all read the same rows, they cannot drift apart.
package struct KeyBinding: Sendable, Equatable {
    package var keys: [Key]
    package var action: UIAction
    package var help: String
    /// Shown in the footer when set (e.g. "quit"); bindings without a hint appear only in the help.
    package var hint: String?

    package init(_ keys: [Key], _ action: UIAction, help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }

    /// "↑/k" style label of the keys.
    package var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}
