/// Why a ``LiveFeed`` (or ``FeedRecorder``) could not start.
public enum LiveFeedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The configuration is unusable (no symbols, too many, bad URL).
    case invalidConfiguration(String)
    /// The first connection attempt failed; nothing was started.
    case connectFailed(url: String, reason: String)
    /// ``LiveFeed/start()`` was called twice.
    case alreadyStarted
    /// The output directory or a recording file could not be created or written.
    case recordingFailed(String)

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid feed configuration: \(reason)"
        case .connectFailed(let url, let reason): "cannot connect to \(url): \(reason)"
        case .alreadyStarted: "the feed is already started"
        case .recordingFailed(let reason): "recording failed: \(reason)"
        }
    }
}
