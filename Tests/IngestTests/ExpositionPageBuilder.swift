import Exposition

/// Small pages for tests that need one without a server.
enum ExpositionPageBuilder {
    static func page(samples count: Int) -> ExpositionPage {
        let samples = (0..<count).map { Sample(name: "m", labels: ["i": String($0)], value: Double($0)) }
        return ExpositionPage(format: .text, families: [MetricFamily(name: "m", type: .gauge, samples: samples)])
    }
}
