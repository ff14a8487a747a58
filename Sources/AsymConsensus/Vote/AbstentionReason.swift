/// Why an analyst's vote did not count in a round. Every abstention is counted per analyst and per reason.
public enum AbstentionReason: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    /// The per-model timeout expired (no answer, or a drip too slow).
    case timeout = 1
    /// 429 on every attempt, or a `Retry-After` longer than the configured maximum wait.
    case rateLimited = 2
    /// 5xx on every attempt.
    case serverError = 3
    /// Another HTTP status (400, 401, 404, …).
    case httpStatus = 4
    /// The connection failed (refused, reset, TLS, DNS) on every attempt.
    case transport = 5
    /// No JSON reply could be found: not a chat completion, cut short, or no JSON object in the content.
    case unparseable = 6
    /// JSON found, but a field is missing, mistyped or out of range.
    case outOfRange = 7
    /// The request budget (requests per minute or tokens per day) had no room.
    case budgetExhausted = 8
    /// Replay: the journal has no vote for this analyst in this round.
    case notRecorded = 9

    /// snake_case, for logs and metrics.
    public var description: String {
        switch self {
        case .timeout: "timeout"
        case .rateLimited: "rate_limited"
        case .serverError: "server_error"
        case .httpStatus: "http_status"
        case .transport: "transport"
        case .unparseable: "unparseable"
        case .outOfRange: "out_of_range"
        case .budgetExhausted: "budget_exhausted"
        case .notRecorded: "not_recorded"
        }
    }
}
