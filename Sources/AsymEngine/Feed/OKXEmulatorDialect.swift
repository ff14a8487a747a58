import AsymCore
import AsymTransport

/// OKX V5 public: `/ws/v5/public`, JSON `op` subscribe/unsubscribe with `{channel, instId}` args,
/// literal text `ping`/`pong`, a `books` snapshot (`prevSeqId:-1`) for every new subscriber.
struct OKXEmulatorDialect: EmulatorDialect {
    /// The only WebSocket path served.
    static let path = "/ws/v5/public"
    /// Public channels the emulator accepts; any other is error 60012 as on OKX.
    static let knownChannels: Set<String> = [
        "books", "books5", "bbo-tbt", "books50-l2-tbt", "books-l2-tbt", "trades", "tickers", "mark-price",
        "funding-rate", "open-interest", "price-limit", "index-tickers", "liquidation-orders", "estimated-price",
    ]
    /// Incremental book channels (snapshot then updates), with the depth their snapshot carries.
    static let incrementalDepth: [String: Int] = ["books": 400, "books50-l2-tbt": 50, "books-l2-tbt": 400]

    func classify(receiveTime: Int64, text: String) -> RecordedFrame {
        guard text.hasPrefix("{\"arg\""), text.contains("\"data\":"),
              let channel = FeedJSON.stringValue(of: "channel", in: text),
              let instrument = FeedJSON.stringValue(of: "instId", in: text) else {
            return RecordedFrame(receiveTime: receiveTime, text: text, kind: .ignored)
        }
        return RecordedFrame(receiveTime: receiveTime, text: text, kind: .data, streamKey: "\(channel):\(instrument)",
                             symbol: instrument, isBook: Self.incrementalDepth[channel] != nil)
    }

    func apply(_ frame: RecordedFrame, to books: inout EmulatorBooks) {
        guard frame.isBook, let object = FeedJSON.object(frame.text),
              let data = (object["data"] as? [Any])?.first as? [String: Any] else { return }
        var book = books.books[frame.symbol] ?? EmulatedBook()
        if FeedJSON.string(object["action"]) == "snapshot" {
            book.reset()
            book.isEstablished = true
        }
        book.apply(bids: FeedJSON.levels(data["bids"]), asks: FeedJSON.levels(data["asks"]))
        book.updateID = FeedJSON.int64(data["seqId"]) ?? book.updateID
        book.exchangeTime = FeedJSON.int64(data["ts"]) ?? book.exchangeTime
        books.books[frame.symbol] = book
    }

    func accept(_ connection: WebSocketServerConnection, connectionTag: String) -> EmulatedClient? {
        connection.path == Self.path ? EmulatedClient(id: connection.id, connectionTag: connectionTag) : nil
    }

    func respond(to message: String, client: inout EmulatedClient, books: EmulatorBooks) -> (replies: [String], snapshots: Int) {
        if message == "ping" { return (["pong"], 0) }
        let connID = JSONText.quoted(client.connectionTag)
        guard let object = FeedJSON.object(message), let op = FeedJSON.string(object["op"]),
              op == "subscribe" || op == "unsubscribe" else {
            return ([#"{"event":"error","code":"60012","msg":"Invalid request: \#(escapedForMessage(message))","connId":\#(connID)}"#], 0)
        }
        let idField = FeedJSON.string(object["id"]).map { "\"id\":\(JSONText.quoted($0))," } ?? ""
        var replies: [String] = []
        var snapshots = 0
        for case let argument as [String: Any] in (object["args"] as? [Any]) ?? [] {
            let channel = FeedJSON.string(argument["channel"]) ?? ""
            let instrument = FeedJSON.string(argument["instId"]) ?? ""
            let arg = #"{"channel":\#(JSONText.quoted(channel)),"instId":\#(JSONText.quoted(instrument))}"#
            guard Self.knownChannels.contains(channel), !instrument.isEmpty else {
                replies.append(#"{\#(idField)"event":"error","code":"60012","msg":"Invalid request: \#(escapedForMessage(message))","connId":\#(connID)}"#)
                continue
            }
            let key = "\(channel):\(instrument)"
            if op == "subscribe" { client.subscriptions.insert(key) } else { client.subscriptions.remove(key) }
            replies.append(#"{\#(idField)"event":\#(JSONText.quoted(op)),"arg":\#(arg),"connId":\#(connID)}"#)
            if op == "subscribe", let depth = Self.incrementalDepth[channel],
               let snapshot = snapshot(channel: channel, instrument: instrument, depth: depth, books: books) {
                replies.append(snapshot)
                snapshots += 1
            }
        }
        return (replies, snapshots)
    }

    /// The message text as OKX quotes it inside `msg` (JSON-escaped, without the outer quotes).
    private func escapedForMessage(_ message: String) -> String {
        String(JSONText.quoted(String(message.prefix(200))).dropFirst().dropLast())
    }

    /// An `action:"snapshot"` push of the current book (`prevSeqId:-1`, current `seqId`, documented checksum).
    func snapshot(channel: String, instrument: String, depth: Int, books: EmulatorBooks) -> String? {
        guard let book = books.books[instrument], book.isEstablished else { return nil }
        let bids = book.topBids(depth)
        let asks = book.topAsks(depth)
        return """
            {"arg":{"channel":\(JSONText.quoted(channel)),"instId":\(JSONText.quoted(instrument))},"action":"snapshot",\
            "data":[{"asks":\(FeedJSON.render(asks)),"bids":\(FeedJSON.render(bids)),"ts":"\(book.exchangeTime)",\
            "checksum":\(Self.checksum(bids: bids, asks: asks)),"prevSeqId":-1,"seqId":\(book.updateID)}]}
            """
    }

    /// OKX's documented checksum: signed CRC32 of `bid1px:bid1sz:ask1px:ask1sz:…` over the top 25 levels,
    /// using the level strings as received.
    static func checksum(bids: [[String]], asks: [[String]]) -> Int32 {
        var parts: [String] = []
        for index in 0..<min(25, max(bids.count, asks.count)) {
            if index < bids.count { parts += [bids[index][0], bids[index][1]] }
            if index < asks.count { parts += [asks[index][0], asks[index][1]] }
        }
        return Int32(bitPattern: CRC32.checksum(Array(parts.joined(separator: ":").utf8)))
    }

    func payload(for frame: RecordedFrame, to client: EmulatedClient) -> String? {
        client.subscriptions.contains(frame.streamKey) ? frame.text : nil
    }

    func http(_ request: WebSocketHTTPRequest, books: EmulatorBooks) -> WebSocketHTTPResponse {
        .notFound
    }
}
