/// The trade store's tables, defined once and rendered to SQLite or PostgreSQL DDL (`StoreTable`,
/// `StoreColumnType.name(in:)`).
///
/// Every table fed by journal records is keyed by the record's sequence (`seq`) and written with
/// `ON CONFLICT DO NOTHING`, so ingesting the same journal twice adds nothing; each also carries `run_id` (the
/// sequence of the run's config-hash record, 0 before the first) and `time` (the record's engine time, ns).
/// Prices are integer ticks of the instrument (`*_ticks`), sizes integer lots; `instruments` names the ids.
public enum TradeStoreSchema {
    /// Stored in `meta` as `schema_version`; a store written by another version is refused.
    public static let version: Int64 = 1

    /// The three columns every journal-fed table starts with.
    static func journalled(_ name: String, _ columns: [StoreColumn], indexes: [StoreIndex] = []) -> StoreTable {
        StoreTable(name: name,
                   columns: [StoreColumn("seq", .integer), StoreColumn("run_id", .integer), StoreColumn("time", .integer)]
                       + columns,
                   primaryKey: ["seq"], indexes: indexes)
    }

    /// Ingest bookkeeping, one integer per name: `schema_version`, `first_sequence`, `last_sequence`,
    /// `last_record_time` (to recognise the same journal next time), `records_stored`, `records_skipped`.
    public static let meta = StoreTable(
        name: "meta", columns: [StoreColumn("name", .text), StoreColumn("value", .integer)], primaryKey: ["name"],
        conflict: .update(assignments: "value = excluded.value", condition: nil))

    /// One row per engine run: the config-hash record that opens it and the journal range it covers.
    public static let runs = StoreTable(
        name: "runs",
        columns: [
            StoreColumn("run_id", .integer), StoreColumn("config_hash", .text), StoreColumn("started_time", .integer),
            StoreColumn("first_sequence", .integer), StoreColumn("last_sequence", .integer),
            StoreColumn("records", .integer),
        ],
        primaryKey: ["run_id"],
        conflict: .update(assignments: "last_sequence = excluded.last_sequence, records = excluded.records",
                          condition: "runs.last_sequence < excluded.last_sequence"))

    /// Instrument ids as the engine numbered them, and their symbols.
    public static let instruments = StoreTable(
        name: "instruments", columns: [StoreColumn("instrument_id", .integer), StoreColumn("symbol", .text)],
        primaryKey: ["instrument_id"], conflict: .update(assignments: "symbol = excluded.symbol", condition: nil))

    /// Every signal the strategy produced.
    public static let signals = journalled("signals", [
        StoreColumn("instrument_id", .integer), StoreColumn("direction", .text), StoreColumn("source", .text),
        StoreColumn("regime", .text), StoreColumn("confidence", .real), StoreColumn("expected_edge_bps", .real),
        StoreColumn("spoof_score", .real), StoreColumn("risk_penalty", .real), StoreColumn("atr_fraction", .real),
        StoreColumn("reference_price_ticks", .integer), StoreColumn("stop_price_ticks", .integer),
        StoreColumn("take_profit_price_ticks", .integer), StoreColumn("frame_receive_time", .integer),
    ])

    /// Every risk-gate decision; `reason` is the `DenialReason` name (NULL when approved).
    public static let decisions = journalled("decisions", [
        StoreColumn("decision_id", .integer), StoreColumn("instrument_id", .integer), StoreColumn("kind", .text),
        StoreColumn("direction", .text), StoreColumn("approved", .integer), StoreColumn("reason", .text, nullable: true),
        StoreColumn("reason_code", .integer), StoreColumn("lots", .integer), StoreColumn("equity", .real),
        StoreColumn("margin_in_use", .real), StoreColumn("confidence", .real), StoreColumn("spoof_score", .real),
        StoreColumn("risk_penalty", .real),
    ], indexes: [StoreIndex(name: "reason", columns: ["reason"], unique: false)])

    /// The denials among `decisions`.
    public static let denials = StoreView(name: "denials", source: decisions, condition: "approved = 0")

