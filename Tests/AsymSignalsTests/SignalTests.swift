import AsymCore
import AsymSignals
import Testing

/// The signal value type and its fixed-capacity buffer.
@Suite struct SignalTests {
    static func signal(_ direction: SignalDirection, confidence: Float = 0.6) -> Signal {
        Signal(instrument: InstrumentID(1), direction: direction, source: .breakout, regime: .trendingUp,
               confidence: confidence, expectedEdgeBasisPoints: 2.5, spoofScore: 0.1, riskPenalty: 0.2,
               atrFraction: 0.001, stopTicks: 40, takeProfitTicks: 60, referencePriceTicks: 650_000,
               createdAt: 10, frameReceiveTime: 9)
    }

    @Test func signalIsOneCacheLineOfPlainData() {
        #expect(MemoryLayout<Signal>.size <= 64)
        #expect(_isPOD(Signal.self))
    }

    @Test func stopAndTakeProfitPricesFollowTheDirection() {
        let long = Self.signal(.long)
        #expect(long.stopPriceTicks == 649_960 && long.takeProfitPriceTicks == 650_060)
        let short = Self.signal(.short)
        #expect(short.stopPriceTicks == 650_040 && short.takeProfitPriceTicks == 649_940)
        #expect(long.rewardToRisk == 1.5)
        #expect(SignalDirection.flat.tradeDirection == nil && SignalDirection(.short) == .short)
    }

    @Test func aFullBufferCountsOverflowInsteadOfGrowing() {
        var buffer = SignalBuffer(capacity: 3)
        let capacity = buffer.capacity
        for index in 0..<5 { buffer.append(Self.signal(index % 2 == 0 ? .long : .short)) }
        #expect(buffer.count == capacity && buffer.overflow == Int64(5 - capacity))
        #expect(buffer.signals.count == capacity)
        #expect(buffer[1].direction == .short)
        buffer.removeAll()
        #expect(buffer.count == 0 && buffer.capacity == capacity)
    }
}
