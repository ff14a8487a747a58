/// Every configurable risk limit, with units in the names; defaults come from the field reports.
///
/// A `RiskGate` takes only `ValidatedRiskLimits`, which `validated()` produces after checking each
/// value against `RiskHardCaps`. Names match the `[risk]` table of `asym.toml`.
public struct RiskLimits: Sendable, Equatable {
    // Leverage and sizing
    public var maxLeverage = 10
    public var riskPerTradeFraction = 0.01
    public var positionMarginFraction = 0.02
    public var totalMarginFraction = 0.20
    /// ATR as a fraction of price at which the full risk fraction applies; more volatile markets get less.
    public var referenceATRFraction = 0.01
    /// Leverage is capped at `volatilityLeverageBudget / ATR fraction` (0.1 ⇒ 10x at 1% ATR, 5x at 2%).
    public var volatilityLeverageBudget = 0.1
    /// Closed trades needed before the half-Kelly cap applies.
    public var kellyMinimumTrades = 20
    // Circuit breakers
    public var dailyLossFraction = 0.05
    public var drawdownFraction = 0.20
    public var consecutiveLossesToCooldown = 3
    public var consecutiveLossCooldownSeconds = 3_600.0
    public var consecutiveLossesToHalt = 5
    // Signal quality
    public var maxSignalAgeSeconds = 5.0
    public var maxBookAgeMilliseconds = 2_000.0
    public var confidenceTrending = 0.65
    public var confidenceRanging = 0.70
    public var confidenceVolatile = 0.75
    public var maxSpoofScore = 0.5
    public var maxRiskPenalty = 0.8
    public var duplicateSignalWindowSeconds = 60.0
    // Over-trading
    public var entryCooldownSeconds = 300.0
    public var lossCooldownSeconds = 300.0
    public var reversalCooldownSeconds = 900.0
    public var maxEntriesPerHour = 4
    public var maxEntriesPerDay = 20
    public var ordersPerSecond = 5.0
    public var orderBurst = 5
    // Positions
    /// 0 means "equity / 100, at least 1", as in the original bot.
    public var maxConcurrentPositions = 0
    public var maxSameDirectionCorrelated = 1
    // Order sanity
    public var minRewardRiskRatio = 1.5
    public var minLiquidationToStopRatio = 2.0
    public var emergencyStopFraction = 0.10
    public var fatFingerBasisPoints = 100.0
    public var positionSyncMaxAgeSeconds = 30.0
    // Venue health
    public var maxConsecutiveRejects = 5
    public var maxRejectsPerMinute = 10
    // AI
    public var advisoryMode = AdvisoryMode.off
    public var advisoryMinimumConfidence = 0.6

    /// The defaults.
    public init() {}

