/// Where a venue sequencer stands in its synchronisation procedure.
public enum SequencerState: UInt8, Sendable, BitwiseCopyable {
    /// No usable snapshot: initially, after a `.gap` and after `invalidate()`.
    case awaitingSnapshot
    /// A REST snapshot was applied; waiting for the first event that bridges it (Binance, OKX REST bootstrap).
    case synchronizing
    /// Every event is checked against the previous one.
    case live
}
