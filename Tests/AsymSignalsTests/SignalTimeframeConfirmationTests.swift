import AsymCore
import AsymSignals
import Testing

/// Multi-timeframe confirmation: per-timeframe EMA-slope trends and how agreement filters or scales signals.
@Suite struct SignalTimeframeConfirmationTests {
    @Test func risingClosesTrendUpFallingDownAndFlatStaysFlat() {
        var up = TimeframeTrend()
        var down = TimeframeTrend()
        var flat = TimeframeTrend()
        for index in 0..<40 {
            let x = Double(index)
            up.update(high: 101 + x, low: 99 + x, close: 100 + x)
            down.update(high: 101 - x, low: 99 - x, close: 100 - x)
            let wiggle = index % 2 == 0 ? 0.5 : -0.5
            flat.update(high: 101, low: 99, close: 100 + wiggle)
        }
        #expect(up.direction == .up && down.direction == .down && flat.direction == .flat)
        var warming = TimeframeTrend()
        warming.update(high: 101, low: 99, close: 100)
        #expect(warming.direction == nil)
    }

    @Test func filterModeNeedsTheRequiredNumberOfAgreeingTimeframes() {
        var confirmation = TimeframeConfirmation()
        confirmation.requiredAgreement = 2
        #expect(confirmation.factor(source: .imbalanceMomentum, direction: .long, trends: (.up, .up, .down)) == 1)
        #expect(confirmation.factor(source: .imbalanceMomentum, direction: .long, trends: (.up, .flat, .down)) == nil)
        #expect(confirmation.factor(source: .breakout, direction: .short, trends: (.down, nil, .down)) == 1)
        #expect(confirmation.factor(source: .breakout, direction: .short, trends: (.down, nil, nil)) == nil,
                "a timeframe still warming up does not agree")
        confirmation.requiredAgreement = 3
        #expect(confirmation.factor(source: .breakout, direction: .long, trends: (.up, .up, .flat)) == nil)
        #expect(confirmation.factor(source: .breakout, direction: .long, trends: (.up, .up, .up)) == 1)
    }

    @Test func scaleModeWeighsConfidenceByNetAgreement() {
        var confirmation = TimeframeConfirmation()
        confirmation.mode = .scaleConfidence
        let trends: [(TimeframeTrend.Direction?, TimeframeTrend.Direction?, TimeframeTrend.Direction?)] = [
            (.up, .up, .up), (.up, .up, .flat), (.flat, nil, .flat), (.up, .down, .down), (.down, .down, .down),
        ]
        let factors = trends.map { confirmation.factor(source: .imbalanceMomentum, direction: .long, trends: $0) }
        #expect(factors == [1, 0.5 + 0.5 * 2 / 3, 0.5, 0.5 - 0.5 / 3, 0])
    }

    @Test func meanReversionAndDisabledConfirmationPassUnchanged() {
        var confirmation = TimeframeConfirmation()
        #expect(confirmation.factor(source: .meanReversion, direction: .long, trends: (.down, .down, .down)) == 1)
        confirmation.appliesToMeanReversion = true
        #expect(confirmation.factor(source: .meanReversion, direction: .long, trends: (.down, .down, .down)) == nil)
        confirmation.enabled = false
        #expect(confirmation.factor(source: .breakout, direction: .long, trends: (.down, .down, .down)) == 1)
    }
}
