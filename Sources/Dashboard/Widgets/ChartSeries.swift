/// One line of a `LineChart`: evenly spaced values over the chart's window (oldest first; nil = no data).
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double?]
    public var role: StyleRole
    public init(name: String, values: [Double?], role: StyleRole) {
        self.name = name
        self.values = values
        self.role = role
    }
}