    /// Checks every value against its hard cap and its meaning.
    public func validated() throws(RiskLimitError) -> ValidatedRiskLimits {
        try Self.atMost("max_leverage", Double(maxLeverage), Double(RiskHardCaps.maximumLeverage), atLeast: 1)
        try Self.atMost("risk_per_trade_fraction", riskPerTradeFraction, RiskHardCaps.maximumRiskPerTradeFraction)
        try Self.atMost("position_margin_fraction", positionMarginFraction, RiskHardCaps.maximumPositionMarginFraction)
        try Self.atMost("total_margin_fraction", totalMarginFraction, RiskHardCaps.maximumTotalMarginFraction)
        try Self.positive("reference_atr_fraction", referenceATRFraction)
        try Self.positive("volatility_leverage_budget", volatilityLeverageBudget)
        try Self.positive("kelly_minimum_trades", Double(kellyMinimumTrades))
        try Self.atMost("daily_loss_fraction", dailyLossFraction, RiskHardCaps.maximumDailyLossFraction)
        try Self.atMost("drawdown_fraction", drawdownFraction, RiskHardCaps.maximumDrawdownFraction)
        try Self.atMost("consecutive_losses_to_halt", Double(consecutiveLossesToHalt),
                        Double(RiskHardCaps.maximumConsecutiveLossesToHalt), atLeast: 1)
        try Self.atMost("consecutive_losses_to_cooldown", Double(consecutiveLossesToCooldown),
                        Double(consecutiveLossesToHalt), atLeast: 1)
        try Self.positive("consecutive_loss_cooldown_seconds", consecutiveLossCooldownSeconds)
        try Self.atMost("max_signal_age_seconds", maxSignalAgeSeconds, RiskHardCaps.maximumSignalAgeSeconds)
        try Self.atMost("max_book_age_milliseconds", maxBookAgeMilliseconds, RiskHardCaps.maximumBookAgeMilliseconds)
        for (key, value) in [("confidence_trending", confidenceTrending), ("confidence_ranging", confidenceRanging),
                             ("confidence_volatile", confidenceVolatile)] {
            try Self.atLeast(key, value, RiskHardCaps.minimumConfidenceBar, atMost: 1)
        }
        try Self.atMost("max_spoof_score", maxSpoofScore, RiskHardCaps.maximumSpoofScore, atLeast: 0)
        try Self.atMost("max_risk_penalty", maxRiskPenalty, RiskHardCaps.maximumRiskPenalty, atLeast: 0)
        try Self.positive("duplicate_signal_window_seconds", duplicateSignalWindowSeconds)
        try Self.atLeast("entry_cooldown_seconds", entryCooldownSeconds, RiskHardCaps.minimumEntryCooldownSeconds)
        try Self.atLeast("loss_cooldown_seconds", lossCooldownSeconds, RiskHardCaps.minimumLossCooldownSeconds)
        try Self.atLeast("reversal_cooldown_seconds", reversalCooldownSeconds, RiskHardCaps.minimumEntryCooldownSeconds)
        try Self.atMost("max_entries_per_hour", Double(maxEntriesPerHour), Double(RiskHardCaps.maximumEntriesPerHour), atLeast: 1)
        try Self.atMost("max_entries_per_day", Double(maxEntriesPerDay), Double(RiskHardCaps.maximumEntriesPerDay), atLeast: 1)
        try Self.atMost("orders_per_second", ordersPerSecond, RiskHardCaps.maximumOrdersPerSecond)
        try Self.atMost("order_burst", Double(orderBurst), RiskHardCaps.maximumOrdersPerSecond, atLeast: 1)
        try Self.atMost("max_concurrent_positions", Double(maxConcurrentPositions),
                        Double(RiskHardCaps.maximumConcurrentPositions), atLeast: 0)
        try Self.atMost("max_same_direction_correlated", Double(maxSameDirectionCorrelated),
                        Double(RiskHardCaps.maximumConcurrentPositions), atLeast: 1)
        try Self.atLeast("min_reward_risk_ratio", minRewardRiskRatio, RiskHardCaps.minimumRewardRiskRatio)
        try Self.atLeast("min_liquidation_to_stop_ratio", minLiquidationToStopRatio, RiskHardCaps.minimumLiquidationToStopRatio)
        try Self.atMost("emergency_stop_fraction", emergencyStopFraction, RiskHardCaps.maximumEmergencyStopFraction)
        try Self.atMost("fat_finger_basis_points", fatFingerBasisPoints, RiskHardCaps.maximumFatFingerBasisPoints)
        try Self.atMost("position_sync_max_age_seconds", positionSyncMaxAgeSeconds, RiskHardCaps.maximumPositionSyncAgeSeconds)
        try Self.atMost("max_consecutive_rejects", Double(maxConsecutiveRejects), Double(RiskHardCaps.maximumConsecutiveRejects), atLeast: 1)
        try Self.atMost("max_rejects_per_minute", Double(maxRejectsPerMinute), Double(RiskHardCaps.maximumRejectsPerMinute), atLeast: 1)
        try Self.atLeast("advisory_minimum_confidence", advisoryMinimumConfidence, 0, atMost: 1)
        return ValidatedRiskLimits(self)
    }

