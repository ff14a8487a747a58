public import AsymCore

/// Per-frame facts a codec extracts besides levels and trades: kind, instrument, times, sequence ids.
///
/// Fields a venue does not send stay nil. Times are nanoseconds since the Unix epoch (venues send
/// milliseconds). Sequence fields keep each venue's own meaning; the sequencers interpret them.
public struct FrameHeader: Sendable {
    /// What the frame was.
    public var kind: MessageKind = .none
    /// The venue that sent it.
    public var venue: Venue = .bybit
    /// The instrument, for book and trade kinds.
    public var instrument: InstrumentID = InstrumentID(0)
    /// Book depth of the channel (Bybit topic depth, OKX 400/50/5/1), 0 when unknown.
    public var depth: UInt16 = 0
    /// Venue send time: Bybit `ts`, Binance `E`, OKX `ts`.
    public var exchangeTime: Int64?
    /// Matching-engine time: Bybit `cts`, Binance `T`.
    public var matchTime: Int64?
    /// Bybit `u`; Binance `u` (depth, bookTicker) or REST `lastUpdateId`.
    public var updateID: Int64?
    /// Binance `U`: first update id in the event.
    public var firstUpdateID: Int64?
    /// Binance `pu`: the previous event's `u`.
    public var previousUpdateID: Int64?
    /// Bybit `seq` (cross sequence); OKX `seqId`.
    public var sequence: Int64?
    /// OKX `prevSeqId` (-1 on snapshots).
    public var previousSequence: Int64?
    /// OKX book checksum (signed CRC32; 0 since the 2026-06 deprecation — see `OKXChecksum`).
    public var checksum: Int32?
    /// Venue error or notice code (OKX `code`, Binance `code`).
    public var errorCode: Int64?
    /// Byte range of the venue's message text in the frame (Bybit `ret_msg`, OKX/Binance `msg`).
    /// Valid only while the frame's bytes are.
    public var messageRange: Range<Int>?

    /// An empty header.
    public init() {}
}
