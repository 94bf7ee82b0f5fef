import Exposition
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a received body into a page, refusing bodies that are plainly not exposition text so that the
/// error says so instead of listing a thousand parse errors.
public enum PageReader {
    /// The page in `bytes`; `contentType` picks the format when it names one, else the parser detects it.
    public static func read(_ bytes: [UInt8], contentType: String?) -> Result<ExpositionPage, ScrapeError> {
        if let refusal = refusal(bytes) { return .failure(refusal) }
        return checked(ExpositionParser.parse(bytes, format: format(contentType)))
    }

    /// The same, with the target's own repeating parser: when the page repeats the previous one but for its
    /// values (the usual case for an exporter), names and labels are not read again.
    public static func read(_ bytes: [UInt8], contentType: String?,
                            parser: inout RepeatingPageParser) -> Result<ExpositionPage, ScrapeError> {
        // A refused body leaves the parser as it was; the scraper resets it after any failed read.
        if let refusal = refusal(bytes) { return .failure(refusal) }
        return checked(parser.parse(bytes, format: format(contentType)))
    }

    /// Why `bytes` is plainly not exposition text, if it is not.
    private static func refusal(_ bytes: [UInt8]) -> ScrapeError? {
        if bytes.first == UInt8(ascii: "\"") {
            // llama.cpp builds b7010–b7100 sent the whole page as one JSON string (llama.cpp issue #17384).
            return .notExposition("the body is a JSON-quoted string (a known llama.cpp bug); upgrade the server")
        }
        if bytes.first == UInt8(ascii: "<") {
            return .notExposition("the body looks like HTML; check the URL path")
        }
        if let zero = firstNUL(bytes) {
            return .notExposition("binary data (a NUL byte at offset \(zero)); is this port a metrics endpoint?")
        }
        return nil
    }

    /// OpenMetrics when the server says so; otherwise the parser decides from the page (`# EOF`).
    private static func format(_ contentType: String?) -> ExpositionFormat? {
        contentType.flatMap { ExpositionFormat(contentType: $0) }.flatMap { $0 == .openMetrics ? $0 : nil }
    }

    private static func checked(_ page: ExpositionPage) -> Result<ExpositionPage, ScrapeError> {
        if page.sampleCount == 0, let first = page.errors.first {
            return .failure(.notExposition("\(page.errorCount) parse error(s) and no samples; first at \(first)"))
        }
        return .success(page)
    }

    /// The offset of the first NUL byte; memchr, because a 10 MB page is scanned on every scrape.
    private static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }
}
