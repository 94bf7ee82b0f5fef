import ArgumentParser
import Exposition
import Harness

/// The large generated cluster as an endless sequence of scrapes, for the model and memory benchmarks: pages
/// from gen_exposition.py (`--tick 1…N`, 1 s apart), then continued — each counter keeps the growth between
/// the first two pages, gauges cycle through the generated pages — so stored values compress as real ones do.
struct BenchClusterPages: Sendable {
    /// The generated pages, all of the same shape.
    let pages: [ExpositionPage]

    /// Runs the generator `ticks` times.
    init(generator: String, size: Int, ticks: Int) throws {
        try self.init(
            texts: (1...ticks).map { tick in
                try ClusterGenerator.page(
                    script: generator, arguments: ["--size", String(size), "--tick", String(tick), "--interval", "1"])
            })
    }

    /// Pages generated beforehand, in tick order (a profiler such as valgrind cannot start the generator);
    /// throws when one does not parse cleanly or the shapes differ.
    init(texts: [[UInt8]]) throws {
        let pages = texts.map { ExpositionParser.parse($0) }
        if let bad = pages.firstIndex(where: { $0.errorCount > 0 }) {
            throw ValidationError("generated page \(bad + 1) has parse errors: \(pages[bad].errors.first!)")
        }
        guard pages.count >= 2, pages.allSatisfy({ $0.sampleCount == pages[0].sampleCount }) else {
            throw ValidationError("need two or more generated pages of the same shape to continue their growth")
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
