import AsymCore
import AsymTransport

/// Bybit V5 public linear: `/v5/public/linear`, JSON `op` subscribe/unsubscribe/ping, snapshot on subscribe.
struct BybitEmulatorDialect: EmulatorDialect {
    /// The only WebSocket path served.
    static let path = "/v5/public/linear"

    func classify(receiveTime: Int64, text: String) -> RecordedFrame {
        guard let topic = FeedJSON.stringValue(of: "topic", in: text) else {
            return RecordedFrame(receiveTime: receiveTime, text: text, kind: .ignored)
        }
        let symbol = topic.split(separator: ".").last.map(String.init) ?? ""
        return RecordedFrame(receiveTime: receiveTime, text: text, kind: .data, streamKey: topic, symbol: symbol,
                             isBook: topic.hasPrefix("orderbook."))
    }

    func apply(_ frame: RecordedFrame, to books: inout EmulatorBooks) {
        guard frame.isBook, let object = FeedJSON.object(frame.text), let data = object["data"] as? [String: Any] else { return }
        let symbol = FeedJSON.string(data["s"]) ?? frame.symbol
        var book = books.books[symbol] ?? EmulatedBook()
        if FeedJSON.string(object["type"]) == "snapshot" {
            // Any snapshot replaces the book (Bybit re-sends one when it has a problem).
            book.reset()
            book.isEstablished = true
        }
        book.apply(bids: FeedJSON.levels(data["b"]), asks: FeedJSON.levels(data["a"]))
        book.updateID = FeedJSON.int64(data["u"]) ?? book.updateID
        book.sequence = FeedJSON.int64(data["seq"]) ?? book.sequence
        book.exchangeTime = FeedJSON.int64(object["ts"]) ?? book.exchangeTime
        book.transactionTime = FeedJSON.int64(object["cts"]) ?? book.transactionTime
        books.books[symbol] = book
    }

    func accept(_ connection: WebSocketServerConnection, connectionTag: String) -> EmulatedClient? {
        connection.path == Self.path ? EmulatedClient(id: connection.id, connectionTag: connectionTag) : nil
    }

    func respond(to message: String, client: inout EmulatedClient, books: EmulatorBooks) -> (replies: [String], snapshots: Int) {
        let connID = JSONText.quoted(client.connectionTag)
        guard let object = FeedJSON.object(message), let op = FeedJSON.string(object["op"]) else {
            return ([#"{"success":false,"ret_msg":"error:request not supported","conn_id":\#(connID),"op":""}"#], 0)
        }
        let requestID = JSONText.quoted(FeedJSON.string(object["req_id"]) ?? "")
        let topics = (object["args"] as? [Any])?.compactMap(FeedJSON.string) ?? []
        switch op {
        case "ping":
            return ([#"{"success":true,"ret_msg":"pong","conn_id":\#(connID),"req_id":"","op":"ping"}"#], 0)
        case "subscribe":
            client.subscriptions.formUnion(topics)
            var replies = [#"{"success":true,"ret_msg":"","conn_id":\#(connID),"req_id":\#(requestID),"op":"subscribe"}"#]
            for topic in topics where topic.hasPrefix("orderbook.") {
                if let snapshot = snapshot(topic: topic, books: books) { replies.append(snapshot) }
            }
            return (replies, replies.count - 1)
        case "unsubscribe":
            client.subscriptions.subtract(topics)
            return ([#"{"success":true,"ret_msg":"","conn_id":\#(connID),"req_id":\#(requestID),"op":"unsubscribe"}"#], 0)
        default:
            return ([#"{"success":false,"ret_msg":"error:handler not found","conn_id":\#(connID),"req_id":\#(requestID),"op":\#(JSONText.quoted(op))}"#], 0)
        }
    }

    /// A fresh `type:"snapshot"` for `orderbook.{depth}.{symbol}` with the current `u`/`seq`, or nil
    /// before the recording's first snapshot (the client then gets that one).
    func snapshot(topic: String, books: EmulatorBooks) -> String? {
        let parts = topic.split(separator: ".")
        guard parts.count == 3, let depth = Int(parts[1]), let book = books.books[String(parts[2])], book.isEstablished else {
            return nil
        }
        return """
            {"topic":\(JSONText.quoted(topic)),"type":"snapshot","ts":\(book.exchangeTime),"data":{"s":\(JSONText.quoted(String(parts[2]))),\
            "b":\(FeedJSON.render(book.topBids(depth))),"a":\(FeedJSON.render(book.topAsks(depth))),"u":\(book.updateID),\
            "seq":\(book.sequence)},"cts":\(book.transactionTime)}
            """
    }

    func payload(for frame: RecordedFrame, to client: EmulatedClient) -> String? {
        client.subscriptions.contains(frame.streamKey) ? frame.text : nil
    }

    func http(_ request: WebSocketHTTPRequest, books: EmulatorBooks) -> WebSocketHTTPResponse {
        .notFound
    }
}
