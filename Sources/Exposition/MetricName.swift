/// The lexical rules of metric and label names, shared by the parser and the writer.
enum MetricName {
    /// `[a-zA-Z_:]`
    @inline(__always) static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x3A
    }

    /// `[a-zA-Z0-9_:]`
    @inline(__always) static func isNameContinue(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether `name` can be written bare as a metric name; otherwise it must be quoted (Prometheus 3).
    static func isLegacyMetricName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            if first ? !isNameStart(byte) : !isNameContinue(byte) { return false }
            first = false
        }
        return !first
    }

    /// Whether `name` can be written bare as a label name (no colons); otherwise it must be quoted.
    static func isLegacyLabelName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            if byte == 0x3A { return false }
            if first ? !isNameStart(byte) : !isNameContinue(byte) { return false }
            first = false
        }
        return !first
    }
}
