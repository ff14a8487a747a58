public import AsymCore
public import AsymJournal
import Synchronization

/// Feeds a trade store from the journal, off the hot path: each `ingest` reads the records after the last one
/// stored, decodes them into rows and writes them in transactions of `batchSize` records, each of which also
/// records the new last sequence. Re-ingesting the same journal adds nothing; after the engine has appended more,
/// only the new records are added.
///
/// A record that cannot be decoded (unknown type, no decoder, wrong payload size, invalid enum byte) is counted
/// in the summary by reason and skipped, never loaded blindly. Damage in the middle of the journal stops the pass
/// there (`JournalReader.CorruptionPolicy.stop`, the default) and is reported in `IngestSummary.journal`.
///
/// Threads: call `ingest` from one background thread at a time (concurrent calls are serialised); the journal
/// may be written meanwhile: a half-written tail is not read until it is complete.
///
/// - Complexity: each pass scans the journal from its first segment (the reader has no seek), decoding only
///   records after the last stored one.
public final class TradeStoreWriter: Sendable {
    /// The store written to.
    public let store: any TradeStore
    /// Symbols by instrument id, written to `instruments`.
    public let instruments: [InstrumentID: String]
    /// Records per transaction.
    public let batchSize: Int
    public let corruptionPolicy: JournalReader.CorruptionPolicy
    /// How many skipped records `IngestSummary.skippedSamples` lists.
    public static let skipSampleLimit = 32

    private let decoders: [UInt16: any TradeStoreRecordDecoder]
    private let ingestLock = Mutex(())

    /// The decoders for every payload the engine journals today (all but AI votes and published biases).
    public static let standardDecoders: [any TradeStoreRecordDecoder] = [
        SignalStoreDecoder(), RiskDecisionStoreDecoder(), ExecutionEventStoreDecoder(), PositionSnapshotStoreDecoder(),
        TradingStateStoreDecoder(), ReplayPositionStoreDecoder(), JournalOnlyStoreDecoder(),
    ]

    /// A writer into `store` (whose schema is already prepared by its initialiser). `decoders` are added to the
    /// standard ones and replace them for the same record types (the consensus module's AI votes).
    public init(store: any TradeStore, instruments: [InstrumentID: String] = [:],
                decoders: [any TradeStoreRecordDecoder] = [], batchSize: Int = 4096,
                corruptionPolicy: JournalReader.CorruptionPolicy = .stop) {
        precondition(batchSize > 0, "batch size must be positive")
        self.store = store
        self.instruments = instruments
        self.batchSize = batchSize
        self.corruptionPolicy = corruptionPolicy
        var table: [UInt16: any TradeStoreRecordDecoder] = [:]
        for decoder in Self.standardDecoders + decoders {
            for type in decoder.recordTypes { table[type.rawValue] = decoder }
        }
        self.decoders = table
    }

    /// Stores the records of the journal in `journalDirectory` that follow the last one stored.
    ///
    /// - Throws: `.journal` when the directory cannot be read, `.journalBehindStore`/`.journalMismatch` when it
    ///   is not the journal the store was fed from, and the store's errors. Transactions committed before an
    ///   error stay committed (each one is consistent with its recorded last sequence).
    public func ingest(journalDirectory: String) throws(TradeStoreError) -> IngestSummary {
        try ingestLock.withLock { _ throws(TradeStoreError) -> IngestSummary in
            var pass = IngestPass(writer: self, state: try IngestState(store: store))
            let reader = JournalReader(directory: journalDirectory, corruptionPolicy: corruptionPolicy)
            do throws(JournalError) {
                pass.summary.journal = try reader.forEach { record in pass.consume(record) }
            } catch {
                throw .journal(error)
            }
            return try pass.finish()
        }
    }

    /// The decoder for a raw record type.
    func decoder(for rawType: UInt16) -> (any TradeStoreRecordDecoder)? { decoders[rawType] }
}
