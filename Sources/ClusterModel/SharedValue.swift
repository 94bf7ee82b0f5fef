/// A value held by reference and copied on write: copies of a struct that holds one share a single object until
/// one of them changes it. For what names a GPU or an engine instance, made once by the cluster model's plans and
/// put in every frame: a frame then retains one object per GPU rather than each of its strings.
///
/// Values made `together` (a target's GPUs, its instances) sit side by side in one object that all of them hold:
/// a frame of thousands of GPUs then retains that one object again and again, in cache, where retaining an object
/// per GPU, not touched since the last frame, was a cache miss per GPU (a tenth of a 2,352-GPU frame).
///
/// Equal and hashed by value, like the value itself. Sendable as its values are: the object is changed only when
/// no other `SharedValue` holds it (`ManagedBuffer`, which holds them, cannot say so itself).
package struct SharedValue<Value: Sendable & Hashable>: @unchecked Sendable, Hashable {
    private var table: Table
    private var index: Int

    package init(_ value: Value) {
        self.init(table: .holding([value]), index: 0)
    }

    private init(table: Table, index: Int) {
        self.table = table
        self.index = index
    }

    /// One shared value per element of `values`, in order, all held in one object.
    package static func together(_ values: [Value]) -> [SharedValue] {
        let table = Table.holding(values)
        return values.indices.map { SharedValue(table: table, index: $0) }
    }

    package var value: Value {
        get { table.withUnsafeMutablePointerToElements { $0[index] } }
        set {
            // Changed in place only when nothing else holds the object and it holds nothing else: a value that
            // leaves a shared table moves to one of its own, and the others keep theirs.
            if isKnownUniquelyReferenced(&table) && table.header == 1 {
                table.withUnsafeMutablePointerToElements { $0[0] = newValue }
            } else {
                table = .holding([newValue])
                index = 0
            }
        }
    }

    package static func == (a: Self, b: Self) -> Bool {
        (a.table === b.table && a.index == b.index) || a.value == b.value
    }

    package func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }

    /// The values, tail-allocated after their count; changed only through `value`'s setter, when no other
    /// `SharedValue` holds the object: never while shared.
    private final class Table: ManagedBuffer<Int, Value> {
        static func holding(_ values: [Value]) -> Table {
            let buffer = create(minimumCapacity: values.count) { _ in values.count }
            buffer.withUnsafeMutablePointerToElements { elements in
                values.withUnsafeBufferPointer { source in
                    _ = UnsafeMutableBufferPointer(start: elements, count: source.count).initialize(fromContentsOf: source)
                }
            }
            return unsafeDowncast(buffer, to: Table.self)
        }

        deinit {
            withUnsafeMutablePointers { count, elements in _ = elements.deinitialize(count: count.pointee) }
        }
    }
}

extension SharedValue where Value == [String] {
    /// No ids: one object for every GPU or instance made without joins.
    package static var none: Self { noIDs }
}

private let noIDs = SharedValue<[String]>([])
