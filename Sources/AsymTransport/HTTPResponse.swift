/// A complete HTTP response; any status, 4xx and 5xx included, is a response rather than an error.
public struct HTTPResponse: Hashable, Sendable {
    /// The final status code (`CURLINFO_RESPONSE_CODE`).
    public var status: Int
    /// Header lines of the final response in arrival order, case preserved (interim 1xx blocks are dropped).
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// TCP connections this transfer had to open (`CURLINFO_NUM_CONNECTS`): 0 when a pooled connection was reused.
    public var newConnections: Int

    public init(status: Int, headers: [HTTPHeader], body: [UInt8], newConnections: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.newConnections = newConnections
    }

    /// The first value of header `name`, matched case-insensitively.
    public func value(forHeader name: String) -> String? {
        headers.first { $0.hasName(name) }?.value
    }

    /// Every value of header `name` in order, matched case-insensitively.
    public func values(forHeader name: String) -> [String] {
        headers.filter { $0.hasName(name) }.map(\.value)
    }
}
