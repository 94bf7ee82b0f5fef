/// Why a filter expression could not be read, and where: `column` counts characters from 1.
package struct FilterParseError: Error, Sendable, Hashable, CustomStringConvertible {
    package var column: Int
    package var message: String

    package init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// "column 6: expected a number after '>'".
    package var description: String { "column \(column): \(message)" }
}