    static func atMost(_ key: String, _ value: Double, _ cap: Double, atLeast floor: Double = .leastNonzeroMagnitude) throws(RiskLimitError) {
        guard value.isFinite else { throw .invalid(key: key, value: value, reason: "not a finite number") }
        guard value <= cap else { throw .exceedsHardCap(key: key, value: value, cap: cap) }
        guard value >= floor else { throw .invalid(key: key, value: value, reason: "must be at least \(floor)") }
    }

    static func atLeast(_ key: String, _ value: Double, _ floor: Double, atMost ceiling: Double = .infinity) throws(RiskLimitError) {
        guard value.isFinite else { throw .invalid(key: key, value: value, reason: "not a finite number") }
        // For floors the hard cap is the minimum: a shorter cooldown or a lower bar is looser.
        guard value >= floor else { throw .exceedsHardCap(key: key, value: value, cap: floor) }
        guard value <= ceiling else { throw .invalid(key: key, value: value, reason: "must be at most \(ceiling)") }
    }

    static func positive(_ key: String, _ value: Double) throws(RiskLimitError) {
        guard value.isFinite, value > 0 else { throw .invalid(key: key, value: value, reason: "must be positive") }
    }

    /// The limits as `key = value` lines in a fixed order: what the integrity hash covers.
    public var canonicalText: String {
        let entries: [(String, String)] = [
            ("max_leverage", "\(maxLeverage)"), ("risk_per_trade_fraction", "\(riskPerTradeFraction)"),
            ("position_margin_fraction", "\(positionMarginFraction)"), ("total_margin_fraction", "\(totalMarginFraction)"),
            ("reference_atr_fraction", "\(referenceATRFraction)"), ("volatility_leverage_budget", "\(volatilityLeverageBudget)"),
            ("kelly_minimum_trades", "\(kellyMinimumTrades)"), ("daily_loss_fraction", "\(dailyLossFraction)"),
            ("drawdown_fraction", "\(drawdownFraction)"), ("consecutive_losses_to_cooldown", "\(consecutiveLossesToCooldown)"),
            ("consecutive_loss_cooldown_seconds", "\(consecutiveLossCooldownSeconds)"),
            ("consecutive_losses_to_halt", "\(consecutiveLossesToHalt)"), ("max_signal_age_seconds", "\(maxSignalAgeSeconds)"),
            ("max_book_age_milliseconds", "\(maxBookAgeMilliseconds)"), ("confidence_trending", "\(confidenceTrending)"),
            ("confidence_ranging", "\(confidenceRanging)"), ("confidence_volatile", "\(confidenceVolatile)"),
            ("max_spoof_score", "\(maxSpoofScore)"), ("max_risk_penalty", "\(maxRiskPenalty)"),
            ("duplicate_signal_window_seconds", "\(duplicateSignalWindowSeconds)"),
            ("entry_cooldown_seconds", "\(entryCooldownSeconds)"), ("loss_cooldown_seconds", "\(lossCooldownSeconds)"),
            ("reversal_cooldown_seconds", "\(reversalCooldownSeconds)"), ("max_entries_per_hour", "\(maxEntriesPerHour)"),
            ("max_entries_per_day", "\(maxEntriesPerDay)"), ("orders_per_second", "\(ordersPerSecond)"),
            ("order_burst", "\(orderBurst)"), ("max_concurrent_positions", "\(maxConcurrentPositions)"),
            ("max_same_direction_correlated", "\(maxSameDirectionCorrelated)"),
            ("min_reward_risk_ratio", "\(minRewardRiskRatio)"),
            ("min_liquidation_to_stop_ratio", "\(minLiquidationToStopRatio)"),
            ("emergency_stop_fraction", "\(emergencyStopFraction)"), ("fat_finger_basis_points", "\(fatFingerBasisPoints)"),
            ("position_sync_max_age_seconds", "\(positionSyncMaxAgeSeconds)"),
            ("max_consecutive_rejects", "\(maxConsecutiveRejects)"), ("max_rejects_per_minute", "\(maxRejectsPerMinute)"),
            ("advisory_mode", "\(advisoryMode)"), ("advisory_minimum_confidence", "\(advisoryMinimumConfidence)"),
        ]
        return entries.map { "\($0.0) = \($0.1)\n" }.joined()
    }
}
