/// An open-addressing table from byte ranges of one page to values built from them.
///
/// Pages repeat the same names, label values and whole label blocks thousands of times; building each
/// once and sharing it keeps parsing fast and the parsed page small. Keys point into the page buffer, so
/// an interner lives only for one parse.
///
/// Laid out for the cache: a probe reads one word per slot (32 bits of the hash and the entry's index,
/// eight slots to a cache line), and only a slot whose hash bits match leads to the entry (its full hash,
/// its byte range and the value), which sit densely in insertion order.
struct ByteInterner<Value> {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    /// 0 for an empty slot, else the high 32 bits of the hash above the entry's index plus one.
    private var slots: [UInt64]
    private var entries: [Entry] = []
    private var mask: Int
    private let base: UnsafePointer<UInt8>
    /// Slot words keep an entry index in 32 bits; past that many entries new values are built but not kept.
    private static var maxEntries: Int { Int(UInt32.max) - 1 }

    init(base: UnsafePointer<UInt8>, capacity: Int = 1024) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        self.base = base
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        // Reserved, not filled: pages of it that the parse never reaches are never touched, and the entries
        // are not copied over and over while they grow.
        entries.reserveCapacity(capacity)
    }

    /// The value stored for the bytes `[start, start+length)`, building and storing it on first sight.
    @inline(__always)
    mutating func value(start: Int, length: Int, hash: UInt64, build: () -> Value) -> Value {
        let (slot, found) = find(start: start, length: length, hash: hash)
        if let found { return entries[found].value }
        let built = build()
        store(at: slot, Entry(hash: hash, start: start, length: length, value: built))
        return built
    }

    /// The value for the bytes if already stored.
    @inline(__always)
    func lookup(start: Int, length: Int, hash: UInt64) -> Value? {
        guard let found = find(start: start, length: length, hash: hash).entry else { return nil }
        return entries[found].value
    }

    /// Stores a value for bytes known not to be present yet.
    mutating func insert(start: Int, length: Int, hash: UInt64, value: Value) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        store(at: slot, Entry(hash: hash, start: start, length: length, value: value))
    }

    /// The entry holding the bytes, or the empty slot where they would go.
    @inline(__always)
    private func find(start: Int, length: Int, hash: UInt64) -> (slot: Int, entry: Int?) {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word == 0 { return (slot, nil) }
            if word >> 32 == tag {
                let index = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                if entries[index].hash == hash && entries[index].length == length
                    && memoryEqual(base + entries[index].start, base + start, length)
                {
                    return (slot, index)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func store(at slot: Int, _ entry: Entry) {
        guard entries.count < Self.maxEntries else { return }
        entries.append(entry)
        slots[slot] = (entry.hash >> 32) << 32 | UInt64(entries.count)
        if entries.count * 2 > mask { grow() }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for index in entries.indices {
            let hash = entries[index].hash
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
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
