import Exposition

extension ScrapeResult {
    /// The result of a body however it was got (an HTTP scrape, a recording, the simulator): its page through
    /// `PageIntake`, with the target's own repeating parser, or the refusal as the error (the parser then
    /// starts afresh, so a bad page does not shape how the next one is read).
    package static func reading(
        _ body: [UInt8], contentType: String? = nil, target: String, timeMs: Int64,
        durationSeconds: Double, seriesLimit: Int = PageIntake.defaultSeriesLimit,
        parser: inout RepeatingPageParser
    ) -> ScrapeResult {
        switch PageIntake.read(body, contentType: contentType, seriesLimit: seriesLimit, parser: &parser) {
        case .success(let page):
            return ScrapeResult(target: target, timeMs: timeMs, durationSeconds: durationSeconds, body: body, page: page)
        case .failure(let refusal):
            parser.reset()
            return ScrapeResult(
                target: target, timeMs: timeMs, durationSeconds: durationSeconds,
                error: ScrapeError.refused(refusal).description)
        }
    }
}
