extension RiskGate {
    /// Benchmark support: forgets what the last approvals recorded (entry times, signal times, the
    /// entry window, reserved margin, spent throttle tokens) so the approved path can be timed again
    /// and again, without allocating. The engine never calls it.
    @_spi(Benchmarking)
    public func forgetEntriesForBenchmark(now: Int64) {
        for index in lastEntryAt.indices { lastEntryAt[index] = .min / 2 }
        for index in lastSignalAt.indices { lastSignalAt[index] = .min / 2 }
        for index in reservedMargin.indices {
            marginInUse -= reservedMargin[index]
            reservedMargin[index] = 0
        }
        entries.removeAll()
        for index in throttles.indices { throttles[index].refill(now: now) }
    }
}
