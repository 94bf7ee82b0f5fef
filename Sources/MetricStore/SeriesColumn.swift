/// The points of one series, aligned with its target's scrape numbers: the newest 64 slots raw (the rate
/// window reads them directly, with no decoding on the drawing path) and older ones in compressed blocks.
struct SeriesColumn: Sendable {
    /// Slot `scrape % 64` holds the value of that scrape (or `BlockCodec.absent`).
    var recent: [Double]
    /// Sealed blocks, oldest first; block `k` holds scrapes `firstBlockScrape + 64k ..< +64`.
    var words: [UInt64] = []
    var firstBlockScrape: Int
    var blockCount = 0

    init(firstScrape: Int) {
        recent = [Double](repeating: BlockCodec.absent, count: BlockCodec.blockSize)
        firstBlockScrape = firstScrape - firstScrape % BlockCodec.blockSize
    }

    @inline(__always) func recentValue(_ scrape: Int) -> Double { recent[scrape & (BlockCodec.blockSize - 1)] }

    @inline(__always) mutating func set(_ value: Double, scrape: Int) {
        recent[scrape & (BlockCodec.blockSize - 1)] = value
    }

    /// Seals the block of the 64 scrapes that end just before `nextScrape` (a multiple of 64), and drops
    /// blocks older than `keepFromScrape`.
    mutating func seal(endingBefore nextScrape: Int, keepFromScrape: Int) {
        let start = nextScrape - BlockCodec.blockSize
        if start >= firstBlockScrape + blockCount * BlockCodec.blockSize {
            if blockCount == 0 { firstBlockScrape = start }
            BlockCodec.encode(recent[...], into: &words)
            blockCount += 1
        }
        var dropWords = 0
        while blockCount > 0 && firstBlockScrape + BlockCodec.blockSize <= keepFromScrape {
            dropWords += BlockCodec.length(of: words, at: dropWords)
            firstBlockScrape += BlockCodec.blockSize
            blockCount -= 1
        }
        if dropWords > 0 { words.removeFirst(dropWords) }
    }

    /// The value at `scrape`, from the raw slots when recent enough, else decoded from its block.
    func value(at scrape: Int, newestScrape: Int) -> Double {
        if scrape > newestScrape - BlockCodec.blockSize && scrape <= newestScrape { return recentValue(scrape) }
        guard let block = decodedBlock(containing: scrape) else { return BlockCodec.absent }
        return block.values.indices.contains(scrape - block.start) ? block.values[scrape - block.start] : BlockCodec.absent
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

    /// Heap bytes held (arrays' payloads plus their headers).
    var approximateBytes: Int { recent.capacity * 8 + words.capacity * 8 + 64 }
}
