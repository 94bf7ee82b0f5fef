#if canImport(Glibc)
    import Glibc
#endif

/// Writes exposition text (Prometheus text 0.0.4 or OpenMetrics 1.0) into a byte buffer.
///
/// The simulator and the recorder emit their pages with it. What it writes, `ExpositionParser` reads back
/// identically, and `promtool check metrics` accepts. Names that are not legacy-valid are written in the
/// Prometheus 3 quoted form (`{"gpu.memory"}`).
package struct ExpositionWriter: Sendable {
    package let format: ExpositionFormat
    package private(set) var bytes: [UInt8] = []
    /// Where `writeValueSlot` left values out of `bytes`.
    private var valueSlots: [Int] = []
    /// The last metric and label names checked for the quoted form: a page repeats them line after line.
    private var lastMetricName = ("", true)
    private var legacyLabelNames: [String: Bool] = [:]

    package init(format: ExpositionFormat = .text, reservingCapacity capacity: Int = 0) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    /// Writes a whole family: its metadata lines, then every sample.
    package mutating func write(_ family: MetricFamily) {
        writeHeader(name: family.name, type: family.type, help: family.help, unit: family.unit)
        for sample in family.samples {
            writeSample(sample)
        }
    }

    /// Writes `# HELP`, `# TYPE` and (OpenMetrics only) `# UNIT` for a family whose samples follow.
    package mutating func writeHeader(name: String, type: MetricType, help: String? = nil, unit: String? = nil) {
        if let help {
            append("# HELP ")
            appendMetricNameInComment(name)
            bytes.append(0x20)
            appendEscaped(help, quotes: false)
            bytes.append(0x0A)
        }
        append("# TYPE ")
        appendMetricNameInComment(name)
        bytes.append(0x20)
        append(typeName(type))
        bytes.append(0x0A)
        if format == .openMetrics, let unit, !unit.isEmpty {
            append("# UNIT ")
            appendMetricNameInComment(name)
            bytes.append(0x20)
            append(unit)
            bytes.append(0x0A)
        }
    }

    /// Writes one sample line.
    package mutating func writeSample(_ sample: Sample) {
        writeSample(
            name: sample.name, labels: sample.labels, value: sample.value,
            timestampMs: sample.timestampMs, exemplar: sample.exemplar)
    }

    /// Writes one sample line from its parts, without building a `Sample`.
    package mutating func writeSample(
        name: String, labels: Labels = Labels(), value: Double,
        timestampMs: Int64? = nil, exemplar: Exemplar? = nil
    ) {
        appendNameAndLabels(name, labels)
        bytes.append(0x20)
        appendValue(value)
        if let timestampMs {
            bytes.append(0x20)
            if format == .openMetrics {
                appendSeconds(fromMilliseconds: timestampMs)
            } else {
                append(String(timestampMs))
            }
        }
        if let exemplar, format == .openMetrics {
            append(" # ")
            appendLabelBlock(exemplar.labels)
            bytes.append(0x20)
            appendValue(exemplar.value)
            if let timestamp = exemplar.timestamp {
                bytes.append(0x20)
                appendValue(timestamp)
            }
        }
        bytes.append(0x0A)
    }

    /// Writes a sample line with its value left out, and marks where the value goes: the writer is laying out
    /// an `ExpositionTemplate` (a sample with a timestamp or an exemplar cannot be templated).
    package mutating func writeValueSlot(name: String, labels: Labels = Labels()) {
        appendNameAndLabels(name, labels)
        bytes.append(0x20)
        endValueSlotLine()
    }

    /// Writes value slots for a histogram's bucket lines (samples named `name`, the family's `…_bucket`), whose
    /// labels are `before`, then `le` (each of `leTexts` in turn), then `after`: the same bytes as a
    /// `writeValueSlot` per bucket, with the name and labels checked and escaped once, not once a bucket.
    package mutating func writeBucketSlots(name: String, before: [Label], leTexts: [String], after: [Label]) {
        guard let firstLE = leTexts.first else { return }
        let lineStart = bytes.count
        var first = openLabels(name)
        for label in before { appendLabel(label, first: &first) }
        if !first { bytes.append(0x2C) }
        append("le=\"")
        let prefixEnd = bytes.count
        appendEscaped(firstLE, quotes: true)
        let suffixStart = bytes.count
        bytes.append(0x22)
        first = false
        for label in after { appendLabel(label, first: &first) }
        bytes.append(0x7D)
        bytes.append(0x20)
        // Copied out: appending a slice of `bytes` to itself would copy the whole page each time.
        let prefix = Array(bytes[lineStart..<prefixEnd])
        let suffix = Array(bytes[suffixStart...])
        endValueSlotLine()
        for le in leTexts.dropFirst() {
            bytes.append(contentsOf: prefix)
            appendEscaped(le, quotes: true)
            bytes.append(contentsOf: suffix)
            endValueSlotLine()
        }
    }

    /// Marks the value's place at the end of a sample line laid out so far, and ends the line.
    private mutating func endValueSlotLine() {
        valueSlots.append(bytes.count)
        bytes.append(0x0A)
    }

    /// What has been written so far, as a template whose slots are the `writeValueSlot` lines.
    package var template: ExpositionTemplate { ExpositionTemplate(text: bytes, slots: valueSlots) }

    /// Ends the page: OpenMetrics requires `# EOF`; text format needs nothing.
    package mutating func finish() {
        if format == .openMetrics { append("# EOF\n") }
    }

    /// The page as a string.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes `families` as one complete page.
    package static func page(_ families: [MetricFamily], format: ExpositionFormat = .text) -> [UInt8] {
        var writer = ExpositionWriter(format: format)
        for family in families { writer.write(family) }
        writer.finish()
        return writer.bytes
    }

    // MARK: - pieces

    private func typeName(_ type: MetricType) -> String {
        switch (format, type) {
        case (.text, .unknown): return "untyped"
        case (.openMetrics, .untyped): return "unknown"
        case (.text, .info), (.text, .stateset): return "gauge"
        case (.text, .gaugehistogram): return "histogram"
        default: return type.rawValue
        }
    }

    private mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    private mutating func appendNameAndLabels(_ name: String, _ labels: Labels) {
        if labels.isEmpty && isLegacyMetricName(name) {
            append(name)
            return
        }
        var first = openLabels(name)
        for label in labels { appendLabel(label, first: &first) }
        bytes.append(0x7D)
    }

    private mutating func appendMetricNameInComment(_ name: String) {
        if isLegacyMetricName(name) {
            append(name)
        } else {
            appendQuoted(name)
        }
    }

    private mutating func appendQuoted(_ string: String) {
        bytes.append(0x22)
        appendEscaped(string, quotes: true)
        bytes.append(0x22)
    }

    /// `{labels}`, braced even when there are none (an exemplar's label set).
    private mutating func appendLabelBlock(_ labels: Labels) {
        bytes.append(0x7B)
        var first = true
        for label in labels { appendLabel(label, first: &first) }
        bytes.append(0x7D)
    }

    /// Opens the label block of a sample named `name` whose labels follow: `name{`, or `{"name"` for a name
    /// that must be quoted. Returns whether the next label is the block's first.
    private mutating func openLabels(_ name: String) -> Bool {
        if isLegacyMetricName(name) {
            append(name)
            bytes.append(0x7B)
            return true
        }
        bytes.append(0x7B)
        appendQuoted(name)
        return false
    }

    /// `name="value"` within a label block, after a comma unless it is the block's first.
    private mutating func appendLabel(_ label: Label, first: inout Bool) {
        if !first { bytes.append(0x2C) }
        first = false
        if isLegacyLabelName(label.name) {
            append(label.name)
        } else {
            appendQuoted(label.name)
        }
        bytes.append(0x3D)
        appendQuoted(label.value)
    }

    /// Escapes `\` and newline always, and `"` inside quoted strings (HELP text keeps its quotes).
    private mutating func appendEscaped(_ string: String, quotes: Bool) {
        // Nearly every name and value needs no escape: copy those in one go.
        let clean = string.utf8.withContiguousStorageIfAvailable { utf8 in
            !utf8.contains { $0 == 0x5C || $0 == 0x0A || ($0 == 0x22 && quotes) }
        }
        if clean == true {
            bytes.append(contentsOf: string.utf8)
            return
        }
        for byte in string.utf8 {
            switch byte {
            case 0x5C:
                bytes.append(0x5C)
                bytes.append(0x5C)
            case 0x0A:
                bytes.append(0x5C)
                bytes.append(0x6E)
            case 0x22 where quotes:
                bytes.append(0x5C)
                bytes.append(0x22)
            default: bytes.append(byte)
            }
        }
    }

    private mutating func isLegacyMetricName(_ name: String) -> Bool {
        if name == lastMetricName.0 { return lastMetricName.1 }
        let legacy = MetricName.isLegacyMetricName(name)
        lastMetricName = (name, legacy)
        return legacy
    }

    private mutating func isLegacyLabelName(_ name: String) -> Bool {
        if let known = legacyLabelNames[name] { return known }
        let legacy = MetricName.isLegacyLabelName(name)
        if legacyLabelNames.count < 256 { legacyLabelNames[name] = legacy }
        return legacy
    }

    private mutating func appendValue(_ value: Double) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ValueText.maxBytes) { buffer in
            let count = ValueText.write(value, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private mutating func appendSeconds(fromMilliseconds ms: Int64) {
        let (seconds, millis) = ms.quotientAndRemainder(dividingBy: 1000)
        if millis == 0 {
            append(String(seconds))
            return
        }
        // Exact decimal: no float round trip, so the parser gets the same milliseconds back.
        let negative = ms < 0
        let whole = Swift.abs(seconds)
        var frac = String(Swift.abs(millis))
        while frac.count < 3 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        append((negative ? "-" : "") + String(whole) + "." + frac)
    }

    /// The shortest text that reads back as exactly `value`: integers without `.0`, `NaN`, `+Inf`, `-Inf`.
    package static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(.towardZero) && Swift.abs(value) < ValueText.exactIntegerLimit {
            if value == 0 { return value.sign == .minus ? "-0" : "0" }
            return String(Int64(value))
        }
        return value.description
    }
}
