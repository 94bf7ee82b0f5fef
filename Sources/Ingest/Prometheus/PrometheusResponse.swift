import Foundation

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

    /// Decodes an answer; a `"status":"error"` body, a non-JSON body or a failing HTTP status throws a
    /// message that says what the server said.
    static func decode(_ bytes: [UInt8], status: Int) throws(PrometheusQueryError) -> PrometheusResponse {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            let snippet = String(decoding: bytes.prefix(120), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PrometheusQueryError(message: "HTTP \(status), not a Prometheus API answer: \"\(snippet)\"")
        }
        if object["status"] as? String != "success" {
            let type = object["errorType"] as? String ?? "error"
            let detail = object["error"] as? String ?? "no error message"
            throw PrometheusQueryError(message: "HTTP \(status), \(type): \(detail)")
        }
        guard let data = object["data"] as? [String: Any], let resultType = data["resultType"] as? String else {
            throw PrometheusQueryError(message: "answer without data.resultType")
        }
        let warnings = object["warnings"] as? [String] ?? []
        switch resultType {
        case "vector", "matrix":
            let results = data["result"] as? [[String: Any]] ?? []
            let series = results.map { item in
                let labels = (item["metric"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:]
                let raw = (item["values"] as? [Any]) ?? (item["value"].map { [$0] } ?? [])
                return Series(labels: labels, points: raw.compactMap(point))
            }
            return PrometheusResponse(series: series, warnings: warnings)
        case "scalar":
            return PrometheusResponse(series: [Series(labels: [:], points: [data["result"] as Any].compactMap(point))],
                                      warnings: warnings)
        default:
            throw PrometheusQueryError(message: "unexpected result type \"\(resultType)\"; expected vector or matrix")
        }
    }

    /// `[1795915485.962, "6.66"]` → a point; nil when malformed.
    private static func point(_ value: Any) -> Point? {
        guard let pair = value as? [Any], pair.count == 2, let text = pair[1] as? String else { return nil }
        let seconds = (pair[0] as? Double) ?? (pair[0] as? NSNumber)?.doubleValue
        // A time no clock can hold (1e300, NaN) is a malformed answer, not a moment to convert.
        guard let seconds, seconds.isFinite, abs(seconds) < 9e15, let number = parse(text) else { return nil }
        return Point(timeMs: Int64((seconds * 1000).rounded()), value: number)
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
