public import AsymCore
public import AsymTransport
import AsymVenues
import Foundation
import Synchronization

/// A loopback stand-in for Bybit V5 order entry: the REST endpoints `BybitOrderGateway` uses and the private
/// stream, on one port, for tests and for trying the live path without an account.
///
/// It checks what Bybit checks (PROTOCOLS.md §1): the API key, the HMAC signature over the exact bytes received,
/// the timestamp against the receive window, `orderLinkId` uniqueness, and the quantity and price grids; it answers
/// with Bybit's codes (10001, 10002, 10003, 10004, 110001, 110072) and pushes `order` and `execution` messages
/// shaped like the docs' examples. Matching is simple and deterministic: market orders and crossing limit orders
/// fill in full at the symbol's last price as takers; others rest until `trade(_:atTicks:)` crosses them, and fill
/// as makers. Faults for tests: a refused next create, a lost next create reply (processed, answered 502), and
/// dropped private connections.
public final class BybitTradingEmulator: Sendable {
    private let server: WebSocketServer
    private let core: BybitTradingEmulatorCore

    /// Starts serving on `127.0.0.1`, an ephemeral port.
    public init(apiKey: String, apiSecret: String, instruments: [Instrument],
                wallClockMilliseconds: (@Sendable () -> Int64)? = nil) throws {
        let core = try BybitTradingEmulatorCore(apiKey: apiKey, apiSecret: apiSecret, instruments: instruments,
                                                clock: wallClockMilliseconds ?? { Int64(Date().timeIntervalSince1970 * 1000) })
        self.core = core
        let configuration = WebSocketServerConfiguration(
            capturedHeaderNames: ["X-BAPI-API-KEY", "X-BAPI-TIMESTAMP", "X-BAPI-SIGN", "X-BAPI-RECV-WINDOW"],
            threadName: "asym-bybit-emulator")
        server = try WebSocketServer(configuration: configuration, httpHandler: { core.http($0) }) { event in
            core.stream(event)
        }
        core.server.withLock { $0 = server }
    }

    public var port: UInt16 { server.port }
    public var restBaseURL: String { "http://127.0.0.1:\(port)" }
    public var privateStreamURL: String { "ws://127.0.0.1:\(port)\(BybitOrderEntry.privateStreamPath)" }

    /// The price market orders and crossing limit orders of `symbol` fill at.
    public func setLastPrice(_ symbol: String, ticks: Int64) { core.state.withLock { $0.lastPrice[symbol] = ticks } }

    /// A trade at `ticks`: resting orders it crosses fill in full, as makers, at their own price.
    public func trade(_ symbol: String, atTicks ticks: Int64) { core.trade(symbol, ticks: ticks) }

    /// The next create is refused with `retCode`.
    public func refuseNextCreate(retCode: Int64) { core.state.withLock { $0.refuseNextCreate = retCode } }

    /// The next create is processed but answered with a bare 502, as a proxy would when the reply is lost.
    public func loseNextCreateReply() { core.state.withLock { $0.loseNextCreateReply = true } }

    /// Closes every private-stream connection (the venue's side of a disconnect).
    public func dropPrivateConnections() {
        for connection in server.connections { try? server.close(connection.id, code: .goingAway) }
    }

    /// Orders resting now.
    public var openOrderCount: Int { core.state.withLock { $0.orders.values.filter { $0.status.isOpen }.count } }

    /// Requests refused for their key, signature or timestamp.
    public var authenticationFailures: Int { core.state.withLock { $0.authenticationFailures } }

    public func shutdown() { server.shutdown() }
}

/// The emulator's state and handlers, shared with the server's callbacks.
final class BybitTradingEmulatorCore: @unchecked Sendable {
    // @unchecked Sendable: `state` and `server` are Mutexes; `signer` (HMAC keeps scratch state) is used only by
    // `http` and `stream`, which run on the server's one service thread.
    struct Order {
        var orderID: String
        var linkID: String
        var symbol: String
        var side: TakerSide
        var type: String
        var timeInForce: String
        var price: Int64
        var quantity: Int64
        var filled: Int64 = 0
        var filledNotional: Double = 0
        var fee: Double = 0
        var status: BybitOrderStatus = .new
        var rejectReason = "EC_NoError"
        var cancelType = "UNKNOWN"
        var updated: Int64
    }

