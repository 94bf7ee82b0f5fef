import Ingest

/// Collects scrape results from a sink so a test can poll them.
actor ResultLog {
    private(set) var all: [ScrapeResult] = []

    func append(_ result: ScrapeResult) {
        all.append(result)
    }

    func results(for target: String) -> [ScrapeResult] {
        all.filter { $0.target == target }
    }

    func successes(for target: String) -> Int {
        all.filter { $0.target == target && $0.isUp }.count
    }

    func last(for target: String) -> ScrapeResult? {
        all.last { $0.target == target }
    }
}
