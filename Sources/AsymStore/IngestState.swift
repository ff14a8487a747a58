/// The store's ingest bookkeeping (`meta` and the latest `runs` row), loaded at the start of a pass.
struct IngestState {
    struct Run {
        var id: UInt64
        var configHash: String
        var startedTime: Int64
        var firstSequence: UInt64
        var lastSequence: UInt64
        var records: Int64
    }

    var firstSequence: UInt64
    var lastSequence: UInt64
    var lastTime: Int64
    var recordsStored: Int64
    var recordsSkipped: Int64
    var run: Run?

    init(store: any TradeStore) throws(TradeStoreError) {
        let meta = try store.metaValues()
        firstSequence = UInt64(max(0, meta["first_sequence"] ?? 0))
        lastSequence = UInt64(max(0, meta["last_sequence"] ?? 0))
        lastTime = meta["last_record_time"] ?? 0
        recordsStored = meta["records_stored"] ?? 0
        recordsSkipped = meta["records_skipped"] ?? 0
        if let row = try store.rows(of: TradeStoreSchema.runs).last,
           let id = row[0].integerValue, let hash = row[1].textValue, let started = row[2].integerValue,
           let first = row[3].integerValue, let last = row[4].integerValue, let records = row[5].integerValue {
            run = Run(id: UInt64(id), configHash: hash, startedTime: started, firstSequence: UInt64(first),
                      lastSequence: UInt64(last), records: records)
        }
    }

    var metaValues: [(String, Int64)] {
        [
            ("schema_version", TradeStoreSchema.version), ("first_sequence", Int64(firstSequence)),
            ("last_sequence", Int64(lastSequence)), ("last_record_time", lastTime),
            ("records_stored", recordsStored), ("records_skipped", recordsSkipped),
        ]
    }
}
