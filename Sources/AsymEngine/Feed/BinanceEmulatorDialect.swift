import AsymCore
import AsymTransport

/// Binance USD-M: routed paths (`/public`, `/market`; G1), raw `/ws/<stream>` and combined
/// `/stream?streams=a/b`, `SUBSCRIBE`/`UNSUBSCRIBE`, and `GET /fapi/v1/depth` on the same port.
///
/// A stream subscribed on the wrong tier is acknowledged and then never delivered, as Binance does.
struct BinanceEmulatorDialect: EmulatorDialect {
    /// The tier a stream is served on (PROTOCOLS.md G1); `@trade` follows ccxt onto `/public`.
    static func tier(of stream: String) -> String {
        stream.contains("@depth") || stream.contains("@bookTicker") || stream.hasSuffix("@trade") ? "public" : "market"
    }

    /// The subscription key of a stream name: lower-cased, without the update-speed suffix
    /// (`btcusdt@depth@100ms` ⇒ `btcusdt@depth`), so any speed matches the recorded one.
    static func key(of stream: String) -> String {
        var parts = stream.lowercased().split(separator: "@", omittingEmptySubsequences: false)
        if parts.count > 2, let last = parts.last, last.hasSuffix("ms"), Int(last.dropLast(2)) != nil { parts.removeLast() }
        return parts.joined(separator: "@")
    }

    func classify(receiveTime: Int64, text: String) -> RecordedFrame {
        if text.hasPrefix("{\"lastUpdateId\"") {
            return RecordedFrame(receiveTime: receiveTime, text: text, kind: .restSnapshot)
        }
        let stream: String
        var inner: String
        if text.hasPrefix("{\"stream\""), let name = FeedJSON.stringValue(of: "stream", in: text),
           let dataKey = text.range(of: ",\"data\":"), let close = text.lastIndex(of: "}") {
            stream = name
            inner = String(text[dataKey.upperBound..<close])
        } else if text.hasPrefix("{\"e\""), let event = FeedJSON.stringValue(of: "e", in: text),
                  let symbol = FeedJSON.stringValue(of: "s", in: text) {
            stream = symbol.lowercased() + "@" + (event == "depthUpdate" ? "depth" : event)
            inner = text
        } else {
            return RecordedFrame(receiveTime: receiveTime, text: text, kind: .ignored)
        }
        inner = inner.trimmingSpaces()
        let symbol = FeedJSON.stringValue(of: "s", in: inner) ?? ""
        return RecordedFrame(receiveTime: receiveTime, text: text, kind: .data, streamKey: Self.key(of: stream),
                             symbol: symbol, isBook: inner.contains("\"e\":\"depthUpdate\""), innerText: inner)
    }

    func apply(_ frame: RecordedFrame, to books: inout EmulatorBooks) {
        switch frame.kind {
        case .data where frame.isBook:
            guard let inner = frame.innerText, let object = FeedJSON.object(inner) else { return }
            let update = EmulatorBufferedDepth(
                finalUpdateID: FeedJSON.int64(object["u"]) ?? 0, eventTime: FeedJSON.int64(object["E"]) ?? 0,
                transactionTime: FeedJSON.int64(object["T"]) ?? 0,
                bids: FeedJSON.levels(object["b"]), asks: FeedJSON.levels(object["a"]))
            var book = books.books[frame.symbol] ?? EmulatedBook()
            Self.apply(update, to: &book)
            books.books[frame.symbol] = book
            books.lastBookSymbol = frame.symbol
            var recent = books.recentDepth[frame.symbol] ?? []
            if recent.count >= EmulatorBooks.recentDepthLimit { recent.removeFirst(recent.count / 2) }
            recent.append(update)
            books.recentDepth[frame.symbol] = recent
        case .restSnapshot:
            // The body has no symbol: it belongs to the stream the recorder was following.
            guard let object = FeedJSON.object(frame.text), let lastUpdateID = FeedJSON.int64(object["lastUpdateId"]) else { return }
            var book = EmulatedBook()
            book.apply(bids: FeedJSON.levels(object["bids"]), asks: FeedJSON.levels(object["asks"]))
            book.updateID = lastUpdateID
            book.exchangeTime = FeedJSON.int64(object["E"]) ?? 0
            book.transactionTime = FeedJSON.int64(object["T"]) ?? 0
            book.isEstablished = true
            // Bring it up to date with updates that streamed before the snapshot was recorded.
            for update in books.recentDepth[books.lastBookSymbol] ?? [] where update.finalUpdateID > lastUpdateID {
                Self.apply(update, to: &book)
            }
            books.books[books.lastBookSymbol] = book
        default:
            return
        }
    }

