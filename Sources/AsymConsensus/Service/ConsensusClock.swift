import AsymCore

/// The time source and sleeper of the consensus: wall-clock time (rounds, budgets and biases are stamped in
/// nanoseconds since the Unix epoch, like journal records) and cancellable sleeps (cadence, retry backoff).
///
/// Injected so tests and replays can run rounds at chosen times and check the delays the service asked for.
public protocol ConsensusClock: Sendable {
    /// Now, nanoseconds since the Unix epoch.
    func now() -> Int64
    /// Suspends for `nanoseconds` (no-op if not positive); throws `CancellationError` when the task is cancelled.
    func sleep(nanoseconds: Int64) async throws
}

/// `CLOCK_REALTIME` and `Task.sleep`.
public struct SystemConsensusClock: ConsensusClock {
    public init() {}

    public func now() -> Int64 { WallClock.nanoseconds() }

    public func sleep(nanoseconds: Int64) async throws {
        guard nanoseconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(nanoseconds))
    }
}
