/// A change in a target's health as recorded: it went down (with the error that said so) or came back up, or
/// what is known about it changed (its facts).
public struct RecordedHealth: Sendable, Equatable {
    /// The target's name as the recorder gave it.
    public var target: String
    /// When the change was seen, in milliseconds since 1970.
    public var timeMs: Int64
    /// Whether the target answered.
    public var up: Bool
    /// What went wrong, when it is down (nil when up or when nothing was said).
    public var error: String?
    /// What the recorder knew about the target when it wrote this (empty in recordings made before it kept them).
    public var facts: TargetFacts

    public init(target: String, timeMs: Int64, up: Bool, error: String? = nil, facts: TargetFacts = TargetFacts()) {
        self.target = target
        self.timeMs = timeMs
        self.up = up
        self.error = error
        self.facts = facts
    }
}
