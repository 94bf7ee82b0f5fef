/// The two text formats infertop reads and writes.
package enum ExpositionFormat: String, Sendable, Hashable {
    /// Prometheus text format 0.0.4: timestamps in integer milliseconds.
    case text
    /// OpenMetrics 1.0: timestamps in float seconds, exemplars, `# UNIT`, ends with `# EOF`.
    case openMetrics

    /// The format a `Content-Type` header names, or nil when it names neither. Media types are ASCII and compared
    /// without case (RFC 9110), byte by byte: lowering the header and searching it as a String was 2.8 % of the
    /// dashboard's CPU when it reads 46 targets a second.
    package init?(contentType: String) {
        if Self.names("application/openmetrics-text", contentType) {
            self = .openMetrics
        } else if Self.names("text/plain", contentType) {
            self = .text
        } else {
            return nil
        }
    }

    /// Whether `header` holds `mediaType` (lower-case ASCII), ASCII letters compared without case.
    private static func names(_ mediaType: StaticString, _ header: String) -> Bool {
        let pattern = UnsafeBufferPointer(start: mediaType.utf8Start, count: mediaType.utf8CodeUnitCount)
        let bytes = Array(header.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { start in
            pattern.indices.allSatisfy { bytes[start + $0].asciiLowercased == pattern[$0] }
        }
    }
}
