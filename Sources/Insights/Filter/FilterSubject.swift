import ClusterModel

/// What a filter term reads of a row. `FilterRow` holds every field ready (groups, targets); a GPU or an engine
/// instance seen through the snapshot index (`GPUFilterSubject`, `InstanceFilterSubject`) works out only the fields
/// the terms ask for, without lowercased copies: filtering 2,352 GPUs and 588 instances on every frame must stay
/// well inside the 2 ms a frame may take.
package protocol FilterSubject {
    /// Whether any value of a text field satisfies `predicate`; values come as reported (the predicates ignore case).
    func anyText(_ field: FilterField, _ predicate: (String) -> Bool) -> Bool
    /// A number field in the store's units (fractions for percentages, seconds for latencies); nil when absent.
    func number(_ field: FilterField) -> Double?
}

extension FilterRow: FilterSubject {
    package func anyText(_ field: FilterField, _ predicate: (String) -> Bool) -> Bool {
        texts(field).contains(where: predicate)
    }
}
