public import AsymSignals

/// Named signal-model settings for runs over recordings.
public enum SignalProfile: String, CaseIterable, Sendable {
    /// The production defaults: 15 min regime candles, 1 h and 4 h confirmation, 5 s cooldown.
    case standard
    /// Short candles (2 s regime, 6 s and 12 s confirmation, one agreeing timeframe, 1 s cooldown, no edge floor)
    /// so a synthetic recording of a few minutes warms the model up and trades: for tests and crash tests,
    /// not for judging a strategy.
    case shortCandles = "short-candles"

    /// The settings.
    public var configuration: SignalConfiguration {
        var configuration = SignalConfiguration()
        switch self {
        case .standard:
            break
        case .shortCandles:
            let second: Int64 = 1_000_000_000
            configuration.regime.timeframe = CandleTimeframe(nanoseconds: 2 * second)
            configuration.confirmation.higherTimeframes = (CandleTimeframe(nanoseconds: 6 * second),
                                                           CandleTimeframe(nanoseconds: 12 * second))
            configuration.confirmation.requiredAgreement = 1
            configuration.cooldown = second
            configuration.calibration.horizon = 10 * second
            configuration.calibration.hitBasisPoints = 0.1
            configuration.minimumEdgeBasisPoints = -.infinity
        }
        return configuration
    }
}
