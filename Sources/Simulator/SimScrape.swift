/// What one target served at one scrape of a fast-forward run: nil bytes when it did not answer.
package struct SimScrape: Sendable {
    package let timeMs: Int64
    package let target: SimTarget
    package let bytes: [UInt8]?
}