    private static func apply(_ update: EmulatorBufferedDepth, to book: inout EmulatedBook) {
        book.apply(bids: update.bids, asks: update.asks)
        book.updateID = update.finalUpdateID
        book.exchangeTime = update.eventTime
        book.transactionTime = update.transactionTime
    }

    func accept(_ connection: WebSocketServerConnection, connectionTag: String) -> EmulatedClient? {
        var components = connection.path.split(separator: "/").map(String.init)
        var tier = "public"  // Unrouted legacy paths only deliver /public-tier streams (G1).
        if let first = components.first, first == "public" || first == "market" {
            tier = first
            components.removeFirst()
        }
        guard let kind = components.first else { return nil }
        var client = EmulatedClient(id: connection.id, connectionTag: connectionTag)
        client.tier = tier
        switch kind {
        case "ws":
            client.isCombined = false
            if components.count > 1 { client.subscriptions.insert(Self.key(of: components[1])) }
        case "stream":
            client.isCombined = true
            for parameter in connection.query.split(separator: "&") where parameter.hasPrefix("streams=") {
                for stream in parameter.dropFirst("streams=".count).split(separator: "/") {
                    client.subscriptions.insert(Self.key(of: String(stream)))
                }
            }
        default:
            return nil
        }
        return client
    }

    func respond(to message: String, client: inout EmulatedClient, books: EmulatorBooks) -> (replies: [String], snapshots: Int) {
        guard let object = FeedJSON.object(message), let method = FeedJSON.string(object["method"]) else {
            return ([#"{"error":{"code":3,"msg":"Invalid JSON: expected a method"}}"#], 0)
        }
        let id = FeedJSON.int64(object["id"]).map(String.init) ?? "null"
        let streams = (object["params"] as? [Any])?.compactMap(FeedJSON.string) ?? []
        switch method {
        case "SUBSCRIBE":
            // Acknowledged whatever the tier; delivery filters by tier (G1).
            for stream in streams { client.subscriptions.insert(Self.key(of: stream)) }
            return ([#"{"result":null,"id":\#(id)}"#], 0)
        case "UNSUBSCRIBE":
            for stream in streams { client.subscriptions.remove(Self.key(of: stream)) }
            return ([#"{"result":null,"id":\#(id)}"#], 0)
        case "LIST_SUBSCRIPTIONS":
            let list = client.subscriptions.sorted().map { JSONText.quoted($0) }.joined(separator: ",")
            return ([#"{"result":[\#(list)],"id":\#(id)}"#], 0)
        default:
            return ([#"{"error":{"code":2,"msg":"Invalid request: unknown method"},"id":\#(id)}"#], 0)
        }
    }

    func payload(for frame: RecordedFrame, to client: EmulatedClient) -> String? {
        guard client.subscriptions.contains(frame.streamKey), Self.tier(of: frame.streamKey) == client.tier,
              let inner = frame.innerText else { return nil }
        guard client.isCombined else { return inner }
        return frame.text.hasPrefix("{\"stream\"") ? frame.text : #"{"stream":\#(JSONText.quoted(frame.streamKey)),"data":\#(inner)}"#
    }

    func http(_ request: WebSocketHTTPRequest, books: EmulatorBooks) -> WebSocketHTTPResponse {
        guard request.path == "/fapi/v1/depth" else { return .notFound }
        var symbol = ""
        var limit = 500
        for parameter in request.query.split(separator: "&") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "symbol" { symbol = pair[1].uppercased() }
            if pair[0] == "limit", let value = Int(pair[1]) { limit = value }
        }
        guard [5, 10, 20, 50, 100, 500, 1000].contains(limit) else {
            return WebSocketHTTPResponse(status: 400, contentType: "application/json",
                                         text: #"{"code":-1100,"msg":"Illegal characters found in parameter 'limit'."}"#)
        }
        guard let book = books.books[symbol] else {
            return WebSocketHTTPResponse(status: 400, contentType: "application/json", text: #"{"code":-1121,"msg":"Invalid symbol."}"#)
        }
        let body = """
            {"lastUpdateId":\(book.updateID),"E":\(book.exchangeTime),"T":\(book.transactionTime),\
            "bids":\(FeedJSON.render(book.topBids(limit).map { Array($0.prefix(2)) })),\
            "asks":\(FeedJSON.render(book.topAsks(limit).map { Array($0.prefix(2)) }))}
            """
        return WebSocketHTTPResponse(status: 200, contentType: "application/json", text: body)
    }
}

private extension String {
    /// Drops ASCII spaces and newlines at both ends.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
