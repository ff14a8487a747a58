import CPlatform

/// Counts heap allocations process-wide, for benchmarks that must prove zero allocations.
///
/// Backed by the malloc interposer that asym's executables (the CLI and the test runners) link:
/// counting is off by default and costs one relaxed load per malloc; while on, each malloc is one
/// relaxed atomic increment. In a binary without the interposer, `isAvailable` is false.
public enum AllocationCounter {
    /// Whether malloc in this process really goes through the counter (false means "not measurable").
    public static var isAvailable: Bool { CPlatform_allocation_counter_available() != 0 }

    /// Starts or stops counting.
    public static func setCounting(_ enabled: Bool) { CPlatform_allocation_counting(enabled ? 1 : 0) }

    /// Allocations counted so far (malloc, calloc, realloc, aligned variants).
    public static var allocations: UInt64 { CPlatform_allocations() }

    /// Frees counted so far.
    public static var frees: UInt64 { CPlatform_frees() }

    /// Bytes requested by the counted allocations.
    public static var bytes: UInt64 { CPlatform_allocated_bytes() }

    /// Runs `body` with counting on and returns the allocations it made.
    public static func counting<Result>(_ body: () throws -> Result) rethrows -> (result: Result, allocations: UInt64) {
        setCounting(true)
        let before = allocations
        let result = try body()
        let after = allocations
        setCounting(false)
        return (result, after &- before)
    }

    /// Starts or stops counting the calling thread's allocations (a per-thread counter, independent of
    /// `setCounting`): a long-lived thread can count for its whole life and read `allocationsOnThisThread`
    /// around the work it wants to check.
    public static func setCountingOnThisThread(_ enabled: Bool) { CPlatform_thread_allocation_counting(enabled ? 1 : 0) }

    /// The calling thread's allocations counted so far (a thread-local read, no atomic).
    public static var allocationsOnThisThread: UInt64 { CPlatform_thread_allocations() }

    /// Runs `body` counting only this thread's allocations, so other threads (parallel tests, the
    /// journal thread) cannot disturb the count. `body` must not suspend.
    public static func countingOnThisThread<Result>(_ body: () throws -> Result) rethrows
        -> (result: Result, allocations: UInt64)
    {
        setCountingOnThisThread(true)
        defer { setCountingOnThisThread(false) }
        let before = allocationsOnThisThread
        let result = try body()
        return (result, allocationsOnThisThread &- before)
    }
}
