import Exposition

/// Where a simulated server's page description goes. A page is described once (`VLLMPage.describe`, …) and
/// that one description serves twice: into an `ExpositionWriter` it lays out the page's template (every
/// name, HELP text and label block, a slot per value); into the template's `Filler` it writes one scrape's
/// numbers. Names, help texts and labels are autoclosures, so filling builds none of them.
///
/// Families are laid out the way prometheus_client writes them: `# HELP`, `# TYPE`, then the samples;
/// counters declared with their `_total` name; histogram buckets with `le` in sorted label position and a
/// final `+Inf`, then `_count` and `_sum`.
protocol PageSink {
    /// `# HELP` and `# TYPE` of a family whose samples follow.
    mutating func header(_ name: @autoclosure () -> String, _ type: MetricType, _ help: @autoclosure () -> String)
    /// One sample line.
    mutating func sample(_ name: @autoclosure () -> String, _ labels: @autoclosure () -> Labels, _ value: Double)
    /// A histogram whose bucket labels are `before`, then `le`, then `after`: its header, a line per bucket,
    /// then `_count` and `_sum`.
    mutating func histogram(
        _ name: @autoclosure () -> String, _ help: @autoclosure () -> String,
        before: @autoclosure () -> [Label], after: @autoclosure () -> [Label],
        _ histogram: BucketHistogram)
}

extension PageSink {
    mutating func gauge(
        _ name: @autoclosure () -> String, _ help: @autoclosure () -> String,
        _ labels: @autoclosure () -> Labels, _ value: Double
    ) {
        header(name(), .gauge, help())
        sample(name(), labels(), value)
    }

    /// A counter whose exposed name ends in `_total`.
    mutating func counter(
        _ name: @autoclosure () -> String, _ help: @autoclosure () -> String,
        _ labels: @autoclosure () -> Labels, _ value: Double
    ) {
        header(name(), .counter, help())
        sample(name(), labels(), value)
    }

    /// Line by line, through `sample`.
    mutating func histogram(
        _ name: @autoclosure () -> String, _ help: @autoclosure () -> String,
        before: @autoclosure () -> [Label], after: @autoclosure () -> [Label],
        _ histogram: BucketHistogram
    ) {
        header(name(), .histogram, help())
        var cumulative = 0.0
        for index in histogram.counts.indices {
            cumulative += histogram.counts[index]
            sample(
                name() + "_bucket", Labels(before() + [Label("le", histogram.leTexts[index])] + after()),
                cumulative)
        }
        sample(name() + "_count", Labels(before() + after()), histogram.count)
        sample(name() + "_sum", Labels(before() + after()), histogram.sum)
    }
}

/// Laying out: the writer writes everything but the values.
extension ExpositionWriter: PageSink {
    mutating func header(_ name: @autoclosure () -> String, _ type: MetricType, _ help: @autoclosure () -> String) {
        writeHeader(name: name(), type: type, help: help())
    }

    mutating func sample(_ name: @autoclosure () -> String, _ labels: @autoclosure () -> Labels, _ value: Double) {
        writeValueSlot(name: name(), labels: labels())
    }

    /// The bucket lines differ only in `le`: their labels are written once (a vLLM page has eleven histograms).
    mutating func histogram(
        _ name: @autoclosure () -> String, _ help: @autoclosure () -> String,
        before: @autoclosure () -> [Label], after: @autoclosure () -> [Label],
        _ histogram: BucketHistogram
    ) {
        let name = name()
        let (before, after) = (before(), after())
        writeHeader(name: name, type: .histogram, help: help())
        writeBucketSlots(name: name + "_bucket", before: before, leTexts: histogram.leTexts, after: after)
        let labels = Labels(before + after)
        writeValueSlot(name: name + "_count", labels: labels)
        writeValueSlot(name: name + "_sum", labels: labels)
    }
}

/// Filling: only the values, into the slots the layout left.
extension ExpositionTemplate.Filler: PageSink {
    mutating func header(_ name: @autoclosure () -> String, _ type: MetricType, _ help: @autoclosure () -> String) {}

    mutating func sample(_ name: @autoclosure () -> String, _ labels: @autoclosure () -> Labels, _ value: Double) {
        append(value)
    }
}

extension ExpositionTemplate {
    /// The template of the page that `describe` writes (text format).
    static func layOut(_ describe: (inout ExpositionWriter) -> Void) -> ExpositionTemplate {
        var writer = ExpositionWriter(format: .text)
        describe(&writer)
        return writer.template
    }
}
