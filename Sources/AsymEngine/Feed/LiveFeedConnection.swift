import AsymCore
import AsymTransport
import Synchronization

/// One supervised WebSocket session of a ``LiveFeed``: connects, subscribes, keeps the heartbeat,
/// notices drops and staleness, reconnects with backoff, resubscribes, and performs book resyncs.
///
/// Frames are handled on the client's service thread by a ``LiveFeedReceiver``; everything else runs
/// on this connection's own supervisor thread, which is also where Binance REST snapshots are fetched
/// (blocking libcurl, never on the engine thread).
final class LiveFeedConnection: @unchecked Sendable {
    // @unchecked Sendable: `client`, `plan`, `receiver` and the atomics are Sendable; `http` and the
    // supervisor's locals are confined to the supervisor thread, which is the only caller of `run`.

    let plan: LiveFeedStreamPlan
    let configuration: LiveFeedConfiguration
    let receiver: LiveFeedReceiver
    let client: WebSocketClient
    let stopping = Atomic<Bool>(false)
    private var http: HTTPClient?
    private var backoff: ReconnectBackoff

    init(plan: LiveFeedStreamPlan, configuration: LiveFeedConfiguration, receiver: LiveFeedReceiver,
         index: Int) throws(LiveFeedError) {
        self.plan = plan
        self.configuration = configuration
        self.receiver = receiver
        backoff = ReconnectBackoff(base: configuration.backoffBase, maximum: configuration.backoffMaximum,
                                   seed: configuration.jitterSeed &+ UInt64(index))
        let clientConfiguration = WebSocketClientConfiguration(
            verifiesCertificate: configuration.verifiesCertificate, connectTimeout: configuration.connectTimeout,
            threadName: "asym-ws-\(plan.name)")
        do {
            client = try WebSocketClient(configuration: clientConfiguration) { event in receiver.handle(event) }
        } catch {
            throw .connectFailed(url: plan.url, reason: String(describing: error))
        }
    }

    private var counters: LiveFeedCounters { receiver.counters }

    /// Whether this connection carries order books (and so performs their resyncs).
    private var ownsBooks: Bool {
        if case .none = plan.resync { return false }
        return true
    }

    /// The first connection, on the caller's thread, so a bad endpoint fails `start()` instead of retrying forever.
    func connectFirst() throws(LiveFeedError) {
        do {
            try client.connect(to: plan.url)
        } catch {
            counters.connectFailuresCounter.add(1, ordering: .relaxed)
            throw .connectFailed(url: plan.url, reason: String(describing: error))
        }
        counters.connectsCounter.add(1, ordering: .relaxed)
        subscribe()
    }

    private func subscribe() {
        for message in plan.subscriptions { try? client.send(text: message) }
    }

    /// Stops the supervisor loop (it closes the connection on the way out).
    func stop() { stopping.store(true, ordering: .releasing) }

    // MARK: Supervisor thread

    /// The supervisor loop; returns after ``stop()``.
    func run() {
        let tick = max(FeedClock.nanoseconds(configuration.supervisorTick), 1_000_000)
        let stale = FeedClock.nanoseconds(configuration.staleTimeout)
        let heartbeat = FeedClock.nanoseconds(configuration.heartbeatInterval)
        let pongTimeout = FeedClock.nanoseconds(configuration.pongTimeout)
        var session = Session(connectedAt: MonotonicClock.nanoseconds(), endings: receiver.endings.load(ordering: .acquiring))
        var connected = true
        var failures = 0
        var nextAttempt: Int64 = 0
        var snapshotsDue = Self.allSymbols(configuration.symbols.count)
        var nextSnapshotAttempt: Int64 = 0

        while !stopping.load(ordering: .acquiring) {
            let now = MonotonicClock.nanoseconds()
            if !connected {
                if now >= nextAttempt {
                    let endings = receiver.endings.load(ordering: .acquiring)
                    do {
                        try client.reconnect()
                        connected = true
                        session = Session(connectedAt: MonotonicClock.nanoseconds(), endings: endings)
                        counters.connectsCounter.add(1, ordering: .relaxed)
                        counters.reconnectsCounter.add(1, ordering: .relaxed)
                        // The venue sends fresh snapshots on resubscribe; Binance needs a new REST one.
                        subscribe()
                        snapshotsDue = Self.allSymbols(configuration.symbols.count)
                        if ownsBooks { _ = receiver.resync.take() }
                    } catch {
                        failures += 1
                        counters.connectFailuresCounter.add(1, ordering: .relaxed)
                        nextAttempt = MonotonicClock.nanoseconds() + FeedClock.nanoseconds(backoff.delay(attempt: failures))
                    }
                }
                FeedClock.sleep(nanoseconds: tick)
                continue
            }

            if receiver.endings.load(ordering: .acquiring) != session.endings || !client.isConnected {
                connected = false
                counters.disconnectsCounter.add(1, ordering: .relaxed)
                nextAttempt = now + FeedClock.nanoseconds(backoff.delay(attempt: failures))
                continue
            }
            let lastData = max(receiver.lastData.load(ordering: .acquiring), session.connectedAt)
            if lastData > session.connectedAt { failures = 0 }  // data flowed: the endpoint is healthy again

            if now - lastData > stale {
                counters.staleCounter.add(1, ordering: .relaxed)
                closeForRecovery(session, reason: "stale feed")
                continue
            }
            if receiver.noticeReceived.exchange(false, ordering: .acquiring) {
                closeForRecovery(session, reason: "service notice")
                continue
            }
            if !keepAlive(&session, now: now, interval: heartbeat, pongTimeout: pongTimeout) {
                counters.heartbeatTimeoutCounter.add(1, ordering: .relaxed)
                closeForRecovery(session, reason: "heartbeat timeout")
                continue
            }

            // Only the connection carrying the books may take requests (Binance's trades connection shares them).
            let requested = ownsBooks ? receiver.resync.take() : 0
            switch plan.resync {
            case .resubscribe(let messages):
                if requested != 0 {
                    counters.resyncCounter.add(1, ordering: .relaxed)
                    for index in messages.indices where requested & (1 << UInt64(index)) != 0 {
                        for message in messages[index] { try? client.send(text: message) }
                    }
                }
            case .restSnapshot(let urls):
                if requested != 0 { counters.resyncCounter.add(1, ordering: .relaxed) }
                snapshotsDue |= requested
                if snapshotsDue != 0, now >= nextSnapshotAttempt {
                    snapshotsDue = fetchSnapshots(urls, due: snapshotsDue)
                    if snapshotsDue != 0 { nextSnapshotAttempt = MonotonicClock.nanoseconds() + max(FeedClock.nanoseconds(configuration.backoffBase), tick) }
                }
            case .none:
                break
            }
            FeedClock.sleep(nanoseconds: tick)
        }
        try? client.close(code: .goingAway, reason: "feed stopped")
    }

