/// One line of a `LineChart`: evenly spaced values over the chart's window (oldest first; nil = no data).
package struct ChartSeries: Sendable, Equatable {
    package var name: String
    package var values: [Double?]
    package var role: StyleRole
    package init(name: String, values: [Double?], role: StyleRole) {
        self.name = name
        self.values = values
        self.role = role
    }
}
