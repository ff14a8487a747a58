/// The reply a ``WebSocketServer`` HTTP handler returns for a ``WebSocketHTTPRequest``.
public struct WebSocketHTTPResponse: Hashable, Sendable {
    /// The HTTP status code, e.g. `200`.
    public var status: Int
    /// The `Content-Type` header value.
    public var contentType: String
    /// The response body, sent with `Content-Length`.
    public var body: [UInt8]

    /// Creates a response with a raw body.
    public init(status: Int = 200, contentType: String = "application/octet-stream", body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// Creates a response with a UTF-8 text body.
    public init(status: Int = 200, contentType: String = "text/plain", text: String) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8))
    }

    /// A `404 Not Found` with an empty body.
    public static var notFound: WebSocketHTTPResponse {
        WebSocketHTTPResponse(status: 404, contentType: "text/plain", body: [])
    }
}
