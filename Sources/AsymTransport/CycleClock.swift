import AsymCore
import CPlatform

/// The CPU timestamp counter, calibrated to nanoseconds: finer than `clock_gettime` (whose samples
/// come in ~10 ns steps here), for timing operations that take tens of nanoseconds.
///
/// Valid only on CPUs with an invariant TSC (`constant_tsc`, `nonstop_tsc` in /proc/cpuinfo);
/// `isAvailable` is false elsewhere and callers fall back to `MonotonicClock`.
public struct CycleClock: Sendable {
    /// Nanoseconds per counter tick, measured at creation.
    public let nanosecondsPerCycle: Double

    /// Whether this CPU has a usable counter.
    public static var isAvailable: Bool { CPlatform_cycles() != 0 }

    /// The raw counter.
    @inline(__always)
    public static func cycles() -> UInt64 { CPlatform_cycles() }

    /// Calibrates against `MonotonicClock` over `milliseconds` (spinning, not sleeping).
    public init(calibratingFor milliseconds: Int64 = 20) {
        let startNanoseconds = MonotonicClock.nanoseconds()
        let startCycles = CPlatform_cycles()
        while MonotonicClock.nanoseconds() - startNanoseconds < milliseconds * 1_000_000 {}
        let elapsedNanoseconds = MonotonicClock.nanoseconds() - startNanoseconds
        let elapsedCycles = CPlatform_cycles() &- startCycles
        nanosecondsPerCycle = elapsedCycles > 0 ? Double(elapsedNanoseconds) / Double(elapsedCycles) : 1
    }

    /// `cycles` converted to nanoseconds.
    @inline(__always)
    public func nanoseconds(_ cycles: UInt64) -> Double { Double(cycles) * nanosecondsPerCycle }
}
