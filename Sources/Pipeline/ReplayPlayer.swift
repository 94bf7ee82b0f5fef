import ClusterModel
import Exposition
import Ingest
import Insights
import MetricStore

/// Plays a recording (or a folder of `.prom` dumps) through a fresh pipeline: the same parser, store and
/// dialects as the live view, so a replay shows what the live view showed.
///
/// Pure of time: the caller says which moment to play to. A frame is taken once per scrape interval of the
/// recording, so charts get one point per round of scrapes at any speed. Seeking forwards plays on to the
/// moment; seeking backwards rebuilds the pipeline from `historyMs` before it, so rates, quantiles and charts
/// are right at once after a jump.
///
/// The alerts and their event log depend on everything played before, not only on the last `historyMs`: an
/// alert that fired an hour ago and still fires started an hour ago. So a forward seek plays every round up to
/// the moment (the same frames as playing), and a backward one resumes the alerts from a copy of them taken
/// while playing (`checkpoints`, one a minute of recording), instead of starting them afresh from the rebuilt
/// window, which gave ongoing alerts the window's start as theirs and forgot every event before it.
package struct ReplayPlayer {
    package let source: ReplaySource
    package let intervalMs: Int64
    package let historyMs: Int64
    private let storeConfiguration: StoreConfiguration
    private let modelConfiguration: ModelConfiguration
    package private(set) var pipeline: ClusterPipeline
    /// The moment played up to.
    package private(set) var positionMs: Int64
    /// Where a damaged recording stopped, once reached.
    package private(set) var damage: RecordingDamage?
    private var cursor: ReplayCursor
    private var peeked: RecordingEvent?
    private var lastSlot: Int64?
    private var deliveredSinceFrame = false
    /// Each target's parser keeps its previous page, so a page that only changed values is not parsed again
    /// (kept across seeks: a parser's page is always what a full parse gives, whatever came before it).
    private var parsers: [String: RepeatingPageParser] = [:]
    /// The alert engine as it was at moments already played, in time order, `checkpointSpacingMs` apart or more.
    private var checkpoints: [AlertEngine] = []
    /// Recording time between two alert checkpoints; doubled whenever `checkpointLimit` is reached, so that an
    /// hours-long recording keeps a bounded number of copies.
    private var checkpointSpacingMs: Int64 = 60_000
    static let checkpointLimit = 128

    package init(
        source: ReplaySource, intervalMs: Int64, historyMs: Int64 = 5 * 60_000,
        storeConfiguration: StoreConfiguration? = nil, modelConfiguration: ModelConfiguration = ModelConfiguration()
    ) {
        self.source = source
        self.intervalMs = max(1, intervalMs)
        self.historyMs = max(0, historyMs)
        self.storeConfiguration = storeConfiguration ?? StoreConfiguration(scrapeIntervalMs: max(1, intervalMs))
        self.modelConfiguration = modelConfiguration
        pipeline = ClusterPipeline(store: self.storeConfiguration, model: modelConfiguration)
        cursor = source.start()
        positionMs = source.startTimeMs
    }

    package var startTimeMs: Int64 { source.startTimeMs }
    package var endTimeMs: Int64 { source.endTimeMs }
    /// Whether every event has been played.
    package private(set) var atEnd = false

    /// Plays every event up to and including `timeMs`; returns whether a new frame was taken.
    @discardableResult
    package mutating func play(toMs timeMs: Int64) -> Bool {
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

    /// Jumps to `timeMs` (clamped to the recording). Forwards, it plays on to it; backwards, a fresh pipeline
    /// replays the `historyMs` before it, its alerts resumed from the latest checkpoint inside that time.
    package mutating func seek(toMs timeMs: Int64) {
        let target = min(max(timeMs, startTimeMs), endTimeMs)
        if target >= positionMs {
            play(toMs: target)
            return
        }
        pipeline = ClusterPipeline(store: storeConfiguration, model: modelConfiguration)
        let from = max(startTimeMs - 1, target - historyMs)
        // Frames up to the checkpoint's time are not evaluated again (the engine ignores snapshots not newer than
        // its last); those after it are, from a pipeline that has had at least `historyMs` minus the spacing.
        if let checkpoint = checkpoints.last(where: { ($0.lastTimeMs ?? .max) <= target }),
            let at = checkpoint.lastTimeMs, at >= from
        {
            pipeline.resumeAlerts(from: checkpoint)
        }
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

    /// The recording time at which playing on next changes the picture: the end of the round of scrapes under way
    /// (its last scrape is not known before the next one is read), or the next scrape's time when no round is;
    /// nil once every event has been played. A player woken then, not on a fixed tick, wakes about once a round.
    package mutating func nextChangeMs() -> Int64? {
        guard let event = peek() else { return nil }
        guard deliveredSinceFrame, let last = lastSlot else { return event.timeMs }
        return startTimeMs + (last + 1) * intervalMs
    }

    /// One scrape interval forward.
    package mutating func stepForward() {
        play(toMs: min(positionMs + intervalMs, max(endTimeMs, positionMs)))
    }

    /// One scrape interval back.
    package mutating func stepBackward() {
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
        guard let at = pipeline.alerts.lastTimeMs,
            at >= (checkpoints.last?.lastTimeMs ?? .min) + checkpointSpacingMs
        else { return }
        checkpoints.append(pipeline.alerts)
        if checkpoints.count >= Self.checkpointLimit {
            checkpointSpacingMs *= 2
            checkpoints = checkpoints.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
    }

    private mutating func apply(_ event: RecordingEvent) {
        switch event {
        case .scrape(let scrape):
            // Read as a live scrape is: a recorded page is checked and limited the same way.
            pipeline.ingest(
                .reading(
                    scrape.bytes, target: scrape.target, timeMs: scrape.timeMs,
                    durationSeconds: scrape.durationSeconds,
                    parser: &parsers[scrape.target, default: RepeatingPageParser()]))
        case .health(let health):
            pipeline.learn(health.facts, of: health.target)
            guard !health.up else { return }
            pipeline.ingest(
                ScrapeResult(
                    target: health.target, timeMs: health.timeMs, durationSeconds: 0,
                    error: health.error ?? "down"))
        }
    }
}
