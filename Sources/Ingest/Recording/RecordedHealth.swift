/// A change in a target's health as recorded: it went down (with the error that said so) or came back up, or
/// what is known about it changed (its facts).
package struct RecordedHealth: Sendable, Equatable {
    /// The target's name as the recorder gave it.
    package var target: String
    /// When the change was seen, in milliseconds since 1970.
    package var timeMs: Int64
    /// Whether the target answered.
    package var up: Bool
    /// What went wrong, when it is down (nil when up or when nothing was said).
    package var error: String?
    /// What the recorder knew about the target when it wrote this (empty in recordings made before it kept them).
    package var facts: TargetFacts

    package init(target: String, timeMs: Int64, up: Bool, error: String? = nil, facts: TargetFacts = TargetFacts()) {
        self.target = target
        self.timeMs = timeMs
        self.up = up
        self.error = error
        self.facts = facts
    }
}
