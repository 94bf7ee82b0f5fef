/// Bounded history of the derived values of past snapshots, for sparklines and charts.
///
/// Every frame appends one point per key; memory is `capacity` points per key, whatever the running time.
/// Values are kept as `Float` (a chart needs no more precision, and it halves the memory of 17 k keys ×
/// 900 frames); an absent value is stored as NaN and read back as nil. A key not seen for `capacity`
/// frames (a GPU or instance that went away) is dropped.
///
/// Laid out key by key: each key has a column, and blocks of `blockFrames` frames hold each column's frames side
/// by side, so a sparkline's or chart's read of one key over minutes walks memory in order (laid out frame by
/// frame, each point was a cache miss of its own: a key's next point lay a whole row of keys further on). The
/// dashboard's feed holds a copy of the history while the next frame is appended, so
/// the append copies what it writes (copy on write): here that is the newest block, one allocation, where
/// one ring per key copied a chunk and its array of chunks for every key (1,500 allocations a frame at 64
/// GPUs, and as many frees when the feed let go of the copy).
package struct ClusterHistory: Sendable {
    /// Frames kept (e.g. 900 = 15 minutes at 1 s).
    package let capacity: Int
    /// Frames appended since the start (the newest frame's number is `frameCount - 1`).
    package private(set) var frameCount = 0
    private var times: [Int64]
    /// Each key's column, and the first frame it holds in it (older rows of a reused column belong to the
    /// key that had it before). Changed only when keys come and go, so a frame does not copy it.
    private var columns: [HistoryKey: (column: Int, firstFrame: Int)] = [:]
    /// By column: the newest frame its key was in (with a value or without).
    private var lastSeen: [Int] = []
    private var freeColumns: [Int] = []
    /// A ring of blocks covering the newest `capacity` frames.
    private var blocks: [Block]
    /// The keys of the newest frame in the order it recorded them, and their columns: a frame nearly always has the
    /// same GPUs, instances and models in the same order as the one before, so each key is checked against its place
    /// here (equal strings, the same objects) instead of hashed (17 k keys a frame at 2,352 GPUs).
    private var recentKeys: [HistoryKey] = []
    private var recentColumns: [Int] = []
    /// Whether no frame was appended with a time before the previous frame's: then the frames within a window
    /// of the newest are the newest few, and a reader of a minute of 15 minutes' history reads a minute.
    private var timesAscending = true

    private struct Block: Sendable {
        /// The frame of row 0; -1 for a block not yet used.
        var firstFrame = -1
        var width = 0
        var values: [Float] = []

        subscript(frame: Int, column: Int) -> Float {
            column < width ? values[offset(frame: frame, column: column)] : .nan
        }

        /// Where `frame`'s value of `column` lies in `values`: a column's frames side by side.
        func offset(frame: Int, column: Int) -> Int { column * ClusterHistory.blockFrames + frame - firstFrame }
    }

    static let blockFrames = 32

    package init(capacity: Int = 900) {
        self.capacity = max(1, capacity)
        self.times = Array(repeating: 0, count: self.capacity)
        self.blocks = Array(repeating: Block(), count: (self.capacity + Self.blockFrames - 1) / Self.blockFrames + 1)
    }

    /// The time of the newest frame, or nil before the first.
    package var latestTimeMs: Int64? { frameCount == 0 ? nil : times[(frameCount - 1) % capacity] }

    /// The number of keys with a history.
    package var keyCount: Int { columns.count }

    /// Every key with a history (in no particular order).
    package var keys: [HistoryKey] { Array(columns.keys) }

    /// Appends one frame: the snapshot's per-GPU, per-instance, per-model and cluster values.
    package mutating func append(_ snapshot: ClusterSnapshot) {
        let frame = frameCount
        if let latest = latestTimeMs, snapshot.timeMs < latest { timesAscending = false }
        times[frame % capacity] = snapshot.timeMs
        frameCount += 1
        if frame % Self.blockFrames == 0 {
            blocks[blockIndex(of: frame)] = Block(
                firstFrame: frame, width: lastSeen.count,
                values: Array(repeating: .nan, count: Self.blockFrames * lastSeen.count))
        }
        var order = 0
        for gpu in snapshot.gpus {
            for series in HistoryKey.GPUSeries.allCases {
                record(.gpu(gpu.id, series), series.value(of: gpu), frame: frame, order: &order)
            }
        }
        for instance in snapshot.instances {
            for series in HistoryKey.InstanceSeries.allCases {
                record(.instance(instance.id, series), series.value(of: instance), frame: frame, order: &order)
            }
        }
        for model in snapshot.byModel {
            for series in HistoryKey.InstanceSeries.allCases {
                record(.model(model.model, series), series.value(of: model), frame: frame, order: &order)
            }
        }
        for series in HistoryKey.ClusterSeries.allCases {
            record(.cluster(series), series.value(of: snapshot.totals), frame: frame, order: &order)
        }
        recentKeys.removeLast(recentKeys.count - order)
        recentColumns.removeLast(recentColumns.count - order)
        // A sweep per `capacity / 4` frames keeps the cost of forgetting vanished keys off most frames.
        if frame % max(1, capacity / 4) == 0 {
            for (key, place) in columns where frame - lastSeen[place.column] >= capacity {
                columns[key] = nil
                freeColumns.append(place.column)
            }
        }
    }

    /// The points of `key` whose time lies within `window` of the newest frame, oldest first. Frames in
    /// which the key was absent give nil values; an unknown key gives no points.
    package func values(_ key: HistoryKey, window: Duration) -> [HistoryPoint] {
        var points: [HistoryPoint] = []
        forEachValue(key, window: window) { points.append(HistoryPoint(timeMs: $0, value: $1)) }
        return points
    }

    /// The same points, handed to `body` one by one (time, value) instead of gathered in an array.
    package func forEachValue(_ key: HistoryKey, window: Duration, _ body: (Int64, Double?) -> Void) {
        guard let place = columns[key] else { return }
        let windowMs = window.components.seconds * 1000 + window.components.attoseconds / 1_000_000_000_000_000
        walk(place, windowMs: windowMs) { time, stored in body(time, stored.isNaN ? nil : Double(stored)) }
    }

    /// The mean of `key`'s values in each of `slices` equal parts of the `windowMs` before the newest frame, oldest
    /// first (nil where a part has no value; a frame at the window's start falls in the first part, one at its end in
    /// the last), or nil for an unknown key. What a chart or sparkline of the key draws: the dashboard asks it of
    /// every visible row's keys on every frame, so the points are summed where they lie, not handed out one by one.
    package func means(of key: HistoryKey, windowMs: Int64, slices: Int) -> [Double?]? {
        guard let place = columns[key], let latest = latestTimeMs else { return nil }
        let slices = max(1, slices)
        let start = latest - windowMs
        let span = max(1, windowMs)
        var sums = [Double](repeating: 0, count: slices)
        var counts = [Int](repeating: 0, count: slices)
        // A frame's part is ⌊(time − start) × slices ÷ span⌋; with ascending times it only grows, so it is stepped
        // up to, not divided out for each of the window's frames (a division was half of a sparkline's cost).
        var slice = 0
        walk(place, windowMs: windowMs) { time, stored in
            guard !stored.isNaN else { return }
            let scaled = max(0, time - start) * Int64(slices)
            if timesAscending {
                while slice < slices - 1 && scaled >= Int64(slice + 1) * span { slice += 1 }
            } else {
                slice = min(slices - 1, Int(scaled / span))
            }
            sums[slice] += Double(stored)
            counts[slice] += 1
        }
        return (0..<slices).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
    }

    /// Hands `body` the time and stored value (NaN: absent) of each frame within `windowMs` of the newest, oldest
    /// first.
    @inline(__always)
    private func walk(_ place: (column: Int, firstFrame: Int), windowMs: Int64, _ body: (Int64, Float) -> Void) {
        guard let latest = latestTimeMs else { return }
        let oldest = max(0, frameCount - capacity)
        var first = oldest
        if timesAscending {
            // The frames within the window are the newest ones: search for the first of them, not walk over all.
            var (low, high) = (oldest, frameCount)
            while low < high {
                let middle = (low + high) / 2
                if latest - times[middle % capacity] <= windowMs { high = middle } else { low = middle + 1 }
            }
            first = low
        }
        // Block by block: each block is fetched once, not once a frame (with a retain and a release); the ring's
        // place of the frame's time is stepped with the frame, not divided out.
        var frame = first
        var ring = first % capacity
        while frame < frameCount {
            let blockStart = frame - frame % Self.blockFrames
            let stop = min(frameCount, blockStart + Self.blockFrames)
            let block = blocks[blockIndex(of: frame)]
            let current = block.firstFrame == blockStart
            while frame < stop {
                let time = times[ring]
                if latest - time <= windowMs {
                    body(time, current && frame >= place.firstFrame ? block[frame, place.column] : .nan)
                }
                frame += 1
                ring = ring == capacity - 1 ? 0 : ring + 1
            }
        }
    }

    /// The newest value of `key`, or nil when it was absent in the newest frame.
    package func latest(_ key: HistoryKey) -> Double? {
        guard let place = columns[key], lastSeen[place.column] == frameCount - 1 else { return nil }
        return value(place, frame: frameCount - 1)
    }

    private func blockIndex(of frame: Int) -> Int { frame / Self.blockFrames % blocks.count }

    private func value(_ place: (column: Int, firstFrame: Int), frame: Int) -> Double? {
        let block = blocks[blockIndex(of: frame)]
        guard frame >= place.firstFrame, block.firstFrame == frame - frame % Self.blockFrames else { return nil }
        let stored = block[frame, place.column]
        return stored.isNaN ? nil : Double(stored)
    }

    /// Records `key`, the `order`th key of this frame.
    private mutating func record(_ key: HistoryKey, _ value: Double?, frame: Int, order: inout Int) {
        let column: Int
        if order < recentKeys.count && recentKeys[order] == key {
            // In the frame before at the same place: its column is still its own (only keys unseen for `capacity`
            // frames are swept).
            column = recentColumns[order]
        } else {
            column = self.column(of: key, frame: frame)
            if order < recentKeys.count {
                recentKeys[order] = key
                recentColumns[order] = column
            } else {
                recentKeys.append(key)
                recentColumns.append(column)
            }
        }
        order += 1
        lastSeen[column] = frame
        guard let value else { return }
        let b = blockIndex(of: frame)
        if column >= blocks[b].width { widen(block: b, to: lastSeen.count) }
        blocks[b].values[blocks[b].offset(frame: frame, column: column)] = Float(value)
    }

    /// The column of `key`, given one when it has none.
    private mutating func column(of key: HistoryKey, frame: Int) -> Int {
        if let place = columns[key] { return place.column }
        let column = freeColumns.popLast() ?? lastSeen.count
        if column == lastSeen.count { lastSeen.append(frame) }
        columns[key] = (column, frame)
        return column
    }

    /// Makes room in the newest block for columns added since it started (new GPUs or instances).
    private mutating func widen(block b: Int, to width: Int) {
        let wider = max(width, blocks[b].width + blocks[b].width / 2)
        blocks[b].values.append(contentsOf: repeatElement(.nan, count: Self.blockFrames * (wider - blocks[b].width)))
        blocks[b].width = wider
    }
}
