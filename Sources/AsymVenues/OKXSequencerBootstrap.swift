/// How an `OKXSequencer` obtains its snapshot (PROTOCOLS.md §3, G2).
public enum OKXSequencerBootstrap: UInt8, Sendable, BitwiseCopyable {
    /// The channel's own `snapshot` push (`prevSeqId == -1`); after a gap, resubscribe.
    case websocketSnapshot
    /// The announced REST bootstrap: buffer updates, fetch `GET /api/v5/market/books`, ignore WebSocket
    /// snapshots while waiting; after a gap, fetch again.
    case restSnapshot
}
