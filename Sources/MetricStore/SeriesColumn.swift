/// The older points of one series, in compressed blocks of `BlockCodec.blockSize` (32) scrapes aligned with its
/// target's scrape numbers; the newest 32 are raw in the store's `RecentSlab`.
struct SeriesColumn: Sendable {
    /// Sealed blocks, oldest first; block `k` holds scrapes `firstBlockScrape + 32k ..< +32`.
    var words: [UInt64] = []
    var firstBlockScrape: Int
    var blockCount = 0

    init(firstScrape: Int) {
        firstBlockScrape = firstScrape - firstScrape % BlockCodec.blockSize
    }

    /// Seals `slots` (the raw values of the 32 scrapes that end just before `nextScrape`, a multiple of 32)
    /// into a block, and drops blocks older than `keepFromScrape`.
    mutating func seal(_ slots: [Double], endingBefore nextScrape: Int, keepFromScrape: Int) {
        // Drop the blocks that left the retention first, so the new one takes their room: the buffer then
        // never holds one block more than the retention needs.
        var dropWords = 0
        while blockCount > 0 && firstBlockScrape + BlockCodec.blockSize <= keepFromScrape {
            dropWords += BlockCodec.length(of: words, at: dropWords)
            firstBlockScrape += BlockCodec.blockSize
            blockCount -= 1
        }
        if dropWords > 0 { words.removeFirst(dropWords) }
        let start = nextScrape - BlockCodec.blockSize
        guard start >= firstBlockScrape + blockCount * BlockCodec.blockSize else { return }
        if blockCount == 0 { firstBlockScrape = start }
        var block: [UInt64] = []
        BlockCodec.encode(slots[...], into: &block)
        if words.capacity < words.count + block.count {
            // Grow to what is needed, not to double: in steady state a dropped block makes room for the
            // next one, and doubling would leave a third of the history's memory unused.
            var grown: [UInt64] = []
            grown.reserveCapacity(words.count + block.count + block.count / 2)
            grown.append(contentsOf: words)
            words = grown
        }
        words.append(contentsOf: block)
        blockCount += 1
    }

    /// The value at `scrape` decoded from its block, or absent when no block holds it.
    func value(at scrape: Int) -> Double {
        guard let block = decodedBlock(containing: scrape), block.values.indices.contains(scrape - block.start) else {
            return BlockCodec.absent
        }
        return block.values[scrape - block.start]
    }

    /// All values of the block that holds `scrape`, with the block's first scrape number.
    func decodedBlock(containing scrape: Int) -> (start: Int, values: [Double])? {
        guard scrape >= firstBlockScrape else { return nil }
        let index = (scrape - firstBlockScrape) / BlockCodec.blockSize
        guard index < blockCount else { return nil }
        var offset = 0
        for _ in 0..<index { offset += BlockCodec.length(of: words, at: offset) }
        return (firstBlockScrape + index * BlockCodec.blockSize, BlockCodec.decode(words, at: offset))
    }
}
