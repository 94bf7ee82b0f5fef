import MetricStore

/// The bucket rates of every instance's latency histograms in one frame, kept in one flat buffer, so the
/// per-model, per-GPU-type and cluster quantiles merge them by adding bucket rates (never by averaging
/// quantiles) without an allocation per histogram. The buffers are reused from frame to frame.
struct FrameHistograms: Sendable {
    /// The instance metrics that are histograms, in slot order.
    static let metrics: [InstanceMetric] = [.ttft, .itl, .e2e, .queueTime]

    static func slot(_ metric: InstanceMetric) -> Int { metric.rawValue - InstanceMetric.ttft.rawValue }

    /// Where one instance's merged histogram of one metric lies in `rates`; `bounds` is a
    /// `BucketBoundsTable` id, or -1 when the instance has none.
    struct Entry: Sendable {
        var offset: Int32
        var bounds: Int32
        static let none = Entry(offset: 0, bounds: -1)
    }

    private(set) var rates: [Double] = []
    /// `metrics.count` entries per instance, in instance order.
    private(set) var entries: [Entry] = []
    /// Scratch space for the sums and the monotonic counts of one quantile computation.
    private var sum: [Double] = []
    private var monotonic: [Double] = []

    mutating func reset(instances: Int) {
        rates.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        entries.reserveCapacity(instances * Self.metrics.count)
    }

    /// Opens the entries of the next instance, all empty.
    mutating func appendInstance() {
        for _ in Self.metrics { entries.append(.none) }
    }

    func entry(instance: Int, _ metric: InstanceMetric) -> Entry {
        entries[instance * Self.metrics.count + Self.slot(metric)]
    }

    /// Adds one part's bucket rates (one vLLM `engine`, one SGLang rank…) to the newest instance's
    /// histogram of `metric`; false when its boundaries differ from the parts added before.
    mutating func add(_ partRates: [Double], bounds: Int32, to metric: InstanceMetric) -> Bool {
        let index = entries.count - Self.metrics.count + Self.slot(metric)
        let entry = entries[index]
        if entry.bounds < 0 {
            entries[index] = Entry(offset: Int32(rates.count), bounds: bounds)
            rates.append(contentsOf: partRates)
            return true
        }
        guard entry.bounds == bounds else { return false }
        let offset = Int(entry.offset)
        for (k, rate) in partRates.enumerated() { rates[offset + k] += rate }
        return true
    }

    /// Forgets the newest instance's histogram of `metric` (its parts could not be merged).
    mutating func clear(_ metric: InstanceMetric) {
        entries[entries.count - Self.metrics.count + Self.slot(metric)] = .none
    }

    /// Quantiles of the newest instance's histogram of `metric`.
    mutating func quantiles(ofNewest metric: InstanceMetric, boundsTable: BucketBoundsTable) -> Quantiles {
        let entry = entries[entries.count - Self.metrics.count + Self.slot(metric)]
        guard entry.bounds >= 0 else { return .none }
        let count = boundsTable.sets[Int(entry.bounds)].count
        sum.removeAll(keepingCapacity: true)
        sum.append(contentsOf: rates[Int(entry.offset)..<Int(entry.offset) + count])
        return quantiles(of: sum, bounds: entry.bounds, boundsTable: boundsTable)
    }

    /// Quantiles of the histograms of `members` (instance positions) merged, and how many different
    /// boundary sets they use. Histograms of one set merge by adding bucket rates; when there are several sets,
    /// the quantiles are those of the mixture of the per-set sums (`HistogramQuantile.mixture`), marked
    /// `interpolated`.
    mutating func merged(
        _ metric: InstanceMetric, of members: some Sequence<Int>,
        boundsTable: BucketBoundsTable
    ) -> (quantiles: Quantiles, boundarySets: Int) {
        // The first set is summed into the reused scratch buffer; further sets (rare: mixed engines) get their own.
        var bounds: Int32 = -1
        var others: [(bounds: Int32, sum: [Double])] = []
        sum.removeAll(keepingCapacity: true)
        for member in members {
            let entry = entry(instance: member, metric)
            guard entry.bounds >= 0 else { continue }
            let start = Int(entry.offset)
            let part = rates[start..<start + boundsTable.sets[Int(entry.bounds)].count]
            if bounds < 0 {
                bounds = entry.bounds
                sum.append(contentsOf: part)
            } else if entry.bounds == bounds {
                // Through pointers: a merge adds every bucket of every member, thousands per frame.
                rates.withUnsafeBufferPointer { rates in
                    sum.withUnsafeMutableBufferPointer { sum in for k in sum.indices { sum[k] += rates[start + k] } }
                }
            } else if let index = others.firstIndex(where: { $0.bounds == entry.bounds }) {
                for k in others[index].sum.indices { others[index].sum[k] += part[start + k] }
            } else {
                others.append((entry.bounds, Array(part)))
            }
        }
        guard bounds >= 0 else { return (.none, 0) }
        guard !others.isEmpty else { return (quantiles(of: sum, bounds: bounds, boundsTable: boundsTable), 1) }
        let parts = [(bounds, sum)] + others.map { ($0.bounds, $0.sum) }
        let q = HistogramQuantile.mixture(parts.map { (boundsTable.sets[Int($0.0)], $0.1) })
        return (Quantiles(p50: q.p50, p90: q.p90, p95: q.p95, p99: q.p99, interpolated: true), parts.count)
    }

    private mutating func quantiles(of counts: [Double], bounds: Int32, boundsTable: BucketBoundsTable) -> Quantiles {
        guard boundsTable.usable[Int(bounds)] else { return .none }
        let q = boundsTable.sets[Int(bounds)].withUnsafeBufferPointer { bounds in
            counts.withUnsafeBufferPointer { counts in
                HistogramQuantile.standard(bounds: bounds, counts: counts, scratch: &monotonic)
            }
        }
        return Quantiles(p50: q.p50, p90: q.p90, p95: q.p95, p99: q.p99)
    }
}
