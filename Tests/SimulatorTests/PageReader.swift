import Exposition

@testable import Simulator

/// Reads values back out of a simulator page through the real parser, as the dashboard will.
struct PageReader: Sendable {
    let page: ExpositionPage

    init(_ bytes: [UInt8]) {
        page = ExpositionParser.parse(bytes)
    }

    /// The value of the first sample called `name` whose labels include `matching`.
    func value(_ name: String, _ matching: [String: String] = [:]) -> Double? {
        for family in page.families {
            for sample in family.samples where sample.name == name {
                if matching.allSatisfy({ sample.labels[$0.key] == $0.value }) { return sample.value }
            }
        }
        return nil
    }

    /// Every sample of `name`, in page order.
    func values(_ name: String) -> [Double] {
        page.families.flatMap { $0.samples }.filter { $0.name == name }.map(\.value)
    }
}

extension ClusterSimulator {
    /// The reader of a target's current page; nil when it does not answer.
    func read(_ target: SimTarget) -> PageReader? {
        page(for: target).map(PageReader.init)
    }

    var engineTargets: [SimTarget] { targets.filter { $0.kind == .engine } }
    var dcgmTargets: [SimTarget] { targets.filter { $0.kind == .dcgm } }
}
