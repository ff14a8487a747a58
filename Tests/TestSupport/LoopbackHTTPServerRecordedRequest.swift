extension LoopbackHTTPServer {
    /// A request exactly as the server parsed it off the wire.
    public struct RecordedRequest: Sendable {
        public var method: String
        /// The request target, query included.
        public var target: String
        /// Header lines in arrival order, names as sent.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// First value of header `name`, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }
}
