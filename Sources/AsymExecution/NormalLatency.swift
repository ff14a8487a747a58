import AsymCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry and response latencies drawn from seeded normal distributions, floored at a minimum.
///
/// A stand-in for hftbacktest's `IntpOrderLatency` (interpolated from recorded order latencies) when no
/// recording exists: reproducible from the seed, with a tail set by the standard deviation.
/// Box–Muller on `SplitMix64`; two `log`/`sqrt`/`cos` per draw, no allocation.
public struct NormalLatency: LatencyModel, Sendable {
    public var entryMean: Double
    public var entryStandardDeviation: Double
    public var responseMean: Double
    public var responseStandardDeviation: Double
    /// No draw goes below this (ns): the wire has a floor.
    public var minimum: Int64
    var random: SplitMix64

    public init(entryMean: Double, entryStandardDeviation: Double, responseMean: Double,
                responseStandardDeviation: Double, minimum: Int64 = 0, seed: UInt64) {
        self.entryMean = entryMean
        self.entryStandardDeviation = entryStandardDeviation
        self.responseMean = responseMean
        self.responseStandardDeviation = responseStandardDeviation
        self.minimum = minimum
        random = SplitMix64(seed: seed)
    }

    public mutating func entry(now: Int64) -> Int64 { draw(entryMean, entryStandardDeviation) }
    public mutating func response(now: Int64) -> Int64 { draw(responseMean, responseStandardDeviation) }

    mutating func draw(_ mean: Double, _ deviation: Double) -> Int64 {
        let u1 = max(random.unit(), 0x1.0p-53)
        let u2 = random.unit()
        let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return max(minimum, Int64((mean + deviation * z).rounded()))
    }
}
