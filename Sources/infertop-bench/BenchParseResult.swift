import Exposition
import Foundation

/// The numbers `infertop-bench parse` prints for one file.
struct BenchParseResult {
    var file: String
    var bytes: Int
    var families: Int
    var samples: Int
    var errors: Int
    var format: ExpositionFormat
    /// Parse times, sorted ascending.
    var seconds: [Double]
    /// Peak resident memory added while one parse ran and its result was alive; nil where unmeasurable.
    var peakExtraBytes: Int?

    private var median: Double {
        let n = seconds.count
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2
    }

    private func mbPerSecond(_ s: Double) -> Double { Double(bytes) / 1e6 / s }
    private func samplesPerSecond(_ s: Double) -> Double { Double(samples) / s }

    var text: String {
        let f = { (x: Double) in String(format: "%.1f", x) }
        let memory =
            peakExtraBytes.map { String(format: "%.1f MB (%.2f× the page)", Double($0) / 1e6, Double($0) / Double(bytes)) } ?? "—"
        return """
            \(file): \(bytes) bytes, \(format.rawValue), \(families) families, \(samples) samples, \(errors) errors
              MB/s       median \(f(mbPerSecond(median)))  min \(f(mbPerSecond(seconds.last!)))  max \(f(mbPerSecond(seconds.first!)))
              samples/s  median \(f(samplesPerSecond(median)))  min \(f(samplesPerSecond(seconds.last!)))  max \(f(samplesPerSecond(seconds.first!)))
              extra memory while parsing: \(memory)
            """
    }

    var json: String {
        var object: [String: Any] = [
            "tool": "infertop", "file": file, "bytes": bytes, "families": families, "samples": samples,
            "errors": errors, "format": format.rawValue, "repeat": seconds.count,
            "mbPerSecond": mbPerSecond(median), "mbPerSecondMin": mbPerSecond(seconds.last!),
            "mbPerSecondMax": mbPerSecond(seconds.first!),
            "samplesPerSecond": samplesPerSecond(median), "samplesPerSecondMin": samplesPerSecond(seconds.last!),
            "samplesPerSecondMax": samplesPerSecond(seconds.first!), "medianSeconds": median,
        ]
        if let peakExtraBytes { object["peakExtraBytes"] = peakExtraBytes }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
