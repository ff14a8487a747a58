/// Walks the records of one mapped segment, telling a torn tail (truncate it) from damage in the middle (report it).
///
/// The rule: at the first record that is short, has a length past the end, or fails its CRC, search the rest of the
/// segment for a valid record with a higher sequence. None: a torn tail (an interrupted append). One: damage, with
/// durable records after it that must not be thrown away.
enum JournalSegmentScanner {
    /// Walks `bytes` (a whole segment), calling `visit` for every valid record in order.
    ///
    /// - Parameters:
    ///   - expectedFirstSequence: the sequence in the file name; a header that disagrees counts as damaged.
    ///   - skipCorruption: continue at the next valid record after damage (inspect) rather than stop there.
    /// - Complexity: O(n) over the segment; after damage, the search for the next valid record is O(n) byte offsets
    ///   with a cheap filter before each CRC.
    static func scan(_ bytes: UnsafeRawBufferPointer, expectedFirstSequence: UInt64, skipCorruption: Bool,
                     visit: (JournalRecord) -> Void) -> JournalSegmentScan {
        var scan = JournalSegmentScan()
        scan.fileSize = bytes.count
        var previous = expectedFirstSequence &- 1
        var offset = JournalSegmentHeader.size
        if let header = JournalSegmentHeader.decode(bytes), header.firstSequence == expectedFirstSequence {
            scan.header = header
            scan.validEnd = offset
        } else {
            // A header that never reached the disk is a torn tail like any other; a damaged one before records is not.
            guard let resume = nextValidRecord(bytes, from: offset, after: previous) else {
                scan.ending = .torn(offset: 0)
                return scan
            }
            scan.corruptOffsets.append(0)
            scan.ending = .corrupt(offset: 0, resumeAt: resume)
            guard skipCorruption else { return scan }
            offset = resume
        }
        while offset < bytes.count {
            if let record = JournalRecordLayout.decode(bytes, at: offset), record.sequence > previous {
                if record.sequence != previous &+ 1 { scan.sequenceGaps += 1 }
                visit(record)
                if scan.firstSequence == nil { scan.firstSequence = record.sequence }
                scan.lastSequence = record.sequence
                scan.records += 1
                previous = record.sequence
                offset += JournalRecordLayout.overhead + record.payload.count
                scan.validEnd = offset
                continue
            }
            guard let resume = nextValidRecord(bytes, from: offset + 1, after: previous) else {
                scan.ending = .torn(offset: offset)
                return scan
            }
            scan.corruptOffsets.append(offset)
            scan.ending = .corrupt(offset: offset, resumeAt: resume)
            guard skipCorruption else { return scan }
            offset = resume
        }
        if case .corrupt = scan.ending, skipCorruption { return scan }
        scan.ending = .clean
        return scan
    }

    /// The offset of the first valid record at or after `start` whose sequence is above `previous`.
    static func nextValidRecord(_ bytes: UnsafeRawBufferPointer, from start: Int, after previous: UInt64) -> Int? {
        guard bytes.count >= JournalRecordLayout.overhead else { return nil }
        let last = bytes.count - JournalRecordLayout.overhead
        guard start <= last else { return nil }
        for offset in start...last {
            // Cheap filter first: a plausible sequence just above the last good one, then the full decode and CRC.
            let sequence = JournalRecordLayout.peekSequence(bytes, at: offset)
            guard sequence > previous, sequence &- previous <= 1 << 32 else { continue }
            if JournalRecordLayout.decode(bytes, at: offset) != nil { return offset }
        }
        return nil
    }
}
