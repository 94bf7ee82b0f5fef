import ClusterModel
import Dashboard
import Insights

/// libFuzzer entry point for the whole path a page takes (issue 14): bytes → page → store (two scrapes a
/// second apart, so rates and quantiles are computed) → cluster model → text snapshot, JSON snapshot, alert
/// rules, and one screen of the dashboard drawn into a canvas.
///
/// The input is two pages separated by a line `#---` (or one page read twice). Its last byte picks the screen
/// (from `ScreenTour`) and the terminal size (80×24, 200×50 or 1×1), so that over many runs every screen is
/// drawn at every size while each run stays cheap. Crashes, hangs and sanitizer reports are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWholePath(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (first, second) = pages(bytes)
    let loader = PageLoader(intervalMs: 1000, startMs: 1_767_225_600_000)
    let snapshot = loader.load([
        PageInput(target: "fuzz", origin: "first", bytes: first),
        PageInput(target: "fuzz", origin: "second", bytes: second),
    ]).snapshot
    _ = SnapshotText.render(snapshot, errors: ["fuzz"])
    _ = SnapshotJSON.text(snapshot)
    var alerts = AlertEngine(configuration: .default)
    _ = alerts.evaluate(snapshot)
    var history = ClusterHistory(capacity: 8)
    history.append(snapshot)
    let frame = DashboardFrame(
        snapshot: snapshot, history: history, source: "fuzz", intervalSeconds: 1, generation: 1,
        alerts: alerts)
    let states = ScreenTour.states(for: snapshot)
    let choice = Int(bytes.last ?? 0)
    let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50), Size(width: 1, height: 1)]
    let canvas = DashboardView.render(
        frame, state: states[choice % states.count], size: sizes[(choice / 32) % sizes.count],
        glyphs: GlyphSet.all[choice % GlyphSet.all.count])
    _ = canvas.plainText
    return 0
}

/// The two pages of an input: split at the first `\n#---\n`, or the same page twice.
private func pages(_ bytes: [UInt8]) -> ([UInt8], [UInt8]) {
    let separator = Array("\n#---\n".utf8)
    guard bytes.count >= separator.count else { return (bytes, bytes) }
    for start in 0...(bytes.count - separator.count) where bytes[start] == separator[0] {
        if Array(bytes[start..<(start + separator.count)]) == separator {
            return (Array(bytes[..<start]), Array(bytes[(start + separator.count)...]))
        }
    }
    return (bytes, bytes)
}
