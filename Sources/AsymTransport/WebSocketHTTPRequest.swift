/// A plain HTTP GET received by a ``WebSocketServer`` on its WebSocket port.
public struct WebSocketHTTPRequest: Hashable, Sendable {
    /// The request path, e.g. `/api/v3/depth` (`LWS_CALLBACK_HTTP`'s `in`).
    public let path: String
    /// The query without `?`, fragments joined by `&`; empty if none.
    public let query: String

    /// Creates a request description (normally done by the server).
    public init(path: String, query: String) {
        self.path = path
        self.query = query
    }
}