    /// One row per client order id with its latest state (submissions insert, later events update).
    public static let orders = StoreTable(
        name: "orders",
        columns: [
            StoreColumn("client_order_id", .text), StoreColumn("run_id", .integer),
            StoreColumn("instrument_id", .integer), StoreColumn("side", .text), StoreColumn("intent", .text),
            StoreColumn("price_ticks", .integer), StoreColumn("lots", .integer), StoreColumn("filled_lots", .integer),
            StoreColumn("state", .text), StoreColumn("reject_reason", .text, nullable: true),
            StoreColumn("created_time", .integer), StoreColumn("updated_time", .integer),
            StoreColumn("created_sequence", .integer), StoreColumn("updated_sequence", .integer),
        ],
        primaryKey: ["client_order_id"],
        conflict: .update(
            assignments: "state = excluded.state, filled_lots = excluded.filled_lots, "
                + "updated_time = excluded.updated_time, updated_sequence = excluded.updated_sequence, "
                + "reject_reason = COALESCE(excluded.reject_reason, orders.reject_reason)",
            condition: "orders.updated_sequence < excluded.updated_sequence"))

    /// Every order event: submissions, state changes, fills and alerts (`kind`), with the order's state after it.
    public static let orderEvents = journalled("order_events", [
        StoreColumn("client_order_id", .text), StoreColumn("instrument_id", .integer), StoreColumn("kind", .text),
        StoreColumn("state", .text), StoreColumn("side", .text), StoreColumn("intent", .text),
        StoreColumn("price_ticks", .integer), StoreColumn("lots", .integer), StoreColumn("filled_lots", .integer),
        StoreColumn("trade_id", .text), StoreColumn("fee", .real), StoreColumn("liquidity", .text),
        StoreColumn("reject_reason", .text, nullable: true),
    ], indexes: [StoreIndex(name: "order", columns: ["client_order_id"], unique: false)])

    /// Every fill; a venue trade id is unique per order (0 marks a fill reconstructed from a query).
    public static let fills = journalled("fills", [
        StoreColumn("client_order_id", .text), StoreColumn("trade_id", .text), StoreColumn("instrument_id", .integer),
        StoreColumn("side", .text), StoreColumn("intent", .text), StoreColumn("price_ticks", .integer),
        StoreColumn("lots", .integer), StoreColumn("fee", .real), StoreColumn("liquidity", .text),
        StoreColumn("order_filled_lots", .integer),
    ], indexes: [StoreIndex(name: "trade", columns: ["client_order_id", "trade_id"], unique: true,
                            where: "trade_id <> '0'")])

    /// Position snapshots (after every fill and on the equity interval); prices in ticks, money in quote.
    public static let positions = journalled("positions", [
        StoreColumn("instrument_id", .integer), StoreColumn("lots", .integer),
        StoreColumn("average_entry_price_ticks", .real), StoreColumn("mark_price_ticks", .real),
        StoreColumn("realized_pnl", .real), StoreColumn("fees", .real), StoreColumn("unrealized_pnl", .real),
    ])

    /// The account at each position snapshot: wallet balance, equity and its peak (quote currency). With
    /// several instruments, snapshots taken at the same time repeat the same account values.
    public static let equityCurve = journalled("equity_curve", [
        StoreColumn("wallet_balance", .real), StoreColumn("equity", .real), StoreColumn("peak_equity", .real),
    ])

    /// Trading-state changes (active, reducing, halted) and why.
    public static let tradingStates = journalled("trading_states", [
        StoreColumn("state", .text), StoreColumn("cause", .text),
    ])

    /// Kill-switch cancel-alls.
    public static let killSwitches = journalled("kill_switches", [
        StoreColumn("state", .text), StoreColumn("cause", .text),
    ])

    /// Where a replay stood in its source recording.
    public static let replayPositions = journalled("replay_positions", [
        StoreColumn("line", .integer), StoreColumn("receive_time", .integer),
    ])

    /// One AI analyst's vote per row: the model, its action and confidence, and the consensus round.
    public static let aiVotes = journalled("ai_votes", [
        StoreColumn("round", .integer), StoreColumn("model", .text), StoreColumn("action", .text),
        StoreColumn("confidence", .real),
    ])

    /// Every table, in creation and export order.
    public static let tables: [StoreTable] = [
        meta, runs, instruments, signals, decisions, orders, orderEvents, fills, positions, equityCurve,
        tradingStates, killSwitches, replayPositions, aiVotes,
    ]

    /// Every view.
    public static let views: [StoreView] = [denials]

    /// Everything `asym trades` can export, tables then views.
    public static let relations: [StoreRelation] = tables.map(StoreRelation.init) + views.map(StoreRelation.init)

    /// The relation called `name`.
    public static func relation(named name: String) -> StoreRelation? { relations.first { $0.name == name } }

    /// Every DDL statement that creates the schema in `dialect`, idempotent.
    public static func createStatements(in dialect: StoreDialect) -> [String] {
        tables.flatMap { [$0.createStatement(in: dialect)] + $0.indexStatements }
            + views.map { $0.createStatement(in: dialect) }
    }
}
