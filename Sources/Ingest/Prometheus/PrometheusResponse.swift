/// The part of a Prometheus HTTP API answer (`/api/v1/query`, `/api/v1/query_range`) that ingest uses:
/// series with their labels and (time, value) points. Values arrive as JSON strings ("6.66", "NaN", "+Inf").
struct PrometheusResponse: Sendable {
    struct Series: Sendable {
        var labels: [String: String]
        var points: [Point]
    }

    struct Point: Sendable {
        var timeMs: Int64
        var value: Double
    }

    var series: [Series]
    var warnings: [String]

    /// A JSON `{"status":"success","data":["a","b"]}` list of strings.
    static func strings(_ bytes: [UInt8]) -> [String]? {
        var scanner = JSONScanner(bytes)
        var list: [String]?
        do {
            try scanner.object { scanner, key in
                if key == "data", scanner.peek() == UInt8(ascii: "[") {
                    var found: [String] = []
                    try scanner.array { found.append(try $0.string()) }
                    list = found
                } else {
                    try scanner.skip()
                }
            }
        } catch {
            return nil
        }
        return list
    }

    /// Decodes an answer; a `"status":"error"` body, a non-JSON body or a failing HTTP status throws a
    /// message that says what the server said.
    static func decode(_ bytes: [UInt8], status: Int) throws(PrometheusQueryError) -> PrometheusResponse {
        var scanner = JSONScanner(bytes)
        var state: String?
        var errorType: String?
        var errorText: String?
        var series: [Series] = []
        var warnings: [String] = []
        var hasData = false
        do {
            guard scanner.peek() == UInt8(ascii: "{") else { throw JSONScanner.Failure(offset: 0, expected: "'{'") }
            try scanner.object { scanner, key in
                switch key {
                case "status": state = try scanner.string()
                case "errorType": errorType = try scanner.string()
                case "error": errorText = try scanner.string()
                case "warnings": try scanner.array { warnings.append(try $0.string()) }
                case "data" where scanner.peek() == UInt8(ascii: "{"):
                    hasData = true
                    try scanner.object { scanner, key in
                        if key == "result" { series = try results(&scanner) } else { try scanner.skip() }
                    }
                default: try scanner.skip()
                }
            }
        } catch {
            if state == "error" || errorText != nil { throw failure(status, errorType, errorText) }
            let snippet = String(decoding: bytes.prefix(120), as: UTF8.self).filter { !$0.isNewline }
            throw PrometheusQueryError(message: "HTTP \(status), not a Prometheus API answer: \"\(snippet)\"")
        }
        guard state == "success" else { throw failure(status, errorType, errorText) }
        guard hasData else { throw PrometheusQueryError(message: "HTTP \(status), an answer without data") }
        return PrometheusResponse(series: series, warnings: warnings)
    }

    private static func failure(_ status: Int, _ type: String?, _ text: String?) -> PrometheusQueryError {
        PrometheusQueryError(message: "HTTP \(status), \(type ?? "error"): \(text ?? "no error message")")
    }

    /// `result`: vector and matrix items (`{"metric":…,"value":[t,"v"]}` or `"values":[[t,"v"],…]`), or a
    /// scalar's `[t,"v"]`.
    private static func results(_ scanner: inout JSONScanner) throws -> [Series] {
        var series: [Series] = []
        guard scanner.peek() == UInt8(ascii: "[") else {
            try scanner.skip()
            return []
        }
        var scalarTime: Double?
        var scalarText: String?
        try scanner.array { scanner in
            switch scanner.peek() {
            case UInt8(ascii: "{"):
                var item = Series(labels: [:], points: [])
                try scanner.object { scanner, key in
                    switch key {
                    case "metric": try scanner.object { scanner, name in item.labels[name] = try scanner.string() }
                    case "value": if let point = try point(&scanner) { item.points.append(point) }
                    case "values": try scanner.array { if let point = try point(&$0) { item.points.append(point) } }
                    default: try scanner.skip()
                    }
                }
                series.append(item)
            case UInt8(ascii: "\""): scalarText = try scanner.string()
            default: scalarTime = try scanner.number()
            }
        }
        if let time = scalarTime.flatMap(milliseconds), let value = scalarText.flatMap(parse) {
            series.append(Series(labels: [:], points: [Point(timeMs: time, value: value)]))
        }
        return series
    }

    /// `[1795915485.962, "6.66"]` → a point; nil when the value is not a number.
    private static func point(_ scanner: inout JSONScanner) throws -> Point? {
        var seconds: Double?
        var value: Double?
        try scanner.array { scanner in
            if scanner.peek() == UInt8(ascii: "\"") {
                value = parse(try scanner.string())
            } else {
                seconds = try scanner.number()
            }
        }
        guard let time = seconds.flatMap(milliseconds), let value else { return nil }
        return Point(timeMs: time, value: value)
    }

    /// Seconds since the epoch as milliseconds; nil when not a time (out of range, infinite).
    private static func milliseconds(_ seconds: Double) -> Int64? {
        seconds.isFinite && abs(seconds) < 1e12 ? Int64((seconds * 1000).rounded()) : nil
    }

    /// Go's float spellings as Prometheus writes them ("NaN", "+Inf", "-Inf", "1e+06").
    static func parse(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }
}

/// A query that the server refused or answered in a form ingest cannot read.
struct PrometheusQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
