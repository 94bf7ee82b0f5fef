/// One series of a range answer: its labels (a histogram's `le`, say) and its (time, value) points, oldest
/// first.
public struct PrometheusSeries: Sendable {
    public var labels: [String: String]
    public var points: [(timeMs: Int64, value: Double)]
}
