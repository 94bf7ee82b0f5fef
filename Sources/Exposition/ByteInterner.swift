/// An open-addressing table from byte ranges of one page to values built from them.
///
/// Pages repeat the same names, label values and whole label blocks thousands of times; building each
/// once and sharing it keeps parsing fast and the parsed page small. Keys point into the page buffer, so
/// an interner lives only for one parse.
struct ByteInterner<Value> {
    private var hashes: [UInt64]
    private var starts: [Int]
    private var lengths: [Int32]
    private var values: [Value?]
    private var mask: Int
    private var count = 0
    private let base: UnsafePointer<UInt8>

    init(base: UnsafePointer<UInt8>, capacity: Int = 1024) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        self.base = base
        hashes = Array(repeating: 0, count: size)
        starts = Array(repeating: 0, count: size)
        lengths = Array(repeating: -1, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// The value stored for the bytes `[start, start+length)`, building and storing it on first sight.
    @inline(__always)
    mutating func value(start: Int, length: Int, hash: UInt64, build: () -> Value) -> Value {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while lengths[slot] >= 0 {
            if hashes[slot] == hash && Int(lengths[slot]) == length
                && memoryEqual(base + starts[slot], base + start, length)
            {
                return values[slot]!
            }
            slot = (slot + 1) & mask
        }
        let built = build()
        hashes[slot] = hash
        starts[slot] = start
        lengths[slot] = Int32(length)
        values[slot] = built
        count += 1
        if count * 2 > mask { grow() }
        return built
    }

    /// The value for the bytes if already stored.
    @inline(__always)
    func lookup(start: Int, length: Int, hash: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while lengths[slot] >= 0 {
            if hashes[slot] == hash && Int(lengths[slot]) == length
                && memoryEqual(base + starts[slot], base + start, length)
            {
                return values[slot]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores a value for bytes known not to be present yet.
    mutating func insert(start: Int, length: Int, hash: UInt64, value: Value) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while lengths[slot] >= 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        starts[slot] = start
        lengths[slot] = Int32(length)
        values[slot] = value
        count += 1
        if count * 2 > mask { grow() }
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldStarts = starts
        let oldLengths = lengths
        let oldValues = values
        let size = (mask + 1) * 2
        hashes = Array(repeating: 0, count: size)
        starts = Array(repeating: 0, count: size)
        lengths = Array(repeating: -1, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        for index in oldLengths.indices where oldLengths[index] >= 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[index]) & mask
            while lengths[slot] >= 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[index]
            starts[slot] = oldStarts[index]
            lengths[slot] = oldLengths[index]
            values[slot] = oldValues[index]
        }
    }

    /// A fast, non-cryptographic hash of a byte range: eight bytes at a time, then the tail.
    @inline(__always)
    static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var offset = 0
        let raw = UnsafeRawPointer(pointer)
        while offset + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < length {
            tail |= UInt64(pointer[offset]) << shift
            shift += 8
            offset += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    var index = 0
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    while index + 8 <= length {
        if rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            != rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
            return false
        }
        index += 8
    }
    while index < length {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
