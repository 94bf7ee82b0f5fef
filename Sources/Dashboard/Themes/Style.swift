/// How one role looks in a theme: foreground, background (nil = the theme's background) and attributes.
public struct Style: Sendable, Hashable {
    /// Text attributes a role can carry, also used on terminals without colour.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let reverse = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
        /// Names as theme files write them.
        public static let names: [(String, Attributes)] = [
            ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
        ]
    }

    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: Attributes

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
