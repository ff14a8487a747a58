public import AsymExecution
import AsymJournal
import AsymCore
import AsymRisk
import AsymSignals
import AsymTransport

/// What a journal says about a trading session so far, read once at start: the last complete checkpoint and
/// the records the session journalled after it.
///
/// Open the `Journal` first (its open truncates a torn tail), read this, then `start()` the journal and build
/// the session with `TradingSession.recovering(…)`. An empty (or new) journal gives `isEmpty`: a fresh start
/// down the same path.
///
/// Records of types this build does not know, and records other producers write (AI votes, biases,
/// diagnostics), are skipped. A checkpoint whose parts did not all reach the journal is ignored (the previous
/// one counts). Damage in the middle of the journal is refused (`damagedJournal`), never read past.
/// - Complexity: O(journal bytes); memory O(records after the checkpoint + fills in the journal).
public struct TradingSessionRecovery: Sendable {
    /// A journal with nothing in it.
    public static let empty = TradingSessionRecovery()

    /// The last complete checkpoint's words, nil when there is none (start from the configuration).
    public internal(set) var checkpoint: [UInt64]?
    /// Its number, and the journal sequence of its last part (0 without a checkpoint).
    public internal(set) var checkpointNumber: UInt64 = 0
    public internal(set) var checkpointSequence: UInt64 = 0
    /// Frames the session had consumed at the checkpoint (where a replay resumes) and the last one's receive time.
    public internal(set) var resumeFrame: Int64 = 0
    public internal(set) var resumeReceiveTime: Int64 = 0
    /// The session's records after the checkpoint, in journal order.
    var tail: [RecoveredRecord] = []
    /// (trade id, client order id) of every journalled fill up to the checkpoint, in order.
    var fillsBeforeCheckpoint: [RecoveredFill] = []
    /// The highest client order id of any journalled `.orderSubmitted`.
    public internal(set) var highestClientOrderID: ClientOrderID?
    /// The most recent limits hash journalled (`configHash`), nil when none.
    public internal(set) var journalledLimitsHash: UInt64?
    /// Records read, and those skipped because this build does not know their type.
    public internal(set) var records = 0
    public internal(set) var unknownRecords = 0
    /// The last sequence read (0 for an empty journal).
    public internal(set) var lastSequence: UInt64 = 0
    /// Whether the last segment ended in a torn tail (not delivered; the writer truncates it when it opens).
    public internal(set) var tornTailFound = false

    init() {}

    /// Nothing to recover: no checkpoint and no session record.
    public var isEmpty: Bool { checkpoint == nil && tail.isEmpty }

    /// Session records after the checkpoint.
    public var recordsAfterCheckpoint: Int { tail.count }

    /// Reads `journalDirectory` (a missing or empty directory is an empty journal).
    public init(journalDirectory: String) throws(TradingSessionRecoveryError) {
        var assembling: (number: UInt64, parts: Int, words: [UInt64])?
        var fills: [(sequence: UInt64, fill: RecoveredFill)] = []
        var malformed: (UInt64, UInt16)?
        let summary: JournalReadSummary
        do {
            summary = try JournalReader(directory: journalDirectory, corruptionPolicy: .stop).forEach { record in
                guard malformed == nil else { return }
                records += 1
                lastSequence = record.sequence
                guard let type = record.type else {
                    unknownRecords += 1
                    return
                }
                guard let payload = Self.decode(record, type) else {
                    if Self.isSessionType(type) || type == .configHash { malformed = (record.sequence, record.typeRawValue) }
                    return
                }
                switch payload {
                case .configHash(let hash):
                    journalledLimitsHash = hash
                    return
                case .checkpointPart(let chunk):
                    if chunk.part == 0 { assembling = (chunk.checkpoint, Int(chunk.parts), []) }
                    if let current = assembling, current.number == chunk.checkpoint,
                       current.words.count == Int(chunk.part) * SessionCheckpointChunk.wordsPerPart,
                       Int(chunk.parts) == current.parts {
                        var words = current.words
                        for index in 0..<Int(chunk.count) { words.append(chunk[index]) }
                        assembling = (current.number, current.parts, words)
                        if Int(chunk.part) == current.parts - 1 {
                            checkpoint = words
                            checkpointNumber = current.number
                            checkpointSequence = record.sequence
                            assembling = nil
                            tail.removeAll(keepingCapacity: true)
                            return
                        }
                    } else {
                        assembling = nil
                    }
                case .execution(let event, let type):
                    if type == .orderSubmitted {
                        highestClientOrderID = max(highestClientOrderID ?? event.clientOrderID, event.clientOrderID)
                    }
                    if type == .fill {
                        fills.append((record.sequence, RecoveredFill(tradeID: event.tradeID, order: event.clientOrderID)))
                    }
                    assembling = nil
                default:
                    assembling = nil
                }
                tail.append(RecoveredRecord(sequence: record.sequence, type: type, time: record.time, payload: payload))
            }
        } catch .fileSystem(call: "opendir", _, .noSuchFile) {
            return  // no directory yet: nothing was journalled
        } catch {
            throw .journal(error)
        }
        if let malformed { throw .malformedRecord(sequence: malformed.0, type: malformed.1) }
        if summary.stoppedAtCorruption, let corruption = summary.corruptions.first { throw .damagedJournal(corruption) }
        tornTailFound = summary.tornTailFound
        fillsBeforeCheckpoint = fills.filter { $0.sequence <= checkpointSequence }.map(\.fill)
        if let checkpoint {
            var reader = CheckpointReader(words: checkpoint)
            do throws(CheckpointError) {
                let header = try SessionCheckpointHeader(from: &reader)
                resumeFrame = header.frames
                resumeReceiveTime = header.receiveTime
            } catch {
                throw .checkpoint(error)
            }
        }
    }

