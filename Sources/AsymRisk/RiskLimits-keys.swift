/// A configuration value for one limit, as read from TOML.
public enum RiskLimitValue: Sendable {
    case number(Double)
    case integer(Int)
    case text(String)
}

extension RiskLimits {
    /// Every key of the `[risk]` table, in the order of `canonicalText`.
    public static var keys: [String] {
        RiskLimits().canonicalText.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    /// Sets the limit named `key` (the TOML key, units in the name).
    ///
    /// Unknown keys and wrong types are errors; caps are checked later by `validated()`.
    public mutating func set(_ key: String, to value: RiskLimitValue) throws(RiskLimitError) {
        func number() throws(RiskLimitError) -> Double {
            switch value {
            case .number(let number): return number
            case .integer(let integer): return Double(integer)
            case .text: throw .wrongType(key: key, expected: "a number")
            }
        }
        func integer() throws(RiskLimitError) -> Int {
            guard case .integer(let integer) = value else { throw .wrongType(key: key, expected: "an integer") }
            return integer
        }
        switch key {
        case "max_leverage": maxLeverage = try integer()
        case "risk_per_trade_fraction": riskPerTradeFraction = try number()
        case "position_margin_fraction": positionMarginFraction = try number()
        case "total_margin_fraction": totalMarginFraction = try number()
        case "reference_atr_fraction": referenceATRFraction = try number()
        case "volatility_leverage_budget": volatilityLeverageBudget = try number()
        case "kelly_minimum_trades": kellyMinimumTrades = try integer()
        case "daily_loss_fraction": dailyLossFraction = try number()
        case "drawdown_fraction": drawdownFraction = try number()
        case "consecutive_losses_to_cooldown": consecutiveLossesToCooldown = try integer()
        case "consecutive_loss_cooldown_seconds": consecutiveLossCooldownSeconds = try number()
        case "consecutive_losses_to_halt": consecutiveLossesToHalt = try integer()
        case "max_signal_age_seconds": maxSignalAgeSeconds = try number()
        case "max_book_age_milliseconds": maxBookAgeMilliseconds = try number()
        case "confidence_trending": confidenceTrending = try number()
        case "confidence_ranging": confidenceRanging = try number()
        case "confidence_volatile": confidenceVolatile = try number()
        case "max_spoof_score": maxSpoofScore = try number()
        case "max_risk_penalty": maxRiskPenalty = try number()
        case "duplicate_signal_window_seconds": duplicateSignalWindowSeconds = try number()
        case "entry_cooldown_seconds": entryCooldownSeconds = try number()
        case "loss_cooldown_seconds": lossCooldownSeconds = try number()
        case "reversal_cooldown_seconds": reversalCooldownSeconds = try number()
        case "max_entries_per_hour": maxEntriesPerHour = try integer()
        case "max_entries_per_day": maxEntriesPerDay = try integer()
        case "orders_per_second": ordersPerSecond = try number()
        case "order_burst": orderBurst = try integer()
        case "max_concurrent_positions": maxConcurrentPositions = try integer()
        case "max_same_direction_correlated": maxSameDirectionCorrelated = try integer()
        case "min_reward_risk_ratio": minRewardRiskRatio = try number()
        case "min_liquidation_to_stop_ratio": minLiquidationToStopRatio = try number()
        case "emergency_stop_fraction": emergencyStopFraction = try number()
        case "fat_finger_basis_points": fatFingerBasisPoints = try number()
        case "position_sync_max_age_seconds": positionSyncMaxAgeSeconds = try number()
        case "max_consecutive_rejects": maxConsecutiveRejects = try integer()
        case "max_rejects_per_minute": maxRejectsPerMinute = try integer()
        case "advisory_mode":
            guard case .text(let text) = value, let mode = AdvisoryMode.allCases.first(where: { $0.description == text }) else {
                throw .wrongType(key: key, expected: "one of \"off\", \"veto\", \"require\"")
            }
            advisoryMode = mode
        case "advisory_minimum_confidence": advisoryMinimumConfidence = try number()
        default: throw .unknownKey(key)
        }
    }
}
