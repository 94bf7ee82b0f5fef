/// A configuration value the alert rules could not use: names the key and says what was expected.
public struct AlertConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key path, e.g. `alerts.vram.threshold`.
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "\(key): \(message)" }
}