    /// The supervisor's view of the current connection.
    private struct Session {
        let connectedAt: Int64
        let endings: Int
        var lastPingSent: Int64 = 0
        var awaitingPongSince: Int64?

        init(connectedAt: Int64, endings: Int) {
            self.connectedAt = connectedAt
            self.endings = endings
            lastPingSent = connectedAt
        }
    }

    /// Sends heartbeats when due; false if an expected pong is overdue.
    private func keepAlive(_ session: inout Session, now: Int64, interval: Int64, pongTimeout: Int64) -> Bool {
        if let since = session.awaitingPongSince {
            if receiver.lastPong.load(ordering: .acquiring) >= since {
                session.awaitingPongSince = nil
            } else if now - since > pongTimeout {
                return false
            }
        }
        switch plan.heartbeat {
        case .periodic(let ping):
            if now - session.lastPingSent >= interval { sendPing(ping, &session, now: now) }
        case .whenIdle(let ping):
            let lastHeard = max(receiver.lastMessage.load(ordering: .acquiring), session.connectedAt)
            if session.awaitingPongSince == nil, now - lastHeard >= interval, now - session.lastPingSent >= interval {
                sendPing(ping, &session, now: now)
            }
        case .serverPings:
            break
        }
        return true
    }

    private func sendPing(_ text: String, _ session: inout Session, now: Int64) {
        session.lastPingSent = now
        guard (try? client.send(text: text)) != nil else { return }
        counters.pingsCounter.add(1, ordering: .relaxed)
        if session.awaitingPongSince == nil { session.awaitingPongSince = now }
    }

    /// Closes the connection ourselves and waits (bounded) for lws to report it closed; the main loop
    /// then reconnects.
    private func closeForRecovery(_ session: Session, reason: String) {
        try? client.close(code: .goingAway, reason: reason)
        let deadline = MonotonicClock.nanoseconds() + 2_000_000_000
        while receiver.endings.load(ordering: .acquiring) == session.endings, MonotonicClock.nanoseconds() < deadline,
              !stopping.load(ordering: .acquiring) {
            FeedClock.sleep(nanoseconds: 1_000_000)
        }
    }

    /// Fetches the due REST snapshots and injects them; returns the symbols still due (failed fetches).
    private func fetchSnapshots(_ urls: [String], due: UInt64) -> UInt64 {
        if http == nil {
            http = try? HTTPClient(configuration: HTTPClientConfiguration(verifyTLS: configuration.verifiesCertificate))
        }
        guard let http else {
            counters.restFailureCounter.add(1, ordering: .relaxed)
            return due
        }
        var remaining = due
        for (index, url) in urls.enumerated() where due & (1 << UInt64(index)) != 0 {
            guard let response = try? http.get(url), response.status == 200 else {
                counters.restFailureCounter.add(1, ordering: .relaxed)
                continue
            }
            remaining &= ~(1 << UInt64(index))
            counters.restSnapshotCounter.add(1, ordering: .relaxed)
            let tag = FeedTag(venue: configuration.venue, kind: .depthSnapshot, symbolIndex: index)
            // Safety: the response body's bytes are only read for the ring copy, inside the closure.
            response.body.withUnsafeBytes { body in
                receiver.push(body, receiveTime: WallClock.nanoseconds(), tag: tag)
            }
        }
        return remaining
    }

    private static func allSymbols(_ count: Int) -> UInt64 {
        count >= 64 ? UInt64.max : (1 << UInt64(count)) - 1
    }
}
