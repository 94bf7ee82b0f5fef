import ClusterModel
import Exposition
import Ingest
import MetricStore

/// Plays a recording (or a folder of `.prom` dumps) through a fresh pipeline: the same parser, store and
/// dialects as the live view, so a replay shows what the live view showed.
///
/// Pure of time: the caller says which moment to play to. A frame is taken once per scrape interval of the
/// recording, so charts get one point per round of scrapes at any speed. Seeking rebuilds the pipeline from
/// `historyMs` before the target moment, so rates, quantiles and charts are right at once after a jump.
public struct ReplayPlayer {
    public let source: ReplaySource
    public let intervalMs: Int64
    public let historyMs: Int64
    private let storeConfiguration: StoreConfiguration
    private let modelConfiguration: ModelConfiguration
    public private(set) var pipeline: ClusterPipeline
    /// The moment played up to.
    public private(set) var positionMs: Int64
    /// Where a damaged recording stopped, once reached.
    public private(set) var damage: RecordingDamage?
    private var cursor: ReplayCursor
    private var peeked: RecordingEvent?
    private var lastSlot: Int64?
    private var deliveredSinceFrame = false
    /// Each target's parser keeps its previous page, so a page that only changed values is not parsed again
    /// (kept across seeks: a parser's page is always what a full parse gives, whatever came before it).
    private var parsers: [String: RepeatingPageParser] = [:]

    public init(source: ReplaySource, intervalMs: Int64, historyMs: Int64 = 5 * 60_000,
                storeConfiguration: StoreConfiguration? = nil, modelConfiguration: ModelConfiguration = ModelConfiguration()) {
        self.source = source
        self.intervalMs = max(1, intervalMs)
        self.historyMs = max(0, historyMs)
        self.storeConfiguration = storeConfiguration ?? StoreConfiguration(scrapeIntervalMs: max(1, intervalMs))
        self.modelConfiguration = modelConfiguration
        pipeline = ClusterPipeline(store: self.storeConfiguration, model: modelConfiguration)
        cursor = source.start()
        positionMs = source.startTimeMs
    }

    public var startTimeMs: Int64 { source.startTimeMs }
    public var endTimeMs: Int64 { source.endTimeMs }
    /// Whether every event has been played.
    public private(set) var atEnd = false

    /// Plays every event up to and including `timeMs`; returns whether a new frame was taken.
    @discardableResult
    public mutating func play(toMs timeMs: Int64) -> Bool {
        let framesBefore = pipeline.history.frameCount
        while let event = peek(), event.timeMs <= timeMs {
            let slot = self.slot(event.timeMs)
            if let last = lastSlot, slot > last, deliveredSinceFrame { takeFrame() }
            apply(event)
            lastSlot = slot
            deliveredSinceFrame = true
            peeked = nil
        }
        // A round is complete once the next event belongs to a later one (or there is none).
        if deliveredSinceFrame, let last = lastSlot, peek().map({ slot($0.timeMs) > last }) ?? true { takeFrame() }
        if peek() == nil {
            atEnd = true
            if damage == nil { damage = cursor.damage }
        }
        positionMs = max(positionMs, timeMs)
        return pipeline.history.frameCount != framesBefore
    }

    /// Jumps to `timeMs` (clamped to the recording): a fresh pipeline replays the `historyMs` before it.
    public mutating func seek(toMs timeMs: Int64) {
        let target = min(max(timeMs, startTimeMs), endTimeMs)
        pipeline = ClusterPipeline(store: storeConfiguration, model: modelConfiguration)
        let from = max(startTimeMs - 1, target - historyMs)
        cursor = source.seek(toMs: from)
        peeked = nil
        lastSlot = nil
        atEnd = false
        deliveredSinceFrame = false
        for scrape in cursor.scrapes { apply(.scrape(scrape)) }
        for health in cursor.health { apply(.health(health)) }
        if !cursor.scrapes.isEmpty {
            lastSlot = slot(from)
            deliveredSinceFrame = true
        }
        positionMs = from
        play(toMs: target)
        positionMs = target
    }

    /// One scrape interval forward.
    public mutating func stepForward() {
        play(toMs: min(positionMs + intervalMs, max(endTimeMs, positionMs)))
    }

    /// One scrape interval back.
    public mutating func stepBackward() {
        seek(toMs: positionMs - intervalMs)
    }

    private func slot(_ timeMs: Int64) -> Int64 {
        (timeMs - startTimeMs).quotientAndRemainder(dividingBy: intervalMs).quotient
    }

    private mutating func peek() -> RecordingEvent? {
        if peeked == nil { peeked = cursor.next() }
        return peeked
    }

    private mutating func takeFrame() {
        pipeline.frame()
        deliveredSinceFrame = false
    }

    private mutating func apply(_ event: RecordingEvent) {
        switch event {
        case .scrape(let scrape):
            pipeline.ingest(ScrapeResult(target: scrape.target, timeMs: scrape.timeMs, durationSeconds: scrape.durationSeconds,
                                         body: scrape.bytes,
                                         page: parsers[scrape.target, default: RepeatingPageParser()].parse(scrape.bytes)))
        case .health(let health):
            pipeline.learn(health.facts, of: health.target)
            guard !health.up else { return }
            pipeline.ingest(ScrapeResult(target: health.target, timeMs: health.timeMs, durationSeconds: 0,
                                         error: health.error ?? "down"))
        }
    }
}
