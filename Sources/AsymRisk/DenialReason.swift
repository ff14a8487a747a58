/// Why the gate refused an order: one case per check, so denials are counted and journalled
/// as numbers, never strings.
public enum DenialReason: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    case tradingHalted = 1
    case reducingOnly
    case killSwitchEngaged
    case staleSignal
    case bookNotUsable
    case bookStale
    case confidenceBelowRegimeBar
    case spoofScoreTooHigh
    case riskPenaltyTooHigh
    case duplicateSignal
    case entryCooldown
    case lossCooldown
    case reversalCooldown
    case hourlyEntryLimit
    case dailyEntryLimit
    case orderThrottle
    case sizeBelowVenueMinimum
    case notionalBelowVenueMinimum
    case noEdge
    case totalMarginCap
    case leverageMismatch
    case dailyLossBreaker
    case drawdownBreaker
    case consecutiveLossCooldown
    case maxConcurrentPositions
    case correlationGuard
    case rewardRiskTooLow
    case liquidationTooClose
    case stopTooFar
    case fatFinger
    case positionOutOfSync
    case rejectStorm
    case advisoryVeto
    case advisoryConsensusRequired
    case invalidOrder
    case nothingToReduce

    /// snake_case name, as used in metrics labels, journal exports and `--json` output.
    public var description: String {
        switch self {
        case .tradingHalted: "trading_halted"
        case .reducingOnly: "reducing_only"
        case .killSwitchEngaged: "kill_switch_engaged"
        case .staleSignal: "stale_signal"
        case .bookNotUsable: "book_not_usable"
        case .bookStale: "book_stale"
        case .confidenceBelowRegimeBar: "confidence_below_regime_bar"
        case .spoofScoreTooHigh: "spoof_score_too_high"
        case .riskPenaltyTooHigh: "risk_penalty_too_high"
        case .duplicateSignal: "duplicate_signal"
        case .entryCooldown: "entry_cooldown"
        case .lossCooldown: "loss_cooldown"
        case .reversalCooldown: "reversal_cooldown"
        case .hourlyEntryLimit: "hourly_entry_limit"
        case .dailyEntryLimit: "daily_entry_limit"
        case .orderThrottle: "order_throttle"
        case .sizeBelowVenueMinimum: "size_below_venue_minimum"
        case .notionalBelowVenueMinimum: "notional_below_venue_minimum"
        case .noEdge: "no_edge"
        case .totalMarginCap: "total_margin_cap"
        case .leverageMismatch: "leverage_mismatch"
        case .dailyLossBreaker: "daily_loss_breaker"
        case .drawdownBreaker: "drawdown_breaker"
        case .consecutiveLossCooldown: "consecutive_loss_cooldown"
        case .maxConcurrentPositions: "max_concurrent_positions"
        case .correlationGuard: "correlation_guard"
        case .rewardRiskTooLow: "reward_risk_too_low"
        case .liquidationTooClose: "liquidation_too_close"
        case .stopTooFar: "stop_too_far"
        case .fatFinger: "fat_finger"
        case .positionOutOfSync: "position_out_of_sync"
        case .rejectStorm: "reject_storm"
        case .advisoryVeto: "advisory_veto"
        case .advisoryConsensusRequired: "advisory_consensus_required"
        case .invalidOrder: "invalid_order"
        case .nothingToReduce: "nothing_to_reduce"
        }
    }
}
