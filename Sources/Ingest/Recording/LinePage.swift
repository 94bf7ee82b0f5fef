/// An exposition page with the end offset of each of its lines, the unit that line deltas work on.
/// Lines include their `\n`; the last one may lack it, so that joining the lines gives the page byte for byte.
struct LinePage {
    var bytes: [UInt8]
    /// `lineEnds[i]` is the offset just past line `i`; the last equals `bytes.count`.
    var lineEnds: [Int]

    init(bytes: [UInt8], lineEnds: [Int]) {
        self.bytes = bytes
        self.lineEnds = lineEnds
    }

    /// Splits `bytes` into lines.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ends: [Int] = []
        ends.reserveCapacity(bytes.count / 64 + 1)
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count where p[i] == 0x0A { ends.append(i + 1) }
        }
        if ends.last ?? 0 != bytes.count { ends.append(bytes.count) }
        self.lineEnds = ends
    }

    var lineCount: Int { lineEnds.count }

    func lineStart(_ i: Int) -> Int { i == 0 ? 0 : lineEnds[i - 1] }
}
