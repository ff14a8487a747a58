/// What kind of market data a ring frame carries, as encoded in its ``FeedTag``.
public enum FeedStreamKind: UInt8, Hashable, Sendable, CaseIterable {
    /// A frame the feed could not attribute to a subscribed stream (passed on, not dropped).
    case unclassified = 0
    /// An order-book frame (snapshot or delta) from the WebSocket.
    case book = 1
    /// A trades frame from the WebSocket.
    case trades = 2
    /// A Binance REST depth snapshot body (`GET /fapi/v1/depth`), injected by the feed.
    case depthSnapshot = 3
}
