import AsymCore
import AsymTransport
import Synchronization

/// The receive side of one feed connection, run on its WebSocket client's service thread: classifies
/// each message, copies data frames into the ring once with their receive time, and leaves liveness
/// marks (atomics) for the supervisor thread.
final class LiveFeedReceiver: Sendable {
    let classifier: FeedFrameClassifier
    let producer: FeedRingProducer
    let counters: LiveFeedCounters
    let resync: LiveFeedResyncRequests
    /// Monotonic ns of the last data frame.
    let lastData = Atomic<Int64>(0)
    /// Monotonic ns of the last message of any kind.
    let lastMessage = Atomic<Int64>(0)
    /// Monotonic ns of the last heartbeat pong.
    let lastPong = Atomic<Int64>(0)
    /// Bumped on every `.closed` / `.connectionError`.
    let endings = Atomic<Int>(0)
    /// Set by an OKX maintenance notice (64008): reconnect proactively.
    let noticeReceived = Atomic<Bool>(false)

    init(classifier: FeedFrameClassifier, producer: FeedRingProducer, counters: LiveFeedCounters, resync: LiveFeedResyncRequests) {
        self.classifier = classifier
        self.producer = producer
        self.counters = counters
        self.resync = resync
    }

    func handle(_ event: WebSocketClientEvent) {
        switch event {
        case .message(_, let bytes):
            receive(bytes)
        case .closed, .connectionError:
            endings.add(1, ordering: .releasing)
        case .connected, .pong:
            // WebSocket-level pongs only answer our own pings, which the feed does not send.
            break
        }
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) {
        // Safety: `bytes` is valid only during this callback; it is classified in place and copied
        // into the ring exactly once by `push`, never retained.
        let receiveTime = WallClock.nanoseconds()
        let now = MonotonicClock.nanoseconds()
        lastMessage.store(now, ordering: .relaxed)
        switch classifier.classify(bytes) {
        case .control(let control):
            counters.controlCounter.add(1, ordering: .relaxed)
            switch control {
            case .pong:
                counters.pongsCounter.add(1, ordering: .relaxed)
                lastPong.store(now, ordering: .releasing)
            case .error:
                counters.venueErrorCounter.add(1, ordering: .relaxed)
            case .notice:
                noticeReceived.store(true, ordering: .releasing)
            case .acknowledgement:
                break
            }
        case .data(let tag):
            lastData.store(now, ordering: .releasing)
            push(bytes, receiveTime: receiveTime, tag: tag)
        }
    }

    /// Pushes one data frame; a frame that cannot be queued is a gap, so its book is resynced.
    func push(_ bytes: UnsafeRawBufferPointer, receiveTime: Int64, tag: FeedTag) {
        // Safety: read-only pass-through of the caller's buffer into the ring copy.
        switch producer.push(bytes, receiveTime: receiveTime, tag: tag) {
        case .pushed:
            counters.framesCounter.add(1, ordering: .relaxed)
            counters.bytesCounter.add(bytes.count, ordering: .relaxed)
            if tag.kind == .unclassified { counters.unclassifiedCounter.add(1, ordering: .relaxed) }
        case .full:
            counters.ringFullCounter.add(1, ordering: .relaxed)
            requestResync(after: tag)
        case .tooLarge:
            counters.oversizeCounter.add(1, ordering: .relaxed)
            requestResync(after: tag)
        }
    }

    private func requestResync(after tag: FeedTag) {
        guard tag.kind == .book || tag.kind == .depthSnapshot else { return }
        counters.resyncRequestCounter.add(1, ordering: .relaxed)
        resync.request(tag.symbolIndex)
    }
}
