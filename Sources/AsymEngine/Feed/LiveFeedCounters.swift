import Synchronization

/// A ``LiveFeed``'s counters, written by its feed threads and readable from any thread (relaxed atomics:
/// each value is exact, but a set of them read together is not a consistent snapshot).
public final class LiveFeedCounters: Sendable {
    let framesCounter = Atomic<Int>(0)
    let bytesCounter = Atomic<Int>(0)
    let controlCounter = Atomic<Int>(0)
    let unclassifiedCounter = Atomic<Int>(0)
    let venueErrorCounter = Atomic<Int>(0)
    let connectsCounter = Atomic<Int>(0)
    let reconnectsCounter = Atomic<Int>(0)
    let disconnectsCounter = Atomic<Int>(0)
    let connectFailuresCounter = Atomic<Int>(0)
    let staleCounter = Atomic<Int>(0)
    let heartbeatTimeoutCounter = Atomic<Int>(0)
    let pingsCounter = Atomic<Int>(0)
    let pongsCounter = Atomic<Int>(0)
    let ringFullCounter = Atomic<Int>(0)
    let oversizeCounter = Atomic<Int>(0)
    let resyncRequestCounter = Atomic<Int>(0)
    let resyncCounter = Atomic<Int>(0)
    let restSnapshotCounter = Atomic<Int>(0)
    let restFailureCounter = Atomic<Int>(0)

    init() {}

    /// Data frames pushed into the ring (REST snapshots included).
    public var frames: Int { framesCounter.load(ordering: .relaxed) }
    /// Bytes of those frames.
    public var bytes: Int { bytesCounter.load(ordering: .relaxed) }
    /// Control messages (acks, pongs, errors, notices) recognised and kept out of the ring.
    public var controlFrames: Int { controlCounter.load(ordering: .relaxed) }
    /// Frames not attributed to a subscribed stream (still pushed, with an `.unclassified` tag).
    public var unclassifiedFrames: Int { unclassifiedCounter.load(ordering: .relaxed) }
    /// Venue error replies (`success:false`, `event:error`, `{"error":…}`).
    public var venueErrors: Int { venueErrorCounter.load(ordering: .relaxed) }
    /// Successful connections, first ones included.
    public var connects: Int { connectsCounter.load(ordering: .relaxed) }
    /// Successful reconnections after a drop.
    public var reconnects: Int { reconnectsCounter.load(ordering: .relaxed) }
    /// Connections lost (closed by the peer, dropped, or closed by us to recover).
    public var disconnects: Int { disconnectsCounter.load(ordering: .relaxed) }
    /// Failed connect attempts.
    public var connectFailures: Int { connectFailuresCounter.load(ordering: .relaxed) }
    /// Connections closed because no data arrived within the stale timeout.
    public var staleReconnects: Int { staleCounter.load(ordering: .relaxed) }
    /// Connections closed because a heartbeat pong did not come back.
    public var heartbeatTimeouts: Int { heartbeatTimeoutCounter.load(ordering: .relaxed) }
    /// Application-level pings sent (Bybit JSON, OKX text).
    public var pingsSent: Int { pingsCounter.load(ordering: .relaxed) }
    /// Their pongs received.
    public var pongsReceived: Int { pongsCounter.load(ordering: .relaxed) }
    /// Frames dropped because the ring was full (each triggers a resync of its stream).
    public var ringFullDrops: Int { ringFullCounter.load(ordering: .relaxed) }
    /// Frames dropped because they exceeded a ring slot.
    public var oversizedFrames: Int { oversizeCounter.load(ordering: .relaxed) }
    /// Resync requests received (engine gaps and ring drops).
    public var resyncRequests: Int { resyncRequestCounter.load(ordering: .relaxed) }
    /// Resyncs performed (resubscriptions or REST snapshot rounds).
    public var resyncs: Int { resyncCounter.load(ordering: .relaxed) }
    /// REST depth snapshots injected into the ring.
    public var restSnapshots: Int { restSnapshotCounter.load(ordering: .relaxed) }
    /// REST snapshot requests that failed (retried).
    public var restFailures: Int { restFailureCounter.load(ordering: .relaxed) }
}
