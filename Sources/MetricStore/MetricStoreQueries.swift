import Exposition

/// Reading the store: identities, latest values, windows, rates and histogram buckets.
extension MetricStore {
    /// Every target seen, in the order first seen.
    package var targetNames: [String] { targets.map(\.name) }

    package func status(of target: String) -> TargetStatus? {
        targetIndex[target].map { targets[Int($0)].status }
    }

    /// The live series of `target`, in the order of its last page.
    package func series(of target: String) -> [SeriesID] {
        guard let t = targetIndex[target] else { return [] }
        return targets[Int(t)].series
    }

    package func info(_ id: SeriesID) -> SeriesInfo {
        let record = records[Int(id.raw)]
        let flat = labelSets[Int(record.labelSet)]
        var pairs: [Label] = []
        pairs.reserveCapacity(flat.count / 2)
        var index = 0
        while index + 1 < flat.count {
            pairs.append(Label(strings[flat[index]], strings[flat[index + 1]]))
            index += 2
        }
        return SeriesInfo(
            target: targets[Int(record.target)].name, name: strings[record.name],
            family: strings[record.family], type: record.type, labels: Labels(pairs))
    }

    /// The time of the newest good scrape of `target`.
    package func latestTimeMs(of target: String) -> Int64? {
        targetIndex[target].flatMap { targets[Int($0)].status.lastScrapeMs }
    }

    /// The time of the oldest scrape of `target` still kept: its first scrape until the retention is full.
    package func oldestTimeMs(of target: String) -> Int64? {
        guard let t = targetIndex[target], targets[Int(t)].scrapeCount > 0 else { return nil }
        return targets[Int(t)].time(of: targets[Int(t)].oldestScrape)
    }

    /// The newest value of a series, or nil when it is stale: missing from its target's newest page, or the
    /// target's last scrape failed. A NaN the page sent is returned as it is: the cluster model decides whether
    /// it means "no observations" (a summary's quantile) or an invalid reading (a gauge).
    package func latest(_ id: SeriesID) -> Double? {
        // Runs tens of thousands of times per frame: plain fields only, no reference counting.
        let index = Int(id.raw)
        guard records[index].alive else { return nil }
        let target = Int(records[index].target)
        guard targets[target].status.up, records[index].lastPresentScrape == targets[target].scrapeCount - 1 else { return nil }
        return records[index].lastValue
    }

    /// When the series last showed its process restarting (a counter lower than before, across a gap too, or a
    /// new process start time), nil when it never did while it was kept.
    package func restartMs(_ id: SeriesID) -> Int64? {
        let record = records[Int(id.raw)]
        return record.alive && record.lastRestartMs >= 0 ? record.lastRestartMs : nil
    }

    /// True when the series was not in its target's newest page (or the target is down).
    package func isStale(_ id: SeriesID) -> Bool { latest(id) == nil }

    /// The scrapes of `target` within `windowMs` before `atMs` (default: its newest scrape), inclusive of
    /// both ends, as Prometheus 2 selects a range.
    package func window(of target: String, windowMs: Int64, atMs: Int64? = nil) -> ScrapeWindow? {
        guard let t = targetIndex[target] else { return nil }
        let state = targets[Int(t)]
        guard state.scrapeCount > 0 else { return nil }
        let end = atMs ?? state.time(of: state.newestScrape)
        let start = end - windowMs
        var last = state.newestScrape
        while last >= state.oldestScrape && state.time(of: last) > end { last -= 1 }
        var first = last + 1
        while first - 1 >= state.oldestScrape && state.time(of: first - 1) >= start { first -= 1 }
        let firstTimeMs = first <= last ? state.time(of: first) : 0
        let lastTimeMs = first <= last ? state.time(of: last) : 0
        return ScrapeWindow(
            target: t, first: first, last: last, newest: state.newestScrape, startMs: start, endMs: end,
            firstTimeMs: firstTimeMs, lastTimeMs: lastTimeMs,
            extrapolation: Extrapolation(
                count: last - first + 1, firstMs: firstTimeMs, lastMs: lastTimeMs, windowStartMs: start,
                windowEndMs: end))
    }

