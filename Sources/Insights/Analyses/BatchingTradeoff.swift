import ClusterModel

/// Batching trades latency for throughput: batch size (running requests) against inter-token latency and
/// generation tokens/s over the chart window, binned, so an operator sees where a larger batch stops buying
/// throughput and only costs latency.
package struct BatchingTradeoff: Sendable, Hashable {
    /// One frame of one instance.
    package struct Point: Sendable, Hashable {
        package var batch: Double
        package var itl: Double?
        package var tokensPerSecond: Double?
    }

    /// Frames whose batch size lies in `lower...upper`.
    package struct Bin: Sendable, Hashable {
        package var lower: Int
        package var upper: Int
        package var count: Int
        package var meanITL: Double?
        package var meanTokensPerSecond: Double?

        /// "8", or "8–15".
        package var label: String { lower == upper ? "\(lower)" : "\(lower)–\(upper)" }
    }

    package var points: [Point]
    /// Consecutive, equal-width, covering the smallest to the largest batch seen.
    package var bins: [Bin]
    /// The first bin whose mean tokens/s reaches `saturationShare` of the best bin's: beyond it more
    /// batching buys little throughput. Nil without throughput data.
    package var saturationBin: Int?

    /// The share of the best throughput that counts as saturated.
    package static let saturationShare = 0.9

    /// One instance's frames within `window`.
    package static func instance(
        _ id: String, history: ClusterHistory, window: Duration,
        binCount: Int = 8
    ) -> BatchingTradeoff {
        build(points(history, id, window), binCount: binCount)
    }

    /// Every instance serving `model` pooled: the same model on different instances (and GPU types) shows
    /// whether the trade-off is a property of the model or of the hardware.
    package static func model(
        _ model: String, snapshot: ClusterSnapshot, history: ClusterHistory, window: Duration,
        binCount: Int = 8
    ) -> BatchingTradeoff {
        let ids = snapshot.instances.filter { $0.model == model }.map(\.id)
        return build(ids.flatMap { points(history, $0, window) }, binCount: binCount)
    }

    /// Frames with at least one running request; idle frames say nothing about batching.
    static func points(_ history: ClusterHistory, _ id: String, _ window: Duration) -> [Point] {
        let itl = byTime(history.values(.instance(id, .itlP50), window: window))
        let tps = byTime(history.values(.instance(id, .generationTPS), window: window))
        return history.values(.instance(id, .running), window: window).compactMap { point in
            guard let batch = point.value, batch >= 1 else { return nil }
            return Point(batch: batch, itl: itl[point.timeMs] ?? nil, tokensPerSecond: tps[point.timeMs] ?? nil)
        }
    }

    private static func byTime(_ points: [HistoryPoint]) -> [Int64: Double?] {
        Dictionary(points.map { ($0.timeMs, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    static func build(_ points: [Point], binCount: Int) -> BatchingTradeoff {
        // Batch sizes the model marked invalid (NaN) or beyond any server cannot be binned.
        let points = points.filter { $0.batch.isFinite && $0.batch >= 0 && $0.batch <= 1e7 }
        guard let smallest = points.map(\.batch).min(), let largest = points.map(\.batch).max() else {
            return BatchingTradeoff(points: [], bins: [], saturationBin: nil)
        }
        let low = Int(smallest.rounded(.down))
        let high = Int(largest.rounded(.down))
        let width = max(1, (high - low + max(1, binCount)) / max(1, binCount))
        let count = (high - low) / width + 1
        var itl = Array(repeating: Accumulator(), count: count)
        var tps = itl
        var frames = Array(repeating: 0, count: count)
        for point in points {
            let bin = (Int(point.batch.rounded(.down)) - low) / width
            frames[bin] += 1
            itl[bin].add(point.itl)
            tps[bin].add(point.tokensPerSecond)
        }
        let bins = (0..<count).map { i in
            Bin(
                lower: low + i * width, upper: low + (i + 1) * width - 1, count: frames[i], meanITL: itl[i].mean,
                meanTokensPerSecond: tps[i].mean)
        }
        var saturation: Int? = nil
        if let best = bins.compactMap(\.meanTokensPerSecond).max(), best > 0 {
            saturation = bins.firstIndex { ($0.meanTokensPerSecond ?? -1) >= saturationShare * best }
        }
        return BatchingTradeoff(points: points, bins: bins, saturationBin: saturation)
    }
}
