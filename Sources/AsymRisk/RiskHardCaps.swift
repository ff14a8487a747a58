/// Compiled limits that no configuration can loosen.
///
/// The field report behind asym: a 10x "emergency cap" existed only in config while the code traded
/// at the venue's 50x maximum, with fixed position sizes and no cooldowns, and an account went from
/// $31.99 to $1.74. Here the caps are code: `RiskLimits.validated()` refuses any value beyond them.
public enum RiskHardCaps {
    /// Maximum leverage, whatever config or the venue allow.
    public static let maximumLeverage = 10
    /// Maximum loss at the stop per trade, as a fraction of equity.
    public static let maximumRiskPerTradeFraction = 0.02
    /// Maximum margin of one position, as a fraction of equity.
    public static let maximumPositionMarginFraction = 0.05
    /// Maximum total margin in use, as a fraction of equity.
    public static let maximumTotalMarginFraction = 0.5
    /// Maximum daily loss before trading halts, as a fraction of start-of-day equity.
    public static let maximumDailyLossFraction = 0.10
    /// Maximum drawdown from peak equity before trading halts.
    public static let maximumDrawdownFraction = 0.30
    /// Most consecutive losses before trading halts.
    public static let maximumConsecutiveLossesToHalt = 10
    /// Most entries per hour.
    public static let maximumEntriesPerHour = 12
    /// Most entries per UTC day.
    public static let maximumEntriesPerDay = 50
    /// Fewest seconds between entries on one symbol.
    public static let minimumEntryCooldownSeconds = 30.0
    /// Fewest seconds of cooldown after a losing trade.
    public static let minimumLossCooldownSeconds = 30.0
    /// Oldest a signal may be, in seconds.
    public static let maximumSignalAgeSeconds = 60.0
    /// Oldest a book may be, in milliseconds.
    public static let maximumBookAgeMilliseconds = 10_000.0
    /// Lowest confidence bar in any regime.
    public static let minimumConfidenceBar = 0.5
    /// Highest spoof score an entry may carry.
    public static let maximumSpoofScore = 0.8
    /// Highest risk penalty an entry may carry.
    public static let maximumRiskPenalty = 0.95
    /// Lowest reward:risk ratio.
    public static let minimumRewardRiskRatio = 1.0
    /// Widest emergency stop, as an adverse move fraction.
    public static let maximumEmergencyStopFraction = 0.10
    /// Smallest liquidation distance, in multiples of the stop distance.
    public static let minimumLiquidationToStopRatio = 1.5
    /// Most order submissions per second per venue.
    public static let maximumOrdersPerSecond = 20.0
    /// Widest fat-finger band around the mid, in basis points.
    public static let maximumFatFingerBasisPoints = 500.0
    /// Oldest a position confirmation may be, in seconds.
    public static let maximumPositionSyncAgeSeconds = 300.0
    /// Most consecutive venue rejects before halting.
    public static let maximumConsecutiveRejects = 20
    /// Most venue rejects per minute before halting.
    public static let maximumRejectsPerMinute = 60
    /// Most concurrent positions.
    public static let maximumConcurrentPositions = 20
}
