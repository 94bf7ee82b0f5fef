extension UInt8 {
    /// The byte with an ASCII capital letter (A–Z) lowered; any other byte, UTF-8 continuation bytes included, as it is.
    var asciiLowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }
}
