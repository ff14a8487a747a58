public import AsymCore

/// Bybit V5 order entry for USDT perpetuals (`category=linear`): request bodies and queries, and exactly what is
/// signed.
///
/// Sources: Bybit V5 docs, "Integration guidance" (REST signing), "Place order", "Cancel order", "Get open & closed
/// orders" and "Connect" (private stream auth); PROTOCOLS.md §1. Bybit signs the body bytes as sent (PROTOCOLS.md
/// G3), so each body is built once, here, and the gateway signs and sends those same bytes. One-way position mode
/// (`positionIdx` 0) only.
public enum BybitOrderEntry {
    public static let createPath = "/v5/order/create"
    public static let cancelPath = "/v5/order/cancel"
    public static let queryPath = "/v5/order/realtime"
    public static let privateStreamPath = "/v5/private"
    /// The receive window the docs use (ms): the venue refuses a request stamped more than this before its clock.
    public static let defaultReceiveWindowMilliseconds: Int64 = 5000
    /// The private stream's topics the gateway needs: order states and fills.
    public static let privateTopics = ["order", "execution"]

    /// The `/v5/order/create` body. `price` is nil for a market order.
    ///
    /// - Throws: `.invalidText` when the symbol or the client id holds anything but the characters Bybit allows
    ///   (`[A-Za-z0-9_-]`), so nothing in a body ever needs escaping.
    public static func createBody(symbol: String, side: TakerSide, orderType: BybitOrderType, quantity: String,
                                  price: String?, orderLinkID: String, reduceOnly: Bool) throws(BybitRequestError) -> String {
        try check(symbol, field: "symbol")
        try check(orderLinkID, field: "orderLinkId")
        try checkDecimal(quantity, field: "qty")
        var body = #"{"category":"linear","symbol":"\#(symbol)","side":"\#(side == .buy ? "Buy" : "Sell")","#
        body += #""orderType":"\#(orderType.isMarket ? "Market" : "Limit")","qty":"\#(quantity)","#
        if !orderType.isMarket {
            guard let price else { throw .invalidText(field: "price") }
            try checkDecimal(price, field: "price")
            body += #""price":"\#(price)","#
        }
        body += #""timeInForce":"\#(orderType.timeInForce)","positionIdx":0,"orderLinkId":"\#(orderLinkID)","#
        body += #""reduceOnly":\#(reduceOnly)}"#
        return body
    }

    /// The `/v5/order/cancel` body, by client id.
    public static func cancelBody(symbol: String, orderLinkID: String) throws(BybitRequestError) -> String {
        try check(symbol, field: "symbol")
        try check(orderLinkID, field: "orderLinkId")
        return #"{"category":"linear","symbol":"\#(symbol)","orderLinkId":"\#(orderLinkID)"}"#
    }

    /// The `/v5/order/realtime` query for one order by client id (open or recently closed: the venue ignores
    /// `openOnly` when a client id is given).
    public static func orderQuery(symbol: String, orderLinkID: String) throws(BybitRequestError) -> String {
        try check(symbol, field: "symbol")
        try check(orderLinkID, field: "orderLinkId")
        return "category=linear&symbol=\(symbol)&orderLinkId=\(orderLinkID)"
    }

    /// What a REST request's `X-BAPI-SIGN` is the HMAC-SHA256 of: `timestamp + apiKey + recvWindow + payload`,
    /// where the payload is the JSON body of a POST or the query string of a GET.
    public static func signaturePayload(timestampMilliseconds: Int64, apiKey: String, receiveWindowMilliseconds: Int64,
                                        payload: String) -> String {
        "\(timestampMilliseconds)\(apiKey)\(receiveWindowMilliseconds)\(payload)"
    }

    /// What the private stream's auth signature is the HMAC-SHA256 of: `"GET/realtime" + expires`.
    public static func streamAuthPayload(expiresMilliseconds: Int64) -> String { "GET/realtime\(expiresMilliseconds)" }

    /// The private stream's auth message; `signature` is the lower-case hex HMAC of `streamAuthPayload`.
    public static func streamAuthMessage(apiKey: String, expiresMilliseconds: Int64, signature: String) throws(BybitRequestError) -> String {
        try check(apiKey, field: "apiKey")
        try check(signature, field: "signature")
        return #"{"op":"auth","args":["\#(apiKey)",\#(expiresMilliseconds),"\#(signature)"]}"#
    }

    /// The subscribe message for `privateTopics`.
    public static var subscribeMessage: String { #"{"op":"subscribe","args":["order","execution"]}"# }

    /// The heartbeat the docs ask for every 20 s.
    public static var pingMessage: String { #"{"op":"ping"}"# }

    private static func check(_ text: String, field: StaticString) throws(BybitRequestError) {
        guard !text.isEmpty, text.utf8.count <= 64,
              text.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { throw .invalidText(field: field) }
    }

    private static func checkDecimal(_ text: String, field: StaticString) throws(BybitRequestError) {
        guard !text.isEmpty, text.utf8.count <= 32,
              text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") })
        else { throw .invalidText(field: field) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
