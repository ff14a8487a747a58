public import AsymCore
public import AsymExecution
import AsymRing
import AsymRisk
public import AsymTransport
import AsymVenues
import Foundation
import Synchronization

/// Bybit V5 (USDT perpetuals) as an `ExecutionVenue`: signed REST order entry over libcurl, and order states and
/// fills from the authenticated private stream.
///
/// - The engine thread never waits on the network. `send` and `cancel` put a plain request on an SPSC ring and
///   return; the gateway thread (`asym-gateway-bybit`) signs it (HMAC-SHA256 over `timestamp + key + recvWindow +
///   body`, PROTOCOLS.md §1), posts it and turns the venue's answers into `VenueReport`s on a second SPSC ring,
///   which `nextReport` pops.
/// - Acks come from the REST reply (`retCode` 0) or the `order` stream, whichever is first; fills only from the
///   `execution` stream, keyed by `execId` so a repeat is dropped by the router; cancels and rejects from the
///   `order` stream; refusals (`retCode` ≠ 0) become rejects with a typed reason.
/// - A request whose answer is lost (timeout, dropped connection, a reply that is not Bybit's JSON) is resolved by
///   asking for the order by client id, never by sending it again: found means acked (and whatever state the
///   venue reports); not found after `resolutionQueries` answers means it never arrived.
/// - Without an authenticated, subscribed private stream the gateway would be blind to fills, so `send` refuses
///   (`notSent`) until the stream is back; after a reconnect every open order is queried, and fills missed
///   meanwhile are reported from the venue's cumulative filled quantity.
/// - `query` is synchronous REST on the caller's thread: for recovery and `OrderRouter.resolve`, not the hot path.
///
/// The API key and secret stay inside (`Secret`); neither is logged nor appears in a report. Model: hftbacktest's
/// and nautilus_trader's live execution clients (requests out, reports back asynchronously).
public final class BybitOrderGateway: ExecutionVenue, @unchecked Sendable {
    // @unchecked Sendable: the rings are SPSC (engine → gateway thread, gateway thread → engine); `inbox`,
    // `state` and `statisticsStore` are synchronised; `tracked` and `pendingResolutions` are touched only by the
    // gateway thread (and by `start` before that thread exists).

    public let configuration: BybitGatewayConfiguration
    private let apiKey: Secret
    /// Used by the gateway thread (and `start`, before it runs).
    private let signer: HMAC
    /// `query`'s own, since it runs on the caller's thread.
    private let querySigner: HMAC
    private let instruments: [InstrumentID: Instrument]
    private let bySymbol: [String: (id: InstrumentID, instrument: Instrument)]
    private let wallClockMilliseconds: @Sendable () -> Int64
    private let requests: SPSCRing<GatewayRequest>
    private let reports: SPSCRing<VenueReport>
    private let http: HTTPClient
    private let queryClient: HTTPClient
    private var stream: WebSocketClient?
    private let inbox = Mutex<[BybitPrivateMessage]>([])
    private let state = Atomic<UInt8>(StreamState.disconnected.rawValue)
    private let running = Atomic<Bool>(false)
    private let statisticsStore = Mutex(BybitGatewayStatistics())
    private var thread: NamedThread?

    // Gateway thread only.
    private var tracked: [ClientOrderID: TrackedOrder] = [:]
    private var pendingResolutions: [(id: ClientOrderID, answersLeft: Int, nextMilliseconds: Int64)] = []
    private var lastPingMilliseconds: Int64 = 0

    private enum StreamState: UInt8 { case disconnected, connected, authenticated, subscribed }

    /// What the gateway knows about an order it sent.
    private struct TrackedOrder {
        var symbol: String
        var instrument: InstrumentID
        var side: TakerSide
        var lots: Int64
        var filledLots: Int64 = 0
        var filledNotional: Double = 0
        var isAcked = false
        var hasEnded = false
    }

