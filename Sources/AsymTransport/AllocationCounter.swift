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

    /// Runs `body` counting only this thread's allocations, so other threads (parallel tests, the
    /// journal thread) cannot disturb the count. `body` must not suspend.
    public static func countingOnThisThread<Result>(_ body: () throws -> Result) rethrows
        -> (result: Result, allocations: UInt64)
    {
        CPlatform_thread_allocation_counting(1)
        defer { CPlatform_thread_allocation_counting(0) }
        let before = CPlatform_thread_allocations()
        let result = try body()
        return (result, CPlatform_thread_allocations() &- before)
    }
}
