/// What the caller must do with the event (or snapshot) it just passed to a venue sequencer.
///
/// Sequencers are pure state machines over plain integer ids; the caller owns the book and any
/// buffered frames and acts on this verdict.
public enum SequencerAction: UInt8, Sendable, BitwiseCopyable {
    /// Apply the event's levels to the book.
    case apply
    /// Ignore the event (stale, duplicate, or no snapshot yet on a venue that re-sends one).
    case drop
    /// Keep the frame, in arrival order, until the snapshot arrives; then feed the kept frames back
    /// through the sequencer before any newer frame. A full buffer may discard its oldest frames: if
    /// they were needed, the bridging check reports `.gap`.
    case buffer
    /// A snapshot: clear the book (`OrderBook.reset()`), then apply its levels.
    case resetThenApply
    /// The sequence broke: do not apply; mark the book invalid, request a resync (REST snapshot or
    /// resubscribe, per venue) and count it. The sequencer now awaits a snapshot. On venues whose
    /// sequencer has `gapEventStartsBuffer`, this event is the first frame of the new buffer.
    case gap
    /// The REST snapshot is older than the buffered stream: discard it and fetch another; the book
    /// stays invalid and the buffer is kept.
    case retrySnapshot
}
