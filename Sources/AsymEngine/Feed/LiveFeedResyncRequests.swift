import Synchronization

/// Pending book resyncs, one bit per symbol index: set by any thread, taken by the feed's supervisor.
final class LiveFeedResyncRequests: Sendable {
    private let mask = Atomic<UInt64>(0)

    init() {}

    /// Marks symbol `index` (0…63) for resync.
    func request(_ index: Int) {
        guard index >= 0 && index < 64 else { return }
        mask.bitwiseOr(1 << UInt64(index), ordering: .releasing)
    }

    /// Marks every symbol below `count` for resync.
    func requestAll(_ count: Int) {
        mask.bitwiseOr(count >= 64 ? UInt64.max : (1 << UInt64(count)) - 1, ordering: .releasing)
    }

    /// Takes and clears the pending set.
    func take() -> UInt64 { mask.exchange(0, ordering: .acquiring) }
}
