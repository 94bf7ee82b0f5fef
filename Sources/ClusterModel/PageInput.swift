/// One page of exposition text to load, with the target it belongs to and where it came from (a file
/// path, `-` for stdin, later a recording): the source side of `infertop snapshot`, kept free of I/O.
package struct PageInput: Sendable {
    /// The target the page is a scrape of; pages of one target, in order, yield rates.
    package var target: String
    /// Where it came from, for error messages.
    package var origin: String
    package var bytes: [UInt8]
    /// The scrape time, when the source knows it; otherwise the page's sample timestamps, else its order.
    package var timeMs: Int64?

    package init(target: String, origin: String, bytes: [UInt8], timeMs: Int64? = nil) {
        self.target = target
        self.origin = origin
        self.bytes = bytes
        self.timeMs = timeMs
    }

    /// Splits a command-line source `TARGET=PATH` into its parts; a plain `PATH` is its own target.
    package static func split(argument: String) -> (target: String, path: String) {
        if let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
            let target = String(argument[..<equals])
            // `=` inside a path (not before the first `/`) is part of the path.
            if !target.contains("/") { return (target, String(argument[argument.index(after: equals)...])) }
        }
        return (argument, argument)
    }
}