    /// - Parameters:
    ///   - instruments: the Bybit instruments the engine trades, by the ids its orders carry.
    ///   - wallClockMilliseconds: the clock requests are stamped with (the venue checks it against its own).
    /// - Throws: `BybitGatewayError.wrongVenue` for a non-Bybit instrument; `HTTPClientError` when libcurl cannot
    ///   start; `CryptoError` for an unusable secret.
    public init(configuration: BybitGatewayConfiguration, apiKey: Secret, apiSecret: Secret,
                instruments: [InstrumentID: Instrument],
                wallClockMilliseconds: (@Sendable () -> Int64)? = nil) throws {
        for instrument in instruments.values where instrument.venue != .bybit { throw BybitGatewayError.wrongVenue(instrument.symbol) }
        self.configuration = configuration
        self.apiKey = apiKey
        signer = try apiSecret.withValue { try HMAC(key: $0) }
        querySigner = try apiSecret.withValue { try HMAC(key: $0) }
        self.instruments = instruments
        bySymbol = Dictionary(uniqueKeysWithValues: instruments.map { ($0.value.symbol, ($0.key, $0.value)) })
        self.wallClockMilliseconds = wallClockMilliseconds ?? { Int64(Date().timeIntervalSince1970 * 1000) }
        requests = SPSCRing(capacity: configuration.requestCapacity)
        reports = SPSCRing(capacity: configuration.reportCapacity)
        var httpConfiguration = HTTPClientConfiguration()
        httpConfiguration.timeoutMilliseconds = configuration.requestTimeoutMilliseconds
        http = try HTTPClient(configuration: httpConfiguration)
        queryClient = try HTTPClient(configuration: httpConfiguration)
    }

    deinit { stop() }

    public var statistics: BybitGatewayStatistics { statisticsStore.withLock { $0 } }

    /// Whether orders can be sent: the private stream is authenticated and subscribed.
    public var isReady: Bool { state.load(ordering: .acquiring) == StreamState.subscribed.rawValue }

    /// Connects, authenticates and subscribes the private stream, then starts the gateway thread.
    ///
    /// - Throws: `BybitGatewayError` when the stream cannot be connected, refuses the key or the subscription, or
    ///   does not answer within `startTimeoutMilliseconds`.
    public func start() throws(BybitGatewayError) {
        guard thread == nil else { return }
        try openStream()
        running.store(true, ordering: .releasing)
        let thread = NamedThread(name: "asym-gateway-bybit") { [self] in run() }
        self.thread = thread
        thread.start()
    }

    /// Stops the gateway thread and closes the stream. Requests still queued are not sent.
    public func stop() {
        running.store(false, ordering: .releasing)
        thread?.join()
        thread = nil
        stream?.shutdown()
        stream = nil
        state.store(StreamState.disconnected.rawValue, ordering: .releasing)
    }

    // MARK: - ExecutionVenue (engine thread)

    public func send(_ order: VenueOrder, now: Int64) -> VenueSendResult {
        guard isReady else { return .notSent }
        let request = GatewayRequest(kind: .create, clientOrderID: order.clientOrderID, instrument: order.instrument,
                                     side: order.side, orderType: order.orderType, price: order.price, lots: order.lots,
                                     reduceOnly: order.reduceOnly)
        return requests.tryPush(request) ? .sent : .notSent
    }

    public func cancel(clientOrderID: ClientOrderID, instrument: InstrumentID, now: Int64) -> VenueSendResult {
        guard isReady else { return .notSent }
        let request = GatewayRequest(kind: .cancel, clientOrderID: clientOrderID, instrument: instrument, side: .buy,
                                     orderType: .limit, price: 0, lots: 0, reduceOnly: false)
        return requests.tryPush(request) ? .sent : .notSent
    }

    public func nextReport(now: Int64) -> VenueReport? { reports.tryPop() }

    /// Asks the venue for `clientOrderID` by REST, on the calling thread (blocking for up to the request timeout).
    public func query(clientOrderID: ClientOrderID, now: Int64) -> VenueQueryResult {
        for (_, entry) in bySymbol {
            switch fetchOrder(clientOrderID, symbol: entry.instrument.symbol, client: queryClient, signer: querySigner) {
            case .found(let update):
                let filled = update.filledQuantity
                let tick = entry.instrument.priceScale.tickValue
                return .found(VenueOrderSnapshot(state: Self.orderState(update), filledLots: filled,
                                                 averagePrice: update.averagePrice / tick, fee: update.cumulativeFee))
            case .notFound: continue
            case .unavailable: return .unavailable
            }
        }
        return .notFound
    }

    // MARK: - Private stream

