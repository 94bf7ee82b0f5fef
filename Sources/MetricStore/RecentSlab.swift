/// The raw values of the newest 64 scrapes of every series, in one contiguous array laid out slot by
/// slot: `values[slot * seriesCapacity + series]`. A frame reads the same two slots (the window's first
/// and last scrape) of consecutive series, so its reads walk memory in order instead of jumping from one
/// series' buffer to the next (which made every rate a pair of cache misses).
struct RecentSlab: Sendable {
    static let slots = BlockCodec.blockSize
    private(set) var values: [Double] = []
    private(set) var seriesCapacity = 0

    @inline(__always) func value(series: Int, scrape: Int) -> Double {
        values[(scrape & (Self.slots - 1)) * seriesCapacity + series]
    }

    @inline(__always) mutating func set(_ value: Double, series: Int, scrape: Int) {
        values[(scrape & (Self.slots - 1)) * seriesCapacity + series] = value
    }

    /// Makes room for series `index`, and marks all its slots absent (a reused slot forgets its old series).
    mutating func prepare(series index: Int) {
        if index >= seriesCapacity {
            let capacity = max(1024, seriesCapacity * 2, index + 1)
            var grown = [Double](repeating: BlockCodec.absent, count: capacity * Self.slots)
            for slot in 0..<Self.slots {
                for series in 0..<seriesCapacity {
                    grown[slot * capacity + series] = values[slot * seriesCapacity + series]
                }
            }
            values = grown
            seriesCapacity = capacity
        }
        for slot in 0..<Self.slots { values[slot * seriesCapacity + index] = BlockCodec.absent }
    }

    /// The 64 slots of one series, slot 0 first (the order a block is sealed in).
    func gather(series: Int) -> [Double] {
        (0..<Self.slots).map { values[$0 * seriesCapacity + series] }
    }

    var bytes: Int { values.capacity * 8 }
}
