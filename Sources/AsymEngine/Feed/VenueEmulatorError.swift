/// Why a ``VenueEmulator`` could not start.
public enum VenueEmulatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The recording file could not be opened or read.
    case recordingUnreadable(path: String, reason: String)
    /// The WebSocket server could not bind or start.
    case serverFailed(String)
    /// A configuration value is out of range.
    case invalidConfiguration(String)

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .recordingUnreadable(let path, let reason): "cannot read recording \(path): \(reason)"
        case .serverFailed(let reason): "feed server failed: \(reason)"
        case .invalidConfiguration(let reason): "invalid emulator configuration: \(reason)"
        }
    }
}