    static func isSessionType(_ type: JournalRecordType) -> Bool {
        switch type {
        case .signal, .riskApproved, .riskDenied, .orderSubmitted, .orderStateChange, .fill, .positionSnapshot,
             .tradingStateChange, .killSwitch, .replayPosition, .sessionCheckpoint:
            true
        case .configHash, .aiVote, .publishedBias, .aiRequest, .aiResponse, .diagnostic:
            false
        }
    }

    /// The payload of a record the session reads back, nil for other producers' types or a payload of the
    /// wrong size.
    static func decode(_ record: JournalRecord, _ type: JournalRecordType) -> RecoveredRecord.Payload? {
        func load<Event: BitwiseCopyable>(_ event: Event.Type) -> Event? {
            record.payload.count == MemoryLayout<Event>.size ? record.load(as: Event.self) : nil
        }
        switch type {
        case .configHash: return load(UInt64.self).map { .configHash($0) }
        case .signal: return load(Signal.self).map { .signal($0) }
        case .riskApproved, .riskDenied: return load(RiskDecisionRecord.self).map { .decision($0) }
        case .orderSubmitted, .orderStateChange, .fill: return load(ExecutionEvent.self).map { .execution($0, type) }
        case .positionSnapshot: return load(PositionSnapshot.self).map { .positionSnapshot($0) }
        case .tradingStateChange: return load(TradingStateRecord.self).map { .tradingState($0) }
        case .killSwitch: return load(KillSwitchRecord.self).map { .killSwitch($0) }
        case .replayPosition: return load(ReplayPositionRecord.self).map { .replayPosition($0) }
        case .sessionCheckpoint: return load(SessionCheckpointChunk.self).map { .checkpointPart($0) }
        case .aiVote, .publishedBias, .aiRequest, .aiResponse, .diagnostic: return nil
        }
    }
}

/// A fill's identity as journalled: what the router's deduplication filter remembers.
struct RecoveredFill: Sendable {
    var tradeID: UInt64
    var order: ClientOrderID
}

/// One session record read back from the journal.
struct RecoveredRecord: Sendable {
    enum Payload: Sendable {
        case configHash(UInt64)
        case signal(Signal)
        case decision(RiskDecisionRecord)
        case execution(ExecutionEvent, JournalRecordType)
        case positionSnapshot(PositionSnapshot)
        case tradingState(TradingStateRecord)
        case killSwitch(KillSwitchRecord)
        case replayPosition(ReplayPositionRecord)
        case checkpointPart(SessionCheckpointChunk)
    }

    var sequence: UInt64
    var type: JournalRecordType
    var time: Int64
    var payload: Payload

    /// The key the session computes when it produces the same record again.
    var key: SessionRecordKey {
        switch payload {
        case .configHash(let hash): SessionRecordKey(hash, 0)
        case .signal(let signal): signal.recoveryKey
        case .decision(let decision): decision.recoveryKey
        case .execution(let event, _): event.recoveryKey
        case .positionSnapshot(let snapshot): snapshot.recoveryKey
        case .tradingState(let state): state.recoveryKey
        case .killSwitch(let record): record.recoveryKey
        case .replayPosition(let position): position.recoveryKey
        case .checkpointPart(let chunk): chunk.recoveryKey
        }
    }
}
