extension FixedWidthInteger {
    /// `value` rounded toward zero and clamped into this type's range; NaN gives 0. `Int(someDouble)` traps on
    /// NaN, infinity and anything beyond the type (a gauge of 1e300 reaching a width, an offset or a time), so
    /// every conversion of a computed or received Double to an integer goes through here.
    @inlinable
    package init(clamping value: Double) {
        if value.isNaN {
            self = 0
        } else if value <= Double(Self.min) {
            self = Self.min
        } else if value >= Double(Self.max) {
            // Double(Int64.max) rounds up to 2^63, which Int64 cannot hold: compare before converting.
            self = Self.max
        } else {
            self = Self(value)
        }
    }
}
