/// Why a filter expression could not be read, and where: `column` counts characters from 1.
public struct FilterParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// "column 6: expected a number after '>'".
    public var description: String { "column \(column): \(message)" }
}
