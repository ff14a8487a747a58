public import AsymCore
public import AsymJournal
import Foundation

/// Why an engine cannot start or run; each case says what to fix.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The configuration names nothing to trade, or something the catalog does not know.
    case invalidConfiguration(String)
    /// A venue's journal cannot be opened (directory not writable, corrupt segment, io_uring refused).
    case journalUnavailable(directory: String, JournalError)
    /// A venue's feed could not be set up or its first connection failed.
    case feedFailed(venue: Venue, reason: String)
    /// The journal could not be recovered into a session (damaged, other limits for a resumed recording,
    /// a checkpoint that does not fit): reconciliation failed, so nothing starts.
    case recoveryFailed(venue: Venue, reason: String)
    /// This machine's clock is off a venue's server time by more than the limit (`skew` = local − venue, ns).
    case clockSkew(venue: Venue, skew: Int64, limit: Int64)
    /// `start` was called twice.
    case alreadyStarted

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid engine configuration: \(reason)"
        case let .journalUnavailable(directory, error): "cannot open the journal at \(directory): \(error)"
        case let .feedFailed(venue, reason): "\(venue) feed failed: \(reason)"
        case let .recoveryFailed(venue, reason): "\(venue): recovery from the journal failed: \(reason)"
        case let .clockSkew(venue, skew, limit):
            "this machine's clock is \(Self.milliseconds(abs(skew))) ms \(skew > 0 ? "ahead of" : "behind") \(venue)'s "
                + "server time, beyond the \(Self.milliseconds(limit)) ms allowed: synchronise it (NTP, chrony) first"
        case .alreadyStarted: "the engine is already started"
        }
    }

    private static func milliseconds(_ nanoseconds: Int64) -> String {
        String(format: "%.1f", Double(nanoseconds) / 1e6)
    }
}
