import AsymExecution
import AsymJournal
import AsymRisk
import AsymSignals

/// What identifies a record a session journals, for recovery's check that a resumed replay produces exactly
/// the records the journal already holds: two words folded from the fields that matter (ids, counts, prices,
/// and the bit patterns of money, so any drift in the state shows).
///
/// Computed from typed fields, never from raw bytes, because struct padding in a stored record is not defined.
struct SessionRecordKey: Equatable, Sendable {
    var first: UInt64
    var second: UInt64

    init(_ first: UInt64, _ second: UInt64) {
        self.first = first
        self.second = second
    }

    /// An FNV-1a style fold of up to four words (order matters).
    static func fold(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0, _ d: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = mix(hash, a)
        hash = mix(hash, b)
        hash = mix(hash, c)
        return mix(hash, d)
    }

    static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        let folded = (hash ^ value) &* 0x0000_0100_0000_01b3
        return folded ^ folded >> 29
    }
}

/// A record type a `TradingSession` journals and can regenerate when a replay resumes.
protocol SessionJournalRecord: BitwiseCopyable {
    var recoveryKey: SessionRecordKey { get }
}

extension Signal: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        SessionRecordKey(UInt64(bitPattern: referencePriceTicks),
                         SessionRecordKey.fold(UInt64(instrument.rawValue), UInt64(direction.rawValue),
                                               UInt64(source.rawValue), UInt64(confidence.bitPattern)))
    }
}

extension RiskDecisionRecord: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        SessionRecordKey(decision, SessionRecordKey.fold(UInt64(reason) | UInt64(kind.rawValue) << 8
                                                             | UInt64(direction.rawValue) << 16 | UInt64(instrument.rawValue) << 24,
                                                         UInt64(bitPattern: lots), equity.bitPattern, marginInUse.bitPattern))
    }
}

extension ExecutionEvent: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        SessionRecordKey(clientOrderID.rawValue,
                         SessionRecordKey.fold(tradeID, UInt64(kind.rawValue) | UInt64(state.rawValue) << 8,
                                               UInt64(bitPattern: lots) ^ UInt64(bitPattern: price) << 1,
                                               UInt64(bitPattern: filledLots)))
    }
}

extension PositionSnapshot: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        SessionRecordKey(UInt64(bitPattern: lots),
                         SessionRecordKey.fold(UInt64(instrument.rawValue), equity.bitPattern, walletBalance.bitPattern,
                                               peakEquity.bitPattern))
    }
}

extension TradingStateRecord: SessionJournalRecord {
    var recoveryKey: SessionRecordKey { SessionRecordKey(UInt64(state.rawValue), UInt64(cause.rawValue)) }
}

extension KillSwitchRecord: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        SessionRecordKey(UInt64(bitPattern: time), UInt64(state.rawValue) | UInt64(cause.rawValue) << 8)
    }
}

extension ReplayPositionRecord: SessionJournalRecord {
    var recoveryKey: SessionRecordKey { SessionRecordKey(UInt64(bitPattern: line), UInt64(bitPattern: receiveTime)) }
}

extension SessionCheckpointChunk: SessionJournalRecord {
    var recoveryKey: SessionRecordKey {
        var words: UInt64 = 0
        for index in 0..<Int(count) { words = SessionRecordKey.fold(words, self[index]) }
        return SessionRecordKey(checkpoint << 32 | UInt64(part) << 16 | UInt64(parts), SessionRecordKey.fold(UInt64(count), words))
    }
}
