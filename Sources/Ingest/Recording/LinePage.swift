#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Splits `bytes` into lines (memchr: a recorder splits every page it writes).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ends: [Int] = []
        ends.reserveCapacity(bytes.count / 64 + 1)
        bytes.withUnsafeBytes { p in
            guard let base = p.baseAddress else { return }
            var offset = 0
            while offset < p.count, let newline = memchr(base + offset, 0x0A, p.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(newline)) + 1
                ends.append(offset)
            }
        }
        if ends.last ?? 0 != bytes.count { ends.append(bytes.count) }
        self.lineEnds = ends
    }

    var lineCount: Int { lineEnds.count }

    func lineStart(_ i: Int) -> Int { i == 0 ? 0 : lineEnds[i - 1] }
}
