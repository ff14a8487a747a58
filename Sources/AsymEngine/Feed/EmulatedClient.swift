import AsymTransport

/// What the emulator knows about one connected client: where it connected and what it subscribed to.
struct EmulatedClient {
    /// The server's connection id.
    let id: WebSocketConnectionID
    /// The venue-visible connection id (`conn_id` / `connId`).
    let connectionTag: String
    /// Subscription keys in the dialect's form (see ``RecordedFrame/streamKey``).
    var subscriptions: Set<String> = []
    /// Binance: the routed tier the client connected to (`public` or `market`); empty elsewhere.
    var tier = ""
    /// Binance: combined-stream framing (`/stream`) rather than raw (`/ws/`).
    var isCombined = false
}
