/// A Prometheus histogram being filled: fixed upper bounds, per-bucket counts, sum and count.
struct BucketHistogram: Sendable {
    let bounds: [Double]
    /// The `le` label of each bound as prometheus_client writes it (`0.5`, `1.0`, `2560.0`), then `+Inf`.
    let leTexts: [String]
    /// Observations per bucket (not cumulative); the last slot is above every bound.
    private(set) var counts: [Double]
    private(set) var sum: Double = 0
    private(set) var count: Double = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        self.leTexts = bounds.map(Self.pythonFloat) + ["+Inf"]
        self.counts = Array(repeating: 0, count: bounds.count + 1)
    }

    /// Adds `times` observations of `value` (a step's tokens share one inter-token latency).
    mutating func observe(_ value: Double, times: Double = 1) {
        var low = 0
        var high = bounds.count
        while low < high {
            let mid = (low + high) / 2
            if value <= bounds[mid] { high = mid } else { low = mid + 1 }
        }
        counts[low] += times
        sum += value * times
        count += times
    }

    /// Python's `repr` of a float, which prometheus_client uses for `le`: integers keep `.0`.
    static func pythonFloat(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return value.description
    }

    /// vLLM's `build_1_2_5_buckets(max)`: 1, 2, 5, 10, 20, 50, … up to `max`.
    static func oneTwoFive(upTo max: Int) -> [Double] {
        var result: [Double] = []
        var exponent = 1.0
        while true {
            for mantissa in [1.0, 2.0, 5.0] {
                let value = mantissa * exponent
                if value > Double(max) { return result }
                result.append(value)
            }
            exponent *= 10
        }
    }
}
