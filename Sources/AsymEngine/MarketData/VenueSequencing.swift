public import AsymCore
public import AsymVenues

/// A venue's sequencing rules applied to decoded book frames, one sequencer per instrument.
///
/// `MarketDataProcessor` is generic over this protocol (specialised, never an existential), so the
/// per-frame call is direct. Implementations: `BybitSequencing`, `BinanceSequencing`, `OKXSequencing`.
public protocol VenueSequencing {
    /// The venue's frame codec.
    associatedtype Codec: FrameCodec

    /// Rules for `instrumentCount` instruments with dense ids `0..<instrumentCount`.
    init(instrumentCount: Int)

    /// What to do with a decoded book frame (`bookSnapshot` or `bookDelta`).
    mutating func action(for header: FrameHeader) -> SequencerAction

    /// Forgets the instrument's sequence: the next snapshot restarts it (after a gap or a lost frame).
    mutating func invalidate(_ instrument: InstrumentID)

    /// Whether the frame that reported a gap should open the new buffer (it may bridge the next snapshot).
    var gapEventStartsBuffer: Bool { get }

    /// Decodes one frame; Binance recordings also hold REST depth snapshots, which name no symbol.
    static func decode(_ codec: Codec, _ frame: UnsafeRawBufferPointer, restInstrument: InstrumentID,
                       into batch: FrameBatch) throws(DecodeError)
}

extension VenueSequencing {
    @inlinable
    public static func decode(_ codec: Codec, _ frame: UnsafeRawBufferPointer, restInstrument: InstrumentID,
                              into batch: FrameBatch) throws(DecodeError) {
        try codec.decode(frame, into: batch)
    }
}

/// Bybit V5: every snapshot resets the book; deltas carry no gap field (PROTOCOLS.md §1).
public struct BybitSequencing: VenueSequencing {
    public typealias Codec = BybitCodec
    @usableFromInline var sequencers: [BybitSequencer]

    public init(instrumentCount: Int) {
        sequencers = Array(repeating: BybitSequencer(), count: instrumentCount)
    }

    @inlinable
    public mutating func action(for header: FrameHeader) -> SequencerAction {
        let index = Int(header.instrument.rawValue)
        let updateID = header.updateID ?? 0
        return header.kind == .bookSnapshot
            ? sequencers[index].onSnapshot(updateID: updateID)
            : sequencers[index].onDelta(updateID: updateID)
    }

    public mutating func invalidate(_ instrument: InstrumentID) { sequencers[Int(instrument.rawValue)].invalidate() }
    public var gapEventStartsBuffer: Bool { false }
}

/// Binance USD-M futures: buffer until the REST snapshot, bridge it, then `pu == previous u` (PROTOCOLS.md §2).
public struct BinanceSequencing: VenueSequencing {
    public typealias Codec = BinanceCodec
    @usableFromInline var sequencers: [BinanceSequencer]

    public init(instrumentCount: Int) {
        sequencers = Array(repeating: BinanceSequencer(), count: instrumentCount)
    }

    @inlinable
    public mutating func action(for header: FrameHeader) -> SequencerAction {
        let index = Int(header.instrument.rawValue)
        if header.kind == .bookSnapshot {
            return sequencers[index].onSnapshot(lastUpdateID: header.updateID ?? 0)
        }
        return sequencers[index].onDepthUpdate(
            firstUpdateID: header.firstUpdateID ?? 0, finalUpdateID: header.updateID ?? 0,
            previousFinalUpdateID: header.previousUpdateID ?? -1)
    }

    public mutating func invalidate(_ instrument: InstrumentID) { sequencers[Int(instrument.rawValue)].invalidate() }
    public var gapEventStartsBuffer: Bool { true }

    /// A REST depth body (`{"lastUpdateId":…}`) names no symbol: the codec says so with
    /// `.instrumentRequired`, and it is decoded again as a snapshot of `restInstrument` (rare: one per resync).
    @inlinable
    public static func decode(_ codec: BinanceCodec, _ frame: UnsafeRawBufferPointer, restInstrument: InstrumentID,
                              into batch: FrameBatch) throws(DecodeError) {
        do {
            try codec.decode(frame, into: batch)
        } catch .instrumentRequired {
            try codec.decodeDepthSnapshot(frame, instrument: restInstrument, into: batch)
        }
    }
}

/// OKX V5: the `prevSeqId` chain with its keep-alive and post-maintenance exceptions (PROTOCOLS.md §3).
public struct OKXSequencing: VenueSequencing {
    public typealias Codec = OKXCodec
    @usableFromInline var sequencers: [OKXSequencer]

    public init(instrumentCount: Int) {
        sequencers = Array(repeating: OKXSequencer(bootstrap: .websocketSnapshot), count: instrumentCount)
    }

    @inlinable
    public mutating func action(for header: FrameHeader) -> SequencerAction {
        let index = Int(header.instrument.rawValue)
        let sequence = header.sequence ?? 0
        if header.kind == .bookSnapshot && (header.previousSequence ?? -1) == -1 {
            return sequencers[index].onSnapshot(seqID: sequence)
        }
        return sequencers[index].onUpdate(previousSeqID: header.previousSequence ?? -1, seqID: sequence)
    }

    public mutating func invalidate(_ instrument: InstrumentID) { sequencers[Int(instrument.rawValue)].invalidate() }
    public var gapEventStartsBuffer: Bool { false }
}
