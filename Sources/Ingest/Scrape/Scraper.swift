import Exposition
import Foundation

/// Reads every target on its own schedule and hands each result to a sink, off the drawing path.
///
/// Each target has its own task: a start offset spread over the first interval, then one read per
/// interval with jitter, and back-off while it keeps failing. A cap bounds how many reads run at once;
/// a hung target holds only its own slot, until its timeout. Targets can change while it runs
/// (`setTargets`, or the `file_sd` files of the configuration).
package actor Scraper {
    /// Receives every result; awaited, so a slow sink slows only the target that produced the result.
    package typealias Sink = @Sendable (ScrapeResult) async -> Void

    package let configuration: IngestConfiguration
    private let fetcher: HTTPFetcher
    private let clock: IngestClock
    private let sink: Sink
    private let limiter: ConcurrencyLimiter
    private var loops: [String: Task<Void, Never>] = [:]
    private var watcher: Task<Void, Never>?

    /// A scraper that owns a fetcher built from `configuration` (throws when a credential or CA file is bad).
    package init(
        configuration: IngestConfiguration, fetcher: HTTPFetcher? = nil, clock: IngestClock = .live,
        sink: @escaping Sink
    ) throws {
        self.configuration = configuration
        self.fetcher = try fetcher ?? HTTPFetcher(configuration: configuration)
        self.clock = clock
        self.sink = sink
        self.limiter = ConcurrencyLimiter(limit: configuration.concurrency)
    }

    /// A scraper whose results wait in an inbox until taken (`ScrapeInbox`).
    package static func inbox(
        configuration: IngestConfiguration, fetcher: HTTPFetcher? = nil,
        clock: IngestClock = .live
    ) throws -> (Scraper, ScrapeInbox) {
        let inbox = ScrapeInbox()
        let scraper = try Scraper(configuration: configuration, fetcher: fetcher, clock: clock) { inbox.put($0) }
        return (scraper, inbox)
    }

    /// Starts reading the configured targets, and watching the `file_sd` files if any.
    package func start() {
        setTargets(configuration.targets)
        guard !configuration.fileSDPaths.isEmpty, watcher == nil else { return }
        let paths = configuration.fileSDPaths
        let interval = Duration.seconds(max(configuration.intervalSeconds, 1))
        watcher = Task { [weak self, clock] in
            var fileSD = FileSDWatcher(paths: paths)
            while !Task.isCancelled {
                if let update = fileSD.poll() { await self?.apply(update) }
                do { try await clock.sleep(interval) } catch { return }
            }
        }
    }

    /// Replaces the target set: new targets start, removed ones stop, unchanged ones keep their rhythm.
    package func setTargets(_ targets: [ScrapeTarget]) {
        var wanted: [String: ScrapeTarget] = [:]
        for target in targets where wanted[target.id] == nil { wanted[target.id] = target }
        for (id, task) in loops where wanted[id] == nil {
            task.cancel()
            loops[id] = nil
        }
        for (id, target) in wanted where loops[id] == nil {
            loops[id] = startLoop(target)
        }
    }

    /// The ids of the targets being read.
    package var targetIDs: [String] { loops.keys.sorted() }

    /// Stops every read and the file watcher, and closes the HTTP client.
    package func stop() async {
        watcher?.cancel()
        watcher = nil
        for task in loops.values { task.cancel() }
        loops.removeAll()
        await fetcher.shutdown()
    }

    private func apply(_ update: FileSDWatcher.Update) async {
        setTargets(configuration.targets + update.targets)
        for message in update.errors {
            await sink(
                ScrapeResult(
                    target: "file_sd", timeMs: clock.wallMs(), durationSeconds: 0, error: message,
                    consecutiveFailures: 1))
        }
    }

    private func startLoop(_ target: ScrapeTarget) -> Task<Void, Never> {
        let schedule = ScrapeSchedule(interval: .milliseconds(Int64(configuration.intervalSeconds * 1000)))
        let seed = SeededGenerator.seed(configuration.seed, target: target.id)
        let timeout = Duration.milliseconds(Int64(configuration.timeoutSeconds * 1000))
        let node = configuration.node(of: target)
        let seriesLimit = configuration.seriesLimit
        let (clock, sink, limiter, fetcher) = (self.clock, self.sink, self.limiter, self.fetcher)
        // The target's timer, request, answer and parse follow each other on one of the client's threads.
        return Task(executorPreference: fetcher.makeExecutor()) {
            var generator = SeededGenerator(seed: seed)
            // The target's pages repeat their names and labels from scrape to scrape: parse only what changed.
            var parser = RepeatingPageParser()
            do { try await clock.sleep(schedule.startOffset(using: &generator)) } catch { return }
            var failures = 0
            var model = ModelNameProbe()
            while !Task.isCancelled {
                let started = clock.now()
                var result = await Self.readOnce(
                    target, fetcher: fetcher, timeout: timeout, clock: clock,
                    limiter: limiter, seriesLimit: seriesLimit, parser: &parser)
                if Task.isCancelled { return }
                model.observe(result.page)
                // Once per target and restart, outside the scrape slots: one small request beside the page.
                if let page = result.page { await model.resolve(page, target: target, fetcher: fetcher, timeout: timeout) }
                result.model = model.name
                failures = result.error == nil ? 0 : failures + 1
                result.consecutiveFailures = failures
                result.node = node
                result.role = target.role
                (result.pod, result.namespace, result.container) = (target.pod, target.namespace, target.container)
                result.gpus = target.gpus.isEmpty ? nil : target.gpus
                await sink(result)
                if target.source == .standardInput { return }
                let wait = schedule.delay(afterFailures: failures, using: &generator) - (clock.now() - started)
                do { try await clock.sleep(max(wait, .zero)) } catch { return }
            }
        }
    }

    /// One read of one target, from request to parsed page; never throws, failures become the result's error.
    /// The fetch holds a slot of `limiter`; the parse runs after it, on the caller's task, so the slot is
    /// free for the next fetch and the target's parser is never shared.
    static func readOnce(
        _ target: ScrapeTarget, fetcher: HTTPFetcher, timeout: Duration, clock: IngestClock,
        limiter: ConcurrencyLimiter, seriesLimit: Int,
        parser: inout RepeatingPageParser
    ) async -> ScrapeResult {
        let (timeMs, started, received) = await limiter.withSlot {
            (clock.wallMs(), clock.now(), await fetch(target, fetcher: fetcher, timeout: timeout))
        }
        switch received.bytes {
        case .success(let body):
            var result = ScrapeResult.reading(
                body, contentType: received.contentType, target: target.id, timeMs: timeMs,
                durationSeconds: 0, seriesLimit: seriesLimit, parser: &parser)
            result.durationSeconds = (clock.now() - started).seconds
            return result
        case .failure(let error):
            parser.reset()
            return ScrapeResult(
                target: target.id, timeMs: timeMs, durationSeconds: (clock.now() - started).seconds,
                error: Redaction.scrub(error.description, secrets: fetcher.secrets))
        }
    }

    /// The body of one read, or why there is none.
    private static func fetch(
        _ target: ScrapeTarget, fetcher: HTTPFetcher,
        timeout: Duration
    ) async -> (bytes: Result<[UInt8], ScrapeError>, contentType: String?) {
        switch target.source {
        case .http(let url):
            do {
                let fetched = try await fetcher.fetch(url, timeout: timeout, target: target.id)
                return (.success(fetched.bytes), fetched.contentType)
            } catch {
                return (.failure(error), nil)
            }
        case .file(let path):
            do { return (.success(try await LocalSourceReader.readFile(path)), nil) } catch { return (.failure(error), nil) }
        case .standardInput:
            return (.success(await LocalSourceReader.readStandardInput()), nil)
        }
    }
}