    private func openStream() throws(BybitGatewayError) {
        state.store(StreamState.disconnected.rawValue, ordering: .releasing)
        stream?.shutdown()
        let lookup: @Sendable (String) -> Instrument? = { [bySymbol] in bySymbol[$0]?.instrument }
        let client: WebSocketClient
        do {
            client = try WebSocketClient(configuration: WebSocketClientConfiguration(threadName: "asym-gateway-ws")) {
                [weak self] event in self?.streamEvent(event, lookup: lookup)
            }
            try client.connect(to: configuration.privateStreamURL)
        } catch {
            throw .streamUnavailable("\(error)")
        }
        stream = client
        state.store(StreamState.connected.rawValue, ordering: .releasing)
        let expires = wallClockMilliseconds() + 10_000
        let signature = signer.authenticate(BybitOrderEntry.streamAuthPayload(expiresMilliseconds: expires)).hexEncoded
        let auth = apiKey.withValue { try? BybitOrderEntry.streamAuthMessage(apiKey: $0, expiresMilliseconds: expires, signature: signature) }
        guard let auth else { throw .authenticationRejected("the API key holds characters Bybit does not issue") }
        try sendOnStream(auth)
        try awaitStream(.authenticated)
        try sendOnStream(BybitOrderEntry.subscribeMessage)
        try awaitStream(.subscribed)
    }

    private func sendOnStream(_ text: String) throws(BybitGatewayError) {
        do { try stream?.send(text: text) } catch { throw .streamUnavailable("\(error)") }
    }

