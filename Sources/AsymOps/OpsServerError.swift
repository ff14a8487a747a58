/// Why the ops server did not start.
public enum OpsServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The port is outside 0…65535.
    case invalidPort(Int)
    /// `start()` was called on a server that is running.
    case alreadyRunning
    /// The listening socket could not be set up (address in use, unknown address, no permission).
    case bindFailed(address: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidPort(let port): "ops server port \(port) is outside 0...65535"
        case .alreadyRunning: "the ops server is already running"
        case .bindFailed(let address, let port, let reason): "ops server cannot listen on \(address):\(port): \(reason)"
        }
    }
}
