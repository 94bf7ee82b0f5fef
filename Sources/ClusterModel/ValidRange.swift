import Formatting

/// The values a reading can take and still mean what its field means, in the model's units (bytes, seconds,
/// 0–1 fractions, per second for counters). A value outside it — negative VRAM, KV use of 405 %, a counter that
/// jumped to 1e30 and so a rate beyond any machine, NaN, ±Inf — is not shown as if true: the model keeps it as
/// `.nan` (drawn as `?`, left out of totals) and names it in its target's data-quality notes.
struct ValidRange: Sendable {
    var lower: Double
    var upper: Double

    init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// A few parts per million of slack at the top, for servers whose 0–1 gauges round to just above 1.
    func accepts(_ value: Double) -> Bool {
        value >= lower && value <= upper + abs(upper) * 1e-6
    }

    /// "0..1" in the units of the raw series (`scale` turns them into the model's).
    func text(scale: Double) -> String {
        DataQualityNote.number(lower / scale) + ".." + DataQualityNote.number(upper / scale)
    }

    static let fraction = ValidRange(0, 1)
    /// Requests in a batch or a queue, and requests per second: ten million is beyond any server.
    static let requests = ValidRange(0, 1e7)
    /// Tokens per second of one server (the largest racks generate about a million).
    static let tokens = ValidRange(0, 1e9)
    /// A latency, in seconds.
    static let latency = ValidRange(0, 1e6)
    /// Bytes of one GPU's memory (a petabyte).
    static let bytes = ValidRange(0, 1e15)
}

/// The text of a data-quality note: which series sent what, and what was expected.
enum DataQualityNote {
    static func outOfRange(series: String, value: Double, range: ValidRange, scale: Double) -> String {
        "\(series) = \(number(value)), expected \(range.text(scale: scale))"
    }

    static func rateOutOfRange(series: String, perSecond: Double, range: ValidRange, scale: Double) -> String {
        "rate of \(series) = \(number(perSecond))/s, expected \(range.text(scale: scale))/s"
    }

    static func negativeCounter(series: String, value: Double) -> String {
        "\(series) = \(number(value)), " + (value.isNaN ? "a counter must be a number" : "a counter cannot be negative")
    }

    /// A raw value as the page wrote it, spelled out when it is not a number.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e6 { return String(Int64(value)) }
        return abs(value) < 1e6 ? Format.compact(value, absent: "") : Format.scientific(value)
    }

    /// Most notes one target carries; the rest are counted.
    static let perTarget = 8
}
