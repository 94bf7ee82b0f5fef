import Exposition

/// Every series the scrapes have delivered, each a bounded history of (time, value) points, with the
/// derived values the dashboard needs (rates with reset and gap handling, histogram quantiles).
///
/// A series is target + sample name + label set. Names and label sets are interned; scrape times are
/// kept once per target; points are compressed in blocks of 32 (`BlockCodec`). Series missing from a
/// page are stale (absent, never 0) and are dropped once they have been missing for the retention.
/// A value type: keep one per feed, behind whatever lock or actor the caller uses.
package struct MetricStore: Sendable {
    package let configuration: StoreConfiguration
    var targets: [TargetState] = []
    var targetIndex: [String: Int32] = [:]
    var records: [SeriesRecord] = []
    /// `records[i]`'s target and kind, apart (see `SeriesTag`).
    var tags: [SeriesTag] = []
    /// The compressed older points of `records[i]`, kept apart so the records stay free of references.
    var columns: [SeriesColumn] = []
    /// The raw newest points of every series.
    var recent: RecentSlab
    private var freeIDs: [Int32] = []
    var strings = StringTable()
    /// Label sets as flat `[name, value, name, value…]` string ids, sorted by label name.
    var labelSets: [[Int32]] = []
    private var labelSetIDs: [[Int32]: Int32] = [:]
    /// Changes whenever a series is added or dropped, so cached plans over series ids know to rebuild.
    package private(set) var layoutGeneration = 0
    /// Series refused since the start because `maxSeries` was reached.
    package private(set) var refusedSeries = 0
    /// What to tell a person whose store is full: the limit, and how to raise it.
    package static let fullNote = "raise max_series in the configuration file, docs/CONFIG.md"

    package init(configuration: StoreConfiguration = StoreConfiguration()) {
        self.configuration = configuration
        self.recent = RecentSlab(capacity: configuration.capacity)
    }

    /// Live series (stale ones included, until they are dropped).
    package var seriesCount: Int { records.count - freeIDs.count }

    /// Stores one scraped page of `target`, taken at `atMs`. Pages must come in time order per target; an
    /// older or same-time page is refused (its error is recorded in the target's status).
    ///
    /// With `givenRateWindowMs`, the page's counter and histogram samples are already per-second rates over
    /// that window (a query server's `rate(…[W])`), so their series are read as rates rather than differenced,
    /// and the target's rates are said to be over that window.
    package mutating func ingest(
        target: String, page: ExpositionPage, atMs: Int64,
        scrapeDuration: Double? = nil, bytes: Int? = nil, givenRateWindowMs: Int64? = nil
    ) {
        let t = targetSlot(target)
        if let last = targets[Int(t)].status.lastScrapeMs, atMs <= last {
            targets[Int(t)].status.lastError =
                "\(target): page at \(atMs) ms is not newer than the last one "
                + "(\(last) ms); give pages in time order"
            return
        }
        let scrape = targets[Int(t)].scrapeCount
        // A retention the raw slots hold (the live dashboard's: its rate window and four intervals) is served
        // from them alone, and sealing would store blocks no read reaches.
        if scrape > 0 && scrape % BlockCodec.blockSize == 0 && configuration.capacity > recent.slots {
            sealBlocks(of: t, before: scrape)
        }
        targets[Int(t)].times[scrape % targets[Int(t)].times.count] = atMs
        targets[Int(t)].scrapeCount += 1

        let sampleCount = page.sampleCount
        let repeated =
            page.layout != nil && page.layout == targets[Int(t)].layout
            && targets[Int(t)].series.count >= sampleCount
        var (newSeries, refused) = (0, 0)
        let byPosition =
            repeated && recordByPosition(target: t, page: page, sampleCount: sampleCount, scrape: scrape, atMs: atMs)
        if !byPosition {
            (newSeries, refused) = recordByLabels(
                target: t, page: page, scrape: scrape, atMs: atMs,
                ratesGiven: givenRateWindowMs != nil)
        }
        targets[Int(t)].layout = refused == 0 ? page.layout : nil
        // A page stored by position with as many samples as the target lists carried every one of them.
        if !(byPosition && sampleCount == targets[Int(t)].series.count) { markMissing(target: t, scrape: scrape) }
        var status = targets[Int(t)].status
        status.up = true
        status.lastScrapeMs = atMs
        status.lastAttemptMs = atMs
        status.scrapeDurationSeconds = scrapeDuration
        status.bytes = bytes
        status.givenRateWindowMs = givenRateWindowMs
        status.samples = sampleCount
        status.errorCount = page.errorCount
        status.lastError = page.errors.first.map { "\(target): \($0.description)" }
        status.consecutiveFailures = 0
        status.newSeries = newSeries
        status.refusedSeries = refused
        targets[Int(t)].status = status
    }

    /// Records a failed scrape of `target`: it is shown down with `error`, and its series read as absent
    /// until the next good page.
    package mutating func markFailed(target: String, atMs: Int64, error: String) {
        let t = Int(targetSlot(target))
        targets[t].status.up = false
        targets[t].status.lastAttemptMs = atMs
        targets[t].status.lastError = error
        targets[t].status.consecutiveFailures += 1
    }

    // MARK: - Ingest pieces

    /// Records a page of the target's last layout: its samples are, position by position, the series listed
    /// first for the target, so only the values are read (no name or label is touched). False, with nothing
    /// that matters changed, when a listed series is gone; the caller then matches by labels.
    private mutating func recordByPosition(
        target t: Int32, page: ExpositionPage, sampleCount: Int, scrape: Int, atMs: Int64
    ) -> Bool {
        let listed = targets[Int(t)].series
        let gapMs = configuration.gapMs
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: sampleCount) { values in
            // The records first, through one buffer each (a sample costs no reference counting or uniqueness
            // check), then the values into the slab, a chunk at a time.
            var broken = false
            let complete = targets[Int(t)].times.withUnsafeBufferPointer { times in
                records.withUnsafeMutableBufferPointer { records in
                    page.families.withUnsafeBufferPointer { families in
                        var position = 0
                        for family in families.indices {
                            let complete = families[family].samples.withUnsafeBufferPointer { samples -> Bool in
                                for sample in samples.indices {
                                    let index = Int(listed[position].raw)
                                    guard records[index].alive else { return false }
                                    let value = samples[sample].value
                                    if records[index].take(value, scrape: scrape, atMs: atMs, times: times, gapMs: gapMs) {
                                        broken = true
                                    }
                                    values[position] = value
                                    position += 1
                                }
                                return true
                            }
                            if !complete { return false }
                        }
                        return true
                    }
                }
            }
            if broken { targets[Int(t)].unsteady(from: scrape) }
            guard complete else { return false }
            listed.withUnsafeBufferPointer { recent.set(UnsafeBufferPointer(values), series: $0, scrape: scrape) }
            return true
        }
    }

    /// Records a page by matching each sample to its series: at its position when it is the same sample as
    /// there, else by name and labels, creating the series when new. Keeps the target's series in page order.
    /// Returns the series created and the samples refused (the store is full).
    private mutating func recordByLabels(
        target t: Int32, page: ExpositionPage, scrape: Int, atMs: Int64,
        ratesGiven: Bool
    ) -> (Int, Int) {
        var order: [SeriesID] = []
        order.reserveCapacity(targets[Int(t)].series.count)
        var newSeries = 0
        var refused = 0
        var position = 0
        for family in page.families {
            let counterLike = family.type == .counter || family.type == .histogram || family.type == .summary
            var familyID: Int32?
            for sample in family.samples {
                let id: SeriesID
                if let known = positionalMatch(target: t, position: position, sample: sample) {
                    id = known
                } else {
                    let fid = familyID ?? strings.intern(family.name)
                    familyID = fid
                    let cumulative = counterLike && isCumulative(sample, family)
                    guard
                        let found = findOrCreate(
                            target: t, sample: sample, family: fid, type: family.type,
                            counterLike: cumulative && !ratesGiven, givenRate: cumulative && ratesGiven,
                            scrape: scrape, atMs: atMs, created: &newSeries)
                    else {
                        refused += 1
                        continue
                    }
                    id = found
                }
                position += 1
                order.append(id)
                record(sample.value, for: id, scrape: scrape, atMs: atMs)
            }
        }
        if order != targets[Int(t)].series {
            // Keep page order for the positional fast path; series missing from this page stay listed.
            var listed = Set(order)
            for id in targets[Int(t)].series where records[Int(id.raw)].alive && !listed.contains(id) {
                order.append(id)
                listed.insert(id)
            }
            targets[Int(t)].series = order
        }
        return (newSeries, refused)
    }

    private mutating func targetSlot(_ name: String) -> Int32 {
        if let t = targetIndex[name] { return t }
        let t = Int32(targets.count)
        targets.append(TargetState(name: name, timeCapacity: configuration.capacity + 2 * BlockCodec.blockSize))
        targetIndex[name] = t
        return t
    }

    /// The series at the same position of the previous page, when it is the same sample (the usual case:
    /// exporters write their series in a stable order), saving the hashing of every label.
    ///
    /// Runs for every sample of every page, so it compares in place through buffer pointers: no interned
    /// string, label or label set is copied (retained and released) on the way.
    private func positionalMatch(target t: Int32, position: Int, sample: Sample) -> SeriesID? {
        let id: SeriesID? = targets.withUnsafeBufferPointer { targets in
            let listed = targets[Int(t)].series
            return position < listed.count ? listed[position] : nil
        }
        guard let id else { return nil }
        let record = records[Int(id.raw)]
        guard record.alive else { return nil }
        let same = strings.strings.withUnsafeBufferPointer { table in
            labelSets.withUnsafeBufferPointer { sets in
                sets[Int(record.labelSet)].withUnsafeBufferPointer { set in
                    sample.labels.pairs.withUnsafeBufferPointer { labels in
                        guard set.count == labels.count * 2, table[Int(record.name)] == sample.name else { return false }
                        for i in labels.indices {
                            // The set is sorted by name; pages usually are too, so try the same place first.
                            var index = 2 * i
                            if table[Int(set[index])] != labels[i].name {
                                index = 0
                                while index < set.count && table[Int(set[index])] != labels[i].name { index += 2 }
                                if index == set.count { return false }
                            }
                            if table[Int(set[index + 1])] != labels[i].value { return false }
                        }
                        return true
                    }
                }
            }
        }
        return same ? id : nil
    }

    /// The sample name client libraries give the process's start time (seconds since 1970).
    static let processStartName = "process_start_time_seconds"

    private func isCumulative(_ sample: Sample, _ family: MetricFamily) -> Bool {
        switch family.type {
        case .summary: return sample.name.hasSuffix("_sum") || sample.name.hasSuffix("_count")
        case .histogram, .counter: return !sample.name.hasSuffix("_created")
        default: return false
        }
    }

    private mutating func findOrCreate(
        target t: Int32, sample: Sample, family: Int32, type: MetricType,
        counterLike: Bool, givenRate: Bool, scrape: Int, atMs: Int64,
        created: inout Int
    ) -> SeriesID? {
        let name = strings.intern(sample.name)
        var flat: [Int32] = []
        flat.reserveCapacity(sample.labels.count * 2)
        for label in sample.labels.sorted {
            flat.append(strings.intern(label.name))
            flat.append(strings.intern(label.value))
        }
        let labelSet: Int32
        if let known = labelSetIDs[flat] {
            labelSet = known
        } else {
            labelSet = Int32(labelSets.count)
            labelSets.append(flat)
            labelSetIDs[flat] = labelSet
        }
        let key = SeriesKey(name: name, labelSet: labelSet)
        if let id = targets[Int(t)].lookup[key] { return id }
        guard seriesCount < configuration.maxSeries else {
            refusedSeries += 1
            return nil
        }
        var record = SeriesRecord(
            target: t, name: name, family: family, labelSet: labelSet, firstScrape: scrape, lastPresentScrape: -1,
            lastValue: 0, segmentStart: scrape, seenStamp: -1, type: type, counterLike: counterLike, givenRate: givenRate)
        record.marksProcessStart = sample.name == Self.processStartName
        // Back after it was dropped (a server that answered empty pages while it loaded again): lower than it was,
        // or a new start time, is a restart all the same.
        if let before = targets[Int(t)].departed.removeValue(forKey: key),
            (counterLike && sample.value < before) || (record.marksProcessStart && sample.value != before)
        {
            record.lastRestartMs = atMs
        }
        let tag = SeriesTag(target: t, counterLike: counterLike)
        targets[Int(t)].unsteady(from: givenRate ? .max : scrape)
        let id: SeriesID
        if let free = freeIDs.popLast() {
            records[Int(free)] = record
            tags[Int(free)] = tag
            columns[Int(free)] = SeriesColumn(firstScrape: scrape)
            recent.prepare(series: Int(free))
            id = SeriesID(raw: free)
        } else {
            records.append(record)
            tags.append(tag)
            columns.append(SeriesColumn(firstScrape: scrape))
            recent.prepare(series: records.count - 1)
            id = SeriesID(raw: Int32(records.count - 1))
        }
        targets[Int(t)].lookup[key] = id
        layoutGeneration += 1
        created += 1
        return id
    }

    private mutating func record(_ value: Double, for id: SeriesID, scrape: Int, atMs: Int64) {
        let index = Int(id.raw)
        recent.set(value, series: index, scrape: scrape)
        let gapMs = configuration.gapMs
        let t = Int(records[index].target)
        let broken = targets[t].times.withUnsafeBufferPointer { times in
            records[index].take(value, scrape: scrape, atMs: atMs, times: times, gapMs: gapMs)
        }
        if broken { targets[t].unsteady(from: scrape) }
    }

    /// Series of the target that the page did not carry: absent at this scrape; dropped after the retention.
    private mutating func markMissing(target t: Int32, scrape: Int) {
        var dropped = false
        for id in targets[Int(t)].series {
            let index = Int(id.raw)
            guard records[index].alive, records[index].seenStamp != scrape else { continue }
            recent.set(BlockCodec.absent, series: index, scrape: scrape)
            records[index].lastAbsentScrape = scrape
            targets[Int(t)].unsteady(from: scrape + 1)
            let lastSeen = max(records[index].lastPresentScrape, records[index].firstScrape)
            if scrape - lastSeen >= configuration.capacity {
                drop(id)
                dropped = true
            }
        }
        if dropped {
            targets[Int(t)].series.removeAll { !records[Int($0.raw)].alive }
            targets[Int(t)].layout = nil  // positions moved: match the next page by its labels again
        }
    }

    private mutating func drop(_ id: SeriesID) {
        let index = Int(id.raw)
        let record = records[index]
        let key = SeriesKey(name: record.name, labelSet: record.labelSet)
        targets[Int(record.target)].lookup[key] = nil
        if (record.counterLike || record.marksProcessStart) && record.lastPresentScrape >= 0 {
            targets[Int(record.target)].remember(departed: key, value: record.lastValue)
        }
        records[index].alive = false
        tags[index] = .dropped
        columns[index] = SeriesColumn(firstScrape: 0)
        freeIDs.append(id.raw)
        layoutGeneration += 1
    }

    private mutating func sealBlocks(of t: Int32, before scrape: Int) {
        let keepFrom = scrape - configuration.capacity
        for id in targets[Int(t)].series where records[Int(id.raw)].alive {
            columns[Int(id.raw)].seal(recent.gather(series: Int(id.raw)), endingBefore: scrape, keepFromScrape: keepFrom)
        }
    }
}
