/// Why the interactive dashboard cannot start, with what to do instead.
package struct TerminalError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}
