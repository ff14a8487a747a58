/// A request for ``HTTPClient``: method, URL, headers in order, and the exact body bytes to send.
public struct HTTPRequest: Hashable, Sendable {
    public var method: HTTPMethod
    /// Absolute `http://` or `https://` URL.
    public var url: String
    /// Sent in order, names as given. `Content-Length` and `Host` are added by libcurl; nothing else is
    /// (no default `Content-Type`, no `Expect: 100-continue`). Names or values containing CR/LF are rejected.
    public var headers: [HTTPHeader]
    /// Sent byte for byte (signatures are computed over it). Empty means no body, except that POST, PUT and PATCH
    /// always send `Content-Length`.
    public var body: [UInt8]
    /// Overrides ``HTTPClientConfiguration/timeoutMilliseconds`` for this request.
    public var timeoutMilliseconds: Int?

    public init(
        method: HTTPMethod = .get, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
        timeoutMilliseconds: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}
