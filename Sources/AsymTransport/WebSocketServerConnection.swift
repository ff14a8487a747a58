/// What a ``WebSocketServer`` knows about an accepted WebSocket client.
public struct WebSocketServerConnection: Hashable, Sendable {
    /// The connection's identifier, used to send to or close it.
    public let id: WebSocketConnectionID
    /// The request path, e.g. `/public/stream` (`WSI_TOKEN_GET_URI`).
    public let path: String
    /// The query without `?`, fragments joined by `&` (`WSI_TOKEN_HTTP_URI_ARGS`); empty if none.
    public let query: String
    /// Request headers, lower-cased names: every header lws parses into a token, plus the
    /// names listed in ``WebSocketServerConfiguration/capturedHeaderNames``.
    public let headers: [String: String]

    /// Creates a connection description (normally done by the server).
    public init(id: WebSocketConnectionID, path: String, query: String, headers: [String: String]) {
        self.id = id
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The path plus `?query` when there is a query, e.g. `/public/stream?streams=btcusdt@depth`.
    public var target: String { query.isEmpty ? path : "\(path)?\(query)" }
}
