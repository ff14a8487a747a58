/// One fault a ``VenueEmulator`` injected, for its log and summary.
public struct FeedFaultEvent: Hashable, Sendable, CustomStringConvertible {
    /// The kind of fault.
    public enum Kind: String, Hashable, Sendable {
        /// A book frame was not sent.
        case dropped
        /// A book frame was sent twice.
        case duplicated
        /// A truncated copy replaced a book frame.
        case malformed
        /// Every client was disconnected.
        case disconnected
        /// The replay paused.
        case stalled
    }

    /// What happened.
    public let kind: Kind
    /// The 1-based index among all replayed data frames where it happened.
    public let frameIndex: Int
    /// The 1-based book-frame index, for book faults.
    public let bookFrameIndex: Int?
    /// Clients affected (sent to or disconnected).
    public let clients: Int

    /// Creates an event (normally done by the emulator).
    public init(kind: Kind, frameIndex: Int, bookFrameIndex: Int?, clients: Int) {
        self.kind = kind
        self.frameIndex = frameIndex
        self.bookFrameIndex = bookFrameIndex
        self.clients = clients
    }

    /// `fault dropped at frame 12 (book frame 7), 1 client(s)`.
    public var description: String {
        let book = bookFrameIndex.map { " (book frame \($0))" } ?? ""
        return "fault \(kind.rawValue) at frame \(frameIndex)\(book), \(clients) client(s)"
    }
}
