/// The raw values of the newest `slots` scrapes of every series (32, a block, or fewer when the retention is
/// shorter), in chunks of 512 series, each laid out slot by slot: `chunks[series / 512][slot * 512 + series
/// % 512]`. A frame reads the same two slots (the window's first and last scrape) of consecutive series, so
/// its reads walk memory in order instead of jumping from one series' buffer to the next (which made every
/// rate a pair of cache misses).
///
/// Chunks, not one array: room for new series is one more chunk (512 series), so the slab holds at most 511
/// series more than the store has, and growing never copies what is there. A single array doubled instead,
/// which at 11 k series (64 GPUs) held 16 k series' slots — 8 MiB at 64 slots where 5.6 were used — and
/// held the old and the new array together while it copied.
struct RecentSlab: Sendable {
    /// The smallest power of two that holds a retention of `capacity` points (16 for the live dashboard's 14),
    /// at most a block (`BlockCodec.blockSize`): a longer retention seals its older points into blocks.
    let slots: Int
    static let seriesPerChunk = 512
    private static let chunkShift = 9
    private(set) var chunks: [[Double]] = []
    /// Series numbered from here on were never prepared: their slots are still the absent values their chunk was
    /// made with.
    private var unused = 0

    init(capacity: Int) {
        var slots = 2
        while slots < capacity && slots < BlockCodec.blockSize { slots *= 2 }
        self.slots = slots
    }

    @inline(__always) func value(series: Int, scrape: Int) -> Double {
        chunks[series &>> Self.chunkShift][offset(series: series, scrape: scrape)]
    }

    /// The values of `series` at two scrapes (a window's first and last), from its chunk found once.
    @inline(__always) func values(series: Int, _ a: Int, _ b: Int) -> (Double, Double) {
        chunks[series &>> Self.chunkShift].withUnsafeBufferPointer {
            ($0[offset(series: series, scrape: a)], $0[offset(series: series, scrape: b)])
        }
    }

    @inline(__always) mutating func set(_ value: Double, series: Int, scrape: Int) {
        chunks[series &>> Self.chunkShift][offset(series: series, scrape: scrape)] = value
    }

    /// Sets `values[i]` as the value of `series[i]` at `scrape`, finding a chunk once for each run of series in it
    /// (a target's series are mostly numbered in a row), not once per value.
    mutating func set(_ values: UnsafeBufferPointer<Double>, series: UnsafeBufferPointer<SeriesID>, scrape: Int) {
        let slots = slots
        var next = 0
        let count = min(values.count, series.count)
        while next < count {
            let chunk = Int(series[next].raw) &>> Self.chunkShift
            chunks[chunk].withUnsafeMutableBufferPointer { slab in
                while next < count, Int(series[next].raw) &>> Self.chunkShift == chunk {
                    slab[Self.offset(series: Int(series[next].raw), scrape: scrape, slots: slots)] = values[next]
                    next += 1
                }
            }
        }
    }

    /// Whether `scrape` is still in the slots, given the target's newest scrape.
    @inline(__always) func holds(_ scrape: Int, newest: Int) -> Bool { scrape > newest - slots && scrape <= newest }

    @inline(__always) private func offset(series: Int, scrape: Int) -> Int {
        Self.offset(series: series, scrape: scrape, slots: slots)
    }

    /// Where a series' value at `scrape` lies in its chunk: slot by slot, 512 series a slot.
    @inline(__always) private static func offset(series: Int, scrape: Int, slots: Int) -> Int {
        (scrape & (slots - 1)) &* seriesPerChunk &+ (series & (seriesPerChunk - 1))
    }

    /// Makes room for series `index`, and marks all its slots absent (a reused slot forgets its old series; a new
    /// one, the first scrape's thousands, has nothing to forget).
    mutating func prepare(series index: Int) {
        while index &>> Self.chunkShift >= chunks.count {
            chunks.append([Double](repeating: BlockCodec.absent, count: Self.seriesPerChunk * slots))
        }
        guard index < unused else {
            unused = index + 1
            return
        }
        for slot in 0..<slots { set(BlockCodec.absent, series: index, scrape: slot) }
    }

    /// The slots of one series, slot 0 first (the order a block is sealed in).
    func gather(series: Int) -> [Double] {
        (0..<slots).map { value(series: series, scrape: $0) }
    }

    var bytes: Int { chunks.reduce(0) { $0 + $1.capacity * 8 } }
}
