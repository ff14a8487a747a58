/// What a ``VenueEmulator`` has done so far; a consistent copy taken under its lock.
public struct VenueEmulatorSummary: Hashable, Sendable, CustomStringConvertible {
    /// Recording lines read.
    public var linesRead = 0
    /// Data frames replayed (sent, dropped or faulted).
    public var framesReplayed = 0
    /// Of those, frames that changed a book.
    public var bookFramesReplayed = 0
    /// WebSocket messages sent to clients (frames, acks, pongs, snapshots).
    public var messagesSent = 0
    /// Rendered snapshots sent to subscribers.
    public var snapshotsSent = 0
    /// REST depth snapshots answered.
    public var restSnapshotsServed = 0
    /// Server-time requests answered.
    public var serverTimesServed = 0
    /// WebSocket connections accepted.
    public var connectionsAccepted = 0
    /// Connections refused for an unknown path.
    public var connectionsRefused = 0
    /// Ping frames sent.
    public var pingsSent = 0
    /// Pong frames received.
    public var pongsReceived = 0
    /// Faults injected, in order.
    public var faults: [FeedFaultEvent] = []
    /// Whether the recording has been fully replayed.
    public var isFinished = false

    /// Creates an empty summary.
    public init() {}

    /// One line per counter group, then one per fault.
    public var description: String {
        var lines = [
            "replayed \(framesReplayed) frames (\(bookFramesReplayed) book) of \(linesRead) lines\(isFinished ? ", finished" : "")",
            "sent \(messagesSent) messages, \(snapshotsSent) snapshots, \(restSnapshotsServed) REST snapshots, \(serverTimesServed) server times",
            "connections \(connectionsAccepted) accepted, \(connectionsRefused) refused; pings \(pingsSent), pongs \(pongsReceived)",
        ]
        lines += faults.map(\.description)
        return lines.joined(separator: "\n")
    }
}
