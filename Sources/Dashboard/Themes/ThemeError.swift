/// A theme file that cannot be used: names the file, line and column, and says what to write instead.
package struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    package var source: String
    package var line: Int
    package var column: Int
    package var message: String

    package init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String { "\(source):\(line):\(column): \(message)" }
}
