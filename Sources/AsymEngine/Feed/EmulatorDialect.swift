import AsymTransport

/// One venue's side of the emulator: how recorded lines map to streams, how the book follows them,
/// and how clients connect, subscribe and get answered.
///
/// Implementations are stateless values; all mutable state is passed in, guarded by the emulator's lock.
protocol EmulatorDialect: Sendable {
    /// Classifies one recorded line (cheap key extraction; no full parse).
    func classify(receiveTime: Int64, text: String) -> RecordedFrame
    /// Applies a book frame or REST snapshot to the books.
    func apply(_ frame: RecordedFrame, to books: inout EmulatorBooks)
    /// Admits a new connection by its path and query, or nil to refuse it.
    func accept(_ connection: WebSocketServerConnection, connectionTag: String) -> EmulatedClient?
    /// Handles one client text message: updates subscriptions and returns the replies in order,
    /// with how many of them are book snapshots.
    func respond(to message: String, client: inout EmulatedClient, books: EmulatorBooks) -> (replies: [String], snapshots: Int)
    /// The text to send `client` for a recorded data frame, or nil if it is not subscribed (or routed elsewhere).
    func payload(for frame: RecordedFrame, to client: EmulatedClient) -> String?
    /// Answers a plain HTTP GET on the feed port.
    func http(_ request: WebSocketHTTPRequest, books: EmulatorBooks) -> WebSocketHTTPResponse
}
