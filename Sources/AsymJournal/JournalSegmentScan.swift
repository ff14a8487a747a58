/// What walking one segment found: its records' range, where the valid bytes end and what follows them.
struct JournalSegmentScan {
    /// How the walk ended.
    enum Ending: Equatable {
        /// Every byte belonged to a valid record.
        case clean
        /// Bytes from `offset` to the end form no valid record and none follows: an interrupted write.
        case torn(offset: Int)
        /// The record at `offset` is damaged and a valid record starts at `resumeAt`: damage, not a torn tail.
        case corrupt(offset: Int, resumeAt: Int)
    }

    /// The header, or nil when it was missing or damaged.
    var header: JournalSegmentHeader?
    /// Valid records seen.
    var records = 0
    /// The first and last valid sequence numbers seen.
    var firstSequence: UInt64?
    var lastSequence: UInt64?
    /// The offset just past the last valid record (or the header); appending resumes here.
    var validEnd = 0
    /// The file's size.
    var fileSize = 0
    /// How the walk ended (with a skipping walk, the last damage seen is in `corruptOffsets`).
    var ending = Ending.clean
    /// Offsets of damaged records that valid records follow.
    var corruptOffsets: [Int] = []
    /// Valid records whose sequence skipped ahead of the previous one plus one.
    var sequenceGaps = 0

    /// Bytes of a torn tail (0 when none).
    var tornTailBytes: Int {
        if case .torn(let offset) = ending { return fileSize - offset }
        return 0
    }
}
