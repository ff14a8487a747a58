import AsymCore
public import AsymRing
import AsymTransport
import Synchronization

/// Live market data from a venue's public WebSocket into a ``FrameRing`` for the engine thread.
///
/// - One supervised session per venue connection (Binance: `/public` for depth, `/market` for trades;
///   G1), each with the venue's heartbeat, stale-feed detection, reconnects with exponential backoff and
///   seeded jitter, and resubscription after reconnecting (the venue then sends a fresh snapshot; for
///   Binance a REST depth snapshot is fetched and injected with a ``FeedStreamKind/depthSnapshot`` tag).
/// - Each data frame is copied once, in the WebSocket callback, into the ring with its receive time
///   (`WallClock`) and a ``FeedTag`` (venue, kind, symbol index). Control messages (acks, pongs) are
///   recognised by byte prefix and kept out of the ring (see ``FeedFrameClassifier``).
/// - Back-pressure: a full ring drops the frame, counts it and resyncs that symbol's book.
/// - ``requestResync(symbolIndex:)`` may be called from the engine thread when a sequencer sees a gap:
///   it only sets an atomic bit that the connection's supervisor picks up.
public final class LiveFeed: Sendable {
    /// The configuration in use.
    public let configuration: LiveFeedConfiguration
    /// The ring frames are pushed into; the engine thread is its only consumer.
    public let ring: FrameRing
    /// Counters, readable from any thread.
    public let counters: LiveFeedCounters
    private let resync: LiveFeedResyncRequests
    private let connections: [LiveFeedConnection]
    private let threads = Mutex<[NamedThread]>([])
    private let started = Atomic<Bool>(false)

    /// Prepares the connections (lws contexts and their service threads) without connecting.
    public init(configuration: LiveFeedConfiguration, ring: FrameRing) throws(LiveFeedError) {
        guard !configuration.symbols.isEmpty else { throw .invalidConfiguration("no symbols") }
        guard configuration.symbols.count <= 64 else { throw .invalidConfiguration("at most 64 symbols per feed") }
        let base = configuration.effectiveBaseURL
        guard base.hasPrefix("ws://") || base.hasPrefix("wss://") else {
            throw .invalidConfiguration("base URL must start with ws:// or wss://: \(base)")
        }
        self.configuration = configuration
        self.ring = ring
        let counters = LiveFeedCounters()
        let resync = LiveFeedResyncRequests()
        let producer = FeedRingProducer(ring: ring)
        self.counters = counters
        self.resync = resync
        var connections: [LiveFeedConnection] = []
        for (index, plan) in LiveFeedStreamPlan.plans(for: configuration).enumerated() {
            let receiver = LiveFeedReceiver(classifier: plan.classifier, producer: producer, counters: counters, resync: resync)
            connections.append(try LiveFeedConnection(plan: plan, configuration: configuration, receiver: receiver, index: index))
        }
        self.connections = connections
    }

    deinit { stop() }

    /// The WebSocket URLs the feed connects to.
    public var urls: [String] { connections.map(\.plan.url) }

    /// Whether every connection is currently open.
    public var isConnected: Bool { connections.allSatisfy(\.client.isConnected) }

    /// Connects every connection once on the calling thread (blocking up to the connect timeout each),
    /// subscribes, then hands each to its supervisor thread, which keeps it alive from then on.
    ///
    /// - Throws: ``LiveFeedError/connectFailed(url:reason:)`` if a first connection fails; then nothing
    ///   keeps running, so an unreachable endpoint is an error rather than a silent retry loop.
    public func start() throws(LiveFeedError) {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { throw .alreadyStarted }
        for connection in connections {
            do {
                try connection.connectFirst()
            } catch {
                for opened in connections { try? opened.client.close(code: .goingAway, reason: "feed start failed") }
                throw error
            }
        }
        let supervisors = connections.map { connection in
            NamedThread(name: "asym-feed-\(connection.plan.name)") { connection.run() }
        }
        for thread in supervisors { thread.start() }
        threads.withLock { $0 = supervisors }
    }

    /// Stops the supervisors, closes the connections and stops their service threads. Idempotent.
    public func stop() {
        for connection in connections { connection.stop() }
        let running = threads.withLock { threads in
            defer { threads.removeAll() }
            return threads
        }
        for thread in running { thread.join() }
        for connection in connections { connection.client.shutdown() }
    }

    /// Asks for symbol `symbolIndex`'s book to be resynchronised: Bybit/OKX resubscribe its book topic
    /// (the venue sends a fresh snapshot), Binance fetches a REST depth snapshot. Safe from any thread;
    /// wait-free (one atomic OR).
    public func requestResync(symbolIndex: Int) {
        precondition(symbolIndex >= 0 && symbolIndex < configuration.symbols.count, "symbol index out of range")
        counters.resyncRequestCounter.add(1, ordering: .relaxed)
        resync.request(symbolIndex)
    }

    /// ``requestResync(symbolIndex:)`` by symbol name; false if the symbol is not in the configuration.
    @discardableResult
    public func requestResync(symbol: String) -> Bool {
        guard let index = configuration.symbols.firstIndex(of: symbol) else { return false }
        requestResync(symbolIndex: index)
        return true
    }

    /// The tag frames of `symbol` and `kind` carry, or nil if the symbol is not configured.
    public func tag(symbol: String, kind: FeedStreamKind) -> FeedTag? {
        configuration.symbols.firstIndex(of: symbol).map { FeedTag(venue: configuration.venue, kind: kind, symbolIndex: $0) }
    }
}
