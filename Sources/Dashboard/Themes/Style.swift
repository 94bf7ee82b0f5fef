/// How one role looks in a theme: foreground, background (nil = the theme's background) and attributes.
package struct Style: Sendable, Hashable {
    /// Text attributes a role can carry, also used on terminals without colour.
    package struct Attributes: OptionSet, Sendable, Hashable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let bold = Attributes(rawValue: 1)
        package static let dim = Attributes(rawValue: 2)
        package static let reverse = Attributes(rawValue: 4)
        package static let underline = Attributes(rawValue: 8)
        /// Names as theme files write them.
        package static let names: [(String, Attributes)] = [
            ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
        ]
    }

    package var foreground: ThemeColor?
    package var background: ThemeColor?
    package var attributes: Attributes

    package init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