    private func awaitStream(_ wanted: StreamState) throws(BybitGatewayError) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(configuration.startTimeoutMilliseconds) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let current = state.load(ordering: .acquiring)
            if current >= wanted.rawValue { return }
            if let refusal = inbox.withLock({ $0.lazy.compactMap(Self.refusal).first }) { throw refusal }
            if current == StreamState.disconnected.rawValue { throw .streamUnavailable("closed while authenticating") }
            usleep(1000)
        }
        throw .timedOut
    }

    private static func refusal(_ message: BybitPrivateMessage) -> BybitGatewayError? {
        switch message {
        case .authenticated(false, let text): .authenticationRejected(text)
        case .subscribed(false, let text): .subscriptionRejected(text)
        default: nil
        }
    }

    /// Runs on the stream's service thread: decodes, and hands orders and fills to the gateway thread.
    private func streamEvent(_ event: WebSocketClientEvent, lookup: (String) -> Instrument?) {
        switch event {
        case .message(_, let bytes):
            do {
                let message = try BybitPrivateMessage.decode(bytes, instrument: lookup)
                switch message {
                case .authenticated(true, _): state.store(StreamState.authenticated.rawValue, ordering: .releasing)
                case .subscribed(true, _): state.store(StreamState.subscribed.rawValue, ordering: .releasing)
                case .pong, .other: return
                default: break
                }
                inbox.withLock { $0.append(message) }
            } catch {
                statisticsStore.withLock { $0.malformedMessages += 1 }
            }
        case .closed, .connectionError:
            state.store(StreamState.disconnected.rawValue, ordering: .releasing)
        case .connected, .pong:
            break
        }
    }

    // MARK: - Gateway thread

    private func run() {
        var reconnectAtMilliseconds: Int64 = 0
        while running.load(ordering: .acquiring) {
            var worked = false
            while let request = requests.tryPop() {
                worked = true
                switch request.kind {
                case .create: create(request)
                case .cancel: cancel(request)
                }
            }
            let messages = inbox.withLock { inbox in
                defer { inbox.removeAll(keepingCapacity: true) }
                return inbox
            }
            for message in messages { apply(message) }
            worked = worked || !messages.isEmpty
            let now = wallClockMilliseconds()
            resolvePending(now: now)
            if state.load(ordering: .acquiring) == StreamState.disconnected.rawValue, now >= reconnectAtMilliseconds {
                reconnectAtMilliseconds = now + 1000
                if (try? openStream()) != nil {
                    statisticsStore.withLock { $0.streamReconnects += 1 }
                    reconcileOpenOrders()
                }
            } else if now - lastPingMilliseconds >= Int64(configuration.pingIntervalMilliseconds) {
                lastPingMilliseconds = now
                try? stream?.send(text: BybitOrderEntry.pingMessage)
            }
            if !worked { usleep(200) }
        }
    }

    private func create(_ request: GatewayRequest) {
        statisticsStore.withLock { $0.creates += 1 }
        guard let instrument = instruments[request.instrument] else {
            return report(.rejected, request.clientOrderID, request.instrument, request.side, reason: .unknownInstrument)
        }
        let body: String
        do {
            body = try BybitOrderEntry.createBody(
                symbol: instrument.symbol, side: request.side, orderType: Self.bybitType(request.orderType),
                quantity: instrument.quantityScale.format(ticks: request.lots),
                price: instrument.priceScale.format(ticks: request.price),
                orderLinkID: request.clientOrderID.text, reduceOnly: request.reduceOnly)
        } catch {
            return report(.rejected, request.clientOrderID, request.instrument, request.side, reason: .invalidOrder)
        }
        tracked[request.clientOrderID] = TrackedOrder(symbol: instrument.symbol, instrument: request.instrument,
                                                      side: request.side, lots: request.lots)
        switch post(BybitOrderEntry.createPath, body: body) {
        case .accepted:
            ackIfNeeded(request.clientOrderID)
        case .refused(let failure):
            statisticsStore.withLock { $0.refusals += 1 }
            tracked[request.clientOrderID]?.hasEnded = true
            report(.rejected, request.clientOrderID, request.instrument, request.side, reason: Self.reason(failure))
        case .lost:
            statisticsStore.withLock { $0.lostAnswers += 1 }
            pendingResolutions.append((request.clientOrderID, configuration.resolutionQueries, 0))
        }
    }

    private func cancel(_ request: GatewayRequest) {
        statisticsStore.withLock { $0.cancels += 1 }
        guard let instrument = instruments[request.instrument],
              let body = try? BybitOrderEntry.cancelBody(symbol: instrument.symbol, orderLinkID: request.clientOrderID.text)
        else { return report(.cancelRejected, request.clientOrderID, request.instrument, request.side, reason: .unknownInstrument) }
        let side = tracked[request.clientOrderID]?.side ?? request.side
        switch post(BybitOrderEntry.cancelPath, body: body) {
        case .accepted:
            // Only an acknowledgement: the `order` stream says `Cancelled` (with what was left).
            return
        case .refused(let failure):
            statisticsStore.withLock { $0.refusals += 1 }
            report(.cancelRejected, request.clientOrderID, request.instrument, side, reason: Self.reason(failure))
        case .lost:
            // If it did arrive, the stream still reports `Cancelled`; the router may cancel again meanwhile.
            statisticsStore.withLock { $0.lostAnswers += 1 }
            report(.cancelRejected, request.clientOrderID, request.instrument, side, reason: .notSent)
        }
    }

    private enum PostOutcome { case accepted, refused(BybitFailure), lost }

    /// Signs and posts `body`; a reply that is not Bybit's JSON, or none at all, is `lost`.
    private func post(_ path: String, body: String) -> PostOutcome {
        let headers = signedHeaders(payload: body, signer: signer) + [HTTPHeader("Content-Type", "application/json")]
        guard let response = try? http.post(configuration.restBaseURL + path, headers: headers, body: Array(body.utf8)) else {
            return .lost
        }
        return Self.outcome(response)
    }

    /// Bybit's auth headers for a request whose body (POST) or query (GET) is `payload`, stamped now.
    private func signedHeaders(payload: String, signer: HMAC) -> [HTTPHeader] {
        let timestamp = wallClockMilliseconds()
        let window = configuration.receiveWindowMilliseconds
        return apiKey.withValue { key in
            let signed = BybitOrderEntry.signaturePayload(timestampMilliseconds: timestamp, apiKey: key,
                                                          receiveWindowMilliseconds: window, payload: payload)
            return [HTTPHeader("X-BAPI-API-KEY", key), HTTPHeader("X-BAPI-TIMESTAMP", "\(timestamp)"),
                    HTTPHeader("X-BAPI-SIGN", signer.authenticate(signed).hexEncoded), HTTPHeader("X-BAPI-SIGN-TYPE", "2"),
                    HTTPHeader("X-BAPI-RECV-WINDOW", "\(window)")]
        }
    }

    private static func outcome(_ response: HTTPResponse) -> PostOutcome {
        // 403 is the IP rate limit and 429 system protection (PROTOCOLS.md §1): not processed, certainly.
        if response.status == 403 || response.status == 429 { return .refused(.rateLimited) }
        guard response.status == 200,
              let reply = try? response.body.withUnsafeBytes({ try BybitRESTReply.decode($0) }) else { return .lost }
        return reply.failure.map(PostOutcome.refused) ?? .accepted
    }

    private enum FetchOutcome { case found(BybitOrderUpdate), notFound, unavailable }

    private func fetchOrder(_ id: ClientOrderID, symbol: String, client: HTTPClient, signer: HMAC) -> FetchOutcome {
        guard let query = try? BybitOrderEntry.orderQuery(symbol: symbol, orderLinkID: id.text) else { return .notFound }
        let headers = signedHeaders(payload: query, signer: signer)
        let lookup: (String) -> Instrument? = { [bySymbol] in bySymbol[$0]?.instrument }
        guard let response = try? client.get(configuration.restBaseURL + BybitOrderEntry.queryPath + "?" + query, headers: headers),
              response.status == 200,
              let reply = try? response.body.withUnsafeBytes({ try BybitRESTReply.decode($0, instrument: lookup) }),
              reply.failure == nil
        else { return .unavailable }
        guard let update = reply.orders.first(where: { $0.orderLinkID == id.text }) else { return .notFound }
        return .found(update)
    }

    /// Asks for orders whose create answer was lost, at `resolutionQueryIntervalMilliseconds`.
    private func resolvePending(now: Int64) {
        guard !pendingResolutions.isEmpty else { return }
        var remaining: [(id: ClientOrderID, answersLeft: Int, nextMilliseconds: Int64)] = []
        for var pending in pendingResolutions {
            guard now >= pending.nextMilliseconds, let order = tracked[pending.id] else {
                if tracked[pending.id] != nil { remaining.append(pending) }
                continue
            }
            switch fetchOrder(pending.id, symbol: order.symbol, client: http, signer: signer) {
            case .found(let update):
                apply(update)
            case .notFound:
                pending.answersLeft -= 1
                if pending.answersLeft <= 0 {
                    tracked[pending.id]?.hasEnded = true
                    report(.rejected, pending.id, order.instrument, order.side, reason: .neverReceived)
                } else {
                    pending.nextMilliseconds = now + Int64(configuration.resolutionQueryIntervalMilliseconds)
                    remaining.append(pending)
                }
            case .unavailable:
                // No answer is no evidence: ask again later, however long it takes.
                pending.nextMilliseconds = now + Int64(configuration.resolutionQueryIntervalMilliseconds)
                remaining.append(pending)
            }
        }
        pendingResolutions = remaining
    }

    /// After a reconnect: fills and ends the stream carried while it was down, from each open order's state.
    private func reconcileOpenOrders() {
        for (id, order) in tracked where !order.hasEnded {
            guard case .found(let update) = fetchOrder(id, symbol: order.symbol, client: http, signer: signer) else { continue }
            let missed = update.filledQuantity - order.filledLots
            if missed > 0, let instrument = instruments[order.instrument] {
                // The venue gives only the cumulative average, so the missed fills' price is what it implies.
                let notional = update.averagePrice * Double(update.filledQuantity) - order.filledNotional
                let price = Int64((notional / Double(missed) / instrument.priceScale.tickValue).rounded())
                ackIfNeeded(id)
                recordFill(id, price: price, lots: missed, tradeID: Self.reconciliationTradeID(id, filled: update.filledQuantity),
                           fee: 0, liquidity: .none, venueMilliseconds: update.updatedMilliseconds)
            }
            apply(update)
        }
    }

    // MARK: - Stream messages → reports

    private func apply(_ message: BybitPrivateMessage) {
        switch message {
        case .orders(let updates): for update in updates { apply(update) }
        case .executions(let fills): for fill in fills { apply(fill) }
        default: break
        }
    }

    private func apply(_ fill: BybitExecution) {
        guard let id = ClientOrderID(text: fill.orderLinkID), tracked[id] != nil else {
            statisticsStore.withLock { $0.foreignUpdates += 1 }
            return
        }
        ackIfNeeded(id)
        recordFill(id, price: fill.price, lots: fill.quantity, tradeID: fill.tradeID, fee: fill.fee,
                   liquidity: fill.isMaker ? .maker : .taker, venueMilliseconds: fill.executionMilliseconds)
    }

    private func recordFill(_ id: ClientOrderID, price: Int64, lots: Int64, tradeID: UInt64, fee: Double,
                            liquidity: Liquidity, venueMilliseconds: Int64) {
        guard var order = tracked[id] else { return }
        order.filledLots += lots
        if let instrument = instruments[order.instrument] {
            order.filledNotional += Double(price) * instrument.priceScale.tickValue * Double(lots)
        }
        tracked[id] = order
        statisticsStore.withLock { $0.fills += 1 }
        push(VenueReport(kind: .fill, clientOrderID: id, instrument: order.instrument, side: order.side, price: price,
                         lots: lots, tradeID: tradeID, fee: fee, liquidity: liquidity,
                         venueTime: venueMilliseconds * 1_000_000))
    }

    private func apply(_ update: BybitOrderUpdate) {
        guard let id = ClientOrderID(text: update.orderLinkID), let order = tracked[id] else {
            statisticsStore.withLock { $0.foreignUpdates += 1 }
            return
        }
        guard !order.hasEnded else { return }
        switch update.status {
        case .new, .partiallyFilled, .untriggered, .triggered:
            ackIfNeeded(id)
        case .cancelled, .deactivated, .partiallyFilledCanceled:
            ackIfNeeded(id)
            tracked[id]?.hasEnded = true
            report(.cancelled, id, order.instrument, order.side, lots: max(0, update.quantity - update.filledQuantity),
                   venueMilliseconds: update.updatedMilliseconds)
        case .rejected:
            tracked[id]?.hasEnded = true
            let reason: OrderRejectReason = switch update.rejectReason {
            case "EC_PostOnlyWillTakeLiquidity": .postOnlyWouldTake
            case "EC_DuplicatedClOrdID": .duplicateClientOrderID
            case "EC_NoImmediateQtyToFill", "EC_NoEnoughQtyToFill": .noLiquidity
            default: .venueRejected
            }
            report(.rejected, id, order.instrument, order.side, reason: reason, venueMilliseconds: update.updatedMilliseconds)
        case .filled:
            ackIfNeeded(id)
            tracked[id]?.hasEnded = true
        }
    }

    private func ackIfNeeded(_ id: ClientOrderID) {
        guard let order = tracked[id], !order.isAcked else { return }
        tracked[id]?.isAcked = true
        report(.ack, id, order.instrument, order.side)
    }

    private func report(_ kind: VenueReportKind, _ id: ClientOrderID, _ instrument: InstrumentID, _ side: TakerSide,
                        lots: Int64 = 0, reason: OrderRejectReason = .none, venueMilliseconds: Int64? = nil) {
        push(VenueReport(kind: kind, clientOrderID: id, instrument: instrument, side: side, lots: lots, reason: reason,
                         venueTime: (venueMilliseconds ?? wallClockMilliseconds()) * 1_000_000))
    }

    private func push(_ report: VenueReport) {
        // Spin briefly: the engine drains every poll, so a full ring means it is stalled, and the report must
        // not be lost silently.
        if !reports.pushSpinning(report, maxSpins: 1_000_000) { statisticsStore.withLock { $0.droppedReports += 1 } }
    }

    // MARK: - Mappings

    private static func bybitType(_ type: OrderType) -> BybitOrderType {
        switch type {
        case .market: .market
        case .limit: .limit
        case .postOnly: .postOnly
        case .immediateOrCancel: .immediateOrCancel
        case .fillOrKill: .fillOrKill
        }
    }

    static func reason(_ failure: BybitFailure) -> OrderRejectReason {
        switch failure {
        case .rateLimited: .rateLimited
        case .timestampOutsideWindow, .authentication: .authenticationFailed
        case .insufficientMargin: .insufficientMargin
        case .invalidOrder: .invalidOrder
        case .duplicateOrderLinkID: .duplicateClientOrderID
        case .orderNotFound: .cancelTargetNotOpen
        case .other: .venueRejected
        }
    }

    private static func orderState(_ update: BybitOrderUpdate) -> OrderState {
        switch update.status {
        case .new, .untriggered, .triggered: .acked
        case .partiallyFilled: .partiallyFilled
        case .filled: .filled
        case .cancelled, .deactivated, .partiallyFilledCanceled: .cancelled
        case .rejected: .rejected
        }
    }

    /// A fill reported by reconciliation has no `execId`; this key is stable for the same cumulative quantity, so
    /// reconciling twice cannot double it.
    private static func reconciliationTradeID(_ id: ClientOrderID, filled: Int64) -> UInt64 {
        (id.rawValue &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: filled) ^ 0xB7B1_7000_0000_0000
    }
}
