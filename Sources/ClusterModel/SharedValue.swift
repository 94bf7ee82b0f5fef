/// A value held by reference and copied on write: copies of a struct that holds one share a single object until
/// one of them changes it. For what names a GPU or an engine instance, made once by the cluster model's plans and
/// put in every frame: a frame then retains one object per GPU rather than each of its strings, and on a cluster of
/// thousands of GPUs each retain of a string not touched since the last frame was a cache miss.
///
/// Equal and hashed by value, like the value itself.
package struct SharedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    private var box: Box

    package init(_ value: Value) {
        box = Box(value)
    }

    package var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    package static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.value == b.box.value }

    package func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }

    /// Changed only through `value`'s `_modify`, when no other `SharedValue` holds it: never while shared.
    private final class Box: @unchecked Sendable {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
