public import AsymJournal

/// What one `TradeStoreWriter.ingest` pass did.
public struct IngestSummary: Sendable, Equatable {
    /// The last sequence stored before the pass (0 for a new store) and after it.
    public var previousSequence: UInt64 = 0
    public var lastSequence: UInt64 = 0
    /// Journal records after `previousSequence` that the pass read.
    public var recordsRead = 0
    /// Records at or before `previousSequence`, already in the store and passed over.
    public var recordsAlreadyStored = 0
    /// Records stored as rows (every read record is either stored or skipped).
    public var recordsStored = 0
    /// Records skipped, by reason.
    public var skipped: [RecordSkipReason: Int] = [:]
    /// The first skipped records (at most `TradeStoreWriter.skipSampleLimit`), for the report.
    public var skippedSamples: [SkippedRecord] = []
    /// Rows each table gained or changed (`orders` counts updates too; a row already stored counts nothing).
    public var rowsWritten: [String: Int] = [:]
    /// Transactions committed.
    public var transactions = 0
    /// The journal reader's counters (nil until the journal was read): segments, torn tail, damage
    /// (`stoppedAtCorruption`: the pass stopped at damage in the middle of the journal, and the records after it
    /// were not read).
    public var journal: JournalReadSummary?

    public init() {}

    /// Records skipped in all.
    public var recordsSkipped: Int { skipped.values.reduce(0, +) }

    /// Rows written to `table`.
    public func rows(_ table: String) -> Int { rowsWritten[table] ?? 0 }

    /// A few lines for a person.
    public var text: String {
        var lines = [recordsRead == 0
            ? "no new records: the store holds the journal up to sequence \(lastSequence)"
            : "read \(recordsRead) new record(s) (sequences \(previousSequence + 1)...\(lastSequence)), "
                + "stored \(recordsStored), skipped \(recordsSkipped), already stored \(recordsAlreadyStored), "
                + "\(transactions) transaction(s)"]
        let tables = rowsWritten.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        if !tables.isEmpty { lines.append("  rows: " + tables.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        for (reason, count) in skipped.sorted(by: { $0.value > $1.value }) { lines.append("  skipped \(count): \(reason)") }
        if let journal, journal.stoppedAtCorruption {
            lines.append("  stopped at journal damage: \(journal.corruptions.first.map { "\($0.path) offset \($0.offset)" } ?? "")")
        }
        if let journal, journal.tornTailFound { lines.append("  torn tail of \(journal.tornTailBytes) byte(s) not read") }
        return lines.joined(separator: "\n")
    }
}