    /// The rate of a counter-like series over `window`, Prometheus style, counting only the points after the
    /// latest gap. Nil with fewer than two points.
    package func rate(_ id: SeriesID, in window: ScrapeWindow) -> CounterRate? {
        let index = Int(id.raw)
        let record = records[index]  // plain data: a copy costs no reference counting
        guard record.alive, record.target == window.target else { return nil }
        if record.givenRate { return givenRate(index, in: window) }
        if spansWindow(record, window), let extrapolation = window.extrapolation {
            let first = value(index, at: window.first, newest: window.newest)
            return extrapolation.rate(
                increase: value(index, at: window.last, newest: window.newest) - first, firstValue: first,
                isCounter: record.counterLike, reset: false)
        }
        let low = max(window.first, record.segmentStart, record.firstScrape)
        let high = min(window.last, record.lastPresentScrape)
        guard high > low else { return nil }
        let t = Int(window.target)
        let newest = window.newest
        let isCounter = record.counterLike
        if record.lastAbsentScrape < low && (record.lastResetScrape <= low || !isCounter) {
            // Nothing unusual inside: the first and last points say it all.
            let first = (
                timeMs: low == window.first ? window.firstTimeMs : time(t, low), value: value(index, at: low, newest: newest)
            )
            let last = (
                timeMs: high == window.last ? window.lastTimeMs : time(t, high), value: value(index, at: high, newest: newest)
            )
            return CounterRate.extrapolate(
                increase: last.value - first.value, count: high - low + 1, first: first,
                last: last, windowStartMs: window.startMs, windowEndMs: window.endMs,
                isCounter: isCounter, reset: false)
        }
        var points: [(timeMs: Int64, value: Double)] = []
        for scrape in low...high {
            let value = value(index, at: scrape, newest: newest)
            if !BlockCodec.isAbsent(value) { points.append((time(t, scrape), value)) }
        }
        return CounterRate.compute(
            points, windowStartMs: window.startMs, windowEndMs: window.endMs,
            isCounter: isCounter)
    }

    /// True when the series (alive, of the window's target, not a given rate) is present at every scrape of the
    /// window, with no gap and, for a counter, no reset inside: as most series are, so its rate is its two end values
    /// and the window's extrapolation.
    @inline(__always) private func spansWindow(_ record: SeriesRecord, _ window: ScrapeWindow) -> Bool {
        record.firstScrape <= window.first && record.segmentStart <= window.first && record.lastPresentScrape >= window.last
            && record.lastAbsentScrape < window.first && (record.lastResetScrape <= window.first || !record.counterLike)
    }

    /// A rate the sender computed: its value at the window's end (absent there, none; a server's answer that
    /// failed is not replaced by an older one here, the source decides what to resend).
    private func givenRate(_ index: Int, in window: ScrapeWindow) -> CounterRate? {
        guard window.last >= window.first, records[index].lastPresentScrape >= window.last,
            records[index].firstScrape <= window.last
        else { return nil }
        let perSecond = value(index, at: window.last, newest: window.newest)
        guard !BlockCodec.isAbsent(perSecond), perSecond.isFinite else { return nil }
        return CounterRate(increase: perSecond * Double(window.endMs - window.startMs) / 1000, perSecond: perSecond, reset: false)
    }

    /// The value stored for scrape `scrape` of series `index`: the raw slab when recent, else its block.
    @inline(__always) private func value(_ index: Int, at scrape: Int, newest: Int) -> Double {
        if recent.holds(scrape, newest: newest) {
            return recent.value(series: index, scrape: scrape)
        }
        return columns[index].value(at: scrape)
    }

    @inline(__always) private func time(_ target: Int, _ scrape: Int) -> Int64 {
        targets[target].times[scrape % targets[target].times.count]
    }

    /// The rate over the `windowMs` before `atMs` (a convenience over `window(of:)` + `rate(_:in:)`).
    package func rate(_ id: SeriesID, windowMs: Int64, atMs: Int64? = nil) -> CounterRate? {
        let target = targets[Int(records[Int(id.raw)].target)].name
        guard let window = window(of: target, windowMs: windowMs, atMs: atMs) else { return nil }
        return rate(id, in: window)
    }

