#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way bytes become a page, whoever got them (a scrape, a recording, the simulator, a file): bodies
/// that are plainly not exposition text are refused with a sentence instead of a thousand parse errors, and a
/// page of more series than a target may send is refused before it is parsed. What the page then does to the
/// store and to the target's health is `ClusterPipeline.ingest`'s (or, for files, `PageLoader`'s).
package enum PageIntake {
    /// Most series one target's page may hold unless configured otherwise (Prometheus' `sample_limit`). A vLLM
    /// server exports hundreds to a few thousand, a DCGM exporter about 40 per GPU, a Triton server a few
    /// thousand; the largest page seen (a federated page of the 2,352-GPU benchmark cluster) holds 61,740. A page
    /// beyond this is refused, so one target cannot take the memory of all the others.
    package static let defaultSeriesLimit = 75_000

    /// The page in `bytes`; `contentType` picks the format when it names one, else the parser detects it.
    /// A page of more than `seriesLimit` samples is refused before it is parsed.
    package static func read(
        _ bytes: [UInt8], contentType: String?,
        seriesLimit: Int = PageIntake.defaultSeriesLimit
    ) -> Result<ExpositionPage, PageRefusal> {
        if let refusal = refusal(bytes, seriesLimit: seriesLimit) { return .failure(refusal) }
        return checked(ExpositionParser.parse(bytes, format: format(contentType)))
    }

    /// The same, with the target's own repeating parser: when the page repeats the previous one but for its
    /// values (the usual case for an exporter), names and labels are not read again.
    package static func read(
        _ bytes: [UInt8], contentType: String?, seriesLimit: Int = PageIntake.defaultSeriesLimit,
        parser: inout RepeatingPageParser
    ) -> Result<ExpositionPage, PageRefusal> {
        // A refused body leaves the parser as it was; a reader resets it after any failed read.
        if let refusal = refusal(bytes, seriesLimit: seriesLimit) { return .failure(refusal) }
        return checked(parser.parse(bytes, format: format(contentType)))
    }

    /// Why `bytes` is plainly not exposition text, or holds more series than a target may send, if it does.
    private static func refusal(_ bytes: [UInt8], seriesLimit: Int) -> PageRefusal? {
        if let refusal = refusal(bytes) { return refusal }
        // A line that counts takes two bytes at least (one and its newline), so a body too short to hold more
        // lines than the limit is not counted: counting every 40 KB page was 2.7 % of the dashboard's CPU.
        guard (bytes.count + 1) / 2 > seriesLimit else { return nil }
        // Counted before parsing, so a target answering a million series costs one pass over its bytes, not a
        // million samples in memory (Prometheus' sample_limit refuses the scrape the same way).
        let samples = sampleLines(bytes, stoppingAbove: seriesLimit)
        return samples > seriesLimit ? .overSeriesLimit(count: sampleLines(bytes, stoppingAbove: .max), limit: seriesLimit) : nil
    }

    /// Lines that carry a sample (not blank, not a `#` comment), counted up to just past `limit`.
    package static func sampleLines(_ bytes: [UInt8], stoppingAbove limit: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var start = 0
            while start < buffer.count && count <= limit {
                let rest = buffer.count - start
                let end =
                    memchr(base + start, 0x0A, rest).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
                    ?? buffer.count
                var first = start
                while first < end && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
                if first < end && buffer[first] != UInt8(ascii: "#") && buffer[first] != 0x0D { count += 1 }
                start = end + 1
            }
            return count
        }
    }

    /// Why `bytes` is plainly not exposition text, if it is not.
    private static func refusal(_ bytes: [UInt8]) -> PageRefusal? {
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

    private static func checked(_ page: ExpositionPage) -> Result<ExpositionPage, PageRefusal> {
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

/// Why a body was not taken as a page.
package enum PageRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Binary data, HTML, a JSON-quoted page, or nothing but parse errors.
    case notExposition(String)
    /// More sample lines than a target may send (`count` of them, against `limit`).
    case overSeriesLimit(count: Int, limit: Int)

    package var description: String {
        switch self {
        case .notExposition(let why):
            return "not a metrics page: \(why)"
        case .overSeriesLimit(let count, let limit):
            return "over series limit (\(count) > \(limit)); the page was not read. Raise --series-limit "
                + "(series_limit:) if this target really exports that many"
        }
    }
}