    struct State {
        var orders: [String: Order] = [:]
        var lastPrice: [String: Int64] = [:]
        var authenticated: Set<UInt64> = []
        var subscribed: Set<UInt64> = []
        var nextOrderID = 1
        var nextExecutionID = 1
        var refuseNextCreate: Int64?
        var loseNextCreateReply = false
        var authenticationFailures = 0
    }

    static let takerFee = 0.00055
    static let makerFee = 0.0002

    let apiKey: String
    let signer: HMAC
    let instruments: [String: Instrument]
    let clock: @Sendable () -> Int64
    let state = Mutex(State())
    let server = Mutex<WebSocketServer?>(nil)

    init(apiKey: String, apiSecret: String, instruments: [Instrument], clock: @escaping @Sendable () -> Int64) throws {
        self.apiKey = apiKey
        signer = try HMAC(key: apiSecret)
        self.instruments = Dictionary(uniqueKeysWithValues: instruments.map { ($0.symbol, $0) })
        self.clock = clock
    }

    // MARK: REST

    func http(_ request: WebSocketHTTPRequest) -> WebSocketHTTPResponse {
        let payload = request.method == .post ? String(decoding: request.body, as: UTF8.self) : request.query
        if let refusal = authenticate(request.headers, payload: payload) { return reply(refusal, "auth failed") }
        let fields: [String: Any]
        if request.method == .post {
            guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
                return reply(10001, "invalid json")
            }
            fields = object
        } else {
            fields = Dictionary(request.query.split(separator: "&").map {
                let pair = $0.split(separator: "=", maxSplits: 1)
                return (String(pair[0]), pair.count > 1 ? String(pair[1]) : "")
            }, uniquingKeysWith: { $1 })
        }
        switch (request.method, request.path) {
        case (.post, BybitOrderEntry.createPath): return create(fields)
        case (.post, BybitOrderEntry.cancelPath): return cancel(fields)
        case (.get, BybitOrderEntry.queryPath): return query(fields)
        default: return .notFound
        }
    }

    /// Bybit's checks, in its order: key, timestamp window, signature.
    private func authenticate(_ headers: [String: String], payload: String) -> Int64? {
        let code: Int64? = {
            guard headers["x-bapi-api-key"] == apiKey else { return 10003 }
            guard let timestamp = headers["x-bapi-timestamp"].flatMap({ Int64($0) }),
                  let window = headers["x-bapi-recv-window"].flatMap({ Int64($0) }) else { return 10001 }
            let now = clock()
            guard now - window <= timestamp, timestamp < now + 1000 else { return 10002 }
            let expected = signer.authenticate("\(timestamp)\(apiKey)\(window)\(payload)").hexEncoded
            return headers["x-bapi-sign"] == expected ? nil : 10004
        }()
        if code != nil { state.withLock { $0.authenticationFailures += 1 } }
        return code
    }

    private func create(_ fields: [String: Any]) -> WebSocketHTTPResponse {
        guard let symbol = fields["symbol"] as? String, let instrument = instruments[symbol],
              let sideText = fields["side"] as? String, sideText == "Buy" || sideText == "Sell",
              let type = fields["orderType"] as? String, let linkID = fields["orderLinkId"] as? String,
              let quantity = (fields["qty"] as? String).flatMap({ try? instrument.quantityScale.ticks(parsing: $0) }),
              quantity > 0
        else { return reply(10001, "params error") }
        let timeInForce = fields["timeInForce"] as? String ?? "GTC"
        var price: Int64 = 0
        if type == "Limit" {
            guard let ticks = (fields["price"] as? String).flatMap({ try? instrument.priceScale.ticks(parsing: $0) }), ticks > 0 else {
                return reply(10001, "params error")
            }
            price = ticks
        }
        let outcome: (WebSocketHTTPResponse, [String]) = state.withLock { state in
            if let code = state.refuseNextCreate {
                state.refuseNextCreate = nil
                return (reply(code, "refused"), [])
            }
            guard state.orders[linkID] == nil else { return (reply(110072, "OrderLinkedID is duplicate"), []) }
            let now = clock()
            var order = Order(orderID: "emu-\(state.nextOrderID)", linkID: linkID, symbol: symbol,
                              side: sideText == "Buy" ? .buy : .sell, type: type, timeInForce: timeInForce, price: price,
                              quantity: quantity, updated: now)
            state.nextOrderID += 1
            var pushes = [orderMessage([order])]
            let last = state.lastPrice[symbol] ?? 0
            let crosses = type == "Market" || (last > 0 && (order.side == .buy ? price >= last : price <= last))
            if crosses && timeInForce == "PostOnly" {
                order.status = .rejected
                order.rejectReason = "EC_PostOnlyWillTakeLiquidity"
                pushes = [orderMessage([order])]
            } else if crosses && last > 0 {
                pushes.append(fill(&order, at: last, isMaker: false, state: &state))
                pushes.append(orderMessage([order]))
            } else if timeInForce == "IOC" || timeInForce == "FOK" || type == "Market" {
                order.status = .cancelled
                order.cancelType = "CancelByUser"
                pushes.append(orderMessage([order]))
            }
            state.orders[linkID] = order
            if state.loseNextCreateReply {
                state.loseNextCreateReply = false
                return (WebSocketHTTPResponse(status: 502, text: "Bad Gateway"), pushes)
            }
            return (reply(0, "OK", result: #"{"orderId":"\#(order.orderID)","orderLinkId":"\#(linkID)"}"#), pushes)
        }
        broadcast(outcome.1)
        return outcome.0
    }

    private func cancel(_ fields: [String: Any]) -> WebSocketHTTPResponse {
        guard let linkID = fields["orderLinkId"] as? String else { return reply(10001, "params error") }
        let outcome: (WebSocketHTTPResponse, [String]) = state.withLock { state in
            guard var order = state.orders[linkID], order.status.isOpen else { return (reply(110001, "Order does not exist"), []) }
            order.status = .cancelled
            order.cancelType = "CancelByUser"
            order.updated = clock()
            state.orders[linkID] = order
            return (reply(0, "OK", result: #"{"orderId":"\#(order.orderID)","orderLinkId":"\#(linkID)"}"#), [orderMessage([order])])
        }
        broadcast(outcome.1)
        return outcome.0
    }

    private func query(_ fields: [String: Any]) -> WebSocketHTTPResponse {
        let linkID = fields["orderLinkId"] as? String ?? ""
        let list = state.withLock { state in state.orders[linkID].map { orderJSON($0) } ?? "" }
        return reply(0, "OK", result: #"{"list":[\#(list)],"nextPageCursor":"","category":"linear"}"#)
    }

    func trade(_ symbol: String, ticks: Int64) {
        let pushes: [String] = state.withLock { state in
            state.lastPrice[symbol] = ticks
            var pushes: [String] = []
            for (linkID, var order) in state.orders where order.symbol == symbol && order.status.isOpen && order.type == "Limit" {
                guard order.side == .buy ? ticks <= order.price : ticks >= order.price else { continue }
                pushes.append(fill(&order, at: order.price, isMaker: true, state: &state))
                pushes.append(orderMessage([order]))
                state.orders[linkID] = order
            }
            return pushes
        }
        broadcast(pushes)
    }

    /// Fills the rest of `order` at `price`; returns the `execution` push.
    private func fill(_ order: inout Order, at price: Int64, isMaker: Bool, state: inout State) -> String {
        let instrument = instruments[order.symbol]!
        let lots = order.quantity - order.filled
        let notional = Double(price) * instrument.priceScale.tickValue * Double(lots) * instrument.quantityScale.tickValue
        let fee = notional * (isMaker ? Self.makerFee : Self.takerFee)
        order.filled += lots
        order.filledNotional += notional
        order.fee += fee
        order.status = .filled
        order.updated = clock()
        let execID = String(format: "00000000-0000-4000-8000-%012d", state.nextExecutionID)
        state.nextExecutionID += 1
        let data = #"{"category":"linear","symbol":"\#(order.symbol)","execFee":"\#(fee)","execId":"\#(execID)","execPrice":"\#(instrument.priceScale.format(ticks: price))","execQty":"\#(instrument.quantityScale.format(ticks: lots))","execType":"Trade","leavesQty":"0","orderId":"\#(order.orderID)","orderLinkId":"\#(order.linkID)","orderType":"\#(order.type)","side":"\#(order.side == .buy ? "Buy" : "Sell")","execTime":"\#(order.updated)","isMaker":\#(isMaker)}"#
        return #"{"topic":"execution","id":"e\#(execID)","creationTime":\#(order.updated),"data":[\#(data)]}"#
    }

    private func orderJSON(_ order: Order) -> String {
        let instrument = instruments[order.symbol]!
        let average = order.filled > 0 ? order.filledNotional / (Double(order.filled) * instrument.quantityScale.tickValue) : 0
        let leaves = order.status.isOpen ? order.quantity - order.filled : 0
        return #"{"category":"linear","symbol":"\#(order.symbol)","orderId":"\#(order.orderID)","orderLinkId":"\#(order.linkID)","side":"\#(order.side == .buy ? "Buy" : "Sell")","orderStatus":"\#(order.status.rawValue)","cancelType":"\#(order.cancelType)","rejectReason":"\#(order.rejectReason)","price":"\#(instrument.priceScale.format(ticks: order.price))","qty":"\#(instrument.quantityScale.format(ticks: order.quantity))","cumExecQty":"\#(instrument.quantityScale.format(ticks: order.filled))","leavesQty":"\#(instrument.quantityScale.format(ticks: leaves))","avgPrice":"\#(average)","cumExecFee":"\#(order.fee)","timeInForce":"\#(order.timeInForce)","orderType":"\#(order.type)","updatedTime":"\#(order.updated)"}"#
    }

    private func orderMessage(_ orders: [Order]) -> String {
        #"{"id":"o\#(clock())","topic":"order","creationTime":\#(clock()),"data":[\#(orders.map(orderJSON).joined(separator: ","))]}"#
    }

    private func reply(_ code: Int64, _ message: String, result: String = "{}") -> WebSocketHTTPResponse {
        WebSocketHTTPResponse(contentType: "application/json",
                              text: #"{"retCode":\#(code),"retMsg":"\#(message)","result":\#(result),"retExtInfo":{},"time":\#(clock())}"#)
    }

    // MARK: Private stream

    func stream(_ event: WebSocketServerEvent) {
        switch event {
        case .message(let id, _, let bytes):
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                  let op = object["op"] as? String else { return }
            let args = object["args"] as? [Any] ?? []
            switch op {
            case "auth":
                let expires = (args.count == 3 ? args[1] as? NSNumber : nil)?.int64Value ?? 0
                let signature = args.count == 3 ? args[2] as? String : nil
                let valid = args.first as? String == apiKey && expires > clock()
                    && signature == signer.authenticate(BybitOrderEntry.streamAuthPayload(expiresMilliseconds: expires)).hexEncoded
                state.withLock { state in
                    if valid { state.authenticated.insert(id.rawValue) } else { state.authenticationFailures += 1 }
                }
                send(#"{"success":\#(valid),"ret_msg":"\#(valid ? "" : "Invalid sign")","op":"auth","conn_id":"emu-\#(id.rawValue)"}"#, to: id)
            case "subscribe":
                let ok = state.withLock { state in
                    guard state.authenticated.contains(id.rawValue) else { return false }
                    state.subscribed.insert(id.rawValue)
                    return true
                }
                send(#"{"success":\#(ok),"ret_msg":"\#(ok ? "" : "Request not authorized")","op":"subscribe","conn_id":"emu-\#(id.rawValue)"}"#, to: id)
            case "ping":
                send(#"{"op":"pong","args":["\#(clock())"],"conn_id":"emu-\#(id.rawValue)"}"#, to: id)
            default:
                break
            }
        case .closed(let id, _):
            state.withLock { state in
                state.authenticated.remove(id.rawValue)
                state.subscribed.remove(id.rawValue)
            }
        case .connected, .pong:
            break
        }
    }

    private func send(_ text: String, to id: WebSocketConnectionID) {
        let server = server.withLock { $0 }
        try? server?.send(text: text, to: id)
    }

    private func broadcast(_ messages: [String]) {
        guard !messages.isEmpty else { return }
        let subscribers = state.withLock { $0.subscribed }
        for id in subscribers {
            for message in messages { send(message, to: WebSocketConnectionID(rawValue: id)) }
        }
    }
}
