/// One journal record of a session checkpoint (`JournalRecordType.sessionCheckpoint`): up to ten words of the
/// checkpoint's `CheckpointWriter` output. A checkpoint is its parts 0..<`parts`, in consecutive records; one
/// whose parts did not all reach the journal (a crash while writing it) is ignored by recovery.
///
/// 96 bytes with no padding, so it fits the journal's default 112-byte payload and its bytes are exactly its
/// fields.
public struct SessionCheckpointChunk: Sendable, BitwiseCopyable, Equatable {
    /// Words carried per part.
    public static let wordsPerPart = 10

    /// The checkpoint's number (1, 2, … in a run and across its resumptions).
    public var checkpoint: UInt64
    /// This part's index and the number of parts.
    public var part: UInt16
    public var parts: UInt16
    /// Words of `words` in use.
    public var count: UInt16
    /// Always 0 (explicit, so no byte of the record is padding).
    public var reserved: UInt16 = 0
    public var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Part `part` of `parts` of checkpoint `checkpoint`, carrying `source[range]` (at most `wordsPerPart`).
    public init(checkpoint: UInt64, part: Int, parts: Int, source: [UInt64], range: Range<Int>) {
        precondition(range.count <= Self.wordsPerPart && parts <= Int(UInt16.max), "checkpoint part out of range")
        self.checkpoint = checkpoint
        self.part = UInt16(part)
        self.parts = UInt16(parts)
        count = UInt16(range.count)
        words = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        for index in range { self[index - range.lowerBound] = source[index] }
    }

    /// The `index`-th word (`0..<wordsPerPart`).
    public subscript(index: Int) -> UInt64 {
        get {
            switch index {
            case 0: words.0
            case 1: words.1
            case 2: words.2
            case 3: words.3
            case 4: words.4
            case 5: words.5
            case 6: words.6
            case 7: words.7
            case 8: words.8
            case 9: words.9
            default: preconditionFailure("checkpoint word index out of range")
            }
        }
        set {
            switch index {
            case 0: words.0 = newValue
            case 1: words.1 = newValue
            case 2: words.2 = newValue
            case 3: words.3 = newValue
            case 4: words.4 = newValue
            case 5: words.5 = newValue
            case 6: words.6 = newValue
            case 7: words.7 = newValue
            case 8: words.8 = newValue
            case 9: words.9 = newValue
            default: preconditionFailure("checkpoint word index out of range")
            }
        }
    }

    public static func == (lhs: SessionCheckpointChunk, rhs: SessionCheckpointChunk) -> Bool {
        guard lhs.checkpoint == rhs.checkpoint, lhs.part == rhs.part, lhs.parts == rhs.parts, lhs.count == rhs.count else {
            return false
        }
        for index in 0..<Self.wordsPerPart where lhs[index] != rhs[index] { return false }
        return true
    }
}
