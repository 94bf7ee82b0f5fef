/// What one target served at one scrape of a fast-forward run: nil bytes when it did not answer.
public struct SimScrape: Sendable {
    public let timeMs: Int64
    public let target: SimTarget
    public let bytes: [UInt8]?
}
