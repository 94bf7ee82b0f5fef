import Exposition
import Foundation

/// One target's knowledge of its served model's name, for servers whose metrics lack it (`ModelNameSource`):
/// asked once the target answers, asked again when it comes back after a failure or its counters go down (a
/// restart may have loaded another model). Lives in the target's scrape loop.
struct ModelNameProbe: Sendable {
    private(set) var name: String?
    private var asked = false
    /// The sum of the page's counters at the last scrape, to notice a restart that no failed scrape showed.
    private var counterTotal: Double?

    /// Whether the next page that needs a name will ask for it.
    var asksAgain: Bool { !asked }

    /// Forgets the name when the target has just failed, or restarted since the last page.
    mutating func observe(_ page: ExpositionPage?) {
        guard let page else {
            asked = false
            counterTotal = nil
            return
        }
        guard asked else { return }
        var total = 0.0
        for family in page.families where family.type == .counter {
            for sample in family.samples where sample.value.isFinite { total += sample.value }
        }
        if let previous = counterTotal, total < previous { asked = false }
        counterTotal = total
    }

    /// Asks the target's server for its model when the page is one that needs it and it was not asked since
    /// the last restart. A failed answer is not retried until the next restart: the page is shown without it.
    mutating func resolve(_ page: ExpositionPage, target: ScrapeTarget, fetcher: HTTPFetcher, timeout: Duration) async {
        guard !asked, case .http(let metricsURL) = target.source else { return }
        asked = true
        guard let source = ModelNameSource.source(for: page), let url = source.url(beside: metricsURL) else {
            name = nil
            return
        }
        guard let answer = try? await fetcher.fetch(url, accept: "application/json", timeout: timeout, target: target.id),
            let json = try? JSONSerialization.jsonObject(with: Data(answer.bytes))
        else {
            name = nil
            return
        }
        name = source.read(json)
    }
}
