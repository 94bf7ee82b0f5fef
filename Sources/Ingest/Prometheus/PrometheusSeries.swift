/// One series of a range answer: its labels (a histogram's `le`, say) and its (time, value) points, oldest
/// first.
package struct PrometheusSeries: Sendable {
    package var labels: [String: String]
    package var points: [(timeMs: Int64, value: Double)]
}
