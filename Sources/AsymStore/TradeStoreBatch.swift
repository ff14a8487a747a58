/// The rows that a run of journal records adds, grouped by table, written to the store in one transaction.
///
/// Decoders add rows for the record being decoded (`sequence`, `runID`, `time` are filled in for tables that
/// have those columns). Rows of tables with an update rule (`orders`, `runs`, `meta`, `instruments`) are merged
/// per key inside the batch, so each key is written once per transaction (PostgreSQL refuses to update one row
/// twice in a multi-row `INSERT … ON CONFLICT DO UPDATE`).
public struct TradeStoreBatch {
    /// Tables in the order they were first written.
    public private(set) var tables: [StoreTable] = []
    /// Rows per table name, positional in the table's column order.
    public private(set) var rows: [String: [[StoreValue]]] = [:]
    /// For merged tables: key values to the row's index.
    var keyedRows: [String: [[StoreValue]: Int]] = [:]

    /// The journal sequence of the record being decoded.
    public internal(set) var sequence: UInt64 = 0
    /// The run it belongs to (sequence of the run's config-hash record; 0 before any).
    public internal(set) var runID: UInt64 = 0
    /// The record's engine time, ns.
    public internal(set) var time: Int64 = 0
    /// Journal records decoded into this batch (stored or skipped).
    public internal(set) var records = 0

    public init() {}

    /// Whether no row has been added.
    public var isEmpty: Bool { rows.isEmpty }

    /// Rows waiting for `table`.
    public func rowCount(_ table: StoreTable) -> Int { rows[table.name]?.count ?? 0 }

    /// Adds a row to `table`: columns named in `values`, plus `seq`, `run_id` and `time` from the current
    /// record where the table has them and `values` does not; every other column is NULL.
    ///
    /// For a table with an update rule, a second row with the same key replaces the columns listed in
    /// `merging` (every given column when nil) of the row already in the batch.
    public mutating func add(_ table: StoreTable, _ values: KeyValuePairs<String, StoreValue>, merging: [String]? = nil) {
        var row = [StoreValue](repeating: .null, count: table.columns.count)
        var given = [Bool](repeating: false, count: table.columns.count)
        for (name, value) in values {
            guard let index = table.index(of: name) else { preconditionFailure("\(table.name) has no column \(name)") }
            row[index] = value
            given[index] = true
        }
        for (name, value) in [("seq", StoreValue.int(sequence)), ("run_id", .int(runID)), ("time", .integer(time))] {
            if let index = table.index(of: name), !given[index] { row[index] = value }
        }
        if rows[table.name] == nil {
            tables.append(table)
            rows[table.name] = []
        }
        guard case .update = table.conflict else {
            rows[table.name]!.append(row)
            return
        }
        let key = table.primaryKey.map { row[table.index(of: $0)!] }
        if let existing = keyedRows[table.name]?[key] {
            let replaced = merging.map { names in names.map { table.index(of: $0)! } } ?? Array(table.columns.indices)
            for index in replaced { rows[table.name]![existing][index] = row[index] }
        } else {
            keyedRows[table.name, default: [:]][key] = rows[table.name]!.count
            rows[table.name]!.append(row)
        }
    }

    /// Adds one AI analyst's vote (`ai_votes`) for the current record: the hook for the consensus module's vote
    /// record, so its decoder is a few lines.
    public mutating func addAIVote(round: Int64, model: String, action: String, confidence: Double) {
        add(TradeStoreSchema.aiVotes, [
            "round": .integer(round), "model": .text(model), "action": .text(action), "confidence": .real(confidence),
        ])
    }

    /// Empties the batch, keeping the record context.
    mutating func removeAll() {
        tables.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        keyedRows.removeAll(keepingCapacity: true)
        records = 0
    }
}
