/// The widths of a table's columns for the width it is drawn in, from what its visible rows hold: a pure
/// function, so the rules are tested without drawing.
///
/// 1. Each column's minimum: a name's `minimum` (or less when its longest value is shorter), a number's widest
///    value or title, a bar's label and four cells, a sparkline's or text's `minimum`. While the minimums and
///    the one-cell gaps do not fit, the column of lowest priority is hidden (the rightmost of equals first).
/// 2. What is left goes to names, a cell at a time to each that is still short (so a short node name is whole
///    before a long model name grows), up to their longest value, so no name is cut while a bar or a history
///    could give up room; then to bars up to their preferred width, sparklines up to theirs, text up to its
///    longest value; then the rest to the first bar, else sparkline, else text.
package enum ColumnLayout {
    /// What one column asks for.
    package struct Demand: Sendable, Equatable {
        package var width: ColumnWidth
        package var priority: Int
        /// The widest of the title and the visible values (for a bar: of its labels).
        package var content: Int

        package init(_ width: ColumnWidth, priority: Int, content: Int) {
            self.width = width
            self.priority = priority
            self.content = content
        }

        /// The narrowest the column may be before it is hidden.
        var minimum: Int {
            switch width {
            case .name(let minimum, _, _): return max(1, min(minimum, content))
            case .number: return max(1, content)
            case .bar: return content + 4
            case .sparkline(let minimum, _): return minimum
            case .text(let minimum): return max(1, min(minimum, content))
            }
        }

        /// The width it grows to in the second step.
        var wanted: Int {
            switch width {
            case .name(_, let maximum, _): return max(minimum, min(content, maximum))
            case .number: return minimum
            case .bar(let preferred): return max(minimum, preferred)
            case .sparkline(_, let preferred): return max(minimum, preferred)
            case .text: return max(minimum, content)
            }
        }

        /// Growth order: names, bars, sparklines, text (numbers never grow).
        var stage: Int {
            switch width {
            case .name: return 0
            case .number: return 4
            case .bar: return 1
            case .sparkline: return 2
            case .text: return 3
            }
        }
    }

    /// A name cut below this (or below its longest value, when shorter) no longer tells rows apart: `…8B`.
    static let legibleName = 16

    /// The width of each column (nil: hidden). A bar kept short of its preferred width by a history or text of
    /// lower priority costs that column its place: a VRAM bar is worth more than a third sparkline. A name cut
    /// below what stays legible costs any column of lower priority its place: which model a row is matters more
    /// than a GPU's power on it. A column hidden for either takes the other candidates of lower priority with it.
    package static func widths(_ demands: [Demand], width: Int) -> [Int?] {
        var hidden = Set<Int>()
        while true {
            let widths = allocate(demands, width: width, hidden: hidden)
            func starved(_ short: (Int, Int) -> Bool) -> Int? {
                demands.indices.filter { i in widths[i].map { short(i, $0) } ?? false }.map { demands[$0].priority }.max()
            }
            let bar = starved { i, w in
                if case .bar = demands[i].width { return w < demands[i].wanted }
                return false
            }
            let name = starved { i, w in
                if case .name = demands[i].width { return w < min(demands[i].wanted, legibleName) }
                return false
            }
            let candidates = demands.indices.filter { i in
                guard widths[i] != nil else { return false }
                // A bar gives way to nothing but histories and text: a figure is worth more than a longer bar.
                return (bar.map { (2...3).contains(demands[i].stage) && demands[i].priority < $0 } ?? false)
                    || (name.map { demands[i].priority < $0 } ?? false)
            }
            guard let victim = candidates.min(by: { demands[$0].priority < demands[$1].priority }) else { return widths }
            // With it go the candidates it outranks, which would otherwise take the room it gave back.
            hidden.formUnion(candidates.filter { demands[$0].priority <= demands[victim].priority })
        }
    }

    private static func allocate(_ demands: [Demand], width: Int, hidden: Set<Int>) -> [Int?] {
        var visible = demands.indices.filter { !hidden.contains($0) }
        func used(_ widths: [Int?]) -> Int { widths.compactMap { $0 }.reduce(0, +) + max(0, visible.count - 1) }
        while !visible.isEmpty, visible.reduce(0, { $0 + demands[$1].minimum }) + visible.count - 1 > width {
            let lowest = visible.min { a, b in
                demands[a].priority != demands[b].priority ? demands[a].priority < demands[b].priority : a > b
            }!
            visible.removeAll { $0 == lowest }
        }
        var widths = [Int?](repeating: nil, count: demands.count)
        for i in visible { widths[i] = demands[i].minimum }
        var spare = width - used(widths)
        // Names, evenly: a cell at a time to every name still short of its longest value.
        var short = visible.filter { demands[$0].stage == 0 && widths[$0]! < demands[$0].wanted }
        while spare > 0 && !short.isEmpty {
            for i in short where spare > 0 {
                widths[i]! += 1
                spare -= 1
            }
            short.removeAll { widths[$0]! >= demands[$0].wanted }
        }
        for stage in 1...3 {
            let growing = visible.filter { demands[$0].stage == stage }
                .sorted { demands[$0].priority != demands[$1].priority ? demands[$0].priority > demands[$1].priority : $0 < $1 }
            for i in growing where spare > 0 {
                let step = min(spare, demands[i].wanted - widths[i]!)
                widths[i]! += step
                spare -= step
            }
        }
        if spare > 0, let flexible = [1, 2, 3].lazy.compactMap({ stage in visible.first { demands[$0].stage == stage } }).first {
            widths[flexible]! += spare
        }
        return widths
    }
}
