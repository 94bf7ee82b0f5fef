/// Reads a query server's refusals: which ones mean "over a limit" (then the query is split, or its
/// timeout raised), and which of the server's flags a person would change when splitting is not enough.
enum PrometheusLimits {
    /// VictoriaMetrics: "the number of matching timeseries exceeds 300000 … -search.maxUniqueTimeseries";
    /// Prometheus: "query processing would load too many samples into memory"; Thanos and Mimir: "the query
    /// hit the max number of series limit".
    static func isOverSeriesLimit(_ message: String) -> Bool {
        let text = message.lowercased()
        return (text.contains("exceeds") && (text.contains("timeseries") || text.contains("-search.max")))
            || text.contains("too many samples") || text.contains("max number of series") || text.contains("maxseries")
    }

    /// The client's deadline, or the server's own query timeout.
    static func isTimeout(_ message: String) -> Bool {
        let text = message.lowercased()
        return text.contains("timed out") || text.contains("timeout") || text.contains("deadline")
    }

    /// The message, with the flag to change when a limit was hit.
    static func explain(_ message: String, shards: Int) -> String {
        let split = shards > 1 ? " even split in \(shards) parts by identity" : ""
        if isOverSeriesLimit(message) {
            let flag =
                message.contains("-search.") || message.contains("vmselect")
                ? "raise VictoriaMetrics' -search.maxUniqueTimeseries"
                : message.contains("too many samples")
                    ? "raise Prometheus' --query.max-samples" : "raise the server's series limit"
            return "over the server's series limit\(split): \(flag), or narrow --selector (\(message))"
        }
        if isTimeout(message) {
            let flag =
                message.contains("-search.") || message.contains("vmselect")
                ? "VictoriaMetrics' -search.maxQueryDuration" : "Prometheus' --query.timeout"
            return "\(message) (the next try waits longer; the server's own limit is \(flag))"
        }
        return message
    }
}
