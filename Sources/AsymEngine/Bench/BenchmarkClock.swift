import AsymCore
import AsymTransport

/// Timing and allocation-counting helpers shared by the benchmark suites.
enum BenchmarkClock {
    /// Keeps a computed value observable so the optimiser cannot drop the work that produced it.
    @inline(never)
    static func consume<Value>(_ value: Value) {
        withExtendedLifetime(value) {}
    }

    /// Runs `operation` `count` times, timing each call, with allocation counting on.
    static func measure(count: Int, _ operation: () -> Void) -> (LatencyPercentiles, Double, Double?) {
        var recorder = LatencyRecorder(capacity: count)
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        let started = MonotonicClock.nanoseconds()
        for _ in 0..<count {
            let before = MonotonicClock.nanoseconds()
            operation()
            recorder.record(MonotonicClock.nanoseconds() - before)
        }
        let elapsed = MonotonicClock.nanoseconds() - started
        let allocations = AllocationCounter.allocations - allocationsBefore
        if counting { AllocationCounter.setCounting(false) }
        return (recorder.percentiles(), Double(count) / (Double(elapsed) / 1e9),
                counting ? Double(allocations) / Double(count) : nil)
    }
}
