import AsymCore

/// One WebSocket connection of a ``LiveFeed``: where it goes, what it subscribes to, how its frames are
/// tagged, how it keeps alive and how it resyncs a book.
struct LiveFeedStreamPlan: Sendable {
    /// How the connection proves it is alive.
    enum Heartbeat: Sendable {
        /// Send this text every heartbeat interval (Bybit JSON ping).
        case periodic(String)
        /// Send this text after a heartbeat interval of silence (OKX `ping`).
        case whenIdle(String)
        /// The server pings and lws answers (Binance).
        case serverPings
    }

    /// How one symbol's book is resynchronised after a gap.
    enum Resync: Sendable {
        /// Send these messages (per symbol index): unsubscribe then subscribe; the venue sends a fresh snapshot.
        case resubscribe([[String]])
        /// Fetch these REST depth snapshot URLs (per symbol index) and inject the bodies into the ring.
        case restSnapshot([String])
        /// This connection carries no book.
        case none
    }

    /// Short name for thread names and logs.
    let name: String
    /// The full WebSocket URL.
    let url: String
    /// Messages sent after every (re)connect.
    let subscriptions: [String]
    /// Tags data frames and spots control messages.
    let classifier: FeedFrameClassifier
    /// Keep-alive behaviour.
    let heartbeat: Heartbeat
    /// Book resync behaviour.
    let resync: Resync

    /// The connections a configuration needs: one for Bybit and OKX, two for Binance (G1: depth on
    /// `/public`, trades on `/market`).
    static func plans(for configuration: LiveFeedConfiguration) -> [LiveFeedStreamPlan] {
        let venue = configuration.venue
        let base = configuration.effectiveBaseURL
        let symbols = configuration.symbols
        func pattern(_ text: String) -> [UInt8] { Array(text.utf8) }
        switch venue {
        case .bybit:
            let bookTopics = symbols.map { "orderbook.\(configuration.bybitBookDepth).\($0)" }
            let tradeTopics = configuration.includesTrades ? symbols.map { "publicTrade.\($0)" } : []
            var rules = bookTopics.enumerated().map { index, topic in
                FeedFrameClassifier.Rule(patterns: [pattern(#""topic":"\#(topic)""#)], tag: FeedTag(venue: venue, kind: .book, symbolIndex: index))
            }
            rules += tradeTopics.enumerated().map { index, topic in
                FeedFrameClassifier.Rule(patterns: [pattern(#""topic":"\#(topic)""#)], tag: FeedTag(venue: venue, kind: .trades, symbolIndex: index))
            }
            func message(_ op: String, _ topics: [String], id: String) -> String {
                #"{"req_id":"\#(id)","op":"\#(op)","args":[\#(topics.map { JSONText.quoted($0) }.joined(separator: ","))]}"#
            }
            return [LiveFeedStreamPlan(
                name: "bybit", url: base + "/v5/public/linear",
                subscriptions: [message("subscribe", bookTopics + tradeTopics, id: "sub")],
                classifier: FeedFrameClassifier(venue: venue, rules: rules),
                heartbeat: .periodic(#"{"req_id":"hb","op":"ping"}"#),
                resync: .resubscribe(bookTopics.map { [message("unsubscribe", [$0], id: "rs"), message("subscribe", [$0], id: "rs")] }))]
        case .binance:
            let depthStreams = symbols.map { "\($0.lowercased())@\(configuration.binanceDepthStream)" }
            let depthRules = depthStreams.enumerated().map { index, stream in
                FeedFrameClassifier.Rule(patterns: [pattern(#""stream":"\#(stream)""#)], tag: FeedTag(venue: venue, kind: .book, symbolIndex: index))
            }
            let rest = configuration.effectiveRestBaseURL
            var plans = [LiveFeedStreamPlan(
                name: "bn-public", url: base + "/public/stream?streams=" + depthStreams.joined(separator: "/"),
                subscriptions: [], classifier: FeedFrameClassifier(venue: venue, rules: depthRules), heartbeat: .serverPings,
                resync: .restSnapshot(symbols.map { "\(rest)/fapi/v1/depth?symbol=\($0.uppercased())&limit=\(configuration.binanceSnapshotLimit)" }))]
            if configuration.includesTrades {
                let tradeStreams = symbols.map { "\($0.lowercased())@aggTrade" }
                let tradeRules = tradeStreams.enumerated().map { index, stream in
                    FeedFrameClassifier.Rule(patterns: [pattern(#""stream":"\#(stream)""#)], tag: FeedTag(venue: venue, kind: .trades, symbolIndex: index))
                }
                plans.append(LiveFeedStreamPlan(
                    name: "bn-market", url: base + "/market/stream?streams=" + tradeStreams.joined(separator: "/"),
                    subscriptions: [], classifier: FeedFrameClassifier(venue: venue, rules: tradeRules), heartbeat: .serverPings,
                    resync: .none))
            }
            return plans
        case .okx:
            let book = configuration.okxBookChannel
            func argument(_ channel: String, _ symbol: String) -> String {
                #"{"channel":\#(JSONText.quoted(channel)),"instId":\#(JSONText.quoted(symbol))}"#
            }
            func message(_ op: String, _ arguments: [String], id: String) -> String {
                #"{"id":"\#(id)","op":"\#(op)","args":[\#(arguments.joined(separator: ","))]}"#
            }
            var arguments = symbols.map { argument(book, $0) }
            if configuration.includesTrades { arguments += symbols.map { argument("trades", $0) } }
            var rules = symbols.enumerated().map { index, symbol in
                FeedFrameClassifier.Rule(patterns: [pattern(#""channel":"\#(book)""#), pattern(#""instId":"\#(symbol)""#)],
                                         tag: FeedTag(venue: venue, kind: .book, symbolIndex: index))
            }
            rules += symbols.enumerated().map { index, symbol in
                FeedFrameClassifier.Rule(patterns: [pattern(#""channel":"trades""#), pattern(#""instId":"\#(symbol)""#)],
                                         tag: FeedTag(venue: venue, kind: .trades, symbolIndex: index))
            }
            return [LiveFeedStreamPlan(
                name: "okx", url: base + "/ws/v5/public",
                subscriptions: [message("subscribe", arguments, id: "sub")],
                classifier: FeedFrameClassifier(venue: venue, rules: rules),
                heartbeat: .whenIdle("ping"),
                resync: .resubscribe(symbols.map { [message("unsubscribe", [argument(book, $0)], id: "rs"),
                                                    message("subscribe", [argument(book, $0)], id: "rs")] }))]
        }
    }
}
