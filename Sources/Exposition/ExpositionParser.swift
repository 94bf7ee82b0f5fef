/// Reads Prometheus text format 0.0.4 and OpenMetrics 1.0 into families and samples.
///
/// Byte-level over UTF-8, one pass, no dependency. Bad lines become `ParseError`s (line, column, what was
/// expected) and the good lines of the same page are kept.
public enum ExpositionParser {
    /// Parses one page. With `format` nil, a page that ends in `# EOF` is read as OpenMetrics.
    public static func parse(_ bytes: [UInt8], format: ExpositionFormat? = nil) -> ExpositionPage {
        bytes.withUnsafeBufferPointer { buffer in
            parse(buffer, format: format)
        }
    }

    /// Parses one page given as a string.
    public static func parse(_ text: String, format: ExpositionFormat? = nil) -> ExpositionPage {
        parse(Array(text.utf8), format: format)
    }

    /// Parses one page from raw memory that stays valid for the duration of the call.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, format: ExpositionFormat? = nil) -> ExpositionPage {
        ExpositionPage(format: format ?? .text)
    }
}
