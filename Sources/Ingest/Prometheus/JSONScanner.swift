/// A forward-only reader over JSON bytes, for the one shape the Prometheus API answers with: it reads the
/// values asked for and skips the rest without building them. `JSONSerialization` built a dictionary per
/// series and a boxed number per sample (several times slower on answers of megabytes).
struct JSONScanner {
    struct Failure: Error {
        var offset: Int
        var expected: String
    }

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return offset >= bytes.count
        }
    }

    /// The next value's first byte, after white space (0 at the end).
    mutating func peek() -> UInt8 {
        skipSpace()
        return offset < bytes.count ? bytes[offset] : 0
    }

    /// Reads an object, calling `member` with each key; `member` must read or skip the value.
    mutating func object(_ member: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            if try separator(closing: UInt8(ascii: "}")) { return }
        }
    }

    /// Reads an array, calling `element` for each value; `element` must read or skip it.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            try element(&self)
            if try separator(closing: UInt8(ascii: "]")) { return }
        }
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            defer { offset += 1 }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }
        var scalars = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &scalars)
            default: scalars.append(byte)
            }
        }
        throw Failure(offset: offset, expected: "the end of a string")
    }

    mutating func number() throws -> Double {
        skipSpace()
        let start = offset
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
        guard offset > start, let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
            throw Failure(offset: start, expected: "a number")
        }
        return value
    }

    /// Skips one value of any kind.
    mutating func skip() throws {
        switch peek() {
        case UInt8(ascii: "{"): try object { scanner, _ in try scanner.skip() }
        case UInt8(ascii: "["): try array { scanner in try scanner.skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            while offset < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[offset]) { offset += 1 }
        default: _ = try number()
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func skipSpace() {
        while offset < bytes.count,
            bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09
        {
            offset += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Failure(offset: offset, expected: "'\(Character(Unicode.Scalar(byte)))'") }
        offset += 1
    }

    /// After a member or element: true at the closing bracket, false after a comma.
    private mutating func separator(closing: UInt8) throws -> Bool {
        let byte = peek()
        offset += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else {
            throw Failure(offset: offset - 1, expected: "',' or '\(Character(Unicode.Scalar(closing)))'")
        }
        return false
    }

    private mutating func escape(into scalars: inout [UInt8]) throws {
        guard offset < bytes.count else { throw Failure(offset: offset, expected: "an escape") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                bytes[offset + 1] == UInt8(ascii: "u")
            {
                offset += 2
                let low = try hex4()
                code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            scalars.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
        default: scalars.append(byte)  // " \ /
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else {
            throw Failure(offset: offset, expected: "four hex digits")
        }
        offset += 4
        return code
    }
}
