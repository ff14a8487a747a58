/// A plain HTTP request (GET, or POST with its body) received by a ``WebSocketServer`` on its WebSocket port.
public struct WebSocketHTTPRequest: Hashable, Sendable {
    public let method: HTTPMethod
    /// The request path, e.g. `/api/v3/depth` (`LWS_CALLBACK_HTTP`'s `in`).
    public let path: String
    /// The query without `?`, fragments joined by `&`; empty if none.
    public let query: String
    /// Headers by lower-cased name: every one lws tokenises, plus the server's `capturedHeaderNames`.
    public let headers: [String: String]
    /// The body as received (POST; empty for GET).
    public let body: [UInt8]

    /// Creates a request description (normally done by the server).
    public init(method: HTTPMethod = .get, path: String, query: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}
