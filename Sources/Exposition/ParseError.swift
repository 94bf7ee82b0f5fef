/// A problem with one line of a page: where it is and what was expected there.
///
/// The good lines of the same page are still returned; a page with errors is not thrown away.
package struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    package var line: Int
    /// 1-based column, counted in Unicode characters (not bytes) from the start of the line.
    package var column: Int
    /// What is wrong, said for a person: "expected '=' after label name \"model\"".
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String { "line \(line), column \(column): \(message)" }
}
