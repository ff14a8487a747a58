extension LoopbackHTTPServer {
    /// What the server answers on one path: a scripted response, optionally delayed, or an echo of the request.
    public struct Route: Sendable {
        public var status: Int
        /// Extra response headers, in order; `Content-Length` is always added by the server.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        /// Wait this long before answering; the wait ends early if the client disconnects.
        public var delayMilliseconds: Int
        /// Answer with the request's body, plus `X-Echo-Method`, `X-Echo-Path` and one `X-Echo-<name>` per request header.
        public var echo: Bool

        public init(
            status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
            delayMilliseconds: Int = 0, echo: Bool = false
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delayMilliseconds = delayMilliseconds
            self.echo = echo
        }

        /// A fixed response with a UTF-8 body.
        public static func text(
            _ text: String, status: Int = 200, headers: [(name: String, value: String)] = [], delayMilliseconds: Int = 0
        ) -> Route {
            Route(status: status, headers: headers, body: Array(text.utf8), delayMilliseconds: delayMilliseconds)
        }

        /// Echo the request back with `status`.
        public static func echo(status: Int = 200) -> Route { Route(status: status, echo: true) }
    }
}
