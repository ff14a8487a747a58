/// The limits that are durations, in integer nanoseconds: a check compares, never converts.
struct RiskThresholds: BitwiseCopyable {
    let maxSignalAge: Int64
    let maxBookAge: Int64
    let duplicateWindow: Int64
    let positionSyncMaxAge: Int64
    let entryCooldown: Int64
    let reversalCooldown: Int64

    init(_ limits: RiskLimits) {
        func nanoseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1e9).rounded()) }
        maxSignalAge = nanoseconds(limits.maxSignalAgeSeconds)
        maxBookAge = nanoseconds(limits.maxBookAgeMilliseconds / 1_000)
        duplicateWindow = max(1, nanoseconds(limits.duplicateSignalWindowSeconds))
        positionSyncMaxAge = nanoseconds(limits.positionSyncMaxAgeSeconds)
        entryCooldown = nanoseconds(limits.entryCooldownSeconds)
        reversalCooldown = nanoseconds(limits.reversalCooldownSeconds)
    }
}
