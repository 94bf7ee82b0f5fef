/// Bounded history of the derived values of past snapshots, for sparklines and charts.
///
/// Every frame appends one point per key; memory is `capacity` points per key, whatever the running time.
/// Values are kept as `Float` (a chart needs no more precision, and it halves the memory of 17 k keys ×
/// 900 frames); an absent value is stored as NaN and read back as nil. A key not seen for `capacity`
/// frames (a GPU or instance that went away) is dropped.
public struct ClusterHistory: Sendable {
    /// Frames kept (e.g. 900 = 15 minutes at 1 s).
    public let capacity: Int
    /// Frames appended since the start (the newest frame's number is `frameCount - 1`).
    public private(set) var frameCount = 0
    private var times: [Int64]
    private var lines: [HistoryKey: Line] = [:]

    /// One key's ring of `capacity` values, cut into chunks of `chunkSize` frames. The dashboard's feed holds a
    /// copy of the history while the next frame is appended, so every write copies what it touches (copy on
    /// write): with chunks that is 64 values per key and frame, not the whole ring.
    fileprivate struct Line: Sendable {
        var chunks: [[Float]]
        /// The last frame this key had a slot written for.
        var lastFrame: Int

        subscript(slot: Int) -> Float {
            get { chunks[slot / ClusterHistory.chunkSize][slot % ClusterHistory.chunkSize] }
            set { chunks[slot / ClusterHistory.chunkSize][slot % ClusterHistory.chunkSize] = newValue }
        }
    }

    fileprivate static let chunkSize = 64

    public init(capacity: Int = 900) {
        self.capacity = max(1, capacity)
        self.times = Array(repeating: 0, count: self.capacity)
    }

    /// The time of the newest frame, or nil before the first.
    public var latestTimeMs: Int64? { frameCount == 0 ? nil : times[(frameCount - 1) % capacity] }

    /// The number of keys with a history.
    public var keyCount: Int { lines.count }

    /// Every key with a history (in no particular order).
    public var keys: [HistoryKey] { Array(lines.keys) }

    /// Appends one frame: the snapshot's per-GPU, per-instance, per-model and cluster values.
    public mutating func append(_ snapshot: ClusterSnapshot) {
        let frame = frameCount
        times[frame % capacity] = snapshot.timeMs
        frameCount += 1
        for gpu in snapshot.gpus {
            for series in HistoryKey.GPUSeries.allCases {
                record(.gpu(gpu.id, series), series.value(of: gpu), frame: frame)
            }
        }
        for instance in snapshot.instances {
            for series in HistoryKey.InstanceSeries.allCases {
                record(.instance(instance.id, series), series.value(of: instance), frame: frame)
            }
        }
        for model in snapshot.byModel {
            for series in HistoryKey.InstanceSeries.allCases {
                record(.model(model.model, series), series.value(of: model), frame: frame)
            }
        }
        for series in HistoryKey.ClusterSeries.allCases {
            record(.cluster(series), series.value(of: snapshot.totals), frame: frame)
        }
        // A sweep per `capacity / 4` frames keeps the cost of forgetting vanished keys off most frames.
        if frame % max(1, capacity / 4) == 0 {
            lines = lines.filter { frame - $0.value.lastFrame < capacity }
        }
    }

    /// The points of `key` whose time lies within `window` of the newest frame, oldest first. Frames in
    /// which the key was absent give nil values; an unknown key gives no points.
    public func values(_ key: HistoryKey, window: Duration) -> [HistoryPoint] {
        guard let line = lines[key], let latest = latestTimeMs else { return [] }
        let windowMs = window.components.seconds * 1000 + window.components.attoseconds / 1_000_000_000_000_000
        let first = max(0, frameCount - capacity)
        var points: [HistoryPoint] = []
        for frame in first..<frameCount {
            let time = times[frame % capacity]
            guard latest - time <= windowMs else { continue }
            var value: Double? = nil
            if frame <= line.lastFrame, frame > line.lastFrame - capacity {
                let stored = line[frame % capacity]
                value = stored.isNaN ? nil : Double(stored)
            }
            points.append(HistoryPoint(timeMs: time, value: value))
        }
        return points
    }

    /// The newest value of `key`, or nil when it was absent in the newest frame.
    public func latest(_ key: HistoryKey) -> Double? {
        guard frameCount > 0, let line = lines[key], line.lastFrame == frameCount - 1 else { return nil }
        let stored = line[line.lastFrame % capacity]
        return stored.isNaN ? nil : Double(stored)
    }

    private mutating func record(_ key: HistoryKey, _ value: Double?, frame: Int) {
        let stored = value.map { Float($0) } ?? .nan
        let capacity = capacity
        // Through the values view the write happens in place (when nothing else holds the chunk).
        if let index = lines.index(forKey: key) {
            lines.values[index].write(stored, frame: frame, capacity: capacity)
        } else {
            let chunkCount = (capacity + Self.chunkSize - 1) / Self.chunkSize
            var line = Line(chunks: Array(repeating: Array(repeating: .nan, count: Self.chunkSize), count: chunkCount),
                            lastFrame: frame)
            line[frame % capacity] = stored
            lines[key] = line
        }
    }
}

extension ClusterHistory.Line {
    /// Writes the frame's slot; the frames the key missed since its last write read as absent.
    mutating func write(_ stored: Float, frame: Int, capacity: Int) {
        var missed = lastFrame + 1
        while missed < frame && missed <= lastFrame + capacity {
            self[missed % capacity] = .nan
            missed += 1
        }
        self[frame % capacity] = stored
        lastFrame = frame
    }
}
