#if canImport(Glibc)
    import Glibc
#endif

/// Reads Prometheus text format 0.0.4 and OpenMetrics 1.0 into families and samples.
///
/// Byte-level over UTF-8, one pass, no dependency. Bad lines become `ParseError`s (line, column, what was
/// expected) and the good lines of the same page are kept.
package enum ExpositionParser {
    /// Parses one page. With `format` nil, a page that ends in `# EOF` is read as OpenMetrics.
    package static func parse(_ bytes: [UInt8], format: ExpositionFormat? = nil) -> ExpositionPage {
        bytes.withUnsafeBufferPointer { buffer in
            parse(buffer, format: format)
        }
    }

    /// Parses one page given as a string.
    package static func parse(_ text: String, format: ExpositionFormat? = nil) -> ExpositionPage {
        parse(Array(text.utf8), format: format)
    }

    /// Parses one page from raw memory that stays valid for the duration of the call.
    package static func parse(_ buffer: UnsafeBufferPointer<UInt8>, format: ExpositionFormat? = nil) -> ExpositionPage {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            return ExpositionPage(format: format ?? .text)
        }
        var parser = PageParser(base, count: buffer.count, format: format ?? detectFormat(buffer))
        return parser.run()
    }

    /// OpenMetrics when the page's last non-blank line is `# EOF`, else text format 0.0.4.
    package static func detectFormat(_ buffer: UnsafeBufferPointer<UInt8>) -> ExpositionFormat {
        var end = buffer.count
        while end > 0, [0x0A, 0x0D, 0x20, 0x09].contains(buffer[end - 1]) { end -= 1 }
        let marker: [UInt8] = Array("# EOF".utf8)
        guard end >= marker.count else { return .text }
        for index in 0..<marker.count where buffer[end - marker.count + index] != marker[index] { return .text }
        let lineStart = end - marker.count
        return lineStart == 0 || buffer[lineStart - 1] == 0x0A ? .openMetrics : .text
    }
}
