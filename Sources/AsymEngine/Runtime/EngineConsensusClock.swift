import AsymConsensus
import AsymCore

/// The consensus's clock in engine time: with a stretched `EngineClock` (the demo replaying market time faster
/// than real time) the bias's creation and expiry, the cadence and the feedback horizon must be on the same
/// clock the risk gate judges freshness by.
struct EngineConsensusClock: ConsensusClock {
    let clock: EngineClock

    func now() -> Int64 { clock.engineTime(WallClock.nanoseconds()) }

    func sleep(nanoseconds: Int64) async throws {
        guard nanoseconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(Double(nanoseconds) / clock.speed))
    }
}
