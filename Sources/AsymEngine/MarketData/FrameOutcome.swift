public import AsymCore

/// What processing one frame did, so the engine knows which features to update.
public enum FrameOutcome: Equatable, Sendable {
    /// The instrument's book changed and is usable.
    case bookUpdated(InstrumentID)
    /// The instrument's book changed but is not usable (resyncing, crossed or locked).
    case bookUnusable(InstrumentID)
    /// Trades for the instrument are in the processor's batch.
    case trades(InstrumentID)
    /// A sequence gap or checksum mismatch: the book is invalid and a resync was requested.
    case gap(InstrumentID)
    /// Held, dropped, or not relevant; nothing changed.
    case noChange
    /// A heartbeat, ack, notice or venue error.
    case control
    /// The frame could not be decoded; affected books were invalidated.
    case decodeError
}
