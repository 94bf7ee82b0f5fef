import ArgumentParser
import Exposition
import Harness

/// The large generated cluster as an endless sequence of scrapes, for the model and memory benchmarks: pages
/// from gen_exposition.py (`--tick 1…N`, 1 s apart), then continued — each counter keeps the growth between
/// the first two pages, gauges cycle through the generated pages — so stored values compress as real ones do.
struct BenchClusterPages: Sendable {
    /// The generated pages, all of the same shape.
    let pages: [ExpositionPage]

    /// Runs the generator `ticks` times; throws when a page does not parse cleanly or the shapes differ.
    init(generator: String, size: Int, ticks: Int) throws {
        var pages: [ExpositionPage] = []
        for tick in 1...ticks {
            let bytes = try ClusterGenerator.page(
                script: generator, arguments: ["--size", String(size), "--tick", String(tick), "--interval", "1"])
            let page = ExpositionParser.parse(bytes)
            guard page.errorCount == 0 else {
                throw ValidationError("generated page \(tick) has parse errors: \(page.errors.first!)")
            }
            pages.append(page)
        }
        guard pages.count >= 2, pages.allSatisfy({ $0.sampleCount == pages[0].sampleCount }) else {
            throw ValidationError("the generated pages differ in shape; cannot continue their growth")
        }
        self.pages = pages
    }

    /// Scrape `n` as a parsed page.
    func page(_ n: Int) -> ExpositionPage {
        var families = pages[n % pages.count].families
        for f in families.indices {
            for s in families[f].samples.indices {
                families[f].samples[s].value = value(n, family: f, sample: s)
            }
        }
        return ExpositionPage(format: pages[0].format, families: families)
    }

    /// Scrape `n` as exposition text, the page a server of this cluster would answer with.
    func text(_ n: Int, template: ExpositionTemplate) -> [UInt8] {
        template.render { filler in
            for (f, family) in pages[0].families.enumerated() {
                for s in family.samples.indices { filler.append(value(n, family: f, sample: s)) }
            }
        }
    }

    /// The text layout of every scrape (values left out), for `text(_:template:)`.
    var template: ExpositionTemplate {
        var writer = ExpositionWriter(format: .text)
        for family in pages[0].families {
            writer.writeHeader(name: family.name, type: family.type, help: family.help)
            for sample in family.samples { writer.writeValueSlot(name: sample.name, labels: sample.labels) }
        }
        return writer.template
    }

    private func value(_ n: Int, family f: Int, sample s: Int) -> Double {
        let gauges = pages[n % pages.count].families[f]
        guard gauges.type == .counter || gauges.type == .histogram, !gauges.samples[s].name.hasSuffix("_created") else {
            return gauges.samples[s].value
        }
        let first = pages[0].families[f].samples[s].value
        return first + (pages[1].families[f].samples[s].value - first) * Double(n)
    }
}
