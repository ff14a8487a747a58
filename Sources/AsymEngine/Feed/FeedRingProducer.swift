import AsymRing
import Synchronization

/// The producer side of a feed's ``FrameRing``, shared by the feed's connections.
///
/// `FrameRing` is single-producer; a feed has several producing threads (one lws service thread per
/// connection — Binance needs two — plus the thread injecting REST snapshots), so pushes are serialised
/// by a lock. The lock lives on the feed side only: the engine (consumer) never takes it, and it is
/// uncontended for Bybit and OKX (one connection).
final class FeedRingProducer: Sendable {
    let ring: FrameRing
    private let lock = Mutex(())

    init(ring: FrameRing) { self.ring = ring }

    /// Copies `bytes` into the next slot (the frame's single copy).
    func push(_ bytes: UnsafeRawBufferPointer, receiveTime: Int64, tag: FeedTag) -> FrameRing.PushResult {
        // Safety: `bytes` is read only for the copy, inside this call.
        lock.withLock { _ in ring.tryPush(bytes, receiveTime: receiveTime, tag: tag.rawValue) }
    }
}
