/// A configuration value the alert rules could not use: names the key and says what was expected.
package struct AlertConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key path, e.g. `alerts.vram.threshold`.
    package var key: String
    package var message: String

    package init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    package var description: String { "\(key): \(message)" }
}
