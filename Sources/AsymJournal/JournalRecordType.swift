/// What a journal record holds; the raw value is stored in every record, so values never change.
///
/// The journal stores payload bytes with a type; the payload structs are owned by the modules that produce them
/// (signals, risk, execution, consensus). Raw value 0 is never used, so zeroed bytes never parse as a record.
public enum JournalRecordType: UInt16, CaseIterable, Sendable {
    /// Hash of the effective configuration, written first after every start.
    case configHash = 1
    /// A signal from the strategy.
    case signal = 2
    /// The risk gate approved an order intent.
    case riskApproved = 3
    /// The risk gate denied an order intent; the payload carries the machine-readable reason.
    case riskDenied = 4
    /// An order as it was sent to the venue.
    case orderSubmitted = 5
    /// Any later order state change (acknowledged, rejected, cancel requested, cancelled, expired, replaced).
    case orderStateChange = 6
    /// A fill (partial or full).
    case fill = 7
    /// A position snapshot, local or reconciled with the venue.
    case positionSnapshot = 8
    /// One AI analyst's vote.
    case aiVote = 9
    /// The advisory bias published to the hot path.
    case publishedBias = 10
    /// Trading state changed (active, reducing, halted).
    case tradingStateChange = 11
    /// The kill switch fired or was reset.
    case killSwitch = 12
    /// Position in the source recording (replay and backtest only), so a run can be resumed or audited.
    case replayPosition = 13
    /// One fragment of an AI analyst request as sent (API key redacted); see `AsymConsensus.AITextFragment`.
    case aiRequest = 14
    /// One fragment of an AI analyst response body as received.
    case aiResponse = 15
    /// One part of an engine checkpoint: the engine's execution and risk state at a frame boundary, split over
    /// consecutive records (recovery restarts from the last complete one).
    case sessionCheckpoint = 16
    /// Tests, benchmarks and health probes; never engine data.
    case diagnostic = 0xFFFF

    /// The snake_case name used in `asym journal inspect` output.
    public var name: String {
        switch self {
        case .configHash: "config_hash"
        case .signal: "signal"
        case .riskApproved: "risk_approved"
        case .riskDenied: "risk_denied"
        case .orderSubmitted: "order_submitted"
        case .orderStateChange: "order_state_change"
        case .fill: "fill"
        case .positionSnapshot: "position_snapshot"
        case .aiVote: "ai_vote"
        case .publishedBias: "published_bias"
        case .tradingStateChange: "trading_state_change"
        case .killSwitch: "kill_switch"
        case .replayPosition: "replay_position"
        case .aiRequest: "ai_request"
        case .aiResponse: "ai_response"
        case .sessionCheckpoint: "session_checkpoint"
        case .diagnostic: "diagnostic"
        }
    }

    /// The name for a raw type value read from disk: the case name, or `unknown_<n>` for a value this build lacks.
    public static func name(forRawValue rawValue: UInt16) -> String {
        JournalRecordType(rawValue: rawValue)?.name ?? "unknown_\(rawValue)"
    }
}
