import AsymCore
import Foundation
import Synchronization

/// Sleeping helpers for the feed's supervisor, replay and heartbeat threads (never the engine thread).
enum FeedClock {
    /// Sleeps `nanoseconds` (no-op if not positive).
    static func sleep(nanoseconds: Int64) {
        guard nanoseconds > 0 else { return }
        Thread.sleep(forTimeInterval: Double(nanoseconds) / 1e9)
    }

    /// Sleeps until the monotonic time `deadline`, in slices of at most 20 ms so `stop` is noticed;
    /// returns false if stopped first.
    @discardableResult
    static func sleep(until deadline: Int64, unlessSet stop: borrowing Atomic<Bool>) -> Bool {
        while true {
            if stop.load(ordering: .acquiring) { return false }
            let remaining = deadline - MonotonicClock.nanoseconds()
            if remaining <= 0 { return true }
            sleep(nanoseconds: min(remaining, 20_000_000))
        }
    }

    /// Nanoseconds in a `Duration`, saturating.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? Int64.max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
