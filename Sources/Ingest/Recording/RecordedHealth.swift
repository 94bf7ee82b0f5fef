/// A change in a target's health as recorded: it went down (with the error that said so) or came back up.
public struct RecordedHealth: Sendable, Equatable {
    /// The target's name as the recorder gave it.
    public var target: String
    /// When the change was seen, in milliseconds since 1970.
    public var timeMs: Int64
    /// Whether the target answered.
    public var up: Bool
    /// What went wrong, when it is down (nil when up or when nothing was said).
    public var error: String?

    public init(target: String, timeMs: Int64, up: Bool, error: String? = nil) {
        self.target = target
        self.timeMs = timeMs
        self.up = up
        self.error = error
    }
}
