import AsymCore
import AsymRisk
import AsymTransport

/// `asym bench risk`: `RiskGate.check` on the approved path (every check, sizing, the throttle and
/// the reservation) and on the most expensive denied path (every check and the sizing, then the size
/// falls below the venue minimum). Between timed approvals the clock moves on a day and the position is
/// confirmed flat — the public API's own way past cooldowns and entry limits, so the gate offers no backdoor.
enum RiskBenchmark {
    static let second: Int64 = 1_000_000_000

    static func instrument() -> Instrument {
        Instrument(venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1),
                   quantityScale: FixedPointScale(decimals: 3), minimumQuantity: Quantity(lots: 1),
                   maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5", contractValue: "1", maximumLeverage: 100)
    }

    static func intent(at now: Int64) -> OrderIntent {
        OrderIntent(instrument: InstrumentID(0), kind: .entry, direction: .long, orderType: .limit, price: 650_000,
                    stopPrice: 643_500, takeProfitPrice: 663_000, signalCreatedAt: now - 1_000_000, confidence: 0.9,
                    regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005,
                    bookUsable: true, bookUpdatedAt: now - 1_000_000, bestBid: 649_999, bestAsk: 650_001)
    }

    /// A time at which `gate` approves a new entry again: 1,801 s on is past the 300 s cooldown and keeps
    /// to 48 entries a day (the benchmark limits allow the hard cap, 50), and a million steps still fit
    /// in Int64 nanoseconds. The position is confirmed flat and in sync.
    static func nextApprovalTime(after now: Int64, gate: RiskGate) -> Int64 {
        let next = now &+ 1_801 * second
        gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: next)
        return next
    }

    /// Default limits, with the day's entry limit at its hard cap so `nextApprovalTime` steps stay short.
    static func benchmarkLimits() throws -> ValidatedRiskLimits {
        var limits = RiskLimits()
        limits.maxEntriesPerDay = RiskHardCaps.maximumEntriesPerDay
        return try limits.validated()
    }

    static func run(operations: Int) throws -> BenchmarkResult {
        let validated = try benchmarkLimits()
        let start: Int64 = 1_767_268_800 * second
        var now = start

        // Approved path: a fresh approval every time.
        let gate = RiskGate(limits: validated, instruments: [RiskInstrument(instrument())], equity: 10_000, now: start)
        var recorder = LatencyRecorder(capacity: operations)
        var approved = 0
        let approvedMeasure = measureChecks(count: operations, recorder: &recorder) {
            now = nextApprovalTime(after: now, gate: gate)
            let intent = intent(at: now)
            return { if case .approved = gate.check(intent, now: now) { approved += 1 } }
        }
        precondition(approved == operations, "the approved-path benchmark must approve every time")

        // Most expensive denial: $300 of equity cannot buy one lot, found only at the end of sizing.
        let poor = RiskGate(limits: validated, instruments: [RiskInstrument(instrument())], equity: 300, now: start)
        var denied = 0
        var deniedRecorder = LatencyRecorder(capacity: operations)
        now = start
        let deniedMeasure = measureChecks(count: operations, recorder: &deniedRecorder) {
            now = nextApprovalTime(after: now, gate: poor)
            let intent = intent(at: now)
            return { if poor.check(intent, now: now).denial == .sizeBelowVenueMinimum { denied += 1 } }
        }
        precondition(denied == operations, "the denied-path benchmark must reach the sizing denial every time")

        var result = BenchmarkResult(
            suite: "risk", subject: "RiskGate.check, approved entry (all checks, sizing, throttle, reservation)",
            operations: operations, latency: approvedMeasure.0, operationsPerSecond: approvedMeasure.1,
            allocationsPerOperation: approvedMeasure.2, baseline: nil)
        result.variant = ("denied_path", .init(
            subject: "RiskGate.check, most expensive denial (size below venue minimum)", latency: deniedMeasure.0,
            operationsPerSecond: deniedMeasure.1, allocationsPerOperation: deniedMeasure.2))
        return result
    }

    /// Times only the returned closure's body with the CPU timestamp counter (its own cost
    /// subtracted); `prepare` runs untimed before each call, and its allocations are not counted.
    static func measureChecks(count: Int, recorder: inout LatencyRecorder,
                              prepare: () -> () -> Void) -> (LatencyPercentiles, Double, Double?) {
        let counting = AllocationCounter.isAvailable
        // The timestamp counter resolves single nanoseconds; clock_gettime here moves in ~10 ns steps.
        let clock = CycleClock()
        var overhead = LatencyRecorder(capacity: 10_001)
        for _ in 0..<10_001 {
            let start = CycleClock.cycles()
            overhead.record(Int64(CycleClock.cycles() &- start))
        }
        let timerCycles = UInt64(overhead.percentiles().p50)
        var allocations: UInt64 = 0
        var timed: Int64 = 0
        if counting { AllocationCounter.setCounting(true) }
        for _ in 0..<count {
            let body = prepare()
            let before = AllocationCounter.allocations
            let started = CycleClock.cycles()
            body()
            let cycles = CycleClock.cycles() &- started
            allocations &+= AllocationCounter.allocations &- before
            let elapsed = Int64(clock.nanoseconds(cycles > timerCycles ? cycles - timerCycles : 0).rounded())
            recorder.record(elapsed)
            timed &+= max(1, elapsed)
        }
        if counting { AllocationCounter.setCounting(false) }
        return (recorder.percentiles(), Double(count) / (Double(timed) / 1e9),
                counting ? Double(allocations) / Double(count) : nil)
    }
}
