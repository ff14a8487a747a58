#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds from `CLOCK_MONOTONIC` (served by the vDSO: no system call).
public enum MonotonicClock {
    /// Current monotonic time in nanoseconds.
    public static func nanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}

/// Nanoseconds since the Unix epoch from `CLOCK_REALTIME`, for receive timestamps.
public enum WallClock {
    /// Current wall-clock time in nanoseconds since 1970-01-01 UTC.
    public static func nanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}
