import AsymCore
@_spi(Benchmarking) import AsymRisk
import Benchmark

let btc = Instrument(
    venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
    minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5",
    contractValue: "1", maximumLeverage: 100)

func entry(at now: Int64) -> OrderIntent {
    OrderIntent(instrument: InstrumentID(0), kind: .entry, direction: .long, orderType: .limit, price: 650_000,
                stopPrice: 643_500, takeProfitPrice: 663_000, signalCreatedAt: now - 1_000_000, confidence: 0.9,
                regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005,
                bookUsable: true, bookUpdatedAt: now - 1_000_000, bestBid: 649_999, bestAsk: 650_001)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(2))
    var limits = RiskLimits()
    limits.duplicateSignalWindowSeconds = 1e-9
    let start: Int64 = 1_767_268_800_000_000_000

    Benchmark("RiskGate.check, most expensive denial (size below venue minimum)", configuration: .init(scalingFactor: .mega)) { benchmark in
        let gate = RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 300, now: start)
        var now = start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            now &+= 1_000
            blackHole(gate.check(entry(at: now), now: now))
        }
    }

    Benchmark("RiskGate.check, approved entry (includes the benchmark-only state reset)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let gate = RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 10_000, now: start)
        var now = start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            now &+= 1_000
            gate.forgetEntriesForBenchmark(now: now)
            blackHole(gate.check(entry(at: now), now: now))
        }
    }
}
