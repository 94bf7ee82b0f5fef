#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The simulator's only source of randomness: SplitMix64, seeded, so a seed replays byte for byte.
///
/// `SystemRandomNumberGenerator` is never used inside the model; every stream of draws (arrivals of one
/// deployment, noise of one GPU) gets its own generator derived from the run's seed and a stream number, so
/// that adding a node does not reshuffle the draws of the others.
package struct SimRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator for stream `stream` of run `seed`.
    package init(seed: UInt64, stream: UInt64) {
        var mixer = SimRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Exponentially distributed with the given mean.
    package mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - unit())
    }

    /// A standard normal draw (Box–Muller; one of the pair is enough here).
    package mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300)
        let u2 = unit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// Log-normal with the given median and shape `sigma`.
    package mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// A Poisson count with mean `lambda`: Knuth's product method when small, a rounded normal when large.
    package mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 {
            return max(0, Int((lambda + sqrt(lambda) * normal()).rounded()))
        }
        let limit = exp(-lambda)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// True with probability `p`.
    package mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// `digits` lowercase hex digits, for UUIDs and bus ids that stay the same for a seed.
    package mutating func hex(_ digits: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        var out = ""
        for _ in 0..<digits { out.append(alphabet[Int(next() & 15)]) }
        return out
    }
}
