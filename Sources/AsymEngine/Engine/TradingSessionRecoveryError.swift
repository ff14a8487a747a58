public import AsymCore
public import AsymJournal

/// Why a trading session could not be recovered from its journal, or a resumed replay had to stop.
public enum TradingSessionRecoveryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Reading the journal failed.
    case journal(JournalError)
    /// The journal is damaged in the middle (not a torn tail): recovery does not guess past it.
    case damagedJournal(JournalCorruption)
    /// A session record whose payload has the wrong size for its type.
    case malformedRecord(sequence: UInt64, type: UInt16)
    /// The last complete checkpoint cannot be read or does not fit this session (instruments, tables).
    case checkpoint(CheckpointError)
    /// Resuming a replay under other risk limits than the journal's would not reproduce its records.
    case limitsChanged(journalled: UInt64, current: UInt64)
    /// A resumed replay produced a record that differs from the one the journal holds at `sequence`: the run is
    /// not reproducing the journalled one (other settings, another recording). Nothing was appended after it.
    case replayDiverged(sequence: UInt64, journalled: UInt16, produced: UInt16)
    /// The recording has fewer frames than the journal has already consumed or produced records for.
    case recordingEndedEarly(frames: Int64, journalFrames: Int64)

    public var description: String {
        switch self {
        case .journal(let error): "cannot read the journal: \(error)"
        case .damagedJournal(let corruption): "the journal is damaged at \(corruption.path) offset \(corruption.offset)"
        case .malformedRecord(let sequence, let type):
            "journal record \(sequence) (\(JournalRecordType.name(forRawValue: type))) has the wrong size for its type"
        case .checkpoint(let error): "the journal's checkpoint cannot be restored: \(error)"
        case .limitsChanged(let journalled, let current):
            "the journal was written under risk limits \(Self.hex(journalled)), these are \(Self.hex(current)): "
                + "a replay resumes only under the same limits (use a new journal directory)"
        case .replayDiverged(let sequence, let journalled, let produced):
            "the resumed replay diverged from the journal at record \(sequence) (journal: "
                + "\(JournalRecordType.name(forRawValue: journalled)), now: \(JournalRecordType.name(forRawValue: produced)))"
        case .recordingEndedEarly(let frames, let journalFrames):
            "the recording ended after \(frames) frames, but the journal covers \(journalFrames)"
        }
    }

    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
