public import AsymJournal

/// Why opening, writing or reading a trade store, or ingesting a journal into it, failed. Messages never
/// contain a password.
public enum TradeStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The SQLite database could not be opened or created at `path` (missing directory, no permission, not a
    /// database, or absent when opened read-only).
    case cannotOpen(path: String, message: String)
    /// A statement failed; `message` is the database's.
    case database(message: String)
    /// The store was written by another schema version.
    case schemaVersion(found: Int64, expected: Int64)
    /// Reading the journal failed.
    case journal(JournalError)
    /// The store holds records up to `storeLast`, the journal ends at `journalLast`: a different, truncated or
    /// replaced journal. Use a new store for it.
    case journalBehindStore(journalLast: UInt64, storeLast: UInt64)
    /// The journal's record at `sequence` is not the one stored (its time differs): a different journal.
    case journalMismatch(sequence: UInt64, storedTime: Int64, journalTime: Int64)
    /// The PostgreSQL URL or configuration is invalid.
    case invalidConfiguration(String)
    /// The password could not be read (missing variable, unreadable file, or a file others can read).
    case password(String)
    /// Connecting to the PostgreSQL server failed.
    case connection(host: String, port: Int, message: String)
    /// The store was closed.
    case closed

    public var description: String {
        switch self {
        case .cannotOpen(let path, let message): "cannot open trade store \(path): \(message)"
        case .database(let message): "trade store: \(message)"
        case .schemaVersion(let found, let expected):
            "trade store schema version \(found), this build writes version \(expected): use a new store"
        case .journal(let error): "journal: \(error)"
        case .journalBehindStore(let journalLast, let storeLast):
            "the store holds records up to sequence \(storeLast) but the journal ends at \(journalLast): "
                + "a different or truncated journal"
        case .journalMismatch(let sequence, let storedTime, let journalTime):
            "record \(sequence) has time \(journalTime) in the journal but \(storedTime) in the store: "
                + "a different journal"
        case .invalidConfiguration(let message): "trade store configuration: \(message)"
        case .password(let message): "trade store password: \(message)"
        case .connection(let host, let port, let message): "cannot connect to PostgreSQL at \(host):\(port): \(message)"
        case .closed: "trade store is closed"
        }
    }
}