    /// The per-second rate of every bucket of one histogram (the series of its `le` labels) over `window`;
    /// nil when any bucket has no rate, so a quantile is never computed from a partial histogram.
    package func bucketRates(_ buckets: [(upperBound: Double, id: SeriesID)], in window: ScrapeWindow) -> [HistogramBucket]? {
        var result: [HistogramBucket] = []
        result.reserveCapacity(buckets.count)
        for bucket in buckets {
            guard let rate = rate(bucket.id, in: window) else { return nil }
            result.append(HistogramBucket(upperBound: bucket.upperBound, count: rate.perSecond))
        }
        return result
    }

    /// The per-second rates of several series over one window (e.g. the buckets of a histogram, in `le`
    /// order), written into `into`; false when any has no rate, so a quantile is never computed from a
    /// partial histogram.
    package func rates(_ ids: ArraySlice<SeriesID>, in window: ScrapeWindow, into result: inout [Double]) -> Bool {
        result.removeAll(keepingCapacity: true)
        // Runs for every bucket of every histogram of a frame. When the window's ends are in the raw slots (the live
        // dashboard's case) and every series of the target spans the window (it is steady since), a series of the
        // target is read through pointers, its tag and its two values side by side in the slab, no record touched;
        // any other goes through `rate`.
        let newest = window.newest
        let steady =
            recent.holds(window.first, newest: newest) && recent.holds(window.last, newest: newest)
            && targets[Int(window.target)].steadyFrom <= window.first
        let ends = steady ? window.extrapolation : nil
        return tags.withUnsafeBufferPointer { tags in
            for id in ids {
                let index = Int(id.raw)
                if let ends, tags.indices.contains(index), tags[index].target == window.target {
                    let (first, last) = recent.values(series: index, window.first, window.last)
                    let isCounter = tags[index].counterLike
                    guard let rate = ends.rate(increase: last - first, firstValue: first, isCounter: isCounter, reset: false)
                    else { return false }
                    result.append(rate.perSecond)
                } else {
                    guard let rate = rate(id, in: window) else { return false }
                    result.append(rate.perSecond)
                }
            }
            return true
        }
    }

    /// The stored points of a series between two times (inclusive), oldest first; absent scrapes are left out.
    package func points(_ id: SeriesID, fromMs: Int64, toMs: Int64) -> [(timeMs: Int64, value: Double)] {
        let record = records[Int(id.raw)]
        guard record.alive else { return [] }
        let target = targets[Int(record.target)]
        guard target.scrapeCount > 0 else { return [] }
        var result: [(timeMs: Int64, value: Double)] = []
        let first = max(target.oldestScrape, record.firstScrape)
        guard first <= target.newestScrape else { return [] }
        var decoded: (start: Int, values: [Double])?
        for scrape in first...target.newestScrape {
            let time = target.time(of: scrape)
            guard time >= fromMs, time <= toMs else { continue }
            let value: Double
            if recent.holds(scrape, newest: target.newestScrape) {
                value = recent.value(series: Int(id.raw), scrape: scrape)
            } else {
                if decoded == nil || scrape >= decoded!.start + decoded!.values.count {
                    decoded = columns[Int(id.raw)].decodedBlock(containing: scrape)
                }
                guard let block = decoded, scrape >= block.start else { continue }
                value = block.values[scrape - block.start]
            }
            if !BlockCodec.isAbsent(value) { result.append((time, value)) }
        }
        return result
    }

    /// Approximate heap bytes held by the store (points, series records, interned strings).
    package var approximateBytes: Int { memory.total }

    /// Where the store's memory goes, in bytes (capacities, not just counts: what malloc holds).
    package var memory: StoreMemory {
        var result = StoreMemory()
        result.records =
            records.capacity * MemoryLayout<SeriesRecord>.stride + tags.capacity * MemoryLayout<SeriesTag>.stride
        result.recentSlots = recent.bytes
        for (index, column) in columns.enumerated() where records[index].alive {
            result.blocks += column.words.capacity * 8 + 32
            result.blockPayload += column.words.count * 8
        }
        result.labels = labelSets.reduce(0) { $0 + $1.count * 4 + 48 } * 2 + strings.approximateBytes
        for target in targets {
            result.targets +=
                target.times.count * 8 + target.series.count * 4 + (target.lookup.count + target.departed.count) * 24
        }
        return result
    }
}
