/// What every engine instance of a frame reads (its plan's gauges and counters, histogram parts and summary
/// quantiles), in display order, in one buffer of each kind. A frame then reads instance after instance from
/// memory laid out in the order it visits them; from each plan's own arrays, a few heap objects per instance
/// not touched since the last frame, it took a cache miss per array (a fifth of a 2,352-GPU frame in perf).
/// Built with the plans; group `position × metrics + metric` is the sources of `metric` for the instance at
/// `position` in display order (a target shown by itself has empty groups).
struct InstanceColumns: Sendable {
    private static let metrics = InstanceMetric.allCases.count
    private var scalars = Grouped<SeriesRef>(groups: 0)
    private var histograms = Grouped<HistogramPart>(groups: 0)
    private var summaries = Grouped<(level: Double, ref: SeriesRef)>(groups: 0)

    init() {}

    /// `order`: (target position, instance plan index, or -1 for a target shown by itself), as displayed.
    init(plans: [TargetPlan], order: [(target: Int, index: Int)]) {
        for entry in order {
            guard entry.index >= 0 else {
                scalars.appendEmptyGroups(Self.metrics)
                histograms.appendEmptyGroups(Self.metrics)
                summaries.appendEmptyGroups(Self.metrics)
                continue
            }
            let plan = plans[entry.target].instances[entry.index]
            scalars.append(groupsOf: plan.scalars)
            histograms.append(groupsOf: plan.histograms)
            summaries.append(groupsOf: plan.summaries)
        }
        // The parts' bucket ids, too, in one buffer in display order.
        histograms.replaceElements(HistogramPart.sharingIDs)
    }

    func scalars(_ position: Int, _ metric: InstanceMetric) -> ArraySlice<SeriesRef> {
        scalars[position * Self.metrics + metric.rawValue]
    }

    /// Every gauge and counter the instance at `position` reads.
    func allScalars(_ position: Int) -> ArraySlice<SeriesRef> {
        scalars.elements(ofGroups: position * Self.metrics..<(position + 1) * Self.metrics)
    }

    func histograms(_ position: Int, _ metric: InstanceMetric) -> ArraySlice<HistogramPart> {
        histograms[position * Self.metrics + metric.rawValue]
    }

    func summaries(_ position: Int, _ metric: InstanceMetric) -> ArraySlice<(level: Double, ref: SeriesRef)> {
        summaries[position * Self.metrics + metric.rawValue]
    }
}
