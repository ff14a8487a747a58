/// Reads a journal directory's records in sequence order across segments, read-only (it never repairs anything).
///
/// **Damage:** a torn tail on the last segment is normal after a crash: it is counted (`tornTailFound`) and not
/// delivered. Damage in the middle of a segment (a bad record with valid records after it), a bad header, or a torn
/// tail on an older segment is a CRC error: with `.stop` (the default) the pass delivers everything before it, then
/// stops and reports it, so a consumer never sees a gap silently; with `.skip` it resumes at the next valid record
/// and counts the gap (`asym journal inspect` does this to survey the whole directory).
public struct JournalReader {
    /// What to do at damage in the middle of the journal.
    public enum CorruptionPolicy: Sendable {
        /// Deliver the records before the damage, then stop (reported in the summary).
        case stop
        /// Count the damage and resume at the next valid record.
        case skip
    }

    /// The journal directory.
    public let directory: String
    /// What to do at damage.
    public let corruptionPolicy: CorruptionPolicy

    public init(directory: String, corruptionPolicy: CorruptionPolicy = .stop) {
        self.directory = directory
        self.corruptionPolicy = corruptionPolicy
    }

    /// Calls `body` for each valid record in sequence order; the record's payload is valid only during the call.
    ///
    /// - Complexity: O(total bytes); segments are memory-mapped one at a time.
    @discardableResult
    public func forEach(_ body: (JournalRecord) -> Void) throws(JournalError) -> JournalReadSummary {
        var summary = JournalReadSummary()
        let segments = try JournalFileSystem.segments(in: directory)
        summary.segments = segments.count
        var counts = [Int](repeating: 0, count: Int(UInt16.max) + 1)
        var previous: UInt64?
        for (index, segment) in segments.enumerated() {
            let file = try JournalMappedFile(path: segment.path)
            summary.bytes += UInt64(file.bytes.count)
            if let previous, segment.firstSequence != previous &+ 1 { summary.sequenceGaps += 1 }
            let scan = JournalSegmentScanner.scan(
                file.bytes, expectedFirstSequence: segment.firstSequence, skipCorruption: corruptionPolicy == .skip
            ) { record in
                counts[Int(record.typeRawValue)] += 1
                body(record)
            }
            if scan.records > 0 {
                if summary.firstSequence == nil { summary.firstSequence = scan.firstSequence }
                summary.lastSequence = scan.lastSequence
                summary.records += scan.records
                previous = scan.lastSequence
            } else {
                previous = segment.firstSequence &- 1
            }
            summary.sequenceGaps += scan.sequenceGaps
            for offset in scan.corruptOffsets {
                summary.crcErrors += 1
                summary.corruptions.append(JournalCorruption(path: segment.path, offset: UInt64(offset)))
            }
            if case .torn(let offset) = scan.ending {
                if index == segments.count - 1 {
                    summary.tornTailFound = true
                    summary.tornTailBytes = UInt64(scan.tornTailBytes)
                } else {
                    // Rotation commits a segment before starting the next, so an older segment never tears.
                    summary.crcErrors += 1
                    summary.corruptions.append(JournalCorruption(path: segment.path, offset: UInt64(offset)))
                    if corruptionPolicy == .stop {
                        summary.stoppedAtCorruption = true
                        break
                    }
                }
            }
            if case .corrupt = scan.ending, corruptionPolicy == .stop {
                summary.stoppedAtCorruption = true
                break
            }
        }
        for (type, count) in counts.enumerated() where count > 0 { summary.recordsByType[UInt16(type)] = count }
        return summary
    }
}
