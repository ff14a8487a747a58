/// Why the loopback analysts could not start.
public enum AnalystsEndpointError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The host is not a loopback address.
    case notLoopback(String)
    /// The server could not bind or stopped at once (the server's description).
    case startFailed(String)
    /// `start()` was called on an endpoint that is running or was stopped.
    case alreadyStarted

    public var description: String {
        switch self {
        case .notLoopback(let host): "the analysts endpoint serves loopback only, not \(host)"
        case .startFailed(let reason): "the analysts endpoint could not start: \(reason)"
        case .alreadyStarted: "the analysts endpoint was already started"
        }
    }
}
