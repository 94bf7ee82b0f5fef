import ClusterModel

/// Which groups of the grouped GPU list are expanded: UI state that survives frames (groups are found by
/// id, so they stay open while their aggregates change), and the function that turns groups into rows.
package struct GroupExpansion: Sendable, Hashable {
    /// Groups whose state differs from `expandedByDefault`.
    package private(set) var toggled: Set<String> = []
    /// Whether a group not toggled yet is open: collapsed suits thousands of GPUs, expanded a handful.
    package var expandedByDefault: Bool

    package init(expandedByDefault: Bool = false) {
        self.expandedByDefault = expandedByDefault
    }

    /// Collapsed by default above `threshold` GPUs, so a small cluster still shows every GPU at once.
    package static func automatic(gpuCount: Int, threshold: Int = 64) -> GroupExpansion {
        GroupExpansion(expandedByDefault: gpuCount <= threshold)
    }

    package func isExpanded(_ groupID: String) -> Bool {
        toggled.contains(groupID) != expandedByDefault
    }

    package mutating func toggle(_ groupID: String) {
        if toggled.remove(groupID) == nil { toggled.insert(groupID) }
    }

    package mutating func expandAll() {
        expandedByDefault = true
        toggled = []
    }

    package mutating func collapseAll() {
        expandedByDefault = false
        toggled = []
    }

    /// The rows to draw: groups sorted by `sort` (descending for numbers unless `ascending`; by name A→Z
    /// unless reversed), each followed by its members, sorted the same way, when expanded.
    package func rows(
        _ groups: [GPUGroup], index: SnapshotIndex, sort: GroupSortKey = .name,
        ascending: Bool = false
    ) -> [GroupedRow] {
        let ordered: [GPUGroup]
        if sort == .name {
            // Lowercased once per group, not once per comparison.
            let byName = groups.map { (key: $0.key.lowercased(), group: $0) }
                .sorted { $0.key.naturallyPrecedes(lowercased: $1.key) }.map(\.group)
            ordered = ascending ? byName.reversed() : byName
        } else {
            ordered = sortedByValue(groups, ascending: ascending) { sort.value(of: $0) }
        }
        var rows: [GroupedRow] = []
        rows.reserveCapacity(ordered.count)
        for group in ordered {
            let open = isExpanded(group.id)
            rows.append(.group(group, expanded: open))
            guard open else { continue }
            var members = group.gpuIDs.compactMap { index.gpus[$0] }
            if sort != .name, sort != .gpus, sort != .tps {
                members = sortedByValue(members, ascending: ascending) { sort.value(of: $0) }
            }
            rows += members.map { .gpu($0, groupID: group.id) }
        }
        return rows
    }
}

extension String {
    /// Orders names the way a person expects: `gpu-node-2` before `gpu-node-10`.
    func naturallyPrecedes(_ other: String) -> Bool {
        lowercased().naturallyPrecedes(lowercased: other.lowercased())
    }

    /// `naturallyPrecedes` for strings already lowercased.
    func naturallyPrecedes(lowercased other: String) -> Bool {
        var a = self[...]
        var b = other[...]
        while let x = a.first, let y = b.first {
            if x.isNumber, y.isNumber {
                let digitsA = a.prefix { $0.isNumber }
                let digitsB = b.prefix { $0.isNumber }
                let trimmedA = digitsA.drop { $0 == "0" }
                let trimmedB = digitsB.drop { $0 == "0" }
                if trimmedA.count != trimmedB.count { return trimmedA.count < trimmedB.count }
                if trimmedA != trimmedB { return trimmedA < trimmedB }
                a = a.dropFirst(digitsA.count)
                b = b.dropFirst(digitsB.count)
            } else {
                if x != y { return x < y }
                a = a.dropFirst()
                b = b.dropFirst()
            }
        }
        return a.isEmpty && !b.isEmpty
    }
}
