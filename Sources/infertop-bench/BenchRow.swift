import Foundation

/// One row of `scripts/bench.sh`'s table: our figure, the reference it is judged against (a peer measured in
/// the same run, or the goal where no honest peer exists) and their ratio, printed as one
/// `RESULT key=value …` line that the script collects, under the human-readable lines.
struct BenchRow {
    /// Which way a figure is better: lower for a time or memory, higher for a speed.
    enum Better: String { case higher, lower }

    /// The row's key in the table and in `Benchmarks/baseline.tsv`.
    var name: String
    var figure: Double
    var unit: String
    /// The reference: a peer's figure measured in the same run, or the goal itself.
    var reference: Double
    /// Who the reference is: a peer's name, or `goal`.
    var referenceName: String
    var better: Better

    /// Ours over the reference for a peer (`parse`: 5.7× Go, `memory`: 0.47× Prometheus); for a goal, the
    /// ratio is arranged so that ≥ 1 meets it (goal / figure for times, figure / goal for speeds).
    var ratio: Double {
        guard referenceName == "goal" else { return figure / reference }
        return better == .lower ? reference / figure : figure / reference
    }

    /// Which way the ratio is better: a goal's ratio always upwards, a peer's as the figure.
    var ratioBetter: Better { referenceName == "goal" ? .higher : better }

    /// The machine-readable line (numbers with enough digits for the ratio check, names without spaces).
    var line: String {
        let number = { (x: Double) in String(format: "%.6g", x) }
        return "RESULT name=\(name) figure=\(number(figure)) unit=\(unit) reference=\(number(reference)) "
            + "reference_name=\(referenceName) ratio=\(number(ratio)) ratio_better=\(ratioBetter.rawValue)"
    }

    func print() { Swift.print(line) }

    /// The best of several rounds' figures, in the row's direction.
    static func best(_ figures: [Double], _ better: Better) -> Double {
        (better == .higher ? figures.max() : figures.min()) ?? .nan
    }
}
